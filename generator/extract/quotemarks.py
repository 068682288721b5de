"""Quotation marks and the quotations they mark.

Quotation marks: „…”, ,,…'', “…”, "…", ‘…’ and '…'. One to three words without end
punctuation are scare quotes, not quotations, and so is a term in quotation
marks right after `de` or `zogenoemde` (`de 'coalition of the willing'`).
A quotation inside another one is part of it; one whose paragraph ends before its closing
mark continues in the next paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.dutch import UPPER
from generator.extract.spans import SpanSet

# (opening mark, pattern): a text without the mark is not scanned for that pair.
# Inside '…' and ‘…’ an apostrophe between letters or digits (`F-16's`, `zo'n`, `auto’s`)
# does not close the quotation, and neither does a word quoted inside ‘…’ (`‘Ze zeggen ‘nee’.’`).
_PAIRS = [
    ("„", re.compile(r"„([^„“”\n]+?)[”“]")),
    ("“", re.compile(r"“([^“”\n]+?)[”\"]")),
    ('"', re.compile(r'(?<![\w])"([^"\n]+?)["”]')),
    ("‘", re.compile(r"(?<![\w])‘((?:[^‘’\n]|(?<=\w)’(?=\w)|(?<![\w])‘[^‘’\n]{1,60}’(?![\w]))+?)’(?![\w])")),
    ("'", re.compile(r"(?<![\w'])'(?!s\s)((?:[^'\n]|(?<=\w)'(?=\w))+?)'(?![\w])")),
]
# The marks of older Dutch typesetting, `,,…''`, read as „…” (same offsets: `,,` becomes `„ `,
# a closing `''` becomes ` ”`), also when the closing marks are missing or the opening is `"`.
_LOW_PAIR_OPEN = re.compile(r"(?<![\w,]),,(?=[^\s,])")
_LOW_PAIR_CLOSE = re.compile(r"(?<=[^\s'])''(?!['\w])")


def normalise_marks(text: str) -> str:
    """The text with `,,…''` quotation marks as „…”, every offset unchanged."""
    if ",," not in text and "''" not in text:
        return text
    return _LOW_PAIR_CLOSE.sub(" ”", _LOW_PAIR_OPEN.sub("„ ", text))


# An opening mark whose quotation runs to the end of the paragraph (continued in the next one).
_OPEN_TO_END = re.compile(rf"(?:^|(?<=\s))[„“]([^„“”\n]+)$|^[ \t]*[‘'](?=[{UPPER}])([^\n]+)$", re.MULTILINE)
# A term in quotation marks: `de zogenoemde 'coalition of the willing'`, `de 'coalition of the willing'`
# (not `het`, which may be a pronoun: `dat het “…”`).
_TERM_BEFORE = re.compile(r"\b(?:[Dd]e|zogenoemde|zogenaamde|zogeheten|genaamde)\s+\Z")
_QUOTED = re.compile(r"„[^„“”\n]*[”“]|“[^“”\n]*[”\"]|\"[^\"\n]*\"|‘[^‘’\n]*’")


@dataclass(frozen=True)
class QuoteSpan:
    text: str
    start: int
    end: int
    continued: bool = False  # runs on from a quote in the paragraph before


def _is_quotation(text: str) -> bool:
    words = text.split()
    return len(words) > 3 or bool(re.search(r"[.!?…,;]", text.strip()[-1:] or ""))


def _is_term(text: str, start: int, inner: str) -> bool:
    """`de zogenoemde 'coalition of the willing'`: a name or term in quotation marks, not an utterance."""
    return not re.search(r"[.!?…,;:]", inner.strip()) and bool(_TERM_BEFORE.search(text, max(0, start - 30), start))


def find_quote_spans(text: str) -> list[QuoteSpan]:
    # The outermost pair wins: a quotation inside another one is part of it.
    candidates = sorted((m.start(), -m.end(), m.group(1)) for mark, regex in _PAIRS if mark in text for m in regex.finditer(text))
    spans: list[QuoteSpan] = []
    taken = SpanSet()
    for start, minus_end, inner in candidates:
        end = -minus_end
        if taken.overlaps(start, end):
            continue
        taken.add(start, end)
        if _is_quotation(inner) and not _is_term(text, start, inner):
            spans.append(QuoteSpan(" ".join(inner.split()), start, end))
    for match in _OPEN_TO_END.finditer(text):
        start, end = match.span()
        inner = match.group(1) or match.group(2)
        if taken.overlaps(start, end) or not _is_quotation(inner):
            continue
        taken.add(start, end)
        spans.append(QuoteSpan(" ".join(inner.split()), start, end))
    spans.sort(key=lambda q: q.start)
    # A quote opening a paragraph right after a paragraph whose quote stayed open continues it.
    result = []
    for span in spans:
        previous = result[-1] if result else None
        gap = text[previous.end:span.start] if previous else ""
        continued = bool(previous and previous.end == paragraph_end(text, previous.start) and re.fullmatch(r"\s*\n\s*\n\s*", gap))
        result.append(QuoteSpan(span.text, span.start, span.end, continued))
    return result


def paragraph_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end



def mask(segment: str) -> str:
    """The segment with quoted passages blanked out, offsets unchanged."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), segment)
