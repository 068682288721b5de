"""From a Source to a Briefing: title, date, lead, dateline, letter, actors, roles, quotes, figures, topics."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace

from generator.errors import WARNING, Problem
from generator.extract.acronyms import ACRONYM, organisation_for
from generator.extract.dates import find_dutch_date, publication_date
from generator.extract.dutch import LOWER, UPPER, particles_pattern
from generator.extract.figures import find_figures
from generator.extract.lexicon import words
from generator.extract.matching import NameMatcher, context_matcher
from generator.extract.namelists import Found
from generator.extract.names import find_unknown
from generator.extract.quotes import find_quotes
from generator.extract.roles import find_roles, role_references
from generator.extract.spans import ActorSpan, SpanSet
from generator.extract.text import headline, lead, paragraphs, sentences, to_blocks
from generator.model import (
    SOURCE_TYPES,
    Actor,
    Block,
    Briefing,
    Dateline,
    Letter,
    Mention,
    PartialDate,
    Quote,
    Registry,
    Role,
    Signatory,
    Source,
    Topic,
    parse_iso,
)
from generator.slugs import VALID_SLUG, briefing_slug

CANDIDATE_DESCRIPTION = "Automatisch herkend; nog niet gecontroleerd en niet opgenomen in data/actors.yml."

_UPPER = UPPER
_DATELINE = re.compile(
    rf"\A(?P<place>[{_UPPER}][{_UPPER}'’.-]+(?: [{_UPPER}][{_UPPER}'’.-]+){{0,3}})"
    rf"\s*(?:\((?P<agencies>[{_UPPER}0-9][{_UPPER}0-9a-z&. -]*(?:\s*[/,]\s*[{_UPPER}0-9][{_UPPER}0-9a-z&. -]*)*)\))?"
    r"\s*[-–—]+\s+"
)
_DOSSIER = re.compile(r"\d{2}\s?\d{3}(?:-[A-Z0-9]+)?(?:\s+[A-Z]{1,3})?")
_DOSSIER_AND_TITLE = re.compile(r"(\d{2}\s?\d{3}(?:-[A-Z0-9]+)?)\s+([A-Z][^\d].{0,150})")
# `De Minister van Defensie, A.B. Jansen` on one line, as the official publication prints it.
_SIGNATURE_LINE = re.compile(
    r"((?:De|Het)\s+(?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident)\b[^,\n]{0,100}),\s+"
    rf"((?:[A-Z][a-z]?\.)+\s*(?:[a-z]+\s+){{0,3}}[{UPPER}][\w’'-]+(?:[ -][{UPPER}][\w’'-]+)?)"
)
_LETTER_NUMBER = re.compile(r"Nr\.\s*(\d+)\s*(.*)")
_SENDERS = re.compile(r"(?:Brief van|BRIEF VAN)\s+(.+)")
_ADDRESSEE = re.compile(r"Aan (de .+)")
_PLACE_DATE = re.compile(r"([A-Z][^,\d]{1,40}),\s*(\d{1,2}\s+\w+\s+\d{4})")
_DATE_FIELD = re.compile(r"Datum:?\s+(.*\d{4})")
_SUBJECT_FIELD = re.compile(r"(?:Betreft|Onderwerp):?\s+(.+)")
_POSTAL = re.compile(
    r"(?:Postbus\s+\d+|\d{4}\s?[A-Z]{2}\s+.+|der Staten-Generaal|Binnenhof.*|Plein.*|Kenmerk.*|Uw kenmerk.*|Bijlage\(n\).*|Bijlagen?.*)"
)
_ROLE_LINE = re.compile(r"(?:De|Het)\s+\S.{2,100},")
_AGENCY_CASE = {"BLOOMBERG": "Bloomberg", "REUTERS": "Reuters", "BELGA": "Belga", "NOVUM": "Novum"}


def extract_briefing(
    source: Source, registry: Registry, matcher: NameMatcher, topic_patterns: TopicPatterns
) -> tuple[Briefing, list[Problem]]:
    """Everything a briefing page shows about one source; warnings name the file."""
    problems: list[Problem] = []
    paras = paragraphs(source.text)
    letter, body_offset, letter_date = parse_letter(source.text)
    dateline, dateline_end = (None, 0) if letter else parse_dateline(source.text)

    source_type = _source_type(source, letter, problems)
    date = _resolve_date(source, letter_date, problems)

    body_start = max(body_offset, dateline_end)
    body_paras = paragraphs(source.text[body_start:]) if body_start else paras
    first = " ".join(body_paras[0]) if body_paras else ""
    lead_text = " ".join(str(source.meta_value("lead") or lead(first)).split())
    title = " ".join(str(source.meta_value("title") or _title(letter, first, source)).split())

    text = source.text[dateline_end:]
    media: list[str] = list(dateline.agencies) if dateline else []
    mentions, candidates, roles = find_actors_in(text, registry, matcher, letter, media)
    actor_ids = {actor_id for actor_id, _, _ in mentions}
    kinds = {**{a.id: a.kind for a in registry.actors}, **{c.id: c.kind for c in candidates}}
    spans = [ActorSpan(a, kinds[a], s, e) for a, s, e in mentions]
    quotes = tuple(Quote(speaker, quote) for speaker, quote in find_quotes(text, spans))
    topics = find_topics(text, registry.topics, topic_patterns, actor_ids)

    slug = str(source.meta_value("slug") or "")
    if slug and not VALID_SLUG.fullmatch(slug):
        problems.append(
            Problem(
                source.path,
                0,
                WARNING,
                f"slug '{slug}' is not allowed (use lowercase letters, digits and hyphens); the title is used instead",
            )
        )
        slug = ""
    slug = slug or briefing_slug(title, date.iso if date else None, source.stem)

    blocks = link_blocks(source.text, dateline_end, to_blocks(paras, headings=letter is None), mentions)
    briefing = Briefing(
        slug=slug,
        source=source.path,
        title=title,
        date=date,
        source_type=source_type,
        lead=lead_text,
        blocks=blocks,
        contexts=mention_contexts(text, mentions),
        actors=_counted(mentions),
        topics=topics,
        dateline=dateline,
        letter=letter,
        candidates=tuple(sorted(candidates, key=lambda c: c.id)),
        roles=tuple(Role(a, r) for a, r in roles),
        quotes=quotes,
        figures=tuple(find_figures(source.text[body_start:])),
        media=tuple(dict.fromkeys(media)),
    )
    return briefing, problems


# --- actors ----------------------------------------------------------------


def find_actors_in(
    text: str, registry: Registry, matcher: NameMatcher, letter: Letter | None = None, media: list[str] | None = None
) -> tuple[list[tuple[str, int, int]], list[Actor], list[tuple[str, str]]]:
    """All actor mentions (id, start, end) in text order, the candidates among them, and roles.

    News media and agencies (registry entries with `medium: true`) are no actors: their names
    go to `media` (registry names, in order of first mention) when a list is given.
    """
    actor_by_id = registry.actor_by_id
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
    mentions = [m for m in found if not actor_by_id[m[0]].medium]
    if media is not None:
        media.extend(dict.fromkeys(actor_by_id[m[0]].name for m in found if actor_by_id[m[0]].medium))
    candidates: dict[str, Actor] = {}
    forms: dict[str, str] = {}
    first_full: dict[str, int] = {}
    not_names = words("not_names")
    unknown = _with_acronym_evidence(text, find_unknown(text, taken), taken)
    # A surname alone resolves to the full name the text gave before, or else to the one
    # registry person with that surname: `Kamerlid Jansen` after `Piet Jansen`, `minister Jansen`.
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
        forms.setdefault(found.name, found_id)
        if acronym:
            forms.setdefault(acronym, found_id)
        if found.kind == "person" and not found.surname_only:
            surname = _surname(found.name)
            if surname and surname not in forms and surname not in not_names:
                forms[surname] = found_id
                forms.setdefault(_capitalised(surname), found_id)
    if forms:
        local = NameMatcher(forms)
        for actor_id, start, end in local.finditer(text):
            if start >= first_full[actor_id] and not taken.overlaps(start, end):
                mentions.append((actor_id, start, end))
                taken.add(start, end)
    mentions.sort(key=lambda m: m[1])
    # Candidates never share an id with the registry (see above).
    people = [m for m in mentions if (candidates[m[0]] if m[0] in candidates else actor_by_id[m[0]]).kind == "person"]
    roles = find_roles(text, people)
    if letter:
        roles += _signatory_roles(text, letter, people, roles)
    mentions += role_references(text, roles, taken)
    mentions.sort(key=lambda m: m[1])
    return mentions, list(candidates.values()), roles


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
    (see generator/acronyms.py). An acronym with an expanded name in brackets becomes that
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


def link_blocks(source_text: str, offset: int, blocks: tuple[Block, ...], mentions: list[tuple[str, int, int]]) -> tuple[Block, ...]:
    """Mark the first mention of each actor in each paragraph, for linking on the page.

    `mentions` are offsets into `source_text[offset:]`; block lines are located in the
    source text in order (a line joined over a page break is left without links).
    """
    starts = [m[1] + offset for m in mentions]
    last_start = max(starts, default=-1)
    cursor = 0
    result = []
    for block in blocks:
        if block.kind != "paragraph":
            # Only moves the cursor on.
            for line in block.lines:
                at = source_text.find(line, cursor)
                if at >= 0:
                    cursor = at + len(line)
            result.append(block)
            continue
        if cursor > last_start:
            result.append(block)  # no mention left to link: the rest needs no cursor either
            continue
        seen: set[str] = set()
        links = []
        for index, line in enumerate(block.lines):
            at = source_text.find(line, cursor)
            if at < 0:
                continue
            cursor = line_end = at + len(line)
            for i in range(bisect_left(starts, at), bisect_left(starts, line_end)):
                actor_id, start, end = mentions[i]
                if actor_id not in seen and end + offset <= line_end:
                    seen.add(actor_id)
                    links.append((index, start + offset - at, end + offset - at, actor_id))
        result.append(replace(block, links=tuple(links)) if links else block)
    return tuple(result)


def mention_contexts(text: str, mentions: list[tuple[str, int, int]], limit: int = 320) -> tuple[tuple[str, str], ...]:
    """For each actor, the sentence of its first mention (cut to `limit` characters)."""
    if not mentions:
        return ()
    contexts: dict[str, str] = {}
    # One string per sentence, however many actors it introduces: the build cache pickles a
    # shared string once (about a third of the cache's size at 10,000 sources).
    sentences: dict[str, str] = {}
    # A sentence runs from just after the last ". ", "? ", "! " or line break that ends before
    # the mention to the first one at or after its end. These marks never overlap, so one scan
    # finds them all; only the last mark that starts before the mention can reach into it.
    starts = [mark.start() for mark in re.finditer(r"[.?!\n](?:(?<=\n)| )", text)]
    for actor_id, start, end in mentions:
        if actor_id in contexts:
            continue
        before = bisect_left(starts, start) - 1
        if before >= 0 and starts[before] + (1 if text[starts[before]] == "\n" else 2) > start:
            before -= 1
        left = starts[before] if before >= 0 else -1
        after = bisect_left(starts, end)
        right = starts[after] + 1 if after < len(starts) else len(text)
        sentence = " ".join(text[left + 1 : right].split())
        if len(sentence) > limit:
            sentence = sentence[: limit - 1].rsplit(" ", 1)[0] + "…"
        contexts[actor_id] = sentences.setdefault(sentence, sentence)
    return tuple(sorted(contexts.items()))


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


def _signatory_roles(text, letter, people, roles) -> list[tuple[str, str]]:
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


def _counted(mentions: list[tuple[str, int, int]]) -> tuple[Mention, ...]:
    counts: Counter[str] = Counter([actor_id for actor_id, _, _ in mentions])
    first: dict[str, int] = {}
    for actor_id, start, _ in reversed(mentions):
        first[actor_id] = start  # the earliest mention is written last
    order = sorted((-count, first[actor_id], actor_id) for actor_id, count in counts.items())
    return tuple(Mention(actor_id, -count, start) for count, start, actor_id in order)


def find_actors(text: str, matcher: NameMatcher) -> tuple[Mention, ...]:
    """Registry actors only, counted: for callers that need no candidates."""
    return _counted(list(matcher.finditer(text)))


# --- datelines and letters ------------------------------------------------


def parse_dateline(text: str) -> tuple[Dateline | None, int]:
    """`LONDEN (ANP/BLOOMBERG/AFP) - ` at the very start: place, agencies and where it ends."""
    match = _DATELINE.match(text)
    if not match:
        return None, 0
    place_caps = match.group("place")
    agencies_raw = match.group("agencies")
    if len(place_caps.replace(" ", "")) < 3 or (not agencies_raw and len(place_caps) < 4):
        return None, 0
    place = " ".join("-".join(part.capitalize() for part in word.split("-")) for word in place_caps.split())
    agencies: tuple[str, ...] = ()
    if agencies_raw:
        names = [a.strip() for a in re.split(r"[/,]", agencies_raw) if a.strip()]
        agencies = tuple(_AGENCY_CASE.get(a.upper(), a if len(a) <= 4 else a.capitalize()) for a in names)
    return Dateline(place, agencies), match.end()


def parse_letter(text: str) -> tuple[Letter | None, int, PartialDate | None]:
    """The header of a Dutch parliamentary letter, the offset where its body starts, and its date."""
    if "Nr." not in text and "Aan de " not in text:
        return None, 0, None  # neither a number line nor an addressee line: not a letter
    lines = []
    offset = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((raw.strip(), offset, offset + len(raw)))
        offset += len(raw) + 1
        if len(lines) >= 25:
            break
    fields: dict[str, tuple[str, int]] = {}
    # Each field regex with what a line must start with (or hold) to match it, tested first.
    field_regexes = (
        ("number", _LETTER_NUMBER, "Nr."),
        ("senders", _SENDERS, ("Brief van", "BRIEF VAN")),
        ("addressee", _ADDRESSEE, "Aan de "),
        ("place_date", _PLACE_DATE, ""),
        ("date_field", _DATE_FIELD, "Datum"),
        ("subject", _SUBJECT_FIELD, ("Betreft", "Onderwerp")),
    )
    for index, (line, _, _) in enumerate(lines):
        for key, regex, opening in field_regexes:
            if (
                key not in fields
                and (line.startswith(opening) if opening else "A" <= line[0] <= "Z" and "," in line)
                and regex.fullmatch(line)
            ):
                fields[key] = (line, index)
                break
    has_date = "place_date" in fields or "date_field" in fields
    if not ("number" in fields or ("addressee" in fields and has_date)):
        return None, 0, None
    header_end = max(index for _, index in fields.values())
    # Address lines and a subject that follow the last recognised field still belong to the header.
    while header_end + 1 < len(lines) and (
        _POSTAL.fullmatch(lines[header_end + 1][0]) or _SUBJECT_FIELD.fullmatch(lines[header_end + 1][0])
    ):
        header_end += 1
        if _SUBJECT_FIELD.fullmatch(lines[header_end][0]) and "subject" not in fields:
            fields["subject"] = (lines[header_end][0], header_end)
    number, senders, dossier, dossier_title = "", "", "", ""
    if "number" in fields:
        number, rest = _LETTER_NUMBER.fullmatch(fields["number"][0]).groups()
        senders = re.sub(r"^(?:Brief van|BRIEF VAN)\s+", "", rest).strip()
        before = [line for line, _, _ in lines[: fields["number"][1]]]
        if before and _DOSSIER.fullmatch(before[0]):
            dossier, dossier_title = before[0], " ".join(before[1:])
        else:
            # `28 676 NAVO` on one line, perhaps under a line of page chrome.
            for line in before[:3]:
                match = _DOSSIER_AND_TITLE.fullmatch(line)
                if match:
                    dossier, dossier_title = match.group(1), match.group(2)
                    break
    if not senders and "senders" in fields:
        senders = _SENDERS.fullmatch(fields["senders"][0]).group(1)
    addressee = ""
    if "addressee" in fields:
        addressee = _ADDRESSEE.fullmatch(fields["addressee"][0]).group(1)
        following = fields["addressee"][1] + 1
        if following < len(lines) and lines[following][0].startswith("der Staten-Generaal") and "Staten-Generaal" not in addressee:
            addressee += " der Staten-Generaal"
    place, date = "", None
    if "place_date" in fields:
        place_text, date_text = _PLACE_DATE.fullmatch(fields["place_date"][0]).groups()
        place = place_text.strip()
        found = find_dutch_date(date_text)
        date = found[0] if found else None
    if date is None and "date_field" in fields:
        found = find_dutch_date(fields["date_field"][0])
        date = found[0] if found else None
    subject = _SUBJECT_FIELD.fullmatch(fields["subject"][0]).group(1).strip() if "subject" in fields else ""
    letter = Letter(dossier, dossier_title, number, senders, addressee, place, subject, _signatories(text))
    return letter, lines[header_end][2], date


def _signatories(text: str) -> tuple[Signatory, ...]:
    """The signature blocks at the end (role line, name line), else role and name on one line
    (`De Minister van Defensie, A.B. Jansen`) wherever such lines stand."""
    found = []
    for lines in reversed(paragraphs(text)):
        if len(lines) == 2 and _ROLE_LINE.fullmatch(lines[0]) and len(lines[1]) <= 60:
            found.append(Signatory(lines[0].rstrip(","), lines[1]))
        else:
            break
    if found:
        return tuple(reversed(found))
    one_line = [
        Signatory(*m.groups()) for lines in paragraphs(text) if len(lines) == 1 for m in [_SIGNATURE_LINE.fullmatch(lines[0].strip())] if m
    ]
    return tuple(dict.fromkeys(one_line))


# --- type, date, title -----------------------------------------------------


def _source_type(source: Source, letter: Letter | None, problems: list[Problem]) -> str:
    declared = source.meta_value("source_type")
    if declared:
        if declared in SOURCE_TYPES:
            return str(declared)
        problems.append(
            Problem(
                source.path,
                0,
                WARNING,
                f"source_type '{declared}' is unknown (use one of {', '.join(SOURCE_TYPES)}); detected from the text instead",
            )
        )
    return "parliamentary_letter" if letter else "news"


NO_DATE_WARNING = "no publication date found"


def _resolve_date(source: Source, letter_date: PartialDate | None, problems: list[Problem]) -> PartialDate | None:
    """The publication date: the front matter or ` date` header, else the letter's date line,
    else where a publication date stands near the top (see dates.publication_date); never a
    date from the running text, which is an event. A header that gives only the month is made
    precise by a day that stands in such a place in the same month."""
    for label, value in (("front matter date", source.meta_value("date")), ("date header", source.header_date)):
        if value:
            try:
                declared = parse_iso(str(value))
            except ValueError as exc:
                problems.append(
                    Problem(
                        source.path,
                        1 if label == "date header" else 0,
                        WARNING,
                        f"{label} is not valid: {exc}; the date is taken from the text instead",
                    )
                )
                continue
            if declared.precision != "day":
                found = publication_date(source.text, declared.year)
                if found and found.precision == "day" and found.iso.startswith(declared.iso + "-"):
                    return found
            return declared
    if letter_date:
        return letter_date
    found = publication_date(source.text)
    if found:
        return found
    fallback = source.meta_value("pdf_date")  # a PDF's creation date: only when the text gives none
    if fallback:
        return parse_iso(str(fallback))
    sidecar = source.path.rsplit(".", 1)[0] + ".yml"
    problems.append(
        Problem(
            source.path,
            1,
            WARNING,
            f"{NO_DATE_WARNING} (no ' date' header, letter date line, dated dateline or "
            "'Gepubliceerd'/'Geplaatst op' line; dates in the text are events); start the file "
            "with a line ' date YYYY-MM-DD' (or YYYY-MM), or set 'date: YYYY-MM-DD' in its "
            f"sidecar {sidecar}; the briefing is listed as undated",
        )
    )
    return None


def _title(letter: Letter | None, first_paragraph: str, source: Source) -> str:
    if letter:
        subject = letter.subject or letter.dossier_title or letter.senders or "Kamerbrief"
        ref = ", ".join(x for x in (letter.dossier, f"nr. {letter.number}" if letter.number else "") if x)
        title = f"Kamerbrief: {subject}" + (f" ({ref})" if ref else "")
        return title if len(title) <= 90 else headline(title)
    first = sentences(first_paragraph)
    return headline(first[0]) if first else source.stem


# --- topics ----------------------------------------------------------------


class TopicPatterns:
    """Per topic, a case-insensitive regex of its keywords (each at the start of a word).

    One scan over the text with all keywords finds where any keyword may start; each
    topic's own regex is then tried only there, counting non-overlapping matches per
    topic exactly as a scan with that regex alone would.
    """

    def __init__(self, topics: tuple[Topic, ...]):
        from generator.extract.matching import _trie_pattern

        def _spaced(keyword: str) -> str:
            return r"\s+".join(map(re.escape, keyword.split()))

        self.patterns: dict[str, re.Pattern] = {}
        keywords: set[str] = set()
        lowered: dict[str, list[str]] = {}
        for topic in topics:
            words_ = sorted(topic.keywords, key=len, reverse=True)
            keywords.update(words_)
            alternatives = "|".join(r"\s+".join(map(re.escape, k.split())) for k in words_)
            self.patterns[topic.id] = re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE)
            lowered[topic.id] = [k.lower() for k in words_]
        firsts = sorted({k.split()[0] for k in keywords if k.split()}, key=len, reverse=True)
        self._starts = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, firsts))})", re.IGNORECASE) if firsts else None
        # A faster way to the same counts, for ASCII keywords. Matching them case-insensitively is
        # matching them exactly in `text.lower()` when lowering keeps every character one character
        # and the text has no dotless ı or long ſ (which IGNORECASE matches to i and s). The starts
        # are then found by a prefix tree behind a non-word character (the text gets a space in
        # front), which the regex engine scans fast; at a start, only topics with a keyword whose
        # first word can stand there are tried, and a keyword of one word needs no regex at all.
        self._lower: tuple[re.Pattern, dict[str, list[tuple[str, int, re.Pattern]]]] | None = None
        if firsts and all(k.isascii() and k.split() and re.fullmatch(r".*\w", k.split()[0]) for k in keywords):
            lower_patterns = {topic_id: re.compile(rf"(?<!\w)(?:{'|'.join(map(_spaced, words_))})") for topic_id, words_ in lowered.items()}
            at_start: dict[str, list[tuple[str, int, re.Pattern]]] = {}
            for word in {f.lower() for f in firsts}:
                at_start[word] = []
                for topic_id in self.patterns:
                    here = [k for k in lowered[topic_id] if word.startswith(k.split()[0])]
                    if here:
                        # Only one-word keywords can start here: the first of them (longest first) matches.
                        length = len(here[0]) if all(len(k.split()) == 1 for k in here) else 0
                        at_start[word].append((topic_id, length, lower_patterns[topic_id]))
            self._lower = (re.compile(rf"\W({_trie_pattern(at_start)})"), at_start)

    def count(self, text: str) -> dict[str, int]:
        hits = dict.fromkeys(self.patterns, 0)
        if self._starts is None:
            return hits
        ends = dict.fromkeys(self.patterns, 0)
        if self._lower is not None:
            lower = text.lower()
            if len(lower) == len(text) and "ı" not in lower and "ſ" not in lower:
                starts, at_start = self._lower
                for found in starts.finditer(" " + lower):
                    start = found.start()  # where the word stands in `lower`: one less than in " " + lower
                    for topic_id, length, pattern in at_start[found.group(1)]:
                        if start >= ends[topic_id]:
                            if length:
                                hits[topic_id] += 1
                                ends[topic_id] = start + length
                            else:
                                match = pattern.match(lower, start)
                                if match:
                                    hits[topic_id] += 1
                                    ends[topic_id] = match.end()
                return hits
        for start in (m.start() for m in self._starts.finditer(text)):
            for topic_id, pattern in self.patterns.items():
                if start >= ends[topic_id]:
                    match = pattern.match(text, start)
                    if match:
                        hits[topic_id] += 1
                        ends[topic_id] = match.end()
        return hits


def topic_patterns(topics: tuple[Topic, ...]) -> TopicPatterns:
    """The keyword matcher for all topics, built once per run."""
    return TopicPatterns(topics)


def find_topics(text: str, topics: tuple[Topic, ...], patterns: TopicPatterns, actor_ids: set[str]) -> tuple[str, ...]:
    """Topics whose keywords occur at least `min_hits` times and whose required actors appear."""
    counts = patterns.count(text)
    found = []
    for topic in topics:
        if set(topic.requires) <= actor_ids and counts[topic.id] >= topic.min_hits:
            found.append((-counts[topic.id], topic.id))
    return tuple(topic_id for _, topic_id in sorted(found))
