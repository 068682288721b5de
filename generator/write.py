"""Write pages into docs/: only into the generator's own places, atomically, never over a person's work."""

from __future__ import annotations

import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.errors import ERROR, Problem
from generator.incremental.cache import file_stat
from generator.model import Page
from generator.render.stamp import ownership

# Where the generator writes, as (folder, suffix); everything else in docs/ belongs to people.
GENERATED_PLACES = (
    ("briefings", ".md"), ("actors", ".md"), ("topics", ".md"), ("dossiers", ".md"),
    ("data", ".json"), ("feeds", ".xml"), ("feeds/actors", ".xml"), ("feeds/topics", ".xml"),
)
GENERATED_FILES = ("index.md", "timeline.md", "graph.md")


@dataclass
class Plan:
    """What writing would change in docs/; `refused` files are left as they are."""

    write: list[Page] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    # docs path -> (size, time) of each file to keep: taken before its content was compared, or
    # by apply_plan right after writing it (an edit made since then changes them).
    stats: dict[str, tuple[int, int] | None] = field(default_factory=dict)

    @property
    def stale(self) -> list[str]:
        return sorted({p.path for p in self.write} | set(self.remove) | {p.file for p in self.refused})


def owned(path: str) -> bool:
    """Is this docs/-relative path one the generator may write?"""
    norm = posixpath.normpath(path)
    if norm != path or norm.startswith(("/", "..")):
        return False
    folder, _, name = norm.rpartition("/")
    return norm in GENERATED_FILES or any(folder == f and name.endswith(suffix) and name != suffix for f, suffix in GENERATED_PLACES)


def plan_writes(pages: list[Page], docs_dir: Path, docs_label: str = "docs", keep: tuple[str, ...] | list[str] = ()) -> Plan:
    """What to write, leave and remove; pages in `keep` (briefings held back until their
    source or sidecar is fixed) stay exactly as they are."""
    plan = Plan()
    wanted = set(keep)
    for page in pages:
        if not owned(page.path):
            raise ValueError(f"refusing to write outside the generated folders: {page.path}")
        wanted.add(page.path)
        if page.text is None:  # unchanged inputs, untouched file: nothing to do
            plan.unchanged.append(page.path)
            continue
        target = docs_dir / page.path
        label = f"{docs_label}/{page.path}"
        stat = file_stat(target)  # also says whether it exists
        if stat is None:
            plan.write.append(page)
            continue
        current = _read(target)
        if current == page.text:
            plan.unchanged.append(page.path)
            plan.stats[page.path] = stat
            continue
        state, edit = ownership(current)
        if state == "generated":
            plan.write.append(page)
        elif state == "edited":
            plan.refused.append(Problem(label, 0, ERROR, _edited_message(edit)))
        else:
            plan.refused.append(Problem(label, 0, ERROR, _unmarked_message(ownership(page.text)[1], page.path)))
    for path in _existing_generated(docs_dir):
        if path in wanted:
            continue
        state, edit = ownership(_read(docs_dir / path))
        if state == "generated":
            plan.remove.append(path)
        elif state == "edited":
            plan.refused.append(Problem(f"{docs_label}/{path}", 0, ERROR, "was edited by hand, but its source is gone, so the generator would remove it; it was left alone. Delete it, or restore its source"))
    return plan


def _unmarked_message(edit: str, path: str) -> str:
    """A file without the `generated:` mark where a generated page goes: a generated page whose
    mark was deleted in an edit, or a person's own file. Both get a way out that works."""
    return (
        "has no `generated:` block, so build takes it for a person's file and leaves it alone. "
        f"If it is the generated page, edited by hand: make the change in {edit} instead (see CONTRIBUTING.md), "
        "then delete this file (or git checkout it) and build again. If it is your own page, move it out of "
        f"{path.rpartition('/')[0] or 'the generated names'}/ (generated files live in briefings/, actors/, topics/, dossiers/, data/, feeds/, "
        "index.md, timeline.md and graph.md), for example to docs/notes/"
    )


_SOURCE_LINE = re.compile(r"^source: (.+)$", re.MULTILINE)


def published_sources(docs_dir: Path) -> dict[str, str]:
    """Source path -> docs path of the briefing page published for it, read from the pages'
    front matter (`source:`, written near the top). This is what keeps a page's address once
    it is published: a page is found again here however its title is derived."""
    found: dict[str, str] = {}
    directory = docs_dir / "briefings"
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob("*.md")):
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                head = handle.read(4096)
        except OSError:
            continue
        end = head.find("\n---", 3)
        match = _SOURCE_LINE.search(head, 0, end if end > 0 else len(head)) if head.startswith("---\n") else None
        if match is None:
            continue
        value = match.group(1).strip()
        if value[:1] in "\"'":
            try:
                value = str(yaml.safe_load(value))
            except yaml.YAMLError:
                continue
        found.setdefault(value, f"briefings/{path.name}")
    return found


def _edited_message(edit: str) -> str:
    return (
        f"was edited by hand since it was generated, and a build would overwrite that edit, so it was left alone. "
        f"Make the change in {edit} instead (see CONTRIBUTING.md), then restore the page (git checkout the file, or delete it) and build again"
    )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return ""


def _existing_generated(docs_dir: Path) -> list[str]:
    found = [name for name in GENERATED_FILES if (docs_dir / name).is_file()]
    for folder, suffix in GENERATED_PLACES:
        directory = docs_dir / folder
        if directory.is_dir():
            found += sorted(f"{folder}/{p.name}" for p in directory.iterdir() if p.is_file() and p.name.endswith(suffix))
    return found


def apply_plan(plan: Plan, docs_dir: Path) -> None:
    """Write and remove what the plan says; each file is replaced whole or not at all.

    Temporary files that an interrupted earlier run left in the generated folders
    (only this module's own `.<name>.<random>.tmp` files) are removed first.
    """
    for folder in {""} | {f for f, _ in GENERATED_PLACES}:
        directory = docs_dir / folder
        if directory.is_dir():
            for leftover in directory.glob(".*.tmp"):
                leftover.unlink(missing_ok=True)
    for page in plan.write:
        plan.stats[page.path] = _atomic_write(docs_dir / page.path, page.text)
    for path in plan.remove:
        (docs_dir / path).unlink()


def _atomic_write(target: Path, text: str) -> tuple[int, int]:
    """Replace `target` with `text` whole; its (size, modification time in ns) as written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            info = os.fstat(handle.fileno())  # renaming keeps size and time
        os.replace(tmp, target)
        return info.st_size, info.st_mtime_ns
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
