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

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale

from generator.extract.dutch import LOWER, OPENING_MARKS, PARTICLE_WORDS, UPPER, is_role_word, particles_pattern
from generator.extract.lexicon import words
from generator.extract.matching import word_start_pattern
from generator.extract.spans import SpanSet
from generator.slugs import slugify

_UPPER = UPPER
_TOKEN = rf"[{_UPPER}][\w'’]*(?:-[\w'’]+)*"
_INITIALS = rf"(?:[{_UPPER}]\.){{1,4}}"
# White space inside a name: never a line break (a name does not run into the next line or paragraph).
_BLANK = r"[^\S\n]"
_PARTICLES = particles_pattern(" ")
# A run of capitalised words, optionally with particles between them:
# (?<![\w-])(?:{_INITIALS}\s?)?{_TOKEN}(?:\s+(?:{_PARTICLES}\s+)?{_TOKEN})*
# written to open with its first capital (the lookbehind follows it), so the regex engine
# only stops at capitals.
_RUN = re.compile(
    rf"[{_UPPER}](?<![\w-].)(?:\.(?:[{_UPPER}]\.){{0,3}}{_BLANK}?{_TOKEN}|[\w'’]*(?:-[\w'’]+)*)"
    rf"(?:{_BLANK}+(?:{_PARTICLES}{_BLANK}+)?{_TOKEN})*"
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
    rf"[{_UPPER}](?<![\w-].)(?>\.(?:[{_UPPER}]\.){{0,3}}{_BLANK}?(?=[{_UPPER}])|)(?<!\s)"
    rf"(?:(?<=\.)[{_UPPER}]|(?<!\.))[\w'’]*+(?:-[\w'’]+)*+(?!{_BLANK}+(?:{_PARTICLES}{_BLANK}+)?{_TOKEN})"
)
_LONG_RUN = re.compile(rf"{_GAP}(?:{_WORD}{_GAP})*+({_RUN.pattern})")
_WORD_OR_HYPHEN = r"[\w-]"
_INITIALS_RE = re.compile(_INITIALS)
_PARTY_AFTER = re.compile(r"[^\S\n]*\((?:[A-Z][\w&.-]*[A-Z0-9][\w&.-]*|[A-Z][a-z]+[A-Z][\w-]*)\)")
# Words before the name of who made a picture or a text: a credit, not a person the text is about.
_CREDITS = frozenset({"Beeld", "Foto", "Foto's", "Fotografie", "Illustratie", "Tekst", "Bewerking", "Eindredactie", "Redactie"})
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
# (?<![\w-])((?:[A-Z]{2,5}-)?[{_UPPER}][{LOWER}]+{_ORG_SUFFIXES})(?![\w-]), opening with its first capital.
_ORG_SUFFIX = re.compile(
    rf"([{_UPPER}](?<![\w-].)(?:(?<=[A-Z])[A-Z]{{1,4}}-[{_UPPER}][{LOWER}]+{_ORG_SUFFIXES}|[{LOWER}]+{_ORG_SUFFIXES}))(?![\w-])"
)
# `_ORG_SUFFIX` and `_ACRONYM` both open with a capital that no word character or hyphen
# precedes; one scan finds where each of them matches (see `_suffixes_and_acronyms`).
_ORG_SUFFIX_OR_ACRONYM = re.compile(
    rf"[{_UPPER}](?<![\w-].)"
    rf"(?:(?=(?:(?<=[A-Z])[A-Z]{{1,4}}-[{_UPPER}][{LOWER}]+{_ORG_SUFFIXES}|[{LOWER}]+{_ORG_SUFFIXES})(?![\w-])()))?"
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


@cache
def _countries() -> dict[str, str]:
    names = Locale("nl").territories
    return {name: code for code, name in names.items() if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}


@cache
def _country_regex() -> re.Pattern:
    # The longest country name that stands here wins, as in an alternation sorted longest first.
    return re.compile(rf"({word_start_pattern(_countries(), _WORD_OR_HYPHEN)})(?![\w])")


def find_people(text: str, taken: SpanSet) -> list[Found]:
    """Runs of capitalised words that a given name, initials or a role word mark as a person."""
    first_names, not_names = given_names(), words("not_names")
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
            if token in _CREDITS:
                first_at = last_at  # `Beeld Anna de Vries`: whoever made the picture is no actor
                break
            if token in not_names:
                cue = cue or is_role_word(token)
            elif is_role_word(token):
                cue = True
            elif not (token not in first_names and last_at - first_at >= 3 and tokens[first_at + 1] in first_names):
                break
            first_at += 1
        last_at = first_at + _name_length(tokens[first_at:last_at], first_names)
        while first_at < last_at and (tokens[last_at - 1] in not_names or tokens[last_at - 1] in PARTICLE_WORDS
                                      or _ROMAN.fullmatch(tokens[last_at - 1])):
            last_at -= 1
        kept = tokens[first_at:last_at]
        capitals = 0
        for token in kept:
            if is_role_word(token):
                capitals = -1
                break
            if token[:1].isupper():
                capitals += 1
        if capitals < 2:
            continue
        first = kept[0]
        if not (first in first_names or _INITIALS_RE.fullmatch(first) or cue or _role_before(text, run_start)
                or _party_after(text, run_start + _offset_after(run, kept[-1], tokens, last_at), kept)):
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


def _name_length(tokens: list[str], first_names: frozenset[str]) -> int:
    """How many of `tokens` make the name: a lower-case particle belongs to it only after the given
    names or initials (`Jan van der Berg`, and after a capitalised particle: `Dirk Van der Maelen`);
    after a surname it opens what follows the name (`Henk Kamp van Defensie`, `Julie Bishop van Australië`)."""
    surname = False
    for i, token in enumerate(tokens):
        if token in PARTICLE_WORDS:
            if surname:
                return i
        elif not surname and i + 1 < len(tokens) and token.lower() in PARTICLE_WORDS and token[:1].isupper():
            continue  # a surname's capitalised particle, as Belgians write it: `Dirk Van der Maelen`, `Pieter De Crem`
        elif token not in first_names and not _INITIALS_RE.fullmatch(token):
            surname = True
    return len(tokens)


def _offset_after(run: str, last: str, tokens: list[str], last_at: int) -> int:
    """Where the kept words end in `run`: after the `last_at`-th token."""
    at = 0
    for token in tokens[:last_at]:
        at = run.find(token, at) + len(token)
    return at


# Words before a surname alone that say it is a person: a role, rank or function (`minister Jansen`,
# `CDA-Kamerlid Jansen`, `VN-ambassadeur Petrov`), or a form of address (`de heer Jansen`).
_FUNCTION_WORDS = (
    "hoogleraar", "woordvoerder", "woordvoerster", "deskundige", "onderzoeker", "onderzoekster", "directeur", "directrice",
    "collega", "ambtsgenoot", "partijgenoot", "fractiegenoot", "kamerlid", "tweede-kamerlid", "eerste-kamerlid", "parlementslid",
    "parlementariër", "europarlementariër", "senator", "fractievoorzitter", "fractieleider", "partijleider", "partijvoorzitter",
    "lijsttrekker", "oppositieleider", "burgemeester", "wethouder", "gouverneur", "premier", "minister", "staatssecretaris",
    "president", "vicepresident", "vicepremier", "kanselier", "bondskanselier", "generaal", "luitenant-generaal",
    "generaal-majoor", "brigadegeneraal", "kolonel", "luitenant-kolonel", "majoor", "kapitein", "luitenant", "sergeant",
    "korporaal", "admiraal", "luitenant-admiraal", "vice-admiraal", "commandeur", "commandant", "bevelhebber", "ambassadeur",
    "gezant", "analist", "expert", "specialist", "professor", "prof.", "dr.", "drs.", "mr.", "ir.", "dhr.", "mw.", "mevr.",
    "voorzitter", "commissaris", "eurocommissaris", "secretaris-generaal", "koning", "koningin", "prins", "prinses", "paus",
    "topman", "topvrouw", "onderhandelaar", "aanklager", "rechter", "advocaat", "oud-minister", "oud-premier",
)
_ADDRESS = r"(?:[Dd]e\s+heer|[Mm]evrouw|[Mm]eneer|[Mm]ijnheer|(?<![\w.])[Mm]r\.)"
_SURNAME = (
    rf"((?:{particles_pattern(capital=True)}\s+)?"
    rf"[{_UPPER}][\w'’]*[{LOWER}][\w'’]*(?:-[{_UPPER}][\w'’]+)?)(?![\w-])(?!{_BLANK}+[{_UPPER}])"
)
# Reporting verbs that stand right before or after a speaker's name.
_SPEECH_VERBS = (
    "zegt", "zei", "vertelt", "vertelde", "stelt", "stelde", "aldus", "benadrukt", "benadrukte", "waarschuwt", "waarschuwde",
    "schrijft", "schreef", "verklaart", "verklaarde", "antwoordt", "antwoordde", "reageert", "reageerde", "vervolgt",
    "vervolgde", "denkt", "dacht", "meent", "meende", "vindt", "vond", "erkent", "erkende", "voegt", "voegde", "zegde",
    "vraagt", "vroeg", "betoogt", "betoogde", "concludeert", "concludeerde", "beaamt", "beaamde", "legt", "legde",
)


@cache
def _cue_words() -> frozenset[str]:
    return frozenset(_FUNCTION_WORDS) | {w for w in words("roles") if len(w) > 4 and w not in ("hoge", "plaatsvervangend")}


_SPEECH_VERB_SET = frozenset(_SPEECH_VERBS)
# A capitalised word (with the particles a surname may open with) that no other capitalised word follows.
_LONE_CAPITAL = re.compile(
    rf"(?<![\w'’.-])((?:{particles_pattern(' ', capital=True)} )?"
    rf"[{_UPPER}][\w'’]*[{LOWER}][\w'’]*(?:-[{_UPPER}][\w'’]+)?)(?![\w'’-])(?!{_BLANK}+[{_UPPER}])"
)
_WORD_BEFORE = re.compile(rf"(?:^|(?<=\s))([\w.-]+|[Vv]oorzitter:){_BLANK}+$")
_VERB_AFTER = re.compile(rf"{_BLANK}+(\w+)\b")
_PUNCTUATION_OR_WORD_AFTER = re.compile(rf"{_BLANK}*[.,;:!?]|{_BLANK}+[a-z]")


def _lone_surnames(text: str):
    """(name, start, end, how) for each capitalised word alone that a cue word or reporting verb
    before it, or a reporting verb after it at a sentence start, marks: how is cue, verb or opener."""
    cues = _cue_words()
    for match in _LONE_CAPITAL.finditer(text):
        start, end = match.span(1)
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before:
            word = before.group(1).lower().rstrip(":")  # `Voorzitter: Jansen` heads a parliamentary report
            if word in cues or word.rsplit("-", 1)[-1] in cues:
                yield match.group(1), start, end, "cue"
                continue
            if word == "heer" and text[max(0, before.start(1) - 3):before.start(1)].lower() == "de " \
                    or word in ("mevrouw", "meneer", "mijnheer") or (word == "mr." and before.group(1) == "mr."):
                yield match.group(1), start, end, "cue"
                continue
            if word in _SPEECH_VERB_SET and _PUNCTUATION_OR_WORD_AFTER.match(text, end):
                yield match.group(1), start, end, "verb"
                continue
        verb = _VERB_AFTER.match(text, end)
        if verb and verb.group(1) in _SPEECH_VERB_SET and _opens_sentence(text, start):
            yield match.group(1), start, end, "opener"


def _opens_sentence(text: str, start: int) -> bool:
    at = start
    if at and text[at - 1] in OPENING_MARKS:
        at -= 1
    if at == 0 or text[at - 1] == "\n":
        return True
    return at >= 2 and text[at - 1] == " " and text[at - 2] in ".!?:"


_PARTY_AFTER_SURNAME = re.compile(
    rf"(?:^|(?<=[\s,(]))((?:{particles_pattern(capital=True)}\s+)?[{_UPPER}][\w'’]*[{LOWER}][\w'’]*(?:-[{_UPPER}][\w'’]+)?)"
    rf"(?={_PARTY_AFTER.pattern})",
    re.MULTILINE,
)


def find_titled_people(text: str, taken: SpanSet) -> list[Found]:
    """A surname alone where the words around it say it names a person: a role or form of address
    before it (`Kamerlid Jansen`, `de heer Van der Berg`), a reporting verb next to it (`zegt
    Jansen.`, `Jansen zei`), or a party in parentheses after it (`Jansen (CDA)`)."""
    not_names, first_names, known = words("not_names"), given_names(), surnames()
    found = []
    for name, start, end, how in _lone_surnames(text):
        last = name.split()[-1]
        if how != "cue" and last not in known:
            continue  # `aldus Reuters`, `Daarop zei`: a name only when it is a known surname
        if _not_a_surname(last, not_names, first_names, known) or taken.overlaps(start, end):
            continue
        found.append(Found(name, "person", start, end, True))
        if how == "cue":
            # `de ministers Jansen van Defensie en De Vries van Financiën`: the role covers both.
            following = _COORDINATED.match(text, end)
            while following:
                start, end = following.span(1)
                name = following.group(1)
                if _not_a_surname(name.split()[-1], not_names, first_names, known) or taken.overlaps(start, end):
                    break
                found.append(Found(name, "person", start, end, True))
                following = _COORDINATED.match(text, end)
    if "anwezig" in text:
        found += _attendance(text, taken, not_names, first_names, known)
    if "(" in text:
        for match in _PARTY_AFTER_SURNAME.finditer(text):
            start, end = match.span(1)
            name = match.group(1)
            if (_not_a_surname(name.split()[-1], not_names, first_names, known) or taken.overlaps(start, end)
                    or name.isupper() or (name.split()[-1] not in known and _is_expansion([name], text[end:end + 20]))):
                continue
            found.append(Found(name, "person", start, end, True))
    found.sort(key=lambda f: f.start)
    kept: list[Found] = []
    for f in found:
        if not kept or kept[-1].end <= f.start:
            kept.append(f)
    return kept


# The attendance list of a parliamentary or council report: `Aanwezig zijn 40 leden der Kamer, te
# weten:` followed by the members, by surname, in one paragraph.
_ATTENDANCE = re.compile(r"^[ \t]*Aanwezig(?:\s+zijn[^:\n]{0,80})?:\s*(?P<list>[^\n]+)", re.MULTILINE)
_LIST_ITEM = re.compile(
    rf"(?:(?:[{_UPPER}][\w'’]*[{LOWER}][\w'’]*|{_PARTICLES})[^\S\n])*"
    rf"[{_UPPER}][\w'’]*[{LOWER}][\w'’]*(?:-[{_UPPER}][\w'’]+)?"
)
_LIST_SPLIT = re.compile(r",\s*|\s+en\s+")


def _attendance(text: str, taken: SpanSet, not_names, first_names, known) -> list[Found]:
    found = []
    for match in _ATTENDANCE.finditer(text):
        at = match.start("list")
        items = _LIST_SPLIT.split(match.group("list").rstrip(" ,.;"))
        if len(items) < 3:
            continue  # a list of members, not a sentence
        cursor = at
        for item in items:
            start = text.find(item, cursor)
            cursor = start + len(item)
            tokens = item.split()
            if not _LIST_ITEM.fullmatch(item) or len(tokens) > 4 or taken.overlaps(start, cursor):
                continue
            if len(tokens) == 1 and _not_a_surname(tokens[-1], not_names, first_names, known) or tokens[-1] in not_names:
                continue  # after a particle (`Van den Hoek`, `De Wit`) an ordinary word is a surname
            found.append(Found(item, "person", start, cursor, tokens[0] not in first_names))
    return found


def _not_a_surname(word: str, not_names: frozenset[str], first_names: frozenset[str], known: frozenset[str]) -> bool:
    if word in not_names or is_role_word(word) or _ADJECTIVE_SUFFIX.search(word):
        return True
    if word in known:
        return False
    return word in places() or word.lower() in _deduce_list("whitelist", "lst_common_word", "items.txt")


_COORDINATED = re.compile(
    rf"(?:{_BLANK}+van{_BLANK}+(?:de{_BLANK}+|het{_BLANK}+)?[{_UPPER}][\w'’-]*(?:{_BLANK}+[{_UPPER}][\w'’-]*)?)?"
    rf"(?:{_BLANK}*,{_BLANK}*|{_BLANK}+en{_BLANK}+){_SURNAME}"
)
_ADJECTIVE_SUFFIX = re.compile(r"(?:se|sche)$")


def _long_runs(text: str) -> Iterator[tuple[str, int, int]]:
    """The runs of `_RUN.finditer(text)` with more than one word (a name needs two), and their spans."""
    cursor = 0
    while True:
        match = _LONG_RUN.match(text, cursor)
        if match is None:
            return
        cursor = match.end()
        yield match.group(1), match.start(1), cursor




def _party_after(text: str, end: int, name: list[str]) -> bool:
    """`Jan Jansen (VVD)`, `Kati Janssens (PvdA)`: a party's short form in parentheses right after
    the name; not the short form of the words themselves (`Joint Force Command (JFC)`), and not
    after a line in capitals (`DEN HAAG (ANP)`)."""
    match = _PARTY_AFTER.match(text, end)
    return match is not None and not any(w.isupper() for w in name) and not _is_expansion(name, match.group())


def _is_expansion(name: list[str], short: str) -> bool:
    """Whether `short` (`(JFC)`) spells the initials of two or more of the `name` words in order."""
    letters = [c for c in short if c.isupper()]
    matched = 0
    for word in name:
        if matched < len(letters) and word[:1] == letters[matched]:
            matched += 1
        elif word[:1].isupper() and letters[matched:matched + 1] and word[:1] in letters[matched:]:
            matched = letters.index(word[:1], matched) + 1
    return matched >= 2 or (len(name) == 1 and name[0][:1] in letters)


def _role_before(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].split()
    return bool(before) and is_role_word(before[-1].strip(",:"))


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
        if any(is_role_word(t) for t in tokens[1:]) or tokens[-1] in not_names and len(tokens) == 2:
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
    for finder in (find_countries, find_organisations, find_people, find_titled_people):
        new = finder(text, taken)
        found += new
        for f in new:
            if not taken.overlaps(f.start, f.end):
                taken.add(f.start, f.end)
    return sorted(found, key=lambda f: f.start)
