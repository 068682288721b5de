"""Turning one source into a briefing: its kind, letter fields, publication date, actors
(registry names and people found from Dutch patterns), quotations and their speakers,
roles, figures and topics. Every function here depends only on its arguments.

`briefing.extract_briefing` is the entry point. The modules, in the order data flows:

- `dutch`: the words and patterns of Dutch the rules share (capitals, name particles, role
  words, months and weekdays, quotation marks, reporting verbs); `lexicon`: word lists as data.
- `text`: paragraphs, the three sentence splitters, headlines and leads; `spans`: actor spans
  and sets of spans; `scan`: a regex match widened to a word before it.
- `dates`: Dutch dates and a source's publication date; `figures`: key figures.
- `letters`: a news dateline and a parliamentary letter's header and signatures.
- `matching`: registry names found in a text; `acronyms`: when an acronym is an organisation.
- `namelists`: given names, surnames, places and countries, and `Found`; `people`: runs of
  capitalised words that name a person; `surnames`: a surname alone named by the words around
  it; `organisations`: organisations and countries; `names`: all candidate names of a text.
- `roles`: roles in apposition (`de Britse premier Keir Starmer`).
- `actors`: a text's actor mentions, candidates and roles.
- `quotemarks`: quotation marks and the quotations they mark; `clauses` and `subjects`: the
  subject of a clause, read by small rules; `attribution`: who said a quotation, from the words
  around it; `quotes`: quotations with their speakers, and turns after speaker labels.
- `topics`: topics by their keywords.
- `briefing`: the briefing of one source.
"""
