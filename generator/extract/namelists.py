"""The name lists the candidate rules read, and what they find.

Given names, surnames and places come from the Meertens-based lists that the `deduce` package
ships (with the project's own word lists in `lexicon`); country names from the CLDR data that
babel ships. `Found` is a candidate name found in a text. The regex pieces that every name rule
builds on (a capitalised word, the white space inside a name) are here too.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale

from generator.extract.dutch import UPPER
from generator.extract.lexicon import words
from generator.slugs import slugify

# A capitalised word of a name, perhaps with hyphens: `Yeşilgöz-Zegerius`, `O’Neill`.
NAME_WORD = rf"[{UPPER}][\w'’]*(?:-[\w'’]+)*"
# White space inside a name: never a line break (a name does not run into the next line or paragraph).
BLANK = r"[^\S\n]"
WORD_OR_HYPHEN = r"[\w-]"
ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "XK"}


@dataclass(frozen=True)
class Found:
    """A name found in the text: kind is person, organisation or country; span in the text."""

    name: str
    kind: str
    start: int
    end: int
    surname_only: bool = False  # a surname alone, named a person by the words around it

    @property
    def id(self) -> str:
        return _slug(self.name)


@lru_cache(maxsize=8192)
def _slug(name: str) -> str:
    return slugify(name, max_length=80)


# The Meertens-based name lists that the `deduce` package (LGPL-3.0-or-later) ships as data files;
# only these files are read, never its de-identification pipeline (whose import is slow).
_DEDUCE_LISTS = ("data", "lookup", "src")


@cache
def _deduce_list(*parts: str) -> frozenset[str]:
    """The lines of one of deduce's lookup lists (`names/lst_first_name/items.txt`), or nothing
    when deduce is not installed: the project's own word lists still work then."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*_DEDUCE_LISTS, *parts)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in lines if line.strip())


@cache
def given_names() -> frozenset[str]:
    """Given names: deduce's list (without its exceptions and without given names that are also
    common Dutch words, `Storm`, `Winter`) and the project's additions (foreign names deduce lacks)."""
    common = _deduce_list("whitelist", "lst_common_word", "items.txt")
    deduce = _deduce_list("names", "lst_first_name", "items.txt") - _deduce_list("names", "lst_first_name", "exceptions.txt")
    return frozenset({n for n in deduce if n.lower() not in common} | words("first_names")) - words("not_names")


@cache
def surnames() -> frozenset[str]:
    """Dutch surnames (deduce's list without its exceptions and without common words)."""
    common = _deduce_list("whitelist", "lst_common_word", "items.txt")
    found = _deduce_list("names", "lst_surname", "items.txt") - _deduce_list("names", "lst_surname", "exceptions.txt")
    return frozenset(n for n in found if n.lower() not in common) - words("not_names")


@cache
def places() -> frozenset[str]:
    """Dutch place, municipality, province and region names: a capitalised word that is one is no surname."""
    lists = (("lst_placename", "lst_residence"), ("lst_placename", "lst_municipality"), ("lst_placename", "lst_province"),
             ("lst_placename", "lst_region"))
    return frozenset().union(*(_deduce_list("locations", *parts, "items.txt") for parts in lists))




def common_words() -> frozenset[str]:
    """Common Dutch words (lower case): a word that is one is no surname unless the surname list has it."""
    return _deduce_list("whitelist", "lst_common_word", "items.txt")


@cache
def countries() -> dict[str, str]:
    """Dutch country names and their two-letter codes."""
    names = Locale("nl").territories
    return {name: code for code, name in names.items() if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}
