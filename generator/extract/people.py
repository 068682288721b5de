"""People the registry does not know: runs of capitalised words that a given name, initials,
a role word before them or a party after them mark as a person (`premier Keir Starmer`,
`Jan van der Berg`, `A.B. Jansen`, `Kati Janssens (PvdA)`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.extract.dutch import PARTICLE_WORDS, UPPER, is_role_word, particles_pattern
from generator.extract.lexicon import words
from generator.extract.namelists import BLANK, NAME_WORD, ROMAN, Found, given_names
from generator.extract.spans import SpanSet

_INITIALS = rf"(?:[{UPPER}]\.){{1,4}}"
_PARTICLES = particles_pattern(" ")
# A run of capitalised words, optionally with initials before them and particles between them,
# never over a line break: `(?<![\w-])(?:{_INITIALS}{BLANK}?)?{NAME_WORD}(?:{BLANK}+(?:{_PARTICLES}{BLANK}+)?{NAME_WORD})*`,
# written to open with its first capital (the lookbehind follows it), so the regex engine
# only stops at capitals. The test that both find the same runs, and that `_long_runs` finds
# the runs of more than one word, is in tests/test_fast_patterns.py.
_RUN = re.compile(
    rf"[{UPPER}](?<![\w-].)(?:\.(?:[{UPPER}]\.){{0,3}}{BLANK}?{NAME_WORD}|[\w'’]*(?:-[\w'’]+)*)"
    rf"(?:{BLANK}+(?:{_PARTICLES}{BLANK}+)?{NAME_WORD})*"
)
# `_RUN.finditer` gives every run, and most runs are one word, which can never be a name.
# `_LONG_RUN`, matched at the end of the previous long run (or at 0), goes on to the next
# run of more than one word and skips the one-word runs on its way exactly as
# `_RUN.finditer` would (see `_long_runs`): GAP passes characters where no run can start (not
# a capital, or a capital after a word character or hyphen); WORD matches a run that
# `_RUN` would end after one word (its opening taken as `_RUN` takes it, no white space in
# it, nothing after it that `_RUN` would add).
_GAP = rf"[^{UPPER}]*+(?:(?<=[\w-])[{UPPER}][^{UPPER}]*+)*+"
_WORD = (
    rf"[{UPPER}](?<![\w-].)(?>\.(?:[{UPPER}]\.){{0,3}}{BLANK}?(?=[{UPPER}])|)(?<!\s)"
    rf"(?:(?<=\.)[{UPPER}]|(?<!\.))[\w'’]*+(?:-[\w'’]+)*+(?!{BLANK}+(?:{_PARTICLES}{BLANK}+)?{NAME_WORD})"
)
_LONG_RUN = re.compile(rf"{_GAP}(?:{_WORD}{_GAP})*+({_RUN.pattern})")
_INITIALS_RE = re.compile(_INITIALS)
PARTY_AFTER = re.compile(r"[^\S\n]*\((?:[A-Z][\w&.-]*[A-Z0-9][\w&.-]*|[A-Z][a-z]+[A-Z][\w-]*)\)")
# Words before the name of who made a picture or a text: a credit, not a person the text is about.
_CREDITS = frozenset({"Beeld", "Foto", "Foto's", "Fotografie", "Illustratie", "Tekst", "Bewerking", "Eindredactie", "Redactie"})


def find_people(text: str, taken: SpanSet) -> list[Found]:
    """Runs of capitalised words that a given name, initials or a role word mark as a person."""
    first_names, not_names = given_names(), words("not_names")
    found = []
    for run, run_start, run_end in _long_runs(text):
        tokens = run.split()
        if len(tokens) < 2 or taken.covers(run_start, run_end):
            continue  # a name needs two words; one inside a registry name overlaps it
        first_at, cue = _name_start(tokens, first_names, not_names)
        last_at = _name_end(tokens, first_at, first_names, not_names)
        kept = tokens[first_at:last_at]
        if not _two_capitals(kept):
            continue
        first = kept[0]
        if not (first in first_names or _INITIALS_RE.fullmatch(first) or cue or _role_word_before(text, run_start)
                or _party_after(text, run_start + _offset_after(run, tokens, last_at), kept)):
            continue
        start, end = _located(run, tokens, first_at, kept)
        name = run[start:end]
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        start += run_start
        end += run_start
        if taken.overlaps(start, end):
            continue
        found.append(Found(name, "person", start, start + len(name)))
    return found


def _name_start(tokens: list[str], first_names: frozenset[str], not_names: frozenset[str]) -> tuple[int, bool]:
    """Where the name starts, after the leading words that cannot start one (sentence openers,
    titles, adjectives, and a word that describes the person before a given name and a surname:
    `Omwonende Kees Verstegen`), and whether one of them is a role word (a cue that a person
    follows). After a credit (`Beeld Anna de Vries`: whoever made the picture) nothing is a name."""
    first_at, last_at = 0, len(tokens)
    cue = False
    while first_at < last_at:
        token = tokens[first_at]
        if token in _CREDITS:
            return last_at, cue
        if token in not_names:
            cue = cue or is_role_word(token)
        elif is_role_word(token):
            cue = True
        elif not (token not in first_names and last_at - first_at >= 3 and tokens[first_at + 1] in first_names):
            break
        first_at += 1
    return first_at, cue


def _name_end(tokens: list[str], first_at: int, first_names: frozenset[str], not_names: frozenset[str]) -> int:
    """Where the name that starts at `first_at` ends: not at a particle or word that opens what
    follows it, nor at an ordinary word or a king's number (`Filip I`)."""
    last_at = first_at + _name_length(tokens[first_at:], first_names)
    while first_at < last_at and (tokens[last_at - 1] in not_names or tokens[last_at - 1] in PARTICLE_WORDS
                                  or ROMAN.fullmatch(tokens[last_at - 1])):
        last_at -= 1
    return last_at


def _two_capitals(kept: list[str]) -> bool:
    """At least two capitalised words, and no role word among them."""
    capitals = 0
    for token in kept:
        if is_role_word(token):
            return False
        if token[:1].isupper():
            capitals += 1
    return capitals >= 2


def _located(run: str, tokens: list[str], first_at: int, kept: list[str]) -> tuple[int, int]:
    """Where the kept words stand in the run: the tokens follow each other, separated by white space only."""
    at = 0
    for token in tokens[:first_at]:
        at = run.find(token, at) + len(token)
    start = run.find(kept[0], at)
    at = start
    for token in kept[:-1]:
        at = run.find(token, at) + len(token)
    return start, run.find(kept[-1], at) + len(kept[-1])


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


def _offset_after(run: str, tokens: list[str], last_at: int) -> int:
    """Where the kept words end in `run`: after the `last_at`-th token."""
    at = 0
    for token in tokens[:last_at]:
        at = run.find(token, at) + len(token)
    return at



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
    match = PARTY_AFTER.match(text, end)
    return match is not None and not any(w.isupper() for w in name) and not is_expansion(name, match.group())


def is_expansion(name: list[str], short: str) -> bool:
    """Whether `short` (`(JFC)`) spells the initials of two or more of the `name` words in order."""
    letters = [c for c in short if c.isupper()]
    matched = 0
    for word in name:
        if matched < len(letters) and word[:1] == letters[matched]:
            matched += 1
        elif word[:1].isupper() and letters[matched:matched + 1] and word[:1] in letters[matched:]:
            matched = letters.index(word[:1], matched) + 1
    return matched >= 2 or (len(name) == 1 and name[0][:1] in letters)


def _role_word_before(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].split()
    return bool(before) and is_role_word(before[-1].strip(",:"))

