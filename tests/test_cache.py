"""The build cache: a rebuild redoes only what changed, and never changes the output."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator import pipeline
from generator.config import Config
from generator.pipeline import build
from tests.conftest import source_count
from tests.test_write import snapshot


def config(project: Path, **extra) -> Config:
    return Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project,
                  cache=project / ".cache", **extra)


@pytest.fixture
def extractions(monkeypatch):
    """The paths of the sources extracted in this test, in order."""
    seen: list[str] = []
    real = pipeline.extract_briefing

    def counting(source, *args):
        seen.append(source.path)
        return real(source, *args)

    monkeypatch.setattr(pipeline, "extract_briefing", counting)
    return seen


def test_a_rebuild_extracts_and_renders_nothing_and_changes_nothing(project, extractions):
    build(config(project))
    assert len(extractions) == source_count(project / "seeds")
    before = snapshot(project / "docs")
    extractions.clear()
    report = build(config(project))
    assert extractions == []
    assert report.plan.write == [] and report.errors == 0
    assert snapshot(project / "docs") == before


def test_touching_one_source_reextracts_only_that_source(project, extractions):
    build(config(project))
    extractions.clear()
    seed = next((project / "seeds").glob("000_*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("Storm Shadow", "Storm Shadow-kruisraketten"), encoding="utf-8")
    report = build(config(project))
    assert extractions == [f"seeds/{seed.name}"]
    written = {p.path for p in report.plan.write}
    assert any(path.startswith("briefings/2025-07-") for path in written)
    # The result is exactly what a build without any cache makes.
    fresh = project / "fresh-docs"
    build(replace(config(project), docs=fresh, cache=None))
    assert snapshot(project / "docs") == snapshot(fresh)


def test_a_registry_change_invalidates_every_extraction(project, extractions):
    build(config(project))
    extractions.clear()
    actors = project / "data" / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("aliases: [Macron]", "aliases: [Macron, Macrons]"), encoding="utf-8")
    build(config(project))
    assert len(extractions) == source_count(project / "seeds")


def test_a_corrupt_cache_only_costs_time(project, extractions):
    build(config(project))
    before = snapshot(project / "docs")
    for cached in (project / ".cache").iterdir():
        cached.write_bytes(b"\x80\x04 not a pickle at all")
    extractions.clear()
    report = build(config(project))
    assert len(extractions) == source_count(project / "seeds") and report.errors == 0
    assert snapshot(project / "docs") == before


def test_a_hand_edit_is_still_caught_when_the_inputs_are_unchanged(project):
    build(config(project))
    page = next((project / "docs" / "briefings").glob("2025-07-*.md"))
    page.write_text(page.read_text(encoding="utf-8").replace("## Brontekst", "## Brontekst (bewerkt)"), encoding="utf-8")
    report = build(config(project))
    assert [p.file for p in report.plan.refused] == [f"docs/briefings/{page.name}"]
    assert "(bewerkt)" in page.read_text(encoding="utf-8")


def test_a_deleted_page_is_written_again(project):
    build(config(project))
    page = next((project / "docs" / "actors").glob("navo.md"))
    text = page.read_bytes()
    page.unlink()
    report = build(config(project))
    assert "actors/navo.md" in {p.path for p in report.plan.write}
    assert page.read_bytes() == text


def test_a_process_pool_gives_the_same_bytes_as_one_process(project, monkeypatch):
    monkeypatch.setattr(pipeline, "POOL_MIN_SOURCES", 2)
    build(replace(config(project), cache=None, jobs=2))
    pooled = snapshot(project / "docs")
    single = project / "single-docs"
    build(replace(config(project), docs=single, cache=None, jobs=1))
    assert pooled == snapshot(single)
