"""Find people, organisations and countries that the registry does not know yet.

There is no Dutch named-entity model to use offline, so these are rules:
- a person is a run of capitalised words (with particles such as van, de, der,
  von, ter) that starts with a known given name or initials, or that stands
  right after a role word ("premier", "secretaris-generaal");
- an organisation is an acronym (OVSE, IAEA), a `ministerie van …`, a name
  opening with Europese/Europees/Verenigde/Internationaal, or a capitalised
  compound ending in -raad, -agentschap, -organisatie and the like;
- a country is a Dutch country name from the CLDR data that babel ships.
Sentence-initial words, months, days, places and titles are filtered out by the
word lists in generator/lexicon. What is found is a candidate: shown on the site
as not yet reviewed, and listed so that a curator can add it to data/actors.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel import Locale

from generator.lexicon import words
from generator.slugs import slugify
from generator.spans import SpanSet

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_TOKEN = rf"[{_UPPER}][\w'’]*(?:-[\w'’]+)*"
_INITIALS = rf"(?:[{_UPPER}]\.){{1,4}}"
_PARTICLES = r"(?:van der|van den|van de|von der|van|von|de|der|den|ter|ten|du|da|di|le|la|al|bin|el|zu)"
# A run of capitalised words, optionally with particles between them.
_RUN = re.compile(rf"(?<![\w-])(?:{_INITIALS}\s?)?{_TOKEN}(?:\s+(?:{_PARTICLES}\s+)?{_TOKEN})*")
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,5})(?![a-z0-9])")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_MINISTRY = re.compile(rf"(?<![\w-])[Mm]inisterie van ({_TOKEN}(?:(?:,\s*|\s+en\s+|\s+){_TOKEN})*)")
_EUROPEAN = re.compile(rf"(?<![\w-])((?:Europese|Europees|Verenigde|Internationaal|Internationale|Nationale|Nationaal|Noord-Atlantische)(?:\s+{_TOKEN}){{1,3}})")
_ORG_SUFFIX = re.compile(
    rf"(?<![\w-])((?:[A-Z]{{2,5}}-)?[{_UPPER}][a-zà-ÿ]+(?:raad|agentschap|organisatie|commissie|bank|fonds|parlement|dienst|hof|alliantie|instituut|ministerie|inlichtingendienst))(?![\w-])"
)
_NOT_ACRONYMS = {
    "EUR", "USD", "CET", "AM", "PM", "OK", "TV", "NB", "PS", "KM", "MW", "GW", "BBP", "BTW", "CEO", "CFO", "CDA", "ID",
    "II", "III", "IV", "VI", "VII", "UTC", "GMT", "PDF", "HTML", "URL", "FAQ",
}
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "XK"}


@dataclass(frozen=True)
class Found:
    """A name found in the text: kind is person, organisation or country; span in the text."""

    name: str
    kind: str
    start: int
    end: int

    @property
    def id(self) -> str:
        return slugify(self.name, max_length=80)


@cache
def _countries() -> dict[str, str]:
    names = Locale("nl").territories
    return {name: code for code, name in names.items() if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}


_COUNTRY_RE: re.Pattern | None = None


def _country_regex() -> re.Pattern:
    global _COUNTRY_RE
    if _COUNTRY_RE is None:
        alternatives = "|".join(re.escape(n) for n in sorted(_countries(), key=len, reverse=True))
        _COUNTRY_RE = re.compile(rf"(?<![\w-])({alternatives})(?![\w])")
    return _COUNTRY_RE


@cache
def _is_role(word: str) -> bool:
    lower = word.lower()
    return lower in words("roles") or lower.rsplit("-", 1)[-1] in words("roles") or any(
        lower.endswith(role) for role in ("voorzitter", "minister", "commissaris", "secretaris-generaal", "president", "premier")
    )


def find_people(text: str, taken: SpanSet) -> list[Found]:
    """Runs of capitalised words that a given name, initials or a role word mark as a person."""
    first_names, not_names = words("first_names"), words("not_names")
    found = []
    for match in _RUN.finditer(text):
        tokens = [(m.group(0), match.start() + m.start()) for m in re.finditer(r"\S+", match.group(0))]
        # Drop leading words that cannot start a name: sentence openers, titles, adjectives.
        cue = _role_before(text, match.start())
        while tokens and (tokens[0][0] in not_names or _is_role(tokens[0][0])):
            cue = cue or _is_role(tokens[0][0])
            tokens.pop(0)
        while tokens and tokens[-1][0] in not_names:
            tokens.pop()
        capitalised = [t for t, _ in tokens if t[:1].isupper()]
        if len(capitalised) < 2 or any(_is_role(t) for t, _ in tokens):
            continue
        first = tokens[0][0]
        if not (first in first_names or re.fullmatch(_INITIALS, first) or cue):
            continue
        start = tokens[0][1]
        end = tokens[-1][1] + len(tokens[-1][0])
        name = text[start:end]
        name = re.sub(r"['’]s$", "", name)
        if taken.overlaps(start, end):
            continue
        found.append(Found(name, "person", start, start + len(name)))
    return found


def _role_before(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].split()
    return bool(before) and _is_role(before[-1].strip(",:"))


def find_organisations(text: str, taken: SpanSet) -> list[Found]:
    """Named organisations first (longest forms), then acronyms that are not part of them."""
    found = []
    for regex in (_MINISTRY, _EUROPEAN, _ORG_SUFFIX):
        for match in regex.finditer(text):
            start, end = match.span(0) if regex is _MINISTRY else match.span(1)
            name = "ministerie van " + match.group(1) if regex is _MINISTRY else text[start:end]
            tokens = name.split()
            if regex is _EUROPEAN and (any(_is_role(t) for t in tokens[1:]) or tokens[-1] in words("not_names") and len(tokens) == 2):
                continue
            if taken.overlaps(start, end):
                continue
            found.append(Found(name, "organisation", start, end))
            taken.add(start, end)
    for match in _ACRONYM.finditer(text):
        word = match.group(1)
        if word in _NOT_ACRONYMS or _ROMAN.fullmatch(word) or word.isdigit() or not word.isupper():
            continue
        # Part of a run of capitals (a shouted heading, a postal address), not an acronym.
        before, after = text[max(0, match.start() - 12):match.start()], text[match.end():match.end() + 12]
        if re.search(r"[A-Z]{2,}\s*$", before) or re.match(r"\s*[A-Z]{2,}\b", after) or re.search(r"\d{4}\s*$", before):
            continue
        if taken.overlaps(match.start(1), match.end(1)):
            continue
        found.append(Found(word, "organisation", match.start(1), match.end(1)))
        taken.add(match.start(1), match.end(1))
    return found


def find_countries(text: str, taken: SpanSet) -> list[Found]:
    found = []
    for match in _country_regex().finditer(text):
        if not taken.overlaps(*match.span(1)):
            found.append(Found(match.group(1), "country", *match.span(1)))
            taken.add(*match.span(1))
    return found


def find_unknown(text: str, taken: list[tuple[int, int]] | SpanSet) -> list[Found]:
    """Every candidate name outside the `taken` spans (registry matches), left to right."""
    taken = SpanSet(taken)
    found: list[Found] = []
    for finder in (find_countries, find_organisations, find_people):
        new = finder(text, taken)
        found += new
        for f in new:
            if not taken.overlaps(f.start, f.end):
                taken.add(f.start, f.end)
    return sorted(found, key=lambda f: f.start)
