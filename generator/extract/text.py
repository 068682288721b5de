"""Dutch text helpers: paragraphs, sentences, headline-sized cuts.

The three ways a text is cut into sentences are here, side by side; they differ on purpose
(changing one changes what the site shows):
- `sentences` splits prose for a title or a lead: never after an abbreviation or initials, and
  only before a capital or digit;
- `sentence_starts` gives the sentence boundaries that quotation attribution reads: after any
  end mark before a word, quotation mark or bracket (`zei hij. „…`), and at every line break;
- `sentence_marks` gives the marks that end an actor's context sentence: `. `, `? `, `! ` or a
  line break.
"""

from __future__ import annotations

import re

from generator.extract.dutch import CLOSING, UPPER
from generator.model import Block

# Written in lower case without the final full stop. A word here never ends a sentence, so a
# title or lead is never cut after `Zr.Ms.`, `mr.` or `o.a.` (a sentence that really ends on
# one of them runs on into the next: a longer title beats a broken one).
_ABBREVIATIONS = {
    "nr", "dr", "mr", "ir", "ing", "drs", "prof", "bijv", "bv", "o.a", "m.b.t", "i.p.v",
    "e.d", "ca", "st", "jl", "vs", "z.g", "zgn", "incl", "excl", "mln", "mld", "mrd",
    "art", "blz", "p", "resp", "etc", "enz", "jhr", "mevr", "dhr", "gen", "lt", "kol",
    # ship prefixes (`Zr.Ms. Tromp`, `Hr. Ms. Karel Doorman`) and the other common short forms
    "zr.ms", "hr.ms", "zr", "hr", "z.m", "h.m", "ms",
    "d.w.z", "o.a.m", "m.n", "t.a.v", "i.v.m", "n.a.v", "m.u.v", "o.i.d", "e.a", "e.v", "a.s",
    "v.d", "t.z.t", "i.o.v", "z.s.m", "bijz", "evt", "vnl", "ong", "pag",
    "jr", "sr", "gepens", "kap", "kapt", "ltz", "lkol", "maj", "brig", "luit", "adm", "vadm", "sgt",
}
_END = re.compile(rf"[.!?…][{CLOSING}]*(?=\s+[\"'“‘„«(]?[0-9{UPPER}])")
# Where a sentence ends for quotation attribution (see `sentence_starts`).
_SENTENCE_BOUNDARY = re.compile(r"[.!?…](?:\s?[”“\"’']{1,2})?\s+(?=[„“\"‘'(\w])|\n")
# The marks that end a context sentence (see `sentence_marks`).
_CONTEXT_MARK = re.compile(r"[.?!\n](?:(?<=\n)| )")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_FUNCTION_WORDS = {
    "de", "het", "een", "en", "of", "van", "voor", "op", "in", "met", "aan", "bij",
    "tot", "te", "om", "dat", "die", "dan", "als", "naar", "over", "door", "uit",
    "zijn", "haar", "hun", "maar", "ook", "er", "wel", "niet", "meer", "zo",
}
_CLAUSE_STARTS = (
    " om ", " dat ", " omdat ", " terwijl ", " waarbij ", " nadat ", " zodat ", " want ", " maar ",
    ", na ", ", en ", ", zei ", ", aldus ", ", waardoor ", ", terwijl ", "; ", " – ", " — ",
)


def paragraphs(text: str) -> list[list[str]]:
    """Blank-line separated paragraphs as lists of stripped lines.

    A paragraph that stops mid-sentence and is continued by one starting in
    lower case (a page break in a letter) is joined to it.
    """
    result: list[list[str]] = []
    for chunk in _BLANK_LINE.split(text):
        lines = list(filter(None, map(str.strip, chunk.split("\n"))))
        if not lines:
            continue
        if result and lines[0][:1].islower() and not _ends_sentence(result[-1][-1]):
            result[-1][-1] = result[-1][-1] + " " + lines[0]
            result[-1].extend(lines[1:])
            continue
        result.append(lines)
    return result


def _ends_sentence(line: str) -> bool:
    """Whether the line ends (before one final line break) with . ! ? … : or ; and then only
    closing quotes and brackets."""
    if line.endswith("\n"):
        line = line[:-1]
    line = line.rstrip(CLOSING)
    return bool(line) and line[-1] in ".!?…:;"


def is_subheading(lines: list[str]) -> bool:
    """A short single line without end punctuation that starts with a capital."""
    if len(lines) != 1:
        return False
    line = lines[0]
    return 3 <= len(line) <= 70 and line[:1].isupper() and not _ends_sentence(line) and len(line.split()) <= 9


def to_blocks(paras: list[list[str]], headings: bool) -> tuple[Block, ...]:
    blocks = []
    for index, lines in enumerate(paras):
        kind = "heading" if headings and index > 0 and index < len(paras) - 1 and is_subheading(lines) else "paragraph"
        blocks.append(Block(kind, tuple(lines)))
    return tuple(blocks)


def sentences(text: str) -> list[str]:
    """Split Dutch prose into sentences, keeping abbreviations and initials intact."""
    text = " ".join(text.split())
    result = []
    start = 0
    for match in _END.finditer(text):
        before = text[start:match.start()].rsplit(" ", 1)[-1]
        word = before.lower().rstrip(".")
        if match.group(0).startswith(".") and (word in _ABBREVIATIONS or _INITIALS.fullmatch(before)):
            continue
        result.append(text[start:match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        result.append(tail)
    return result


def sentence_starts(text: str) -> list[int]:
    """Where each sentence but the first starts, as quotation attribution reads them: after
    . ! ? or … (and closing quotation marks) and white space, before a word, a quotation mark or
    a bracket, and after every line break. Unlike `sentences`, an abbreviation or initials end a
    sentence here, and a word in lower case may start one."""
    return [m.end() for m in _SENTENCE_BOUNDARY.finditer(text)]


def sentence_marks(text: str) -> list[int]:
    """Where each mark stands that ends a sentence for an actor's context: `. `, `? `, `! ` (the
    mark) or a line break. These marks never overlap."""
    return [mark.start() for mark in _CONTEXT_MARK.finditer(text)]


def headline(sentence: str, limit: int = 90) -> str:
    """A headline of at most `limit` characters from a sentence, cut where a reader would."""
    sentence = " ".join(sentence.split()).rstrip(" .")
    if len(sentence) <= limit:
        return sentence
    window = sentence[: limit + 1]
    cuts = [window.rfind(marker) for marker in _CLAUSE_STARTS]
    best = max(cuts)
    if best >= limit * 0.55:
        return sentence[:best].rstrip(" ,;:–—")
    words = sentence[: limit - 1].rsplit(" ", 1)[0].split(" ")
    while len(words) > 1 and (words[-1].lower().strip(",;:") in _FUNCTION_WORDS or not words[-1].strip(",;:–—-")):
        words.pop()
    return " ".join(words).rstrip(",;:–—- ") + "…"


def lead(paragraph: str, max_chars: int = 320) -> str:
    """The first one or two sentences of a paragraph."""
    return lead_of(sentences(paragraph), max_chars)


def lead_of(parts: list[str], max_chars: int = 320) -> str:
    """The first one or two of a paragraph's sentences."""
    if not parts:
        return ""
    text = parts[0]
    if len(parts) > 1 and len(text) + 1 + len(parts[1]) <= max_chars:
        text = f"{text} {parts[1]}"
    return text
