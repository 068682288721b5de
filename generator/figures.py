"""Key figures: amounts, percentages and counts, with what they count.

`10.000 tot 30.000 troepen`, `2 procent van het bbp`, `21 van de 27 EU-landen`,
`€ 1,2 miljard`, `800 miljard euro`, `bijna 30 landen`. Bare numbers, years,
dates, times and document numbers are left out.
"""

from __future__ import annotations

import re

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_SCALE = r"(?:\s+(?:miljoen|miljard|biljoen|duizend|mln\.?|mld\.?|mrd\.?))"
_QUALIFIER = r"(?i:(?:bijna|ruim|meer dan|minder dan|zo'n|zo’n|circa|ca\.|ongeveer|maximaal|minstens|ten minste|zeker|hooguit)\s+)"
_NOUN = r"(?:[a-zà-ÿ][\w-]*|[A-Z]{2,5}-[\w-]+|[A-Z]-?\d+[\w-]*)"
_CURRENCY = r"(?:euro|dollar|pond|roebel|hryvnia)"
_PERCENT = r"(?:procent|procentpunt(?:en)?|%)"
_OF = r"(?:\s+van\s+(?:het|de)\s+(?:bbp|bnp|begroting|budget|bruto binnenlands product|defensiebudget|economie|[\w-]+))"

_ALTERNATIVES = [
    rf"(?P<money_pre>[€$£]\s?(?:{_NUM}){_SCALE}?)",
    rf"(?P<range>(?:{_NUM}){_SCALE}?\s*(?:tot|à|-|–)\s*(?:{_NUM}){_SCALE}?\s+(?:{_CURRENCY}|{_PERCENT}{_OF}?|{_NOUN}))",
    rf"(?P<part>(?:{_NUM})\s+van\s+de\s+(?:{_NUM})\s+{_NOUN})",
    rf"(?P<percent>(?:{_NUM})\s?{_PERCENT}{_OF}?)",
    rf"(?P<money>(?:{_NUM}){_SCALE}?\s+{_CURRENCY})",
    rf"(?P<count>(?:{_NUM}){_SCALE}?\s+{_NOUN})",
]
_FIGURE = re.compile(rf"(?<![\w.,-])(?:{_QUALIFIER})?(?:{'|'.join(_ALTERNATIVES)})(?![\w])")
_NOT_COUNTED = {
    "de", "het", "een", "en", "of", "van", "in", "op", "voor", "aan", "met", "tegen", "tot", "te", "is", "zijn", "was", "waren",
    "werd", "worden", "wordt", "heeft", "hebben", "die", "dat", "per", "om", "uur", "jaar", "jaren", "maanden", "maand", "weken",
    "week", "dagen", "dag", "keer", "na", "bij", "uit", "door", "over", "als", "nog", "ook", "al", "wel", "niet", "zo", "er",
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
    "eeuw", "procent", "minuten", "seconden", "nr", "nummer",
}


def find_figures(text: str) -> list[str]:
    """Figures as they stand in the text, in order, without repeats."""
    found: list[str] = []
    for match in _FIGURE.finditer(text):
        figure = " ".join(match.group(0).split())
        kind = match.lastgroup
        if kind in ("count", "range", "part"):
            noun = figure.split()[-1]
            if noun.lower() in _NOT_COUNTED:
                continue
            number = re.match(r"(?:\D*?)(\d[\d.,]*)", figure).group(1)
            if kind == "count" and re.fullmatch(r"(?:19|20)\d\d", number):
                continue  # a year
        if figure not in found:
            found.append(figure)
    return found
