"""Where the generator reads and writes; defaults are the project's own folders."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Config:
    """Resolved folders of one run; `root` is what source paths are shown relative to."""

    sources: Path = ROOT / "seeds"
    docs: Path = ROOT / "docs"
    data: Path = ROOT / "data"
    root: Path = ROOT
    mkdocs: Path = ROOT / "mkdocs.yml"  # read for site_url and repo_url only
    cache: Path | None = None  # folder for the build cache; None keeps nothing between runs
    jobs: int = 1  # processes for extraction

    def label(self, path: Path) -> str:
        """A folder as the user should read it: relative to the project root when inside it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix() or "."
        except ValueError:
            return path.as_posix()
