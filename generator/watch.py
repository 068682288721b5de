"""`python -m generator watch`: rebuild docs/ whenever a source, sidecar, registry or mkdocs.yml changes.

Made for `make serve`: `mkdocs serve` reloads the browser when docs/ changes, and this
keeps docs/ in step with what contributors edit. It polls file sizes and modification
times (no extra library, works the same on every system); each build uses the cache, so
a rebuild after one edit redoes only what that edit changed.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable

from generator.config import Config
from generator.errors import GeneratorError
from generator.incremental.cache import file_hash, racy
from generator.inputs.sources import source_files
from generator.pipeline import Report, build


def snapshot(config: Config) -> tuple:
    """(name, size, modification time, and for recent files a content hash) of what a build reads:
    the sources it lists, their sidecars, the registries and mkdocs.yml.

    A file saved in the clock tick that is still running is also compared by content: on a file system with a coarse
    clock, a same-size edit within the same tick keeps size and time.
    """
    try:
        files = [path for path, _, _ in source_files(config.sources, config.root)]
        files += sorted(config.sources.glob("*.yml")) + sorted(config.data.glob("*.yml"))
    except OSError:
        files = [config.sources, config.data]  # a missing folder: the build says what is wrong
    now = time.time_ns()
    state = []
    for path in [config.mkdocs, *files]:
        try:
            info = path.stat()
            recent = file_hash(path) if racy(info.st_mtime_ns, now) else None
            state.append((str(path), info.st_size, info.st_mtime_ns, recent))
        except OSError:
            state.append((str(path), None, None, None))
    return tuple(state)


def changed(before: tuple | None, now: tuple) -> bool:
    """A file came, went, or changed size, time or (both being recent) content."""
    if before is None or [entry[0] for entry in before] != [entry[0] for entry in now]:
        return True
    return any(old[1:3] != new[1:3] or (old[3] and new[3] and old[3] != new[3]) for old, new in zip(before, now, strict=True))


def watch(config: Config, on_build: Callable[[Report | GeneratorError], None], interval: float = 1.0,
          rounds: int | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
    """Build now and after every change, checking every `interval` seconds (`rounds` times, or forever)."""
    seen = None
    done = 0
    while rounds is None or done < rounds:
        state = snapshot(config)
        if changed(seen, state):
            seen = state
            try:
                on_build(build(config))
            except GeneratorError as exc:
                on_build(exc)
            except Exception as exc:  # noqa: BLE001 - a failed build must not end the watch (say why and go on)
                on_build(GeneratorError("the build failed unexpectedly; the watch goes on:\n" + "".join(traceback.format_exception(exc)).rstrip()))
        done += 1
        sleep(interval)
