"""Roles in appositions: `de Britse premier Keir Starmer`, `Jens Stoltenberg, de secretaris-generaal van de NAVO,`.

Works on the person mentions already found in a text and looks at the words
right before and after each of them. Only explicit appositions count; a role is
never guessed from a registry description.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.extract.dutch import NATIONALITY, UPPER, is_role_word, role_words

# A complement naming whose role it is: "van de NAVO", "van Buitenlandse Zaken", "van Frankrijk".
_OF = rf"van\s+(?:de\s+|het\s+)?[{UPPER}][\w'’-]*(?:\s+(?:en\s+(?:van\s+)?)?[{UPPER}][\w'’-]*)*"
_ADJECTIVE = re.compile(rf"(?:{NATIONALITY}|oud|voormalig|voormalige|toenmalig|toenmalige|huidige|nieuwe|demissionair|demissionaire)$")
_AFTER = re.compile(rf"\A\s*,\s*(?:de|het)\s+((?:[\w-]+\s+){{0,2}}?[\w-]+(?:\s+{_OF})?)\s*[,.;]")
_AFTER_OF = re.compile(rf"\A\s+({_OF})")
_ARTICLE = re.compile(r"^(?:[Dd]e|[Hh]et)\s+")
_CLAUSE_BREAK = re.compile(r"[.!?;:\n“”„\"]\s")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
# What may not follow a reference by role: a name (`de premier Mark Rutte`, `de premier van Frankrijk`).
_NAME_OR_WORD_AFTER = re.compile(rf"\s+(?:van\s+)?[{UPPER}]|[\w-]")
_CAPITALISED = re.compile(rf"[{UPPER}][\w'’-]*")
# A role with its complement at the end of the words before a name, `((?:[\w-]+\s+)?[\w-]+\s+{_OF})\s*,?\s*\Z`
# (`minister van Defensie`, `De secretaris-generaal van de NAVO,`), written to be found
# faster: the leftmost match never starts inside a word (it would also match from the word's
# start), and no run of word characters ever has to give any back. The test that both find the
# same is in tests/test_fast_patterns.py.
_BEFORE_OF_FAST = re.compile(
    rf"(?<![\w-])((?:[\w-]++\s+)?[\w-]++\s+van\s+(?:de\s+|het\s+)?[{UPPER}][\w'’-]*+(?:\s+(?:en\s+(?:van\s+)?)?[{UPPER}][\w'’-]*+)*)\s*,?\s*\Z"
)


def _tidy(role: str) -> str:
    role = " ".join(role.split()).strip(" ,")
    role = _ARTICLE.sub("", role)
    if role[:1].isupper() and role.split()[0].lower() in role_words():
        role = role[0].lower() + role[1:]
    return role


def _role_before(text: str, start: int) -> str:
    window = text[max(0, start - 120):start]
    window = _CLAUSE_BREAK.split(window)[-1]
    # "minister van Defensie Ruben Brekelmans", "De secretaris-generaal van de NAVO, Jens Stoltenberg"
    match = _BEFORE_OF_FAST.search(window) if _may_end_with_of(window) else None
    if match:
        tokens = match.group(1).split()
        for i, token in enumerate(tokens):
            if is_role_word(token):
                lead = tokens[i - 1] if i and _ADJECTIVE.search(tokens[i - 1]) else None
                return _tidy(" ".join(([lead] if lead else []) + tokens[i:]))
    # "de Britse premier Keir Starmer", "NAVO-secretaris-generaal Jens Stoltenberg"
    tokens = window.rstrip().rstrip(",").rsplit(None, 3)  # no more than three words can make the role
    if not tokens or not is_role_word(tokens[-1]):
        return ""
    phrase = [tokens[-1]]
    for token in reversed(tokens[:-1]):
        if _ADJECTIVE.search(token) and len(phrase) < 3:
            phrase.insert(0, token)
        else:
            break
    return _tidy(" ".join(phrase))


def _may_end_with_of(window: str) -> bool:
    """False where `_BEFORE_OF_FAST` cannot match: it needs "van" and ends with a capitalised word
    after white space (then only white space and at most one comma)."""
    if "van" not in window:
        return False
    rest = window.rstrip()
    if rest.endswith(","):
        rest = rest[:-1].rstrip()
    words_ = rest.rsplit(None, 1)
    return len(words_) == 2 and _CAPITALISED.fullmatch(words_[1]) is not None


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
        for start, end in _references(text, phrase):
            if not taken.overlaps(start, end):
                found.append((actor_id, start, end))
                taken.add(start, end)
    return found


def _references(text: str, phrase: str) -> Iterator[tuple[int, int]]:
    """Spans of `phrase` where `de <phrase>` stands and no name follows, left to right and not
    overlapping: what the regex in the fallback below finds, but found with `str.find`."""
    if not phrase or phrase[0].isspace():
        pattern = re.compile(rf"(?<![\w-])[Dd]e\s+({re.escape(phrase)})(?!\s+(?:van\s+)?[{UPPER}])(?![\w-])")
        for match in pattern.finditer(text):
            yield match.span(1)
        return
    cursor = 0
    at = text.find(phrase)
    while at >= 0:
        # `de` and white space right before the phrase, where no word character or hyphen precedes `de`.
        space = at
        while space and text[space - 1].isspace():
            space -= 1
        start = space - 2
        if (space < at and start >= cursor and text[start + 1] == "e" and text[start] in "Dd"
                and not (start and _WORD_OR_HYPHEN.match(text, start - 1))):
            end = at + len(phrase)
            if not _NAME_OR_WORD_AFTER.match(text, end):
                yield at, end
                cursor = end
                at = text.find(phrase, end)
                continue
        at = text.find(phrase, at + 1)
