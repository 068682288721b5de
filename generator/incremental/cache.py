"""What earlier runs computed, kept outside docs/, so a rebuild redoes only what changed.

One SQLite file per docs folder holds three tables:
- `entries`: source key -> the pipeline's Entry (briefing as a row of plain values,
  problems) and, apart, its text blocks, read only when that briefing's page is
  rendered. The key hashes the source (path and bytes), the registries and the
  generator's own code, so any change to one of them means a fresh extraction;
- `state`: what linking needs to reuse related lists (see link.py), and per briefing key
  the hash of what other pages show of that briefing (see render.py);
- `written`: docs path -> (fingerprint of the page's inputs, SHA-256 of the text written,
  the file's size and modification time after writing). A page whose fingerprint is
  unchanged and whose file on disk is still what was written (same size and time, or
  else the same SHA-256) is neither rendered nor written again.
A rebuild changes only the rows that changed. A missing, unreadable, corrupt or outdated
cache counts as empty: it only costs time. The cache is a local, git-ignored folder the
generator writes itself; its values are pickled, so it is never to be shared.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sqlite3
import sys
from contextlib import closing, contextmanager
from functools import cache
from importlib import metadata
from pathlib import Path

from generator.errors import GeneratorError

FORMAT = 5
_PACKAGE = Path(__file__).resolve().parent.parent  # the whole generator package


def digest(*parts: object) -> str:
    """A short stable hash of the parts (strings as UTF-8, anything else by repr)."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else (part if isinstance(part, str) else repr(part)).encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:32]


# Libraries whose behaviour shapes what is extracted or rendered.
_LIBRARIES = ("Jinja2", "PyYAML", "python-slugify", "text-unidecode", "MarkupSafe", "deduce", "simplemma", "babel", "trafilatura", "pypdfium2")


@cache
def code_fingerprint() -> str:
    """Changes whenever the generator's code, templates or word lists, Python or a library it uses change."""
    files = sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix in {".py", ".j2", ".txt"})
    versions = []
    for name in _LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return digest(sys.version, *versions, *(f"{p.relative_to(_PACKAGE).as_posix()}\0".encode() + p.read_bytes() for p in files))


class BuildCache:
    """The tables for one docs folder; `folder=None` gives a cache that keeps nothing."""

    def __init__(self, folder: Path | None, docs: Path):
        self.path = folder / f"build-{digest(str(docs.resolve()))[:16]}.sqlite" if folder else None
        self.extracted: dict[str, object] = {}
        self.links: dict | None = None
        self.shown: dict[str, tuple[str, str]] = {}
        self.written: dict[str, tuple] = {}
        self._loaded: tuple = (set(), None, {}, {})  # what was read, so only changes are written back
        self.new_blocks: dict[str, bytes] = {}  # text blocks of entries extracted in this run
        # docs path -> (size, time) of generated files this run compared by content, taken before reading.
        self.seen: dict[str, tuple[int, int] | None] = {}
        self._reader: tuple[int, sqlite3.Connection] | None = None
        if self.path is None or not self.path.is_file():
            return
        try:
            with closing(sqlite3.connect(self.path)) as db, _collector_paused():
                meta = dict(db.execute("SELECT name, value FROM meta"))
                if meta.get("format") != str(FORMAT) or meta.get("code") != code_fingerprint():
                    return
                self.extracted = {key: pickle.loads(entry) for key, entry in db.execute("SELECT key, entry FROM entries")}  # noqa: S301 - a local file this module wrote
                state = dict(db.execute("SELECT name, value FROM state"))
                self.links = pickle.loads(state["links"]) if "links" in state else None  # noqa: S301
                self.shown = pickle.loads(state["shown"]) if "shown" in state else {}  # noqa: S301
                self.written = {path: (fingerprint, sha, (size, mtime) if size is not None else None)
                                for path, fingerprint, sha, size, mtime in db.execute("SELECT * FROM written")}
            self._loaded = (set(self.extracted), self.links, dict(self.written), dict(self.shown))
        except Exception:  # noqa: BLE001 - any damage to the cache only costs a full rebuild
            self.extracted, self.links, self.written, self.shown = {}, None, {}, {}
            self._loaded = (set(), None, {}, {})

    def blocks(self, key: str) -> bytes:
        """The pickled text blocks of an entry (safe to call in a forked worker)."""
        if key in self.new_blocks:
            return self.new_blocks[key]
        if self._reader is None or self._reader[0] != os.getpid():
            self._reader = (os.getpid(), sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True))
        try:
            row = self._reader[1].execute("SELECT blocks FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            raise GeneratorError(f"the build cache {self.path} changed during the build (another build at the same time?); run the build again")
        return row[0]

    def save(self) -> None:
        """Write back what changed."""
        if self.path is None:
            return
        keys, links, written, shown = self._loaded
        if self._reader is not None:
            self._reader[1].close()
            self._reader = None
        if (keys, links, written, shown) == (set(self.extracted), self.links, self.written, self.shown) and self.path.is_file():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._write(keys, links, written, shown)
        except sqlite3.DatabaseError:
            # A damaged file: start a new one (this only costs time at the next build).
            self.path.unlink(missing_ok=True)
            self._write(set(), None, {}, {})

    def _write(self, keys: set[str], links: dict | None, written: dict, shown: dict) -> None:
        with closing(sqlite3.connect(self.path)) as db, db:
            db.executescript(_SCHEMA)
            meta = dict(db.execute("SELECT name, value FROM meta"))
            if meta.get("format") != str(FORMAT) or meta.get("code") != code_fingerprint():
                db.executescript("DELETE FROM entries; DELETE FROM state; DELETE FROM written;")
                keys, links, written, shown = set(), None, {}, {}
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [("format", str(FORMAT)), ("code", code_fingerprint())])
            db.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in keys - set(self.extracted)])
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", [
                (k, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL), self.new_blocks[k])
                for k, entry in self.extracted.items() if k not in keys and k in self.new_blocks
            ])
            db.executemany("INSERT OR REPLACE INTO state VALUES (?, ?)", [
                (name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
                for name, value, before in (("links", self.links, links), ("shown", self.shown, shown)) if value != before
            ])
            db.executemany("DELETE FROM written WHERE path = ?", [(p,) for p in written.keys() - self.written.keys()])
            db.executemany("INSERT OR REPLACE INTO written VALUES (?, ?, ?, ?, ?)", [
                (path, fingerprint, sha, *(stat or (None, None)))
                for path, (fingerprint, sha, stat) in self.written.items() if written.get(path) != (fingerprint, sha, stat)
            ])


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, entry BLOB, blocks BLOB);
CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS written (path TEXT PRIMARY KEY, fingerprint TEXT, sha TEXT, size INTEGER, mtime INTEGER);
"""


@contextmanager
def _collector_paused():
    """Unpickling builds millions of objects, none of them garbage; the cycle collector would
    walk them over and over (measured: unpickling 10,000 entries took three times as long)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


# A file changed again within the same tick of the file system's clock keeps its size and
# time, so size and time are trusted only for files older than a tick (as git does).
# A file system that stores whole seconds (FAT, HFS+, ext3) ticks every 1 or 2 s; one that
# stores fractions of a second ticks at most every 10 ms (exFAT; Linux's clock tick).
COARSE_TICK_NS = 2_000_000_000
FINE_TICK_NS = 100_000_000


def racy(mtime_ns: int, now_ns: int) -> bool:
    """A file with this modification time may still change without its time changing."""
    tick = COARSE_TICK_NS if mtime_ns % 1_000_000_000 == 0 else FINE_TICK_NS
    return now_ns - mtime_ns < tick


def file_stat(path: Path) -> tuple[int, int] | None:
    """(size, modification time in ns), or None when the file is missing."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
