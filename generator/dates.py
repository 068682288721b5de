"""Dutch dates in headers and running text, kept at the precision they are given."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.model import DUTCH_MONTHS, PartialDate

_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(DUTCH_MONTHS)}
_MONTH_NUMBER.update({name[:3]: i + 1 for i, name in enumerate(DUTCH_MONTHS)})
_MONTH_NUMBER.update({"sept": 9})

_MONTHS_RE = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_WEEKDAYS_RE = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"

ISO_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")

# "2 maart 2026", "maandag 3 februari 2025", "2 sept. 2024"
DUTCH_DATE_RE = re.compile(
    rf"(?<![\w-])(?:(?:{_WEEKDAYS_RE}),?\s+)?(\d{{1,2}})\s+({_MONTHS_RE})\.?\s+(\d{{4}})(?![\w-])",
    re.IGNORECASE,
)
# "12-03-2024", "12/03/2024", "12.03.2024"
NUMERIC_DATE_RE = re.compile(r"(?<![\w./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\w/-]|\.\d)")

# DUTCH_DATE_RE and NUMERIC_DATE_RE would be tried at every position. `_DAY_MONTH_YEAR` is the
# Dutch date without its weekday, opening with the day's first digit and the lookbehind after
# it, so that the regex engine skips straight to digits; a weekday before it is added by
# `_dutch_dates`. The opening class names a range that holds every non-ASCII digit rather than
# `\d` itself (a range is cheaper to test than the Unicode digit property); a lookbehind then
# checks `\d`. `_NUMERIC_DATE` is NUMERIC_DATE_RE written the same way.
_DIGITS_BEYOND_ASCII = "\u0660-\U0001fbf9"
_DAY_MONTH_YEAR = re.compile(
    rf"([0-9{_DIGITS_BEYOND_ASCII}](?<=\d)(?<![\w-].)\d?)\s+(?i:({_MONTHS_RE}))\.?\s+(\d{{4}})(?![\w-])"
)
# A weekday that ends where the search ends, with no word character or hyphen before it.
_WEEKDAY_BEFORE = re.compile(rf"(?<![\w-])(?i:{_WEEKDAYS_RE})\Z")
_WEEKDAY_LONGEST = max(len(day) for day in _WEEKDAYS_RE.split("|"))
_NUMERIC_DATE = re.compile(rf"([0-9{_DIGITS_BEYOND_ASCII}](?<=\d)(?<![\w./-].)\d?)([-/.])(\d{{1,2}})\2(\d{{4}})(?![\w/-]|\.\d)")


def parse_iso(value: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError with a readable reason."""
    match = ISO_RE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 0 for g in match.groups())
    return PartialDate(year, month, day)


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
    """Each match of DUTCH_DATE_RE, left to right: where it starts, and the match of its day, month and year.

    A match starts at the day's first digit or at a weekday before it; weekdays hold no digits.
    So the first match from `cursor` is the first day-month-year from there, widened to a
    weekday that ends right before it (then an optional comma and white space), starts at or
    after `cursor` and has no word character or hyphen before it.
    """
    cursor = 0
    while True:
        found = _DAY_MONTH_YEAR.search(text, cursor)
        if found is None:
            return
        start = found.start()
        space = start
        while space and text[space - 1].isspace():
            space -= 1
        if space < start:
            word_end = space - 1 if space and text[space - 1] == "," else space
            # The leftmost weekday first, as the regex would; none that starts before `cursor`.
            weekday = _WEEKDAY_BEFORE.search(text, max(cursor, word_end - _WEEKDAY_LONGEST), word_end)
            if weekday:
                start = weekday.start()
        yield start, found
        cursor = found.end()
