"""Roles in appositions: `de Britse premier Keir Starmer`, `Jens Stoltenberg, de secretaris-generaal van de NAVO,`.

Works on the person mentions already found in a text and looks at the words
right before and after each of them. Only explicit appositions count; a role is
never guessed from a registry description.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.lexicon import words

_UPPER = "A-ZÀ-ÖØ-Þ"
_ROLE_ENDINGS = ("voorzitter", "minister", "commissaris", "secretaris-generaal", "president", "premier", "kanselier", "chef", "baas", "leider")
# A complement naming whose role it is: "van de NAVO", "van Buitenlandse Zaken", "van Frankrijk".
_OF = rf"van\s+(?:de\s+|het\s+)?[{_UPPER}][\w'’-]*(?:\s+(?:en\s+(?:van\s+)?)?[{_UPPER}][\w'’-]*)*"
_ADJECTIVE = re.compile(rf"(?:[{_UPPER}][\w-]*(?:se|sche|ees|ese|se)|oud|voormalig|voormalige|toenmalig|toenmalige|huidige|nieuwe|demissionair|demissionaire|Europees|Europese)$")
_AFTER = re.compile(rf"\A\s*,\s*(?:de|het)\s+((?:[\w-]+\s+){{0,2}}?[\w-]+(?:\s+{_OF})?)\s*[,.;]")
_AFTER_OF = re.compile(rf"\A\s+({_OF})")
_BEFORE_OF = re.compile(rf"((?:[\w-]+\s+)?[\w-]+\s+{_OF})\s*,?\s*\Z")


def is_role_word(word: str) -> bool:
    lower = word.lower().strip(",.:;")
    if not lower:
        return False
    roles = words("roles")
    return lower in roles or lower.rsplit("-", 1)[-1] in roles or lower.endswith(_ROLE_ENDINGS)


def _tidy(role: str) -> str:
    role = " ".join(role.split()).strip(" ,")
    role = re.sub(r"^(?:[Dd]e|[Hh]et)\s+", "", role)
    if role[:1].isupper() and role.split()[0].lower() in words("roles"):
        role = role[0].lower() + role[1:]
    return role


def _role_before(text: str, start: int) -> str:
    window = text[max(0, start - 120):start]
    window = re.split(r"[.!?;:\n“”„\"]\s", window)[-1]
    # "minister van Defensie Ruben Brekelmans", "De secretaris-generaal van de NAVO, Jens Stoltenberg"
    match = _BEFORE_OF.search(window)
    if match:
        tokens = match.group(1).split()
        for i, token in enumerate(tokens):
            if is_role_word(token):
                lead = tokens[i - 1] if i and _ADJECTIVE.search(tokens[i - 1]) else None
                return _tidy(" ".join(([lead] if lead else []) + tokens[i:]))
    # "de Britse premier Keir Starmer", "NAVO-secretaris-generaal Jens Stoltenberg"
    tokens = window.rstrip().rstrip(",").split()
    if not tokens or not is_role_word(tokens[-1]):
        return ""
    phrase = [tokens[-1]]
    for token in reversed(tokens[:-1]):
        if _ADJECTIVE.search(token) and len(phrase) < 3:
            phrase.insert(0, token)
        else:
            break
    return _tidy(" ".join(phrase))


def _role_after(text: str, end: int) -> str:
    after = text[end:end + 160]
    match = _AFTER.match(after)
    if match and any(is_role_word(t) for t in match.group(1).split()[:3]):
        return _tidy(match.group(1))
    return ""


def find_roles(text: str, people: Iterable[tuple[str, int, int]]) -> list[tuple[str, str]]:
    """(actor id, role) for every person mention with a role in apposition, in text order, without repeats."""
    found: list[tuple[str, str]] = []
    for actor_id, start, end in people:
        role = _role_before(text, start)
        if role:
            of = _AFTER_OF.match(text[end:end + 80])  # "president Macron van Frankrijk"
            if of and " van " not in role:
                role = f"{role} {of.group(1)}"
        role = role or _role_after(text, end)
        if role and (actor_id, role) not in found:
            found.append((actor_id, role))
    # `president` adds nothing next to `president van Frankrijk` for the same person.
    return [(a, r) for a, r in found if not any(a == b and r != other and r in other for b, other in found)]


def role_references(text: str, roles: list[tuple[str, str]], taken) -> list[tuple[str, int, int]]:
    """Later mentions by role alone: `de Franse president` after `de Franse president Emmanuel Macron`."""
    by_phrase: dict[str, set[str]] = {}
    for actor_id, role in roles:
        if len(role.split()) <= 3:
            by_phrase.setdefault(role, set()).add(actor_id)
    found = []
    for phrase, actors in sorted(by_phrase.items()):
        if len(actors) != 1:
            continue  # two people with the same role: not a reference anyone can resolve
        (actor_id,) = actors
        pattern = re.compile(rf"(?<![\w-])[Dd]e\s+({re.escape(phrase)})(?!\s+(?:van\s+)?[{_UPPER}])(?![\w-])")
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if not taken.overlaps(start, end):
                found.append((actor_id, start, end))
                taken.add(start, end)
    return found
