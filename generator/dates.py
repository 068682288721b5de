"""Dutch dates in headers and running text, kept at the precision they are given."""

from __future__ import annotations

import re

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
    for regex, order in ((DUTCH_DATE_RE, "dmy-name"), (NUMERIC_DATE_RE, "dmy-num")):
        for match in regex.finditer(text):
            date = _to_date(match, order)
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
