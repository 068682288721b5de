"""Find people, organisations and countries that the registry does not know yet.

There is no Dutch named-entity model to use offline, so these are rules:
- a person is a run of capitalised words (with particles such as van, de, der,
  von, ter) that starts with a known given name or initials, or that stands
  right after a role word ("premier", "secretaris-generaal") (`people`); or a
  surname alone that a role, a form of address, a reporting verb or a party marks
  (`surnames`);
- an organisation is an acronym (OVSE, IAEA), a `ministerie van …`, a name
  opening with Europese/Europees/Verenigde/Internationaal, or a capitalised
  compound ending in -raad, -agentschap, -organisatie and the like (`organisations`);
- a country is a Dutch country name from the CLDR data that babel ships.
Sentence-initial words, months, days, places and titles are filtered out by the
word lists in `lexicon` and `namelists`. What is found is a candidate: shown on the site
as not yet reviewed, and listed so that a curator can add it to data/actors.yml.
"""

from __future__ import annotations

from generator.extract.namelists import Found
from generator.extract.organisations import find_countries, find_organisations
from generator.extract.people import find_people
from generator.extract.spans import SpanSet
from generator.extract.surnames import find_titled_people

__all__ = ["Found", "find_unknown"]


def find_unknown(text: str, taken: list[tuple[int, int]] | SpanSet) -> list[Found]:
    """Every candidate name outside the `taken` spans (registry matches), left to right."""
    taken = SpanSet(taken)
    found: list[Found] = []
    for finder in (find_countries, find_organisations, find_people, find_titled_people):
        new = finder(text, taken)
        found += new
        for f in new:
            if not taken.overlaps(f.start, f.end):
                taken.add(f.start, f.end)
    return sorted(found, key=lambda f: f.start)
