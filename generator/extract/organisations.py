"""Organisations and countries the registry does not know: an acronym (OVSE, IAEA), a
`ministerie van …`, a name opening with Europese/Europees/Verenigde/Internationaal, a
capitalised compound ending in -raad, -agentschap, -organisatie and the like, and a Dutch
country name."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from generator.extract.dutch import LOWER, MONTHS, UPPER, WEEKDAYS, is_role_word
from generator.extract.lexicon import words
from generator.extract.matching import word_start_pattern
from generator.extract.namelists import NAME_WORD, ROMAN, WORD_OR_HYPHEN, Found, countries
from generator.extract.spans import SpanSet

_CAPITALS_BEFORE = re.compile(r"[A-Z]{2,}\s*$")
_CAPITALS_AFTER = re.compile(r"\s*[A-Z]{2,}\b")
_YEAR_BEFORE = re.compile(r"\d{4}\s*$")
_MINISTRY = re.compile(rf"[Mm](?<![\w-].)inisterie van ({NAME_WORD}(?:(?:,\s*|\s+en\s+|\s+){NAME_WORD})*)")
_EUROPEAN = re.compile(
    rf"((?:{word_start_pattern(('Europese', 'Europees', 'Verenigde', 'Internationaal', 'Internationale', 'Nationale', 'Nationaal', 'Noord-Atlantische'), WORD_OR_HYPHEN)})"
    rf"(?:\s+{NAME_WORD}){{1,3}})"
)
_ORG_SUFFIX_WORDS = ("raad", "agentschap", "organisatie", "commissie", "bank", "fonds", "parlement", "dienst", "hof", "alliantie",
                     "instituut", "ministerie", "inlichtingendienst")
_ORG_SUFFIXES = f"(?:{'|'.join(_ORG_SUFFIX_WORDS)})"
# A capitalised compound ending in an organisation word, `(?<![\w-])((?:[A-Z]{2,5}-)?[{UPPER}][{LOWER}]+{_ORG_SUFFIXES})(?![\w-])`
# (`Adviesraad`, `EU-Raad`), and an acronym of at most eight capitals (`BALTOPS`; a longer run
# is a shouted word), `(?<![\w-])([A-Z][A-Z0-9]{1,7})(?![A-Za-z0-9])`: both open with a capital
# that no word character or hyphen precedes, and one scan finds where each of them matches
# (see `_suffixes_and_acronyms`; the test that it finds what the two do is in
# tests/test_fast_patterns.py).
_ORG_SUFFIX_OR_ACRONYM = re.compile(
    rf"[{UPPER}](?<![\w-].)"
    rf"(?:(?=(?:(?<=[A-Z])[A-Z]{{1,4}}-[{UPPER}][{LOWER}]+{_ORG_SUFFIXES}|[{LOWER}]+{_ORG_SUFFIXES})(?![\w-])()))?"
    r"(?:(?=(?<=[A-Z])[A-Z0-9]{1,7}(?![A-Za-z0-9])()))?"
    r"(?(1)|(?(2)|(?!)))"
)


@cache
def _country_regex() -> re.Pattern:
    # The longest country name that stands here wins, as in an alternation sorted longest first.
    return re.compile(rf"({word_start_pattern(countries(), WORD_OR_HYPHEN)})(?![\w])")



def find_organisations(text: str, taken: SpanSet) -> list[Found]:
    """Named organisations first (longest forms), then acronyms that are not part of them."""
    found = []
    if "inisterie van" in text:
        found += _take(taken, (("ministerie van " + m.group(1), *m.span(0)) for m in _MINISTRY.finditer(text)))
    found += _take(taken, _european(text))
    suffixed, acronyms = _suffixes_and_acronyms(text)
    found += _take(taken, ((text[start:end], start, end) for start, end in suffixed))
    found += _take(taken, ((text[start:end], start, end) for start, end in acronyms if _is_acronym(text, start, end)))
    return found


def _take(taken: SpanSet, names: Iterable[tuple[str, int, int]]) -> list[Found]:
    """The organisations (name, start, end) that no span taken so far overlaps, each taken in turn."""
    found = []
    for name, start, end in names:
        if not taken.overlaps(start, end):
            found.append(Found(name, "organisation", start, end))
            taken.add(start, end)
    return found


def _european(text: str) -> Iterator[tuple[str, int, int]]:
    """`Europese Commissie`, `Verenigde Naties`: not when a role follows (`Europese
    commissaris`) or the second of two words never starts a name."""
    not_names = words("not_names")
    for match in _EUROPEAN.finditer(text):
        name = match.group(1)
        tokens = name.split()
        if any(is_role_word(t) for t in tokens[1:]) or tokens[-1] in not_names and len(tokens) == 2:
            continue
        yield name, *match.span(1)


_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _is_acronym(text: str, start: int, end: int) -> bool:
    """Capitals at text[start:end] that make an acronym: not a word of the not-an-acronym list, a
    Roman numeral, a number or a month or day in capitals (`JANUARI` in a heading), and not part
    of a run of capitals (a shouted heading, a postal address) or after a year."""
    word = text[start:end]
    if word in words("not_acronyms") or ROMAN.fullmatch(word) or word.isdigit() or not word.isupper() \
            or word.lower() in _CALENDAR:
        return False
    before, after = text[max(0, start - 12):start], text[end:end + 12]
    return not (_CAPITALS_BEFORE.search(before) or _CAPITALS_AFTER.match(after) or _YEAR_BEFORE.search(before)
                or _shouted_line(text, start, end))


def _shouted_line(text: str, start: int, end: int) -> bool:
    """The capitals stand in a line of three or more words with no lower-case letter: a heading
    in capitals (`BESLUIT VAN DE RAAD, BRUSSEL, 25 MEI`), where every word is in capitals."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return len(line.split()) >= 3 and not any(char.islower() for char in line)


def _suffixes_and_acronyms(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans (group 1) of the compounds and of the acronyms, from one scan.

    The scan stops at every capital where either regex matches and records where each match
    ends (an empty group at the end of each lookahead). Each regex alone would go on from the
    end of its match, so a start inside an earlier match of the same regex is passed over.
    """
    suffixed: list[tuple[int, int]] = []
    acronyms: list[tuple[int, int]] = []
    suffix_end = acronym_end = 0
    for match in _ORG_SUFFIX_OR_ACRONYM.finditer(text):
        start = match.start()
        end = match.end(1)
        if end >= 0 and start >= suffix_end:
            suffixed.append((start, end))
            suffix_end = end
        end = match.end(2)
        if end >= 0 and start >= acronym_end:
            acronyms.append((start, end))
            acronym_end = end
    return suffixed, acronyms


def find_countries(text: str, taken: SpanSet) -> list[Found]:
    found = []
    for match in _country_regex().finditer(text):
        start, end = match.span(1)
        if not taken.overlaps(start, end):
            found.append(Found(match.group(1), "country", start, end))
            taken.add(start, end)
    return found

