"""Dutch dates in headers and running text, kept at the precision they are given."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.extract.dutch import MONTHS, UPPER, WEEKDAYS
from generator.extract.scan import DIGITS_BEYOND_ASCII, widened
from generator.model import PartialDate

_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NUMBER.update({name[:3]: i + 1 for i, name in enumerate(MONTHS)})
_MONTH_NUMBER.update({"sept": 9})

_MONTHS_RE = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_WEEKDAYS_RE = "|".join(WEEKDAYS)

# A Dutch date (`2 maart 2026`, `maandag 3 februari 2025`, `2 sept. 2024`) and a numeric one
# (`12-03-2024`, `12/03/2024`, `12.03.2024`), written so that the regex engine skips straight to
# digits instead of trying them at every position: `_DAY_MONTH_YEAR` is the Dutch date without
# its weekday, opening with the day's first digit and the lookbehind after it; a weekday before
# it is added by `_dutch_dates`. `_NUMERIC_DATE` is written the same way. Their readable forms,
# and a test that both find the same dates, are in tests/test_fast_patterns.py.
_DAY_MONTH_YEAR = re.compile(rf"([0-9{DIGITS_BEYOND_ASCII}](?<=\d)(?<![\w-].)\d?)\s+(?i:({_MONTHS_RE}))\.?\s+(\d{{4}})(?![\w-])")
# A weekday that ends where the search ends, with no word character or hyphen before it.
_WEEKDAY_BEFORE = re.compile(rf"(?<![\w-])(?i:{_WEEKDAYS_RE})\Z")
_WEEKDAY_LONGEST = max(len(day) for day in _WEEKDAYS_RE.split("|"))
_NUMERIC_DATE = re.compile(rf"([0-9{DIGITS_BEYOND_ASCII}](?<=\d)(?<![\w./-].)\d?)([-/.])(\d{{1,2}})\2(\d{{4}})(?![\w/-]|\.\d)")


def find_dutch_date(text: str) -> tuple[PartialDate, int, int] | None:
    """The first full, valid date in running Dutch text, with its span."""
    candidates = []
    for start, match in _dutch_dates(text):
        date = _to_date(match, "dmy-name")
        if date is not None:
            candidates.append((start, match.end(), date))
            break
    for match in _NUMERIC_DATE.finditer(text):
        date = _to_date(match, "dmy-num")
        if date is not None:
            candidates.append((match.start(), match.end(), date))
            break
    if not candidates:
        return None
    start, end, date = min(candidates, key=lambda c: c[0])
    return date, start, end


def _to_date(match: re.Match, order: str) -> PartialDate | None:
    try:
        if order == "dmy-name":
            day, month_name, year = match.groups()
            return PartialDate(int(year), _MONTH_NUMBER[month_name.lower()], int(day))
        day, _, month, year = match.groups()
        return PartialDate(int(year), int(month), int(day))
    except ValueError:
        return None


def _dutch_dates(text: str) -> Iterator[tuple[int, re.Match]]:
    """Each Dutch date with its weekday, left to right: where it starts, and the
    match of its day, month and year (a weekday before the day, then an optional comma and white
    space, widens it; weekdays hold no digits)."""
    return widened(text, _DAY_MONTH_YEAR, _WEEKDAY_BEFORE, _WEEKDAY_LONGEST, comma=True)


# --- publication dates ---------------------------------------------------------
# A text's publication date stands in a few places only: a header line, a letter's date line
# (see letters.parse_letter), a dated dateline (`DEN HAAG, 2 maart 2026 -`), a line that says
# so (`Gepubliceerd op`, `Geplaatst op`, `d.d.`, `Verschenen in X, juni 2010`, an answer's
# `(ontvangen 12 januari 2022)` or `Beantwoord 6 januari 2020`), a line near the top that
# holds little but a date (`dinsdag 7 december 2021 om 14:05`, `11-11-2014 06:50`), or a
# caption line at the top that ends in one (`Verklaring van de minister, 28 februari 2022.`).
# Dates in running text are events (`Op 24 februari 2022 viel Rusland Oekraïne binnen`) and
# never count. An update line (`Bijgewerkt:`) counts only when nothing else does.

_ORDINAL_WORDS = (
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
    "elfde",
    "twaalfde",
    "dertiende",
    "veertiende",
    "vijftiende",
    "zestiende",
    "zeventiende",
    "achttiende",
    "negentiende",
    "twintigste",
    "eenentwintigste",
    "tweeëntwintigste",
    "drieëntwintigste",
    "vierentwintigste",
    "vijfentwintigste",
    "zesentwintigste",
    "zevenentwintigste",
    "achtentwintigste",
    "negenentwintigste",
    "dertigste",
    "eenendertigste",
)
_ORDINAL = {word: i + 1 for i, word in enumerate(_ORDINAL_WORDS)}
_ORDINAL.update({word.replace("ë", "e"): n for word, n in _ORDINAL.items()})
_ORDINALS_RE = "|".join(sorted(_ORDINAL, key=len, reverse=True))
_MONTH_NAMES_RE = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
# `de tweede maart 2022`, `2 maart`, `2e maart '22`, `dinsdag 7 december 2021`, `7 dec. 2021`
WRITTEN_DATE_RE = re.compile(
    rf"(?<![\w-])(?:(?:{_WEEKDAYS_RE}),?\s+)?(?:de\s+)?(?:(?P<ordinal>{_ORDINALS_RE})|(?P<day>\d{{1,2}})(?:e|de|ste)?)\s+"
    rf"(?P<month>{_MONTH_NAMES_RE})\.?(?:\s+(?:(?P<year>\d{{4}})|['’](?P<short>\d{{2}})))?(?![\w-])",
    re.IGNORECASE,
)
_MONTH_YEAR_RE = re.compile(rf"(?<![\w-])(?P<month>{_MONTH_NAMES_RE})\.?\s+(?P<year>\d{{4}})(?![\w-])", re.IGNORECASE)
_ISO_IN_LINE = re.compile(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")
_SAYS_SO = re.compile(
    r"(?:\b(?:[Gg]epubliceerd|[Gg]eplaatst|[Pp]ublicatiedatum|[Vv]erschenen|[Bb]eantwoord|[Uu]itgegeven|[Dd]atum|[Oo]ntvangen)\b"
    r"|(?<![\w.])d\.d\.)[^\n]{0,60}$"
)
_UPDATE = re.compile(r"\b(?:[Bb]ijgewerkt|[Ll]aatst (?:gewijzigd|bijgewerkt)|[Gg]ewijzigd|[Uu]pdate)\b[^\n]{0,30}$")
_DATED_DATELINE_BEFORE = re.compile(rf"^\s*[{UPPER}][\w'’.-]+(?:\s+[{UPPER}][\w'’.-]+){{0,2}}(?:\s*\([^)\n]{{1,40}}\))?,?\s*$")
_DATED_DATELINE_AFTER = re.compile(r"\s*(?:\([^)\n]{1,40}\))?\s*[-–—]")
_LEFTOVER_NOISE = re.compile(r"\b\d{1,2}[:.u]\d{2}\b|\bom\b|\buur\b|[•·|/,:;()\-–—]")
TOP_LINES = 15
# Where a publication date stands in a long line, it stands near its start (a dateline, an
# answer's `(ontvangen …)`); the rest of a long paragraph is running text.
LONG_LINE = 300
_DIGIT = re.compile(r"\d")
_ANY_MONTH = re.compile("|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)))  # on lowercased text: a cheap first test


def _year(match: re.Match, year_hint: int | None) -> int | None:
    if match.group("year"):
        return int(match.group("year"))
    if match.group("short"):
        short = int(match.group("short"))
        return 2000 + short if short < 70 else 1900 + short
    return year_hint


def _dates_in_line(line: str, year_hint: int | None) -> list[tuple[int, int, PartialDate, bool]]:
    """Every date in a line (start, end, date, whether the line gives its year): written out,
    numeric or ISO; a day and month without a year only when the year is known from elsewhere
    (`year_hint`)."""
    has_digit = _DIGIT.search(line) is not None
    if not has_digit and year_hint is None:
        return []  # no year in the line and none from elsewhere
    has_month = _ANY_MONTH.search(line.lower()) is not None
    found = _written_dates(line, year_hint) if has_month else []
    for match in _NUMERIC_DATE.finditer(line) if has_digit else ():
        date = _to_date(match, "dmy-num")
        if date is not None:
            found.append((match.start(), match.end(), date, True))
    for match in _ISO_IN_LINE.finditer(line):
        try:
            found.append((match.start(), match.end(), PartialDate(*(int(g) for g in match.groups())), True))
        except ValueError:
            continue
    if not found and has_month and has_digit:
        for match in _MONTH_YEAR_RE.finditer(line):
            found.append(
                (match.start(), match.end(), PartialDate(int(match.group("year")), _MONTH_NUMBER[match.group("month").lower()]), True)
            )
    return sorted(found, key=lambda f: f[0])


def _written_dates(line: str, year_hint: int | None) -> list[tuple[int, int, PartialDate, bool]]:
    """The dates written out in a line (`de tweede maart 2022`, `2 maart`), valid ones only."""
    found = []
    for match in WRITTEN_DATE_RE.finditer(line):
        year = _year(match, year_hint)
        day = _ORDINAL[match.group("ordinal").lower()] if match.group("ordinal") else int(match.group("day"))
        if year is None:
            continue
        try:
            date = PartialDate(year, _MONTH_NUMBER[match.group("month").lower()], day)
        except ValueError:
            continue
        found.append((match.start(), match.end(), date, bool(match.group("year") or match.group("short"))))
    return found


def _little_but(line: str, start: int, end: int) -> bool:
    """Is the line not much more than the date at line[start:end]: a time, a weekday, or a
    name or two in capitals (`De Strateeg | BNR`), and no sentence (`Op 3 juli 2025 sprak ...`)?"""
    rest = _LEFTOVER_NOISE.sub(" ", line[:start] + " " + line[end:]).split()
    return (
        not any(c.isdigit() for word in rest for c in word)
        and len(rest) <= 4
        and all(not word[0].isalpha() or word[0].isupper() for word in rest)
    )


def publication_date(text: str, year_hint: int | None = None) -> PartialDate | None:
    """The publication date from where one stands near the top of the text, or None."""
    best: tuple[int, int, PartialDate] | None = None
    seen = 0
    for line_number, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        seen += 1
        if seen > TOP_LINES:
            break
        line = line[:LONG_LINE]
        for start, end, date, has_year in _dates_in_line(line, year_hint):
            rank = _rank(line, start, end, has_year, seen)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, line_number, date)
    return best[2] if best else None


def _rank(line: str, start: int, end: int, has_year: bool, seen: int) -> int | None:
    """How surely the date at line[start:end] is the publication date, 1 the surest, 4 an
    update; None for a date in running text. `seen`: the line's place among the lines that are
    not blank."""
    before = line[:start]
    if _UPDATE.search(before):
        return 4
    if _SAYS_SO.search(before):
        return 1
    if _DATED_DATELINE_BEFORE.match(before) and _DATED_DATELINE_AFTER.match(line, end):
        return 2
    if _little_but(line, start, end):
        return 2
    if has_year and seen <= 3 and len(line) <= 240 and re.match(r"\s*\.?\s*$", line[end:]) and before.rstrip().endswith(","):
        return 3
    return None
