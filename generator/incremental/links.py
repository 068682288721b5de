"""Reuse what the previous build linked: related lists that cannot have changed, and the
co-occurrence counts updated by the briefings that left and came.

Linking 10,000 briefings takes about 3 s; after one source changes, reusing the rest
takes under 1 s, which is most of what a preview of one edit waits for at that size.
The Site is the same with or without it (tests/test_link.py checks edit after edit).
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from generator.link import NEIGHBOURHOOD
from generator.model import Briefing


class LinkMemo:
    """`previous`: the `state` of the memo of an earlier build (None for none). After
    `link_briefings(..., memo=memo)`, `state` holds this build's, for the next; it is None
    when the briefings' keys do not identify them (a key missing or shared)."""

    def __init__(self, previous: dict | None = None) -> None:
        self.previous = previous
        self.state: dict | None = None

    def related_to_keep(self, ordered: tuple[Briefing, ...], postings: list[tuple[str, list[int], int]], salt: str) -> dict[int, tuple]:
        keys = [b.key for b in ordered]
        if len(set(keys)) != len(keys) or "" in keys:
            self.state = None
            return {}
        # A posting names each briefing by key and slug: ties are broken by slug, and a slug can
        # change while the key does not (when a clash with another briefing's slug goes away).
        names = [f"{b.key} {b.slug}" for b in ordered]
        features = {name: (tuple(names[m] for m in members), weight) for name, members, weight in postings}
        self.state = {"salt": salt, "features": features, "related": {}}
        previous = self.previous
        if previous is None or previous.get("salt") != salt:
            return {}
        dirty = _changed(postings, keys, features, previous)
        return {here: previous["related"][key] for here, key in enumerate(keys) if here not in dirty}

    def remember_related(self, lists: dict[str, tuple]) -> None:
        if self.state is not None:
            self.state["related"] = lists

    def pairs(self, ordered: tuple[Briefing, ...], groups: list[tuple[str, ...]]) -> dict[tuple[str, str], int] | None:
        previous = self.previous
        if self.state is None or previous is None or "groups" not in previous:
            return None  # (no state: the keys do not tell the briefings apart)
        groups = {b.key: group for b, group in zip(ordered, groups, strict=True)}
        pairs = Counter(previous["pairs"])
        before = previous["groups"]
        for key, group in before.items():
            if key not in groups:
                pairs.subtract(combinations(group, 2))
        for key, group in groups.items():
            if key not in before:
                pairs.update(combinations(group, 2))
        return dict(sorted((+pairs).items()))  # without the pairs no briefing names any more

    def remember_pairs(self, ordered: tuple[Briefing, ...], groups: list[tuple[str, ...]], pairs: dict[tuple[str, str], int]) -> None:
        if self.state is not None:
            self.state["pairs"] = pairs
            self.state["groups"] = {b.key: group for b, group in zip(ordered, groups, strict=True)}


def _changed(postings, keys: list[str], features: dict, previous: dict) -> set[int]:
    """Positions of the briefings whose related list may differ from `previous`."""
    old_features, old_related = previous["features"], previous["related"]
    dirty = {i for i, key in enumerate(keys) if key not in old_related}
    half = NEIGHBOURHOOD // 2
    for name, members, weight in postings:
        now, before = features[name], old_features.get(name)
        if before is None or before[1] != weight:
            dirty.update(members)
            continue
        new_keys, old_keys = now[0], before[0]
        if new_keys == old_keys:
            continue
        if len(new_keys) <= NEIGHBOURHOOD or len(old_keys) <= NEIGHBOURHOOD:
            dirty.update(members)
            continue
        # Only briefings within half a window of the changed stretch see a different window.
        shortest = min(len(new_keys), len(old_keys))
        start = 0
        while start < shortest and new_keys[start] == old_keys[start]:
            start += 1
        tail = 0
        while tail < shortest - start and new_keys[-1 - tail] == old_keys[-1 - tail]:
            tail += 1
        dirty.update(members[max(0, start - half - 1): len(new_keys) - tail + half + 1])
    return dirty


