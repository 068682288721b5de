"""Key figures: amounts, percentages and counts, with what they count.

`10.000 tot 30.000 troepen`, `2 procent van het bbp`, `21 van de 27 EU-landen`,
`€ 1,2 miljard`, `800 miljard euro`, `bijna 30 landen`. Bare numbers, years,
dates, times and document numbers are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.extract.dutch import LOWER, MONTHS
from generator.extract.scan import DIGITS_BEYOND_ASCII, widened

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_SCALE = r"(?:\s+(?:miljoen|miljard|biljoen|duizend|mln\.?|mld\.?|mrd\.?))"
_NOUN = rf"(?:[{LOWER}][\w-]*|[A-Z]{{2,5}}-[\w-]+|[A-Z]-?\d+[\w-]*)"
_CURRENCY = r"(?:euro|dollar|pond|roebel|hryvnia)"
_PERCENT = r"(?:procent|procentpunt(?:en)?|%)"
_OF = r"(?:\s+van\s+(?:het|de)\s+(?:bbp|bnp|begroting|budget|bruto binnenlands product|defensiebudget|economie|[\w-]+))"

# A figure is a number (with a qualifier before it: `bijna`, `meer dan`) that is an amount of
# money (`€ 1,2 miljard`, `800 miljard euro`), a range (`10.000 tot 30.000 troepen`), a part
# (`21 van de 27 EU-landen`), a percentage (`2 procent van het bbp`) or a count (`30 landen`).
# One regex of them all would be tried at every position; instead `_CORE` (the figure without
# the qualifier, opening with the digit or currency sign and the lookbehind after it) skips
# straight to digits and currency signs, and a qualifier right before a core is added by
# `_figures_in`. The readable regex, and a test that both find the same figures, are in
# tests/test_fast_patterns.py.
_QUALIFIERS = ("bijna", "ruim", "meer dan", "minder dan", "zo'n", "zo’n", "circa", "ca.", "ongeveer", "maximaal",
               "minstens", "ten minste", "zeker", "hooguit")
# A qualifier that ends where the search ends, with no word character, period, comma or hyphen before it.
_QUALIFIER_BEFORE = re.compile(rf"(?<![\w.,-])(?i:{'|'.join(map(re.escape, _QUALIFIERS))})\Z")
_QUALIFIER_LONGEST = max(map(len, _QUALIFIERS))
_NUM_REST = r"\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?"  # _NUM after its first digit
_ALTERNATIVES_REST = [  # each kind of figure after its first character
    rf"(?P<money_pre>(?<=[€$£])\s?(?:{_NUM}){_SCALE}?)",
    rf"(?P<range>(?<=\d)(?:{_NUM_REST}){_SCALE}?\s*(?:tot|à|-|–)\s*(?:{_NUM}){_SCALE}?\s+(?:{_CURRENCY}|{_PERCENT}{_OF}?|{_NOUN}))",
    rf"(?P<part>(?<=\d)(?:{_NUM_REST})\s+van\s+de\s+(?:{_NUM})\s+{_NOUN})",
    rf"(?P<percent>(?<=\d)(?:{_NUM_REST})\s?{_PERCENT}{_OF}?)",
    rf"(?P<money>(?<=\d)(?:{_NUM_REST}){_SCALE}?\s+{_CURRENCY})",
    rf"(?P<count>(?<=\d)(?:{_NUM_REST}){_SCALE}?\s+{_NOUN})",
]
# The opening class names a range that holds every non-ASCII digit rather than `\d` itself (a
# range is cheaper to test than the Unicode digit property); the lookbehind then checks `\d`.
_CORE = re.compile(rf"[0-9€$£{DIGITS_BEYOND_ASCII}](?<=[€$£\d])(?<![\w.,-].)(?:{'|'.join(_ALTERNATIVES_REST)})(?![\w])")
_NUMBER = re.compile(r"(?:\D*?)(\d[\d.,]*)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NOT_COUNTED = {
    "de", "het", "een", "en", "of", "van", "in", "op", "voor", "aan", "met", "tegen", "tot", "te", "is", "zijn", "was", "waren",
    "werd", "worden", "wordt", "heeft", "hebben", "die", "dat", "per", "om", "uur", "jaar", "jaren", "maanden", "maand", "weken",
    "week", "dagen", "dag", "keer", "na", "bij", "uit", "door", "over", "als", "nog", "ook", "al", "wel", "niet", "zo", "er",
    *MONTHS, "eeuw", "procent", "minuten", "seconden", "nr", "nummer",
}


def find_figures(text: str) -> list[str]:
    """Figures as they stand in the text, in order, without repeats."""
    found: list[str] = []
    for match, kind in _figures_in(text):
        figure = " ".join(match.split())
        if kind in ("count", "range", "part"):
            noun = figure.split()[-1]
            if noun.lower() in _NOT_COUNTED:
                continue
            number = _NUMBER.match(figure).group(1)
            if kind == "count" and _YEAR.fullmatch(number):
                continue  # a year
        if figure not in found:
            found.append(figure)
    return found


def _figures_in(text: str) -> Iterator[tuple[str, str | None]]:
    """Each match of the full figure regex, left to right, and which alternative matched: a core
    (a digit or currency sign onwards), widened to a qualifier before it (qualifiers hold
    neither digits nor currency signs)."""
    for start, core in widened(text, _CORE, _QUALIFIER_BEFORE, _QUALIFIER_LONGEST):
        yield text[start:core.end()], core.lastgroup
