"""Who said a quotation, from the words around it.

The speaker is found by, in order:
- a reporting verb right after the quote: `“…”, zei X`, `aldus X`, `verklaarde hij`,
  `liet de NAVO weten`, or a next sentence `Dat zegt X.`;
- the sentence before the quote: a reporting verb with its subject
  (`X zei: “…”`, `X noemde het “…”`, `Later zei hij dat “…”`, `De VS, zei hij, …`),
  `volgens X`, a colon after the subject (`X: “…”`), or a sentence whose subject is a
  person and that names nobody else (`Hij had besloten “…”`);
- for a quote that opens its sentence, the sentence before it: its reporting verb and
  subject, or the one person it is about (`Kamerlid X is tevreden. “…”`); across a
  paragraph break only a reporting verb or a colon counts;
- for a headline quote (a paragraph of its own at the top), the person the first
  sentence below it is about (`Generaal X is sinds maart commandant …`).
The subject of each of these is read by `subjects.subject`. Reporting without a speaker (`klinkt het
in Berlijn`, `zeiden zij`) names nobody, and then no other rule may fill the speaker in: the
speaker is never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.extract.clauses import NOBODY, Context, Speaker
from generator.extract.dutch import IMPERSONAL, REPORTING_VERBS
from generator.extract.quotemarks import QuoteSpan, mask, paragraph_end
from generator.extract.spans import ActorSpan, SpanSet
from generator.extract.subjects import subject
from generator.extract.text import sentence_starts

_AFTER = re.compile(rf"[\s,]*(?:zo\s+)?(?:(?P<imp>{IMPERSONAL})|(?P<verb>{REPORTING_VERBS}))\b")
_NEXT_SENTENCE = re.compile(rf"[.!?]?\s+(?:Dat|Dit|Zo)\s+(?:(?P<imp>{IMPERSONAL})|(?P<verb>{REPORTING_VERBS}))\b")
# A sentence that is a fragment of the one before it: `En om …`, `Maar vooral …`.
_FRAGMENT = re.compile(r"\s*(?:En|Maar|Of|Ook|Vooral|Zeker)\s+(?:om|ook|vooral|niet|dan|zeker|met|voor|tegen|door|zonder|dat)\b")
# A clause joined to the one before, with its own subject: `…, terwijl Y …`, `…, maar Y …`.
_JOINED_CLAUSE = re.compile(r",\s*(?:terwijl|maar|want|doch|en|zodat)\s+")
_VERB_BEFORE = re.compile(rf"\b(?:(?P<imp>{IMPERSONAL})|(?P<verb>{REPORTING_VERBS}|opmerking|woorden))\b")
_VOLGENS = re.compile(r"\b[Vv]olgens\b")
_SPACE = re.compile(r"\s*")
_PHRASE = re.compile(r"(?:[^.;!?\n„“”\"‘]|\.(?=\w)){0,100}")
_PASSIVE = re.compile(r"\b(?:door|werd|wordt|werden|worden|kreeg|kregen|krijgt)\b")


def _phrase_end(text: str, position: int) -> int:
    """Where the words after a reporting verb end: at a sentence end, a quotation mark or 100 characters."""
    return _PHRASE.match(text, position).end()


class Attribution:
    """Who said each quotation of one text."""

    def __init__(self, text: str, spans: list[QuoteSpan], mentions: list[ActorSpan]):
        self.text = text
        self.quoted = SpanSet((s.start, s.end) for s in spans)
        self.context = Context(text, self.quoted, mentions)
        self.index = self.context.index
        self.boundaries = sentence_starts(text)

    def sentence_start(self, position: int) -> int:
        i = bisect_right(self.boundaries, position) - 1
        return self.boundaries[i] if i >= 0 else 0

    # --- one quotation -----------------------------------------------------

    def attribute(self, span: QuoteSpan) -> Speaker | None:
        """The speaker of a quotation: NOBODY for a source left unnamed, None when no rule finds one."""
        found = self.verb_after(span)
        if found is not None:
            return found
        sentence_start = self.sentence_start(span.start)
        opens_sentence = not self.text[sentence_start:span.start].strip()
        if not opens_sentence:
            found = self.before(sentence_start, span.start)
            if found is not None:
                return found
        if span.continued:
            return None
        if self.is_headline(span):
            return self.below_headline(span)
        if sentence_start == 0:
            return None
        return self.sentence_before(span, sentence_start, opens_sentence)

    def verb_after(self, span: QuoteSpan) -> Speaker | None:
        """`“…”, zei X`, `“…”, aldus het ministerie`, `“…” Dat zegt X.`: the subject after the verb."""
        text = self.text
        after = _AFTER.match(text, span.end) or _NEXT_SENTENCE.match(text, span.end)
        if not after:
            return None
        if after.group("imp"):
            # "staat in de verklaring van de NAVO" names who issued it; "klinkt het in Berlijn" names nobody.
            return self.document(after.end()) if after.group("imp").startswith(("staat", "stond")) else NOBODY
        plural = after.group("verb").endswith("en")
        phrase_end = _phrase_end(text, after.end())
        found = subject(self.context, after.end(), phrase_end, after=True, plural=plural)
        if found is None and re.search(r"\w", text[after.end():phrase_end]):
            return NOBODY  # "aldus het ministerie": a source, but not one we know
        return found

    def sentence_before(self, span: QuoteSpan, sentence_start: int, opens_sentence: bool) -> Speaker | None:
        """The sentence before the quote's sentence, unless it holds a quotation (what follows a
        quote is handled in quotes.find_quotes); across a paragraph break only a reporting verb
        or a colon counts."""
        text = self.text
        previous_start = self.sentence_start(sentence_start - 1)
        if self.quoted.overlaps(previous_start, sentence_start) or not text[previous_start:sentence_start].strip():
            return None
        if not opens_sentence and self.index.people_within(sentence_start, span.start):
            return None
        new_paragraph = "\n" in text[previous_start:sentence_start]
        found = self.before(previous_start, sentence_start, strong=new_paragraph or not opens_sentence)
        if found is None and opens_sentence and not new_paragraph and _FRAGMENT.match(text, previous_start) \
                and not self.index.people_within(previous_start, sentence_start):
            # "X riep op tot steun. En om druk te zetten. “…”": a fragment goes on with the sentence before it.
            earlier = self.sentence_start(previous_start - 1)
            if earlier < previous_start and "\n" not in text[earlier:previous_start] and not self.quoted.overlaps(earlier, previous_start):
                found = self.before(earlier, previous_start)
        return found

    def is_headline(self, span: QuoteSpan) -> bool:
        """A quote that is a paragraph of its own at the top of the text (at most a header line, not a sentence, above it)."""
        line_start = self.text.rfind("\n", 0, span.start) + 1
        if self.text[line_start:span.start].strip() or self.text[span.end:paragraph_end(self.text, span.end)].strip(" .!?"):
            return False
        above = [line.strip() for line in self.text[:line_start].splitlines() if line.strip()]
        return len(above) <= 1 and not any(line.endswith((".", "!", "?", ":", "”", "“", '"', "’")) for line in above)

    def below_headline(self, span: QuoteSpan) -> Speaker | None:
        """A headline quote: said by the person the first sentence below it is about."""
        text = self.text
        below = _SPACE.match(text, paragraph_end(text, span.end)).end()
        i = bisect_right(self.boundaries, below)
        below_end = self.boundaries[i] if i < len(self.boundaries) else len(text)
        return self.before(below, below_end) if below < len(text) else None

    def document(self, position: int) -> Speaker:
        """`staat in de verklaring van de NAVO`: the organisation that issued it, if the phrase names one."""
        for mention in self.index.within(position, _phrase_end(self.text, position)):
            if mention.kind == "organisation":
                return Speaker(mention.actor_id)
        return NOBODY

    # --- the sentence before a quote ---------------------------------------

    def before(self, start: int, end: int, *, strong: bool = False) -> Speaker | None:
        """Who text[start:end] (a sentence, or its part before a quote) says is speaking.

        `strong`: only a reporting verb or a colon counts, not the subject of any sentence.
        """
        masked = mask(self.text[start:end])
        for rule in (self.reporting_verb, self.volgens, self.colon):
            found = rule(masked, start, end)
            if found is not None:
                return found
        return None if strong else self.about(masked, start, end)

    def reporting_verb(self, masked: str, start: int, end: int) -> Speaker | None:
        """`X zei: “…”`, `Later zei hij dat “…”`, `De VS, zei hij, …`: the last reporting verb's subject."""
        verbs = list(_VERB_BEFORE.finditer(masked))
        if not verbs:
            return None
        verb = verbs[-1]
        if verb.group("imp"):
            return NOBODY
        plural = verb.group().endswith("en") and verb.group() not in ("woorden",)
        clause = start + max(masked.rfind(";", 0, verb.start()), masked.rfind(":", 0, verb.start())) + 1
        before_verb = (clause, start + verb.start(), False)
        after_verb = (start + verb.end(), end, True)
        # "De VS, zei hij, blijven": a verb after a comma is followed by its subject.
        inverted = masked[:verb.start()].rstrip().endswith(",")
        for scan_start, scan_end, after in (after_verb, before_verb) if inverted else (before_verb, after_verb):
            found = subject(self.context, scan_start, scan_end, after=after, plural=plural)
            if found is not None:
                return found
        return None

    def volgens(self, masked: str, start: int, end: int) -> Speaker | None:
        """`volgens X`, `volgens haar`."""
        volgens = list(_VOLGENS.finditer(masked))
        if not volgens:
            return None
        return subject(self.context, start + volgens[-1].end(), end, after=True, volgens=True)

    def colon(self, masked: str, start: int, end: int) -> Speaker | None:
        """`X: “…”`; `X was voor, terwijl Y garanties wilde: “…”`: the clause joined last has the speaker."""
        colon = masked.rfind(":")
        if colon < 0:
            return None
        clause = start + max(masked.rfind(";", 0, colon), masked.rfind(":", 0, colon)) + 1
        joined = [m.end() for m in _JOINED_CLAUSE.finditer(masked, clause - start, colon)]
        found = subject(self.context, start + joined[-1], start + colon) if joined else None
        if found is None:
            found = subject(self.context, clause, start + colon)
        return found

    def about(self, masked: str, start: int, end: int) -> Speaker | None:
        """`Hij had besloten “…”`, `Kamerlid X is tevreden.`: the person the clause is about, when it names nobody else."""
        clause = max(masked.rfind(":"), masked.rfind(";")) + 1
        if _PASSIVE.search(masked, clause):
            return None
        found = subject(self.context, start + clause, end)
        if found is not None and found.actor_id in self.index.person_ids:
            others = {m.actor_id for m in self.index.people_within(start + clause, end)} - {found.actor_id}
            return None if others else found
        return NOBODY if found == NOBODY else None
