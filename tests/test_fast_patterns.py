"""Property-based: each regex that extraction writes in a fast form finds what its readable
form finds, on generated Dutch-like text (names with particles and initials, hyphens,
accented capitals, acronyms, dates, figures, punctuation and line breaks).

The readable forms live here, as the reference; the rules use the fast ones."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.extract import dates, figures, organisations, people, roles, text
from generator.extract.dutch import LOWER, UPPER
from generator.extract.matching import NameMatcher
from generator.extract.namelists import BLANK, NAME_WORD

PIECES = [
    # names, particles, initials, accented and Latin Extended-A capitals, hyphens, apostrophes
    "Jan", "Anna", "Wilma", "Pieter", "Veen", "Jansen", "van", "der", "den", "de", "Van", "De", "ter", "von", "bin", "al",
    "het", "'t", "A.", "B.", "J.A.", "A.B.C.D.E.", "Élodie", "Öztürk", "Łukasz", "Şahin", "Čapek", "Yeşilgöz-Zegerius",
    "O’Neill", "D'Ancona", "Jean-Noël", "ÅSA", "É", "Ø",
    # organisations, acronyms, roles
    "NAVO", "EU", "OVSE", "IAEA", "F-16", "MH17", "Adviesraad", "EU-Raad", "VN-Veiligheidsraad", "Raad", "raad",
    "Bestuursdienst", "Wereldbank", "minister", "premier", "secretaris-generaal", "Minister", "Franse", "president",
    # dates
    "2", "12", "31", "maart", "Maart", "mrt.", "sept.", "okt", "2024", "1999", "12-03-2024", "1.2.2020", "3/4/2021",
    "maandag", "Dinsdag", "zondag,", "٣",
    # figures
    "€", "$", "£", "1.000", "2,5", "10.000", "procent", "%", "procentpunt", "miljard", "mln.", "euro", "dollar", "bijna",
    "meer dan", "ruim", "zo’n", "ca.", "troepen", "landen", "tot", "à", "van het bbp", "jaar",
]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "-", "", "(", ")", ": ", "; ", "\t", "“", "”", "'", "’s "]
dutchish = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=24).map(
    lambda parts: "".join(piece + separator for piece, separator in parts))
characters = st.text(alphabet=st.sampled_from(list("AaBJjÉéŁłÖöŠš-'’., \n\t()12€%vandeVD")), max_size=40)
texts = st.one_of(dutchish, dutchish, characters)
SETTINGS = settings(max_examples=300, deadline=None)


def spans(regex: re.Pattern, text_: str, group: int = 0) -> list[tuple[int, int]]:
    return [m.span(group) for m in regex.finditer(text_)]


# --- people: runs of capitalised words ------------------------------------------------------

RUN = re.compile(
    rf"(?<![\w-])(?:(?:[{UPPER}]\.){{1,4}}{BLANK}?)?{NAME_WORD}"
    rf"(?:{BLANK}+(?:{people._PARTICLES}{BLANK}+)?{NAME_WORD})*"
)


@SETTINGS
@given(texts)
@example("A.B. Jansen en Jan van der Veen zeiden het; Łukasz Şahin-Öztürk ook.")
def test_runs_of_capitalised_words(text_):
    assert spans(people._RUN, text_) == spans(RUN, text_)


@SETTINGS
@given(texts)
@example("De NAVO. Wilma van der Veen\nEn Jan Jansen")
def test_long_runs_are_the_runs_of_more_than_one_word(text_):
    expected = [(m.group(), m.start(), m.end()) for m in RUN.finditer(text_) if len(m.group().split()) > 1]
    assert list(people._long_runs(text_)) == expected


# --- organisations: compounds and acronyms ----------------------------------------------------

ORG_SUFFIX = re.compile(rf"(?<![\w-])((?:[A-Z]{{2,5}}-)?[{UPPER}][{LOWER}]+{organisations._ORG_SUFFIXES})(?![\w-])")
ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,7})(?![A-Za-z0-9])")


@SETTINGS
@given(texts)
@example("De EU-Raad en de Adviesraad, OVSE en IAEA; VN-Veiligheidsraad, ABCDEF-Raad.")
def test_organisation_compounds_and_acronyms_in_one_scan(text_):
    assert organisations._suffixes_and_acronyms(text_) == (spans(ORG_SUFFIX, text_, 1), spans(ACRONYM, text_, 1))


# --- roles: a role with its complement before a name -----------------------------------------

BEFORE_OF = re.compile(rf"((?:[\w-]+\s+)?[\w-]+\s+{roles._OF})\s*,?\s*\Z")
role_windows = st.lists(st.sampled_from(
    ["de", "Franse", "minister", "secretaris-generaal", "van", "het", "Defensie", "Buitenlandse", "Zaken", "en", "NAVO", "x-y",
     "De", "Staat", ",", "  ", "\n"]), max_size=10).map(" ".join)


@SETTINGS
@given(st.one_of(role_windows, texts))
@example("De secretaris-generaal van de NAVO, ")
@example("minister van Buitenlandse Zaken en van Defensie")
def test_role_before_a_name(window):
    fast = roles._BEFORE_OF_FAST.search(window) if roles._may_end_with_of(window) else None
    readable = BEFORE_OF.search(window)
    assert (fast and (fast.span(1), fast.group(1))) == (readable and (readable.span(1), readable.group(1)))


@SETTINGS
@given(texts, st.sampled_from(["premier", "Franse president", "minister van Defensie", "de", "e", "president"]))
@example("de premier Jan en De premier. de  premier", "premier")
def test_references_by_role(text_, phrase):
    pattern = re.compile(rf"(?<![\w-])[Dd]e\s+({re.escape(phrase)})(?!\s+(?:van\s+)?[{UPPER}])(?![\w-])")
    assert list(roles._references(text_, phrase)) == spans(pattern, text_, 1)


# --- dates ----------------------------------------------------------------------------------

DUTCH_DATE = re.compile(
    rf"(?<![\w-])(?:(?:{dates._WEEKDAYS_RE}),?\s+)?(\d{{1,2}})\s+({dates._MONTHS_RE})\.?\s+(\d{{4}})(?![\w-])",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"(?<![\w./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\w/-]|\.\d)")


@SETTINGS
@given(texts)
@example("Op maandag, 3 februari 2025 en zondag 2 sept. 2024; x2 maart 2024")
def test_dutch_dates(text_):
    found = [(start, match.end(), match.groups()) for start, match in dates._dutch_dates(text_)]
    assert found == [(m.start(), m.end(), m.groups()) for m in DUTCH_DATE.finditer(text_)]


@SETTINGS
@given(texts)
@example("12-03-2024, 1.2.2020 en 3/4/2021.5 en 1.12-03-2024")
def test_numeric_dates(text_):
    assert [(m.span(), m.groups()) for m in dates._NUMERIC_DATE.finditer(text_)] == \
        [(m.span(), m.groups()) for m in NUMERIC_DATE.finditer(text_)]


# --- figures --------------------------------------------------------------------------------

_QUALIFIER = rf"(?i:(?:{'|'.join(map(re.escape, figures._QUALIFIERS))})\s+)"
_NUM, _SCALE, _NOUN = figures._NUM, figures._SCALE, figures._NOUN
_CURRENCY, _PERCENT, _OF = figures._CURRENCY, figures._PERCENT, figures._OF
_ALTERNATIVES = [
    rf"(?P<money_pre>[€$£]\s?(?:{_NUM}){_SCALE}?)",
    rf"(?P<range>(?:{_NUM}){_SCALE}?\s*(?:tot|à|-|–)\s*(?:{_NUM}){_SCALE}?\s+(?:{_CURRENCY}|{_PERCENT}{_OF}?|{_NOUN}))",
    rf"(?P<part>(?:{_NUM})\s+van\s+de\s+(?:{_NUM})\s+{_NOUN})",
    rf"(?P<percent>(?:{_NUM})\s?{_PERCENT}{_OF}?)",
    rf"(?P<money>(?:{_NUM}){_SCALE}?\s+{_CURRENCY})",
    rf"(?P<count>(?:{_NUM}){_SCALE}?\s+{_NOUN})",
]
FIGURE = re.compile(rf"(?<![\w.,-])(?:{_QUALIFIER})?(?:{'|'.join(_ALTERNATIVES)})(?![\w])")


@SETTINGS
@given(texts)
@example("bijna 30 landen, € 1,2 miljard, 10.000 tot 30.000 troepen en meer dan 2 procent van het bbp")
def test_figures(text_):
    assert list(figures._figures_in(text_)) == [(m.group(), m.lastgroup) for m in FIGURE.finditer(text_)]


# --- text: a line that ends a sentence ------------------------------------------------------

TERMINAL = re.compile(r"[.!?…:;][\"'”’»)]*$")


@SETTINGS
@given(st.one_of(texts, st.text(alphabet=st.sampled_from(list("a .!?…:;\"'”’»)\n")), max_size=12)))
@example("Zo is het.”)\n")
def test_ends_sentence(line):
    assert text._ends_sentence(line) == bool(TERMINAL.search(line))


# --- matching: a few names found without a regex -------------------------------------------

FORMS = {"NAVO": "navo", "EU": "eu", "Jan Jansen": "jan", "Jansen": "jansen", "Raad": "raad", "Raad van State": "rvs", "É": "e"}


class _RegexMatcher(NameMatcher):
    SMALL = 0  # always the regex


@SETTINGS
@given(texts)
@example("NAVO's en EU’s, de Raad van State, Jan Jansens; NAVO-landen")
def test_few_names_found_as_the_regex_finds_them(text_):
    assert list(NameMatcher(FORMS).finditer(text_)) == list(_RegexMatcher(FORMS).finditer(text_))
