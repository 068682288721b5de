"""Map a function over many items in forked worker processes, when that pays.

Forked workers inherit the parent's memory, so the function may be a closure over the
whole site: only the items' indexes go to the workers and only results come back.
Results are in input order and the same as in one process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

_WORK: list = []  # (function, items) while a pool runs; read by the forked workers


def _run(bounds: tuple[int, int]) -> list:
    func, items = _WORK
    return [func(items[i]) for i in range(*bounds)]


def fork_map(func: Callable, items: Sequence, jobs: int, minimum: int) -> list:
    """[func(item) for item in items], in `jobs` forked processes when there are at least `minimum` items."""
    if jobs <= 1 or len(items) < minimum or "fork" not in multiprocessing.get_all_start_methods():
        return [func(item) for item in items]
    size = max(1, -(-len(items) // (jobs * 8)))
    bounds = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _WORK[:] = [func, items]
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for part in pool.map(_run, bounds) for result in part]
    finally:
        _WORK.clear()
