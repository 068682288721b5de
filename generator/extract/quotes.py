"""Quotations and who said them: the quotations a text marks (see `quotemarks`), attributed by
the words around them (see `attribution`), and the turns after speaker labels.

After attribution:
- a quotation that continues over paragraphs keeps its speaker, and a quote right after
  an attributed one, with nobody else named in a new sentence between them, goes on
  with the same speaker;
- in a question-and-answer interview, a quotation that answers a question is the
  interviewee's;
- a speaker label before a quotation (`Naam: “…”`) names its speaker when the words around
  it do not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from generator.extract.attribution import Attribution
from generator.extract.clauses import Speaker, named
from generator.extract.dutch import QUOTE_MARKS, TYPOGRAPHIC_MARKS, UPPER, particles_pattern
from generator.extract.quotemarks import QuoteSpan, find_quote_spans, normalise_marks, paragraph_end
from generator.extract.spans import ActorSpan, ActorSpans, SpanSet

# A speaker label opening a line in a debate report, transcript or interview: `De heer Jansen (D66):`,
# `Mevrouw De Vries (VVD):`, `Minister Jansen:`, `JANSEN:`, `Piet Jansen: Dat klopt niet.`
_TITLES = r"(?:[Dd]e\s+heer|[Mm]evrouw|[Mm]inister(?:-president)?|[Ss]taatssecretaris|[Pp]remier)"
_LABEL_PARTICLES = particles_pattern(r"[ \t]+")
_LABEL = re.compile(
    rf"^[ \t]*(?P<label>(?:{_TITLES}[ \t]+)?(?P<name>[{UPPER}][\w'’.-]*(?:[ \t]+(?:{_LABEL_PARTICLES}|[{UPPER}][\w'’.-]*)){{0,4}})"
    r"|(?P<chair>[Dd]e\s+voorzitter))(?:[ \t]*\((?P<aside>[^()\n]{1,80})\))?:[ \t]*(?P<rest>[^\n]*)$",
    re.MULTILINE,
)
# `Voorzitter: Jansen` in the head of a parliamentary report: who `De voorzitter:` is.
_CHAIR = re.compile(rf"^[ \t]*Voorzitter:[ \t]*(?P<name>[{UPPER}][^\n]{{1,60}}?)[ \t]*$", re.MULTILINE)
_TITLE_WORDS = {"de", "heer", "mevrouw", "minister", "minister-president", "staatssecretaris", "premier"}


@dataclass(frozen=True)
class Turn:
    """What one speaker says after a speaker label: the first paragraph of the turn."""

    speaker: str | None
    text: str
    start: int
    end: int
    quoted: bool = False  # `Jansen: “…”`: the turn is a quotation, found and attributed as one


def _label_speaker(text: str, name: str, start: int, end: int, people: list[ActorSpan]) -> str | None:
    """The person a speaker label names: a person mention at the label, or else the one person
    named elsewhere in the text whose surname (or, for a label of one word, given name) it is."""
    for m in people:
        if m.start < end and m.end > start:
            return m.actor_id
    words = [w for w in name.split() if w.lower() not in _TITLE_WORDS] or name.split()
    wanted = " ".join(words).lower()
    found = set()
    for m in people:
        surface = text[m.start:m.end].split()
        if not surface:
            continue
        if " ".join(surface).lower() == wanted or surface[-1].lower() == words[-1].lower() and (
                len(words) == 1 or surface[0].lower() == words[0].lower()):
            found.add(m.actor_id)
        elif len(words) == 1 and surface[0].lower() == wanted and len(surface) > 1:
            found.add(m.actor_id)
    return found.pop() if len(found) == 1 else None


def find_turns(text: str, mentions: list[ActorSpan]) -> list[Turn]:
    """Turns after speaker labels whose label names a person the mentions know (or the chair)."""
    if ":" not in text:
        return []
    people = [m for m in mentions if m.kind == "person"]
    chair_match = _CHAIR.search(text)
    chair = _label_speaker(text, chair_match.group("name"), *chair_match.span("name"), people) if chair_match else None
    turns = []
    for match in _LABEL.finditer(text):
        if match.group("chair"):
            speaker = chair
        else:
            name = match.group("name")
            speaker = _label_speaker(text, name, *match.span("name"), people) if len(name) <= 60 else None
        if speaker is not None:
            turn = _turn(text, match, speaker)
            if turn is not None:
                turns.append(turn)
    return turns


def _turn(text: str, label: re.Match, speaker: str) -> Turn | None:
    """What the speaker of a label says: the rest of its line, or else the next paragraph."""
    rest = label.group("rest").strip()
    if rest and rest[0] in QUOTE_MARKS:
        # `Jansen: “…”`: a quotation introduced by a colon, attributed as one; the label
        # names its speaker when the attribution finds none.
        return Turn(speaker, rest, label.start("rest"), label.end("rest"), quoted=True)
    if rest:
        start, end = label.span("rest")
    else:
        # The turn is the next paragraph (the label stands on a line of its own).
        start = label.end()
        while start < len(text) and text[start].isspace():
            start += 1
        end = paragraph_end(text, start)
        if start >= len(text) or _LABEL.match(text, start):
            return None
    said = " ".join(text[start:end].split())
    return Turn(speaker, said, start, end) if len(said.split()) >= 2 else None


def find_quotes(text: str, mentions: list[ActorSpan]) -> list[tuple[str | None, str]]:
    """(speaker actor id or None, quoted text) in text order: quotations, and turns after speaker labels."""
    text = normalise_marks(text)
    turns = find_turns(text, mentions)
    quotes = _find_marked_quotes(text, mentions)
    labelled = {t.start: t.speaker for t in turns if t.quoted}
    if labelled:
        quotes = [(speaker or labelled.get(start), said, start) for speaker, said, start in quotes]
        turns = [t for t in turns if not t.quoted]
    if not turns:
        return [(speaker, said) for speaker, said, _ in quotes]
    inside = SpanSet((t.start, t.end) for t in turns)
    merged = [(t.start, t.speaker, t.text) for t in turns]
    merged += [(start, speaker, said) for speaker, said, start in quotes if not inside.overlaps(start, start + 1)]
    merged.sort(key=lambda q: q[0])
    return [(speaker, said) for _, speaker, said in merged]


def _continue_over_paragraphs(spans: list[QuoteSpan], speakers: list[Speaker | None]) -> None:
    """A quotation that runs over paragraphs has one speaker, named at its start or its end."""
    for i in range(1, len(spans)):
        if spans[i].continued and named(speakers[i]) is None and speakers[i - 1] is not None:
            speakers[i] = speakers[i - 1]
    for i in range(len(spans) - 1, 0, -1):
        if spans[i].continued and named(speakers[i - 1]) is None and speakers[i] is not None:
            speakers[i - 1] = speakers[i]


def _find_marked_quotes(text: str, mentions: list[ActorSpan]) -> list[tuple[str | None, str, int]]:
    """(speaker actor id or None, quoted text, where it starts) in text order."""
    spans = find_quote_spans(text)
    attribution = Attribution(text, spans, mentions)
    speakers = [attribution.attribute(span) for span in spans]
    _continue_over_paragraphs(spans, speakers)
    _follow_up(text, spans, speakers, attribution)
    _answers(text, spans, speakers, attribution.index, attribution.quoted)
    _continue_over_paragraphs(spans, speakers)  # an answer that runs over paragraphs
    return [(named(speaker), span.text, span.start) for speaker, span in zip(speakers, spans, strict=True)]


def _follow_up(text: str, spans: list[QuoteSpan], speakers: list[Speaker | None], attribution: Attribution) -> None:
    """An unattributed quote right after an attributed one in the same paragraph goes on with the
    same speaker, unless someone else is named between them (after the sentence that attributes
    the first one: `“…”, zei hij naast Trump. “…”` goes on with him)."""
    boundaries = attribution.boundaries
    for i in range(1, len(spans)):
        previous = speakers[i - 1]
        if speakers[i] is not None or previous is None:
            continue
        between = text[spans[i - 1].end:spans[i].start]
        if "\n" in between or len(between) >= 200:
            continue
        k = bisect_right(boundaries, spans[i - 1].end)
        new_sentence = boundaries[k] if k < len(boundaries) and boundaries[k] <= spans[i].start else spans[i - 1].end
        others = [m for m in attribution.index.people_within(new_sentence, spans[i].start) if m.actor_id != previous.actor_id]
        if not others:
            speakers[i] = previous


# The interviewer addresses the interviewee: `U bent …`, `Jij schreef …`, `Hoe ziet uw …`.
_ADDRESS = re.compile(r"(?<![\w-])(?:[Uu]|[Uu]w|[Jj]e|[Jj]ij|[Jj]ouw)(?![\w-])")


def _is_question(paragraph: str) -> bool:
    """An interviewer's paragraph: a question, or a statement put to the interviewee (`U bent
    …`), quoting nobody."""
    if not paragraph or any(mark in paragraph for mark in TYPOGRAPHIC_MARKS):
        return False
    return paragraph.endswith("?") or bool(_ADDRESS.search(paragraph))


def _is_prompt(paragraph: str) -> bool:
    """A short paragraph (that quotes nobody, the caller checks) an interviewer may put as a statement."""
    return bool(paragraph) and len(paragraph) <= 300 and not paragraph.endswith(":")


def _answers(text: str, spans: list[QuoteSpan], speakers: list[Speaker | None], index: ActorSpans, quoted: SpanSet) -> None:
    """In a question-and-answer interview, a quotation opening the paragraph right after a question
    (a paragraph of its own that ends with `?` and quotes nobody) is the interviewee's answer: the
    one person the other quotations of the text are attributed to most."""
    answers, after_prompts, asked = [], [], 0
    for i, span in enumerate(spans):
        line_start = text.rfind("\n", 0, span.start) + 1
        if named(speakers[i]) or text[line_start:span.start].strip():
            continue
        before = text[:line_start].rstrip()
        question_start = before.rfind("\n") + 1
        question = before[question_start:].strip()
        if _is_question(question):
            answers.append(i)
            asked += question.endswith("?")
        elif _is_prompt(question) and not quoted.overlaps(question_start, len(before)):
            after_prompts.append(i)
    if not answers:
        return
    if asked >= 2:
        # An interview (two answered questions at least): the interviewer also puts statements
        # (`Critici zeggen: …`), answered the same way.
        answers = sorted(answers + after_prompts)
    interviewee = _interviewee(spans, speakers, index, answers)
    if interviewee is not None:
        for i in answers:
            speakers[i] = Speaker(interviewee)


def _interviewee(spans: list[QuoteSpan], speakers: list[Speaker | None], index: ActorSpans, answers: list[int]) -> str | None:
    """The one person the quotations are attributed to most; when nobody is quoted by name, the
    person the text introduces before the first of two answers or more, when it names exactly
    one. None for nobody, or two people as often: then the text does not say who answers."""
    counts: dict[str, int] = {}
    for speaker in speakers:
        if named(speaker):
            counts[speaker.actor_id] = counts.get(speaker.actor_id, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked and len(answers) >= 2:
        before = {m.actor_id for m in index.people if m.end <= spans[answers[0]].start}
        ranked = [(before.pop(), 1)] if len(before) == 1 else []
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
