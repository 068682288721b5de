"""Turning one source into a briefing: its kind, letter fields, publication date, actors
(registry names and people found from Dutch patterns), quotations and their speakers,
roles, figures and topics. Every function here depends only on its arguments.

`briefing.extract_briefing` is the entry point; `dutch` holds the word lists and
patterns of Dutch that the rules share."""
