"""A set of non-overlapping text spans with fast overlap tests (large sources have many)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable


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
