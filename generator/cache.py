"""What earlier runs computed, kept outside docs/, so a rebuild redoes only what changed.

One file per docs folder holds three tables:
- `extracted`: source key -> the pipeline's Entry (briefing, its pickled text blocks,
  problems). The key hashes the source (path and bytes), the registries and the
  generator's own code, so any change to one of them means a fresh extraction;
- `links`: what linking needs to reuse related lists (see link.py);
- `written`: docs path -> (fingerprint of the page's inputs, SHA-256 of the text written,
  the file's size and modification time after writing). A page whose fingerprint is
  unchanged and whose file on disk is still what was written (same size and time, or
  else the same SHA-256) is neither rendered nor written again.
A missing, unreadable, corrupt or outdated cache file counts as empty: it only costs time.
The cache is a local, git-ignored folder the generator writes itself (pickle format).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

FORMAT = 3
_PACKAGE = Path(__file__).resolve().parent


def digest(*parts: object) -> str:
    """A short stable hash of the parts (strings as UTF-8, anything else by repr)."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else (part if isinstance(part, str) else repr(part)).encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:32]


@cache
def code_fingerprint() -> str:
    """Changes whenever the generator's code, templates or word lists change."""
    files = sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix in {".py", ".j2", ".txt"})
    return digest(*(f"{p.relative_to(_PACKAGE).as_posix()}\0".encode() + p.read_bytes() for p in files))


class BuildCache:
    """The two tables for one docs folder; `folder=None` gives a cache that keeps nothing."""

    def __init__(self, folder: Path | None, docs: Path):
        self.path = folder / f"build-{digest(str(docs.resolve()))[:16]}.pickle" if folder else None
        self.extracted: dict[str, object] = {}
        self.links: dict | None = None
        self.written: dict[str, tuple] = {}
        self._loaded: tuple | None = None  # what was read, to skip writing the same back
        if self.path is None or not self.path.is_file():
            return
        try:
            with self.path.open("rb") as handle:
                stored = pickle.load(handle)  # noqa: S301 - a local file this module wrote
            if stored.get("format") == FORMAT and stored.get("code") == code_fingerprint():
                self.extracted = dict(stored["extracted"])
                self.links = stored["links"]
                self.written = dict(stored["written"])
                self._loaded = (set(self.extracted), self.links, dict(self.written))
        except Exception:  # noqa: BLE001 - any damage to the cache only costs a full rebuild
            self.extracted, self.links, self.written = {}, None, {}

    def save(self) -> None:
        if self.path is None:
            return
        if self._loaded == (set(self.extracted), self.links, self.written) and self.path.is_file():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"format": FORMAT, "code": code_fingerprint(), "extracted": self.extracted, "links": self.links, "written": self.written}
        fd, tmp = tempfile.mkstemp(prefix=".build-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def file_stat(path: Path) -> tuple[int, int] | None:
    """(size, modification time in ns), or None when the file is missing."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
