"""Shared fixtures: project paths, a loaded registry, and the golden-file refresh option."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.config import ROOT
from generator.registry import load_registry

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
