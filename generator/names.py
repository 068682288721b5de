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
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale

from generator.lexicon import words
from generator.matching import word_start_pattern
from generator.slugs import slugify
from generator.spans import SpanSet

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_TOKEN = rf"[{_UPPER}][\w'’]*(?:-[\w'’]+)*"
_INITIALS = rf"(?:[{_UPPER}]\.){{1,4}}"
_PARTICLES = r"(?:van der|van den|van de|von der|van|von|de|der|den|ter|ten|du|da|di|le|la|al|bin|el|zu)"
# A run of capitalised words, optionally with particles between them:
# (?<![\w-])(?:{_INITIALS}\s?)?{_TOKEN}(?:\s+(?:{_PARTICLES}\s+)?{_TOKEN})*
# written to open with its first capital (the lookbehind follows it), so the regex engine
# only stops at capitals.
_RUN = re.compile(
    rf"[{_UPPER}](?<![\w-].)(?:\.(?:[{_UPPER}]\.){{0,3}}\s?{_TOKEN}|[\w'’]*(?:-[\w'’]+)*)"
    rf"(?:\s+(?:{_PARTICLES}\s+)?{_TOKEN})*"
)
# `_RUN.finditer` gives every run, and most runs are one word, which can never be a name.
# `_LONG_RUN`, matched at the end of the previous long run (or at 0), goes on to the next
# run of more than one word and skips the one-word runs on its way exactly as
# `_RUN.finditer` would (see `_long_runs`): GAP passes characters where no run can start (not
# a capital, or a capital after a word character or hyphen); WORD matches a run that
# `_RUN` would end after one word (its opening taken as `_RUN` takes it, no white space in
# it, nothing after it that `_RUN` would add).
_GAP = rf"[^{_UPPER}]*+(?:(?<=[\w-])[{_UPPER}][^{_UPPER}]*+)*+"
_WORD = (
    rf"[{_UPPER}](?<![\w-].)(?>\.(?:[{_UPPER}]\.){{0,3}}\s?(?=[{_UPPER}])|)(?<!\s)"
    rf"(?:(?<=\.)[{_UPPER}]|(?<!\.))[\w'’]*+(?:-[\w'’]+)*+(?!\s+(?:{_PARTICLES}\s+)?{_TOKEN})"
)
_LONG_RUN = re.compile(rf"{_GAP}(?:{_WORD}{_GAP})*+({_RUN.pattern})")
_WORD_OR_HYPHEN = r"[\w-]"
_INITIALS_RE = re.compile(_INITIALS)
# At most eight capitals (`BALTOPS`), all of them: a longer run is a shouted word, not an acronym.
_ACRONYM = re.compile(r"([A-Z](?<![\w-].)[A-Z0-9]{1,7})(?![A-Za-z0-9])")
_CAPITALS_BEFORE = re.compile(r"[A-Z]{2,}\s*$")
_CAPITALS_AFTER = re.compile(r"\s*[A-Z]{2,}\b")
_YEAR_BEFORE = re.compile(r"\d{4}\s*$")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_MINISTRY = re.compile(rf"[Mm](?<![\w-].)inisterie van ({_TOKEN}(?:(?:,\s*|\s+en\s+|\s+){_TOKEN})*)")
_EUROPEAN = re.compile(
    rf"((?:{word_start_pattern(('Europese', 'Europees', 'Verenigde', 'Internationaal', 'Internationale', 'Nationale', 'Nationaal', 'Noord-Atlantische'), _WORD_OR_HYPHEN)})"
    rf"(?:\s+{_TOKEN}){{1,3}})"
)
_ORG_SUFFIX_WORDS = ("raad", "agentschap", "organisatie", "commissie", "bank", "fonds", "parlement", "dienst", "hof", "alliantie",
                     "instituut", "ministerie", "inlichtingendienst")
_ORG_SUFFIXES = f"(?:{'|'.join(_ORG_SUFFIX_WORDS)})"
# (?<![\w-])((?:[A-Z]{2,5}-)?[{_UPPER}][a-zà-ÿ]+{_ORG_SUFFIXES})(?![\w-]), opening with its first capital.
_ORG_SUFFIX = re.compile(
    rf"([{_UPPER}](?<![\w-].)(?:(?<=[A-Z])[A-Z]{{1,4}}-[{_UPPER}][a-zà-ÿ]+{_ORG_SUFFIXES}|[a-zà-ÿ]+{_ORG_SUFFIXES}))(?![\w-])"
)
# `_ORG_SUFFIX` and `_ACRONYM` both open with a capital that no word character or hyphen
# precedes; one scan finds where each of them matches (see `_suffixes_and_acronyms`).
_ORG_SUFFIX_OR_ACRONYM = re.compile(
    rf"[{_UPPER}](?<![\w-].)"
    rf"(?:(?=(?:(?<=[A-Z])[A-Z]{{1,4}}-[{_UPPER}][a-zà-ÿ]+{_ORG_SUFFIXES}|[a-zà-ÿ]+{_ORG_SUFFIXES})(?![\w-])()))?"
    r"(?:(?=(?<=[A-Z])[A-Z0-9]{1,7}(?![A-Za-z0-9])()))?"
    r"(?(1)|(?(2)|(?!)))"
)
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
        return _slug(self.name)


@lru_cache(maxsize=8192)
def _slug(name: str) -> str:
    return slugify(name, max_length=80)


@cache
def _countries() -> dict[str, str]:
    names = Locale("nl").territories
    return {name: code for code, name in names.items() if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}


@cache
def _country_regex() -> re.Pattern:
    # The longest country name that stands here wins, as in an alternation sorted longest first.
    return re.compile(rf"({word_start_pattern(_countries(), _WORD_OR_HYPHEN)})(?![\w])")


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
    for run, run_start, run_end in _long_runs(text):
        tokens = run.split()
        last_at = len(tokens)
        if last_at < 2 or taken.covers(run_start, run_end):
            continue  # a name needs two words; one inside a registry name overlaps it
        # Drop leading words that cannot start a name: sentence openers, titles, adjectives,
        # and a word that describes the person before a given name and a surname
        # (`Omwonende Kees Verstegen`).
        first_at = 0
        cue = False
        while first_at < last_at:
            token = tokens[first_at]
            if token in not_names:
                cue = cue or _is_role(token)
            elif _is_role(token):
                cue = True
            elif not (token not in first_names and last_at - first_at >= 3 and tokens[first_at + 1] in first_names):
                break
            first_at += 1
        while first_at < last_at and tokens[last_at - 1] in not_names:
            last_at -= 1
        kept = tokens[first_at:last_at]
        capitals = 0
        for token in kept:
            if _is_role(token):
                capitals = -1
                break
            if token[:1].isupper():
                capitals += 1
        if capitals < 2:
            continue
        first = kept[0]
        if not (first in first_names or _INITIALS_RE.fullmatch(first) or cue or _role_before(text, run_start)):
            continue
        # Where the kept words stand: the tokens follow each other, separated by white space only.
        at = 0
        for token in tokens[:first_at]:
            at = run.find(token, at) + len(token)
        start = run.find(kept[0], at)
        at = start
        for token in kept[:-1]:
            at = run.find(token, at) + len(token)
        end = run.find(kept[-1], at) + len(kept[-1])
        name = run[start:end]
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        start += run_start
        end += run_start
        if taken.overlaps(start, end):
            continue
        found.append(Found(name, "person", start, start + len(name)))
    return found


def _long_runs(text: str) -> Iterator[tuple[str, int, int]]:
    """The runs of `_RUN.finditer(text)` with more than one word (a name needs two), and their spans."""
    cursor = 0
    while True:
        match = _LONG_RUN.match(text, cursor)
        if match is None:
            return
        cursor = match.end()
        yield match.group(1), match.start(1), cursor


def _role_before(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].split()
    return bool(before) and _is_role(before[-1].strip(",:"))


def find_organisations(text: str, taken: SpanSet) -> list[Found]:
    """Named organisations first (longest forms), then acronyms that are not part of them."""
    found = []
    if "inisterie van" in text:
        for match in _MINISTRY.finditer(text):
            start, end = match.span(0)
            if not taken.overlaps(start, end):
                found.append(Found("ministerie van " + match.group(1), "organisation", start, end))
                taken.add(start, end)
    not_names = words("not_names")
    for match in _EUROPEAN.finditer(text):
        start, end = match.span(1)
        if taken.overlaps(start, end):
            continue
        name = match.group(1)
        tokens = name.split()
        if any(_is_role(t) for t in tokens[1:]) or tokens[-1] in not_names and len(tokens) == 2:
            continue
        found.append(Found(name, "organisation", start, end))
        taken.add(start, end)
    suffixed, acronyms = _suffixes_and_acronyms(text)
    for start, end in suffixed:
        if not taken.overlaps(start, end):
            found.append(Found(text[start:end], "organisation", start, end))
            taken.add(start, end)
    for start, end in acronyms:
        if taken.overlaps(start, end):
            continue
        word = text[start:end]
        if word in words("not_acronyms") or _ROMAN.fullmatch(word) or word.isdigit() or not word.isupper():
            continue
        # Part of a run of capitals (a shouted heading, a postal address), not an acronym.
        before, after = text[max(0, start - 12):start], text[end:end + 12]
        if _CAPITALS_BEFORE.search(before) or _CAPITALS_AFTER.match(after) or _YEAR_BEFORE.search(before):
            continue
        found.append(Found(word, "organisation", start, end))
        taken.add(start, end)
    return found


def _suffixes_and_acronyms(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans `_ORG_SUFFIX.finditer` and `_ACRONYM.finditer` give (group 1), from one scan.

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
