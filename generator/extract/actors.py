"""The actors of one text: registry names (not a ministry where a title or a foreign office
is meant, not a short form inside a shouted line), registry surnames in a person context,
candidates the registry does not know (see `names`), later mentions of a candidate by its
surname, and roles in apposition."""

from __future__ import annotations

import re
from collections import Counter

from generator.extract.acronyms import ACRONYM, organisation_for
from generator.extract.dutch import LOWER, UPPER, particles_pattern
from generator.extract.lexicon import words
from generator.extract.matching import NameMatcher, context_matcher
from generator.extract.namelists import Found
from generator.extract.names import find_unknown
from generator.extract.roles import find_roles, role_references
from generator.extract.spans import SpanSet
from generator.model import Actor, Letter, Mention, Registry

CANDIDATE_DESCRIPTION = "Automatisch herkend; nog niet gecontroleerd en niet opgenomen in data/actors.yml."


def find_actors_in(
    text: str, registry: Registry, matcher: NameMatcher, letter: Letter | None = None, media: list[str] | None = None
) -> tuple[list[tuple[str, int, int]], list[Actor], list[tuple[str, str]]]:
    """All actor mentions (id, start, end) in text order, the candidates among them, and roles.

    News media and agencies (registry entries with `medium: true`) are no actors: their names
    go to `media` (registry names, in order of first mention) when a list is given.
    """
    actor_by_id = registry.actor_by_id
    found, taken = _registry_mentions(text, registry, matcher)
    mentions = [m for m in found if not actor_by_id[m[0]].medium]
    if media is not None:
        media.extend(dict.fromkeys(actor_by_id[m[0]].name for m in found if actor_by_id[m[0]].medium))
    unknown = _with_acronym_evidence(text, find_unknown(text, taken), taken)
    candidates, forms, first_full = _candidates(text, registry, unknown, mentions, taken)
    if forms:
        # Later mentions of a candidate: its name, acronym or surname after it is first named in full.
        for actor_id, start, end in NameMatcher(forms).finditer(text):
            if start >= first_full[actor_id] and not taken.overlaps(start, end):
                mentions.append((actor_id, start, end))
                taken.add(start, end)
    mentions.sort(key=lambda m: m[1])
    # Candidates never share an id with the registry (see `_candidates`).
    people = [m for m in mentions if (candidates[m[0]] if m[0] in candidates else actor_by_id[m[0]]).kind == "person"]
    roles = find_roles(text, people)
    if letter:
        roles += _signatory_roles(text, letter, people, roles)
    mentions += role_references(text, roles, taken)
    mentions.sort(key=lambda m: m[1])
    return mentions, list(candidates.values()), roles


def _registry_mentions(text: str, registry: Registry, matcher: NameMatcher) -> tuple[list[tuple[str, int, int]], SpanSet]:
    """The registry's names in text order (not a ministry where a title or a foreign office is
    meant, not a short form in a shouted line), and the person-context surnames; and their spans."""
    found = [
        m
        for m in matcher.finditer(text)
        if not _foreign_office(text, m[1], m[2]) and not _office_title(text, m, registry) and not _shouted(text, m[1], m[2])
    ]
    taken = SpanSet((s, e) for _, s, e in found)
    for mention in _in_person_context(text, registry, taken):
        found.append(mention)
        taken.add(mention[1], mention[2])
    found.sort(key=lambda m: m[1])
    return found, taken


def _candidates(text: str, registry: Registry, unknown: list[tuple[Found, str | None]], mentions: list[tuple[str, int, int]],
                taken: SpanSet) -> tuple[dict[str, Actor], dict[str, str], dict[str, int]]:
    """The candidates among the names found, by id; the forms that name each of them later in
    the text (name, acronym, surname); and where each is first named in full.

    A surname alone resolves to the full name the text gave before, or else to the one
    registry person with that surname (`Kamerlid Jansen` after `Piet Jansen`, `minister
    Jansen`): that is a mention, added to `mentions` and `taken`."""
    actor_by_id = registry.actor_by_id
    not_names = words("not_names")
    candidates: dict[str, Actor] = {}
    forms: dict[str, str] = {}
    first_full: dict[str, int] = {}
    full_names: dict[str, str] = {}
    for found, _ in unknown:
        if found.kind == "person" and not found.surname_only and found.id not in actor_by_id:
            full_names.setdefault(_capitalised(_surname(found.name)), found.id)
    for found, acronym in unknown:
        found_id = found.id
        if found.surname_only:
            key = _capitalised(found.name)
            resolved = full_names.get(key) or _registry_surnames(registry).get(key)
            if resolved and (resolved in actor_by_id or first_full.get(resolved, len(text)) < found.start):
                mentions.append((resolved, found.start, found.end))
                taken.add(found.start, found.end)
                continue
        if found_id in actor_by_id or not found_id or not_a_candidate(text, found.name, found.start):
            continue
        if found_id not in candidates:
            candidates[found_id] = Actor(found_id, found.name, found.kind, CANDIDATE_DESCRIPTION, (acronym,) if acronym else ())
            first_full[found_id] = found.start
        _add_forms(forms, found, acronym, not_names)
    return candidates, forms, first_full


def _add_forms(forms: dict[str, str], found: Found, acronym: str | None, not_names: frozenset[str]) -> None:
    """The forms that name a candidate later: its name, its acronym, and a person's surname
    (also capitalised: `Van der Berg` for `van der Berg`) unless another candidate has it."""
    found_id = found.id
    forms.setdefault(found.name, found_id)
    if acronym:
        forms.setdefault(acronym, found_id)
    if found.kind == "person" and not found.surname_only:
        surname = _surname(found.name)
        if surname and surname not in forms and surname not in not_names:
            forms[surname] = found_id
            forms.setdefault(_capitalised(surname), found_id)


# A registry surname that is also a common word (`person_context: [Blok]`) names the person
# only in a person context: after a title or form of address (`minister Blok`, `Kamerlid
# Kamp`, `de heer Snel`), before a party in brackets (`Blok (VVD)`), with a speech verb
# (`zegt Blok`, `Blok zei`, `aldus Blok`).
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:[Mm]inister(?:-president)?|[Ss]taatssecretaris|[Pp]remier|[Vv]icepremier|[Kk]amerlid|[Cc]ollega|[Bb]ewinds(?:man|vrouw)|"
    r"[Ff]ractievoorzitter|[Pp]artijleider|[Ll]ijsttrekker|[Oo]ud-minister|[Ee]x-minister|heer|mevrouw|[Aa]ldus|"
    r"zegt|zei|stelt|stelde|benadrukt|benadrukte|vindt|vond|schrijft|schreef|antwoordt|antwoordde)|-[Kk]amerlid)\s+$"
)
_PERSON_AFTER = re.compile(
    r"\s*\([A-Z][\w&-]{1,12}\)|\s+(?:zegt|zei|stelt|stelde|benadrukt|benadrukte|vindt|vond|schrijft|schreef|antwoordt|antwoordde|liet weten|laat weten)\b"
)
_CONTEXT_MATCHERS: dict[int, tuple[Registry, NameMatcher]] = {}


def _in_person_context(text: str, registry: Registry, taken: SpanSet) -> list[tuple[str, int, int]]:
    cached = _CONTEXT_MATCHERS.get(id(registry))
    if cached is None or cached[0] is not registry:
        cached = (registry, context_matcher(registry))
        _CONTEXT_MATCHERS[id(registry)] = cached
    matcher = cached[1]
    if not matcher.forms:
        return []
    return [
        (actor_id, start, end)
        for actor_id, start, end in matcher.finditer(text)
        if not taken.overlaps(start, end) and (_PERSON_BEFORE.search(text, max(0, start - 30), start) or _PERSON_AFTER.match(text, end))
    ]


_CAPITALS_WORD_BEFORE = re.compile(rf"(?<![\w-])[{UPPER}]{{2,}}[\s,]+$")
_CAPITALS_WORD_AFTER = re.compile(rf"[\s,]+[{UPPER}]{{2,}}(?![\w-])")


def _shouted(text: str, start: int, end: int) -> bool:
    """A short form in capitals inside a line written in capitals (`WORDEN INGEZET OM DE`) is
    a word, not the acronym (`OM`, `AD`, `PS`) that the registry knows."""
    if end - start > 3 or not text[start:end].isupper():
        return False
    return bool(_CAPITALS_WORD_BEFORE.search(text, max(0, start - 20), start) and _CAPITALS_WORD_AFTER.match(text, end))


def _with_acronym_evidence(text: str, found: list[Found], taken: SpanSet) -> list[tuple[Found, str | None]]:
    """The candidates, with each acronym kept only where the text makes it an organisation
    (see `acronyms`). An acronym with an expanded name in brackets becomes that
    name (the acronym is kept as its alias, the second value); candidates found inside the
    expansion are then dropped, and so is the acronym when a registry name is the whole expansion."""
    kept: list[tuple[Found, str | None]] = []
    expansions = SpanSet()
    for item in found:
        if item.kind != "organisation" or not ACRONYM.fullmatch(item.name):
            kept.append((item, None))
            continue
        name, span = organisation_for(text, item.start, item.end)
        if name is None:
            continue
        if span is None or name == item.name:
            kept.append((item, None))
            continue
        expansions.add(*span)
        if not taken.covers(*span):
            kept.append((Found(name, "organisation", min(span[0], item.start), item.end), item.name))
    if expansions:
        kept = [(f, a) for f, a in kept if a or not expansions.overlaps(f.start, f.end)]
    return kept


def not_a_candidate(text: str, name: str, start: int) -> bool:
    """A name found that is no actor: a word of the not-an-organisation lexicon as it is written
    (`NASAMS`, also at the start of `NASAMS-systemen`), a ship's prefix (`USS`, `Zr.Ms.`), or the
    ship's name after such a prefix (`Zr.Ms. Karel Doorman` is a frigate, not a person)."""
    first = name.split()[0] if name.split() else name
    if name in words("not_acronyms") or first in words("ship_prefixes") or name.split("-", 1)[0] in words("not_acronyms"):
        return True
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1] in words("ship_prefixes")


# `de Duitse minister van Defensie` is Germany's minister, not the Dutch ministry that the
# registry's `minister van Defensie` alias stands for. An office title (the alias itself, or
# the `minister van` before a `Buitenlandse Zaken`) names someone else's office when it comes
# right after a nationality adjective (`Franse`, `Europese`), `EU-`/`NAVO-`, or a possessive
# in mid-sentence (`Poetins`), or is followed by `van de vier landen` and the like.
_OFFICES = r"(?:minister|ministers|ministerie|staatssecretaris)"
_OFFICE_TITLE = re.compile(rf"{_OFFICES}\b")
_OFFICE_OF = re.compile(rf"\b{_OFFICES}\s+van\s+$")
_NATIONALITY_BEFORE = re.compile(rf"(?:\b(?!Nederlandse\b)[A-Z][{LOWER}]+(?:se|sche)|\b[A-Z]{{2,5}}-)\s*$")
_POSSESSIVE_BEFORE = re.compile(rf"\b([A-Z][{LOWER}]+s)\s*$")
_OF_COUNTRIES_AFTER = re.compile(r"\s+(?:van|uit)\s+(?:[\w'’-]+\s+){0,3}(?:landen|lidstaten|bondgenoten)\b")


def _foreign_office(text: str, start: int, end: int) -> bool:
    office = _OFFICE_OF.search(text, max(0, start - 30), start)
    if office:
        start = office.start()
    elif not _OFFICE_TITLE.match(text, start):
        return False
    before = max(0, start - 40)
    owner = _POSSESSIVE_BEFORE.search(text, before, start)
    # `Volgens minister van Defensie ...`: words that start sentences are no possessives.
    possessive = owner is not None and owner.group(1) != "Nederlands" and owner.group(1) not in words("not_names")
    return bool(possessive or _NATIONALITY_BEFORE.search(text, before, start) or _OF_COUNTRIES_AFTER.match(text, end))


# A minister's title names the person, not the ministry acting: `minister van Defensie`,
# `de ministers van Buitenlandse Zaken en van Defensie`, `staatssecretaris van Defensie`,
# `minister Karel Smit van Defensie`, and the portfolio in brackets after a name (`minister
# Smit (Defensie)`, `(Buitenlandse Zaken, VVD)`), and a committee (`commissie Buitenlandse Zaken`). Money spent `aan`/`voor Defensie` is the
# defence sector. Only `het ministerie van Defensie` or `Defensie` acting (`Defensie maakt
# bekend`) is the ministry.
_TITLES = r"(?:[Mm]inisters?|[Ss]taatssecretaris(?:sen)?|[Bb]ewinds(?:man|vrouw|personen|persoon)|[Vv]icepremier)"
_NAME_TOKEN = rf"(?:[{UPPER}][\w’'.-]*|{particles_pattern()}|te)"
_TITLE_THEN_MINISTRY = re.compile(
    rf"\b{_TITLES}\s+(?:(?:{_NAME_TOKEN}\s+){{1,4}}(?:en\s+(?:{_NAME_TOKEN}\s+){{1,4}})?)?(?:van|voor)\s+(?:respectievelijk\s+)?"
    rf"(?:(?:[A-Z][\w-]*,?\s+(?:en\s+)?){{1,5}}en\s+(?:van\s+|voor\s+)?)?$"
)
_TITLE_IN_NAME = re.compile(rf"{_TITLES}\b")
_SECTOR_BEFORE = re.compile(r"\b(?:aan|voor)\s+(?:de\s+)?$|\bsterke\s+$|\b[Cc]ommissie\s+(?:voor\s+)?$")


def _office_title(text: str, mention: tuple[str, int, int], registry: Registry) -> bool:
    """Is this mention of a ministry a person's title (or portfolio), not the ministry acting?"""
    actor = registry.actor_by_id.get(mention[0])
    if actor is None or not actor.name.startswith("Ministerie van"):
        return False
    _, start, end = mention
    if _TITLE_IN_NAME.match(text, start):
        return True
    if start and text[start - 1] == "(" and text[end : end + 1] in (")", ","):
        return True
    before = max(0, start - 90)
    if not text[start:end].lower().startswith("ministerie") and _SECTOR_BEFORE.search(text, max(0, start - 20), start):
        return True
    return _TITLE_THEN_MINISTRY.search(text, before, start) is not None



_SURNAME = re.compile(rf"((?:{particles_pattern(' ')}\s+)?\S+)$")


def _surname(name: str) -> str:
    """`Mark Rutte` → `Rutte`, `Ursula von der Leyen` → `von der Leyen`, `D. Yeşilgöz-Zegerius` → `Yeşilgöz-Zegerius`."""
    match = _SURNAME.search(name)
    surname = match.group(1) if match else ""
    return surname if surname != name else ""


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


_REGISTRY_SURNAMES: dict[int, tuple[Registry, dict[str, str]]] = {}


def _registry_surnames(registry: Registry) -> dict[str, str]:
    """Surname (capitalised) → registry person, for surnames only one registry person has."""
    cached = _REGISTRY_SURNAMES.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1]
    owners: dict[str, set[str]] = {}
    for actor in registry.actors:
        if actor.kind == "person":
            for form in (actor.name, *actor.aliases):
                surname = _surname(form)
                if surname:
                    owners.setdefault(_capitalised(surname), set()).add(actor.id)
    surnames = {s: next(iter(ids)) for s, ids in owners.items() if len(ids) == 1}
    _REGISTRY_SURNAMES.clear()
    _REGISTRY_SURNAMES[id(registry)] = (registry, surnames)
    return surnames


def _signatory_roles(text: str, letter: Letter, people: list[tuple[str, int, int]],
                     roles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    found = []
    for signatory in letter.signatories:
        at = text.rfind(signatory.name)
        for actor_id, start, _ in people:
            if at <= start < at + len(signatory.name):
                role = signatory.role[0].lower() + signatory.role[1:]
                role = re.sub(r"^(?:de|het)\s+", "", role)
                if (actor_id, role) not in roles + found:
                    found.append((actor_id, role))
    return found


def counted(mentions: list[tuple[str, int, int]]) -> tuple[Mention, ...]:
    counts: Counter[str] = Counter([actor_id for actor_id, _, _ in mentions])
    first: dict[str, int] = {}
    for actor_id, start, _ in reversed(mentions):
        first[actor_id] = start  # the earliest mention is written last
    order = sorted((-count, first[actor_id], actor_id) for actor_id, count in counts.items())
    return tuple(Mention(actor_id, -count, start) for count, start, actor_id in order)

