"""Shared fixtures: project paths, a loaded registry, and the golden-file refresh option."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.config import ROOT
from generator.inputs.registry import load_registry

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files instead of comparing")


@pytest.fixture(scope="session")
def registry():
    reg, problems = load_registry(ROOT / "data")
    assert problems == [], [str(p) for p in problems]
    return reg


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's inputs (seeds, data) in a temporary folder, with an empty docs/."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs").mkdir()
    return tmp_path


def source_count(folder: Path) -> int:
    """How many sources a folder holds (the tests must not assume the project's five)."""
    return sum(1 for p in folder.iterdir() if p.suffix in {".txt", ".md"} and not p.name.startswith("."))


def copy_site_config(folder: Path) -> None:
    """mkdocs.yml, the theme overrides and the hand-written part of docs/ (what the generator does not make)."""
    from generator.write import owned

    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    for path in sorted((ROOT / "docs").rglob("*")):
        relative = path.relative_to(ROOT / "docs").as_posix()
        if path.is_file() and not owned(relative):
            (folder / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, folder / "docs" / relative)


def set_clock_tick(monkeypatch, nanoseconds: int) -> None:
    """Make every file system's clock tick this long, for tests of the racy-timestamp rule:
    0 trusts every size and time, a long tick trusts none however slow the machine is."""
    from generator.incremental import cache

    monkeypatch.setattr(cache, "FINE_TICK_NS", nanoseconds)
    monkeypatch.setattr(cache, "COARSE_TICK_NS", nanoseconds)


def read_sources(source_dir: Path, root: Path) -> tuple[list, list]:
    """Every readable source in `source_dir` as the build reads it, sorted by file name, and what was wrong."""
    from generator.inputs.sources import read_source, source_files

    sources, problems = [], []
    for path, display, fmt in source_files(source_dir, root):
        source, found = read_source(path.read_bytes(), display, fmt)
        problems.extend(found)
        if source is not None:
            sources.append(source)
    return sources, problems
