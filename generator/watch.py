"""`python -m generator watch`: rebuild docs/ whenever a source, sidecar, registry or mkdocs.yml changes.

Made for `make serve`: `mkdocs serve` reloads the browser when docs/ changes, and this
keeps docs/ in step with what contributors edit. It polls file sizes and modification
times (no extra library, works the same on every system); each build uses the cache, so
a rebuild after one edit redoes only what that edit changed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from generator.config import Config
from generator.errors import GeneratorError
from generator.pipeline import Report, build


def _snapshot(config: Config) -> tuple:
    """(name, size, modification time) of every file a build reads."""
    files: list[Path] = [config.mkdocs]
    for folder in (config.sources, config.data):
        try:
            files += [p for p in folder.iterdir() if p.is_file()]
        except OSError:
            files.append(folder)  # a missing folder: the build says what is wrong
    state = []
    for path in sorted(files):
        try:
            info = path.stat()
            state.append((str(path), info.st_size, info.st_mtime_ns))
        except OSError:
            state.append((str(path), None, None))
    return tuple(state)


def watch(config: Config, on_build: Callable[[Report | GeneratorError], None], interval: float = 1.0,
          rounds: int | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
    """Build now and after every change, checking every `interval` seconds (`rounds` times, or forever)."""
    seen = None
    done = 0
    while rounds is None or done < rounds:
        state = _snapshot(config)
        if state != seen:
            try:
                on_build(build(config))
            except GeneratorError as exc:
                on_build(exc)
            seen = state
        done += 1
        sleep(interval)
