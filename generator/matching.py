"""Find registry names in text: case-sensitive, on word boundaries, compound-aware.

The aliases are compiled into one prefix-tree shaped regular expression, which
stays fast with thousands of names. A name matches when it is not preceded by a
letter or digit and is followed by neither, except for a genitive s (`Macrons`,
`NAVO's`); a hyphen may follow or precede, so `NAVO-landen` names the NAVO.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def _trie_pattern(words: Iterable[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # Longer continuations are tried first, so the longest name wins.
        return f"(?:{body})?"
    return body


class NameMatcher:
    """Maps each surface form to one key and finds them in text."""

    def __init__(self, forms: dict[str, str]):
        self.forms = dict(forms)
        if forms:
            pattern = rf"(?<![\w])({_trie_pattern(forms)})(?:['’]?s)?(?![\w])"
            self._regex: re.Pattern | None = re.compile(pattern)
        else:
            self._regex = None

    def finditer(self, text: str) -> Iterator[tuple[str, int, int]]:
        """Yield (key, start, end) for each name, left to right, longest first."""
        if self._regex is None:
            return
        for match in self._regex.finditer(text):
            yield self.forms[match.group(1)], match.start(1), match.end(1)
