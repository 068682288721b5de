"""Spans of a text: actors named at a span, and a set of non-overlapping spans with fast
overlap tests (large sources have many)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass


class SpanSet:
    """Disjoint [start, end) spans kept sorted by start."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        kept: list[tuple[int, int]] = []
        self._spans = kept
        for start, end in sorted(spans):
            # Every kept span starts at or before `start`: for a non-empty span only the last
            # kept one can reach it (what `overlaps` would find).
            if start < end:
                if not kept or kept[-1][1] <= start:
                    kept.append((start, end))
            elif not self.overlaps(start, end):
                kept.append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._spans, (end, -1)) - 1
        # Spans are disjoint and sorted, so only the last one starting before `end` can reach `start`.
        return i >= 0 and self._spans[i][1] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside the last span that starts before `end`, the one
        `overlaps` looks at: then every non-empty part of it overlaps that span."""
        i = bisect_left(self._spans, (end, -1)) - 1
        return i >= 0 and self._spans[i][0] <= start and self._spans[i][1] >= end

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))

    def __iter__(self):
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


@dataclass(frozen=True)
class ActorSpan:
    """An actor named at a span of the text; kind as in the registry."""

    actor_id: str
    kind: str
    start: int
    end: int


class ActorSpans:
    """Actor spans sorted by position, with the look-ups quotation attribution needs in logarithmic time."""

    def __init__(self, mentions: list[ActorSpan], quoted: SpanSet | None = None):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        # People named inside a quotation are what someone said, not who is speaking.
        self.people = [m for m in self.items if m.kind == "person" and not (quoted and quoted.overlaps(m.start, m.end))]
        self.people_ends = [m.end for m in self.people]
        self.person_ids = {m.actor_id for m in self.people}

    def within(self, start: int, end: int) -> list[ActorSpan]:
        """Mentions that lie inside [start, end)."""
        i, j = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.items[i:j] if m.end <= end]

    def starting_in(self, start: int, end: int) -> ActorSpan | None:
        """The first mention that starts inside [start, end)."""
        i = bisect_left(self.starts, start)
        return self.items[i] if i < len(self.items) and self.items[i].start < end else None

    def people_within(self, start: int, end: int) -> list[ActorSpan]:
        """People named inside [start, end), outside quotations."""
        i, j = bisect_left(self.people_ends, start + 1), bisect_right(self.people_ends, end)
        return [m for m in self.people[i:j] if m.start >= start]

    def last_person_before(self, position: int) -> ActorSpan | None:
        i = bisect_right(self.people_ends, position)
        return self.people[i - 1] if i else None

