"""A set of non-overlapping text spans with fast overlap tests (large sources have many)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable


class SpanSet:
    """Disjoint [start, end) spans kept sorted by start."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._spans: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if not self.overlaps(start, end):
                self._spans.append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._spans, (end, -1)) - 1
        # Spans are disjoint and sorted, so only the last one starting before `end` can reach `start`.
        return i >= 0 and self._spans[i][1] > start

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))

    def __iter__(self):
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)
