"""Find registry names in text: case-sensitive, on word boundaries, compound-aware.

The aliases are compiled into one prefix-tree shaped regular expression, which
stays fast with thousands of names. A name matches when it is not preceded by a
letter or digit and is followed by neither, except for a genitive s (`Macrons`,
`NAVO's`); a hyphen may follow or precede, so `NAVO-landen` names the NAVO. Forms
that are also common words (`Defensie`) can be told to match only on their own,
not joined to another word by a hyphen (`Defensie-uitgaven`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.model import Registry, surface_forms


def trie_pattern(words: Iterable[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _node_pattern(node[char]) for char in sorted(node, key=_commonest_first) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # Longer continuations are tried first, so the longest name wins.
        return f"(?:{body})?"
    return body


def word_start_pattern(words: Iterable[str], before: str = r"\w") -> str:
    """`(?<!before)(?:w1|w2|…)` as a prefix tree, longest word first, that the regex engine scans fast.

    The lookbehind stands after each word's first character (`W(?<!before.)ord`), so the
    pattern opens with a plain choice of characters and the engine skips straight to
    the positions where a word can start instead of testing the lookbehind everywhere.
    """
    words = list(words)
    if not words or "" in words or any(w[0] == "\n" for w in words):
        return rf"(?<!{before})" + trie_pattern(words)
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    # The engine tries the branches in turn: the most frequent letters of Dutch text first (the
    # branches start with different characters, so their order changes nothing else).
    order = sorted(by_first, key=_commonest_first)
    branches = [re.escape(char) + rf"(?<!{before}.)" + trie_pattern(by_first[char]) for char in order]
    return "(?:" + "|".join(branches) + ")"


_DUTCH_LETTERS = "enatirodslgvhkmubpwjczfxyq"  # by frequency


def _commonest_first(char: str) -> tuple[bool, int, str]:
    rank = _DUTCH_LETTERS.find(char.lower())
    return char.isupper(), rank if rank >= 0 else len(_DUTCH_LETTERS), char


class NameMatcher:
    """Maps each surface form to one key and finds them in text."""

    # Up to this many forms, `finditer` looks for each form with `str.find` and does what the
    # regex would; compiling a regex costs more than that for the few names of one text.
    SMALL = 24

    def __init__(self, forms: dict[str, str], alone: set[str] | frozenset[str] = frozenset()):
        """`alone`: forms that do not match where a hyphen joins them to another word."""
        self.forms = dict(forms)
        self.alone = frozenset(alone)
        self._regex: re.Pattern | None = None
        self._longest_first: list[str] = []
        if forms and (len(forms) > self.SMALL or "" in forms):
            pattern = rf"({word_start_pattern(forms)})(?:['’]?s)?(?![\w])"
            self._regex = re.compile(pattern)
        elif forms:
            self._longest_first = sorted(self.forms, key=len, reverse=True)

    def finditer(self, text: str) -> Iterator[tuple[str, int, int]]:
        """Yield (key, start, end) for each name, left to right, longest first."""
        if self._regex is not None:
            forms = self.forms
            found = [(forms[match.group(1)], *match.span(1)) for match in self._regex.finditer(text)]
        else:
            found = list(self._find_small(text))
        if self.alone:
            found = [(key, start, end) for key, start, end in found
                     if text[start:end] not in self.alone or not _in_compound(text, start, end)]
        return iter(found)

    def _find_small(self, text: str) -> Iterator[tuple[str, int, int]]:
        """What the regex `(?<!\\w)(form|…)(?:['’]?s)?(?!\\w)` finds, with the longest form tried first."""
        if not self._longest_first:
            return
        at: dict[int, list[str]] = {}
        for form in self._longest_first:  # so each list is longest first too
            i = text.find(form)
            while i >= 0:
                at.setdefault(i, []).append(form)
                i = text.find(form, i + 1)
        cursor = 0
        size = len(text)
        for start in sorted(at):
            if start < cursor or (start and _is_word(text[start - 1])):
                continue
            for form in at[start]:
                end = start + len(form)
                # The genitive: `'s` or `’s`, else `s`, else nothing, each not followed by a word character.
                if end + 1 < size and text[end] in "'’" and text[end + 1] == "s" and (end + 2 == size or not _is_word(text[end + 2])):
                    cursor = end + 2
                elif end < size and text[end] == "s" and (end + 1 == size or not _is_word(text[end + 1])):
                    cursor = end + 1
                elif end == size or not _is_word(text[end]):
                    cursor = end
                else:
                    continue
                yield self.forms[form], start, end
                break


def _in_compound(text: str, start: int, end: int) -> bool:
    """Is text[start:end] joined by a hyphen to a word before or after it (`Defensie-uitgaven`)?"""
    after = text[end:end + 2]
    before = text[max(0, start - 2):start]
    return (len(after) == 2 and after[0] == "-" and after[1].isalpha()) or (len(before) == 2 and before[1] == "-" and before[0].isalpha())


def _is_word(char: str) -> bool:
    """What `\\w` matches (str.isalnum is the same Unicode test the regex engine makes)."""
    return char.isalnum() or char == "_"


def actor_matcher(registry: Registry) -> NameMatcher:
    """Every name and alias, except the `person_context` forms (see context_matcher)."""
    return NameMatcher({form: a.id for a in registry.actors for form in surface_forms(a) if form not in a.person_context},
                       alone={form for a in registry.actors for form in surface_forms(a, a.not_in_compounds)})


def context_matcher(registry: Registry) -> NameMatcher:
    """The `person_context` forms (`Blok`, `Kamp`): surnames that are also common words."""
    return NameMatcher({form: a.id for a in registry.actors for form in a.person_context})
