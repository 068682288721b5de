r"""Scanning a text for a regex that may be widened to a word before it: the fast form of
`(?:word\s+)?core`, which the regex engine would try at every position."""

from __future__ import annotations

import re
from collections.abc import Iterator

# From the first to the last Unicode decimal digit after 0-9 (what `\d` matches besides them).
# A regex that opens with a digit opens with `[0-9{DIGITS_BEYOND_ASCII}](?<=\d)`: a range is
# cheaper to test than the Unicode digit property, and the lookbehind then checks `\d`.
DIGITS_BEYOND_ASCII = "\u0660-\U0001fbf9"


def widened(text: str, core: re.Pattern, word: re.Pattern, longest: int, *, comma: bool = False) -> Iterator[tuple[int, re.Match]]:
    r"""Each match of `core` from left to right, not overlapping, and where it starts when it is
    widened to a `word` before it.

    `word` is searched for so that it ends where the white space before the core begins (with
    `comma`, before an optional comma there), starts at or after the end of the previous
    match, and is at most `longest` characters long; the leftmost such word counts. When no
    character of a word can open a core, this gives the matches of one regex
    `(?:word,?\s+)?core`, found at a fraction of the cost.
    """
    cursor = 0
    while True:
        found = core.search(text, cursor)
        if found is None:
            return
        start = found.start()
        space = start
        while space and text[space - 1].isspace():
            space -= 1
        if space < start:
            word_end = space - 1 if comma and space and text[space - 1] == "," else space
            before = word.search(text, max(cursor, word_end - longest), word_end)
            if before:
                start = before.start()
        yield start, found
        cursor = found.end()
