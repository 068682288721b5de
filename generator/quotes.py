"""Quotations and who said them, by Dutch reporting patterns.

Quotation marks: „…”, “…”, "…", ‘…’ and '…'. One to three words without end
punctuation are scare quotes, not quotations. The speaker is found by, in order:
- a reporting verb after the quote: `“…”, zei X`, `aldus X`, `verklaarde hij`;
- a reporting verb or colon before it in the same sentence: `X zei: “…”`, `Volgens X … “…”`;
- a quotation that continues over paragraphs keeps its speaker.
A pronoun or a role word (`hij`, `de president`, `de NAVO-baas`) means the last
person named before the quote. When none of this applies the speaker is left
empty rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from generator.roles import is_role_word
from generator.spans import SpanSet

_PAIRS = [
    re.compile(r"„([^„“”\n]+?)[”“]"),
    re.compile(r"“([^“”\n]+?)”"),
    re.compile(r'(?<![\w])"([^"\n]+?)"'),
    re.compile(r"(?<![\w])‘([^‘’\n]+?)’(?![\w])"),
    re.compile(r"(?<![\w'])'(?!s\s)([^'\n]+?)'(?![\w])"),
]
# An opening mark whose quotation runs to the end of the paragraph (continued in the next one).
_OPEN_TO_END = re.compile(r"(?:^|(?<=\s))[„“]([^„“”\n]+)$", re.MULTILINE)
_VERBS = (
    r"zei|zegt|zeggen|zeiden|aldus|verklaarde|verklaart|verklaarden|stelde|stelt|schreef|schrijft|meldde|meldt|benadrukte|benadrukt|"
    r"waarschuwde|waarschuwt|reageerde|reageert|antwoordde|antwoordt|concludeerde|vervolgde|vroeg|riep|tweette|twitterde|"
    r"noemde|noemt|zo zei|voegde|liet|sprak|betoogde|erkende|erkent|beloofde|herhaalde|onderstreepte|klonk het|klinkt het"
)
_AFTER = re.compile(rf"[\s,]*(?:{_VERBS})\b([^.;!?\n]{{0,100}})")
# A reporting verb in the sentence before the quote: "X zei: “…”", "X zei woensdag dat … “…”".
_VERB_BEFORE = re.compile(rf"\b(?:{_VERBS})\b(?=[^.!?]*(?::\s*\Z|\bdat\b))")
_VOLGENS = re.compile(r"\b[Vv]olgens\s+(.{1,80}?)(?:[,.]|\s(?:is|zijn|kan|kunnen|moet|moeten|heeft|hebben|zou|zouden|zal|zullen|wil|willen)\b)")
_PRONOUN = re.compile(r"\b(?:hij|zij|ze)\b")
_OFFICE = re.compile(r"\b(?:kantoor|woordvoerder|woordvoerster|ministerie|kabinet|regering|staf)\s+van\s*\Z")


@dataclass(frozen=True)
class Mention:
    """An actor named at a span of the text; kind as in the registry."""

    actor_id: str
    kind: str
    start: int
    end: int


class MentionIndex:
    """Mentions sorted by position, with the look-ups attribution needs in logarithmic time."""

    def __init__(self, mentions: list[Mention]):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        self.people = [m for m in self.items if m.kind == "person"]
        self.people_ends = [m.end for m in self.people]

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside [start, end)."""
        i, j = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.items[i:j] if m.end <= end]

    def last_person_before(self, position: int) -> str | None:
        i = bisect_right(self.people_ends, position)
        return self.people[i - 1].actor_id if i else None


@dataclass(frozen=True)
class QuoteSpan:
    text: str
    start: int
    end: int
    continued: bool = False  # runs on from a quote in the paragraph before


def _is_quotation(text: str) -> bool:
    words = text.split()
    return len(words) > 3 or bool(re.search(r"[.!?…,;]", text.strip()[-1:] or ""))


def find_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    taken = SpanSet()
    for regex in _PAIRS:
        for match in regex.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            if _is_quotation(match.group(1)):
                spans.append(QuoteSpan(" ".join(match.group(1).split()), start, end))
    for match in _OPEN_TO_END.finditer(text):
        start, end = match.span()
        if taken.overlaps(start, end) or not _is_quotation(match.group(1)):
            continue
        taken.add(start, end)
        spans.append(QuoteSpan(" ".join(match.group(1).split()), start, end))
    spans.sort(key=lambda q: q.start)
    # A quote opening a paragraph right after a paragraph whose quote stayed open continues it.
    result = []
    for span in spans:
        previous = result[-1] if result else None
        gap = text[previous.end:span.start] if previous else ""
        continued = bool(previous and previous.end == _paragraph_end(text, previous.start) and re.fullmatch(r"\s*\n\s*\n\s*", gap))
        result.append(QuoteSpan(span.text, span.start, span.end, continued))
    return result


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _speaker_in(phrase_start: int, phrase_end: int, mentions: MentionIndex, before: int, text: str) -> str | None:
    """Who a reporting phrase (`Stoltenberg vrijdag`, `hij`, `de NAVO-baas`, `het Kremlin`) names."""
    phrase = text[phrase_start:phrase_end]
    words = phrase.split()
    if words and _PRONOUN.fullmatch(words[0]):
        return mentions.last_person_before(before)
    inside = mentions.within(phrase_start, phrase_end)
    people = [m for m in inside if m.kind == "person"]
    if people:
        return people[0].actor_id
    if any(is_role_word(w) for w in words[:3]):
        return mentions.last_person_before(before)
    for mention in inside[:1]:
        surface = text[mention.start:mention.end]
        if _OFFICE.search(text[phrase_start:mention.start]) or surface.endswith(("se", "sche")):
            return None  # "het kantoor van X", "Oekraïense functionarissen"
        return mention.actor_id
    return None


def attribute(text: str, span: QuoteSpan, mentions: MentionIndex) -> str | None:
    """The actor id of who said the quote, or None when the text does not make it clear."""
    after = _AFTER.match(text, span.end)
    if after:
        return _speaker_in(after.start(1), after.end(1), mentions, span.start, text)
    sentence_start = max(text.rfind(". ", 0, span.start), text.rfind("\n", 0, span.start)) + 1
    before = text[sentence_start:span.start]
    volgens = _VOLGENS.search(before)
    if volgens:
        return _speaker_in(sentence_start + volgens.start(1), sentence_start + volgens.end(1), mentions, span.start, text)
    verb = _VERB_BEFORE.search(before)
    if verb:
        # "X zei: “…”", "X zei woensdag dat … “…”": the subject is named just before the verb.
        verb_at = sentence_start + verb.start()
        subject = mentions.within(sentence_start, verb_at)
        if subject:
            if _OFFICE.search(text[sentence_start:subject[-1].start]):
                return None  # "het kantoor van X verklaarde": the office speaks, not X
            return _speaker_in(subject[-1].start, verb_at, mentions, span.start, text)
        if _PRONOUN.search(text[sentence_start:verb_at]):
            return mentions.last_person_before(span.start)
    if before.rstrip().endswith(":"):
        # "Zelenskyy deelde een foto met het bijschrift: “…”": the person the sentence is about.
        people = [m for m in mentions.within(sentence_start, span.start) if m.kind == "person"]
        if people:
            return people[0].actor_id
    return None


def find_quotes(text: str, mentions: list[Mention]) -> list[tuple[str | None, str]]:
    """(speaker actor id or None, quoted text) in text order."""
    spans = find_quote_spans(text)
    index = MentionIndex(mentions)
    speakers = [attribute(text, span, index) for span in spans]
    # A quotation that runs over paragraphs has one speaker, named at its start or its end.
    for i in range(1, len(spans)):
        if spans[i].continued and speakers[i] is None:
            speakers[i] = speakers[i - 1]
    for i in range(len(spans) - 1, 0, -1):
        if spans[i].continued and speakers[i - 1] is None:
            speakers[i - 1] = speakers[i]
    # An unattributed quote right after an attributed one in the same paragraph, with nobody
    # else named in between, goes on with the same speaker.
    for i in range(1, len(spans)):
        if speakers[i] is None and speakers[i - 1] is not None:
            between = text[spans[i - 1].end:spans[i].start]
            others = [m for m in index.within(spans[i - 1].end, spans[i].start) if m.kind == "person" and m.actor_id != speakers[i - 1]]
            if "\n" not in between and not others and len(between) < 200:
                speakers[i] = speakers[i - 1]
    return [(speaker, span.text) for speaker, span in zip(speakers, spans, strict=True)]
