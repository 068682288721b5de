"""A surname alone that names a person, by the words around it: a role or form of address
before it (`Kamerlid Jansen`, `de heer Van der Berg`), a reporting verb next to it (`zegt
Jansen.`, `Jansen zei`), a party in parentheses after it (`Jansen (CDA)`), or a place in the
attendance list of a parliamentary report."""

from __future__ import annotations

import re
from functools import cache

from generator.extract.dutch import LOWER, OPENING_MARKS, UPPER, is_role_word, particles_pattern, role_words
from generator.extract.lexicon import words
from generator.extract.namelists import BLANK, Found, common_words, given_names, places, surnames
from generator.extract.people import PARTY_AFTER, is_expansion
from generator.extract.spans import SpanSet

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
_SURNAME = (
    rf"((?:{particles_pattern(capital=True)}\s+)?"
    rf"[{UPPER}][\w'’]*[{LOWER}][\w'’]*(?:-[{UPPER}][\w'’]+)?)(?![\w-])(?!{BLANK}+[{UPPER}])"
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
    return frozenset(_FUNCTION_WORDS) | {w for w in role_words() if len(w) > 4 and w not in ("hoge", "plaatsvervangend")}


_SPEECH_VERB_SET = frozenset(_SPEECH_VERBS)
# A capitalised word (with the particles a surname may open with) that no other capitalised word follows.
_LONE_CAPITAL = re.compile(
    rf"(?<![\w'’.-])((?:{particles_pattern(' ', capital=True)} )?"
    rf"[{UPPER}][\w'’]*[{LOWER}][\w'’]*(?:-[{UPPER}][\w'’]+)?)(?![\w'’-])(?!{BLANK}+[{UPPER}])"
)
_WORD_BEFORE = re.compile(rf"(?:^|(?<=\s))([\w.-]+|[Vv]oorzitter:){BLANK}+$")
_VERB_AFTER = re.compile(rf"{BLANK}+(\w+)\b")
_PUNCTUATION_OR_WORD_AFTER = re.compile(rf"{BLANK}*[.,;:!?]|{BLANK}+[a-z]")


def _lone_surnames(text: str):
    """(name, start, end, how) for each capitalised word alone that a cue word or reporting verb
    before it, or a reporting verb after it at a sentence start, marks: how is cue, verb or opener."""
    cues = _cue_words()
    for match in _LONE_CAPITAL.finditer(text):
        start, end = match.span(1)
        if match.group(1)[:1].islower():
            # A surname alone opens with a capital, particle and all (`minister Van Dijk`); a
            # lower-case `van` after a role opens its complement (`minister van Defensie`).
            continue
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        # A word in capitals with a full stop ends a sentence (`de MR. Critici zeggen`): it is an
        # acronym, not a title (`mr.`, `Dr.`).
        if before and not (before.group(1).endswith(".") and before.group(1)[:-1].isupper()):
            word = before.group(1).lower().rstrip(":")  # `Voorzitter: Jansen` heads a parliamentary report
            if word in cues or word.rsplit("-", 1)[-1] in cues:
                yield match.group(1), start, end, "cue"
                continue
            if word == "heer" and text[max(0, before.start(1) - 3):before.start(1)].lower() == "de " \
                    or word in ("mevrouw", "meneer", "mijnheer"):
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
    rf"(?:^|(?<=[\s,(]))((?:{particles_pattern(capital=True)}\s+)?[{UPPER}][\w'’]*[{LOWER}][\w'’]*(?:-[{UPPER}][\w'’]+)?)"
    rf"(?={PARTY_AFTER.pattern})",
    re.MULTILINE,
)


def find_titled_people(text: str, taken: SpanSet) -> list[Found]:
    """A surname alone where the words around it say it names a person: a role or form of address
    before it (`Kamerlid Jansen`, `de heer Van der Berg`), a reporting verb next to it (`zegt
    Jansen.`, `Jansen zei`), a party in parentheses after it (`Jansen (CDA)`), or a place in an
    attendance list; where two overlap, the one that starts first."""
    found = _marked(text, taken)
    if "anwezig" in text:
        found += _attendance(text, taken)
    if "(" in text:
        found += _with_party(text, taken)
    found.sort(key=lambda f: f.start)
    kept: list[Found] = []
    for f in found:
        if not kept or kept[-1].end <= f.start:
            kept.append(f)
    return kept


def _marked(text: str, taken: SpanSet) -> list[Found]:
    """Surnames alone that a cue word or a reporting verb marks (see `_lone_surnames`)."""
    known = surnames()
    found = []
    for name, start, end, how in _lone_surnames(text):
        last = name.split()[-1]
        if how != "cue" and last not in known:
            continue  # `aldus Reuters`, `Daarop zei`: a name only when it is a known surname
        if _not_a_surname(last) or taken.overlaps(start, end):
            continue
        found.append(Found(name, "person", start, end, True))
        if how == "cue":
            found += _coordinated(text, end, taken)
    return found


def _coordinated(text: str, end: int, taken: SpanSet) -> list[Found]:
    """`de ministers Jansen van Defensie en De Vries van Financiën`: the role covers both; the
    surnames joined by `en` or a comma to the one that ends at `end`."""
    found = []
    following = _COORDINATED.match(text, end)
    while following:
        start, end = following.span(1)
        name = following.group(1)
        if _not_a_surname(name.split()[-1]) or taken.overlaps(start, end):
            break
        found.append(Found(name, "person", start, end, True))
        following = _COORDINATED.match(text, end)
    return found


def _with_party(text: str, taken: SpanSet) -> list[Found]:
    """`Jansen (CDA)`: a surname with a party in parentheses after it, which does not spell it."""
    known = surnames()
    found = []
    for match in _PARTY_AFTER_SURNAME.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if (_not_a_surname(name.split()[-1]) or taken.overlaps(start, end)
                or name.isupper() or (name.split()[-1] not in known and is_expansion([name], text[end:end + 20]))):
            continue
        found.append(Found(name, "person", start, end, True))
    return found


# The attendance list of a parliamentary or council report: `Aanwezig zijn 40 leden der Kamer, te
# weten:` followed by the members, by surname, in one paragraph.
_PARTICLES = particles_pattern(" ")
_ATTENDANCE = re.compile(r"^[ \t]*Aanwezig(?:\s+zijn[^:\n]{0,80})?:\s*(?P<list>[^\n]+)", re.MULTILINE)
_LIST_ITEM = re.compile(
    rf"(?:(?:[{UPPER}][\w'’]*[{LOWER}][\w'’]*|{_PARTICLES})[^\S\n])*"
    rf"[{UPPER}][\w'’]*[{LOWER}][\w'’]*(?:-[{UPPER}][\w'’]+)?"
)
_LIST_SPLIT = re.compile(r",\s*|\s+en\s+")


def _attendance(text: str, taken: SpanSet) -> list[Found]:
    """The members in an attendance list, by surname (or given name and surname)."""
    not_names, first_names = words("not_names"), given_names()
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
            if len(tokens) == 1 and _not_a_surname(tokens[-1]) or tokens[-1] in not_names:
                continue  # after a particle (`Van den Hoek`, `De Wit`) an ordinary word is a surname
            found.append(Found(item, "person", start, cursor, tokens[0] not in first_names))
    return found


def _not_a_surname(word: str) -> bool:
    """A word that never starts a name, a role, an adjective, or (unless the surname list has it)
    a place or a common word."""
    if word in words("not_names") or is_role_word(word) or _ADJECTIVE_SUFFIX.search(word):
        return True
    if word in surnames():
        return False
    return word in places() or word.lower() in common_words()


_COORDINATED = re.compile(
    rf"(?:{BLANK}+van{BLANK}+(?:de{BLANK}+|het{BLANK}+)?[{UPPER}][\w'’-]*(?:{BLANK}+[{UPPER}][\w'’-]*)?)?"
    rf"(?:{BLANK}*,{BLANK}*|{BLANK}+en{BLANK}+){_SURNAME}"
)
_ADJECTIVE_SUFFIX = re.compile(r"(?:se|sche)$")
