"""The build cache: a rebuild redoes only what changed, and never changes the output."""

from __future__ import annotations

import shutil
from dataclasses import fields, replace
from pathlib import Path

import pytest

from bench.synth import write_corpus
from generator import pipeline, render
from generator.config import Config
from generator.extract import extract_briefing, topic_patterns
from generator.model import ROW_FIELDS, Briefing, briefing_from_row, briefing_row
from generator.pipeline import build
from generator.registry import actor_matcher, load_registry
from generator.sources import read_sources
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
    monkeypatch.setattr(render, "POOL_MIN_PAGES", 2)
    build(replace(config(project), cache=None, jobs=2))
    pooled = snapshot(project / "docs")
    single = project / "single-docs"
    build(replace(config(project), docs=single, cache=None, jobs=1))
    assert pooled == snapshot(single)


def test_the_cached_form_of_a_briefing_gives_back_the_same_briefing():
    """The cache keeps briefings as plain rows; every field must survive the round trip."""
    assert {f.name for f in fields(Briefing)} == set(ROW_FIELDS) | {"blocks"}
    root = Path(__file__).resolve().parent.parent
    registry, _ = load_registry(root / "data")
    matcher, patterns = actor_matcher(registry), topic_patterns(registry.topics)
    checked = 0
    for folder in (root / "seeds", root / "tests" / "eval" / "cases"):
        for source in read_sources(folder, root)[0]:
            briefing = replace(extract_briefing(source, registry, matcher, patterns)[0], blocks=(), key="k", url="https://example.org/")
            assert briefing_from_row(briefing_row(briefing)) == briefing, source.path
            checked += 1
    assert checked > 20


def test_incremental_builds_of_a_larger_archive_equal_a_build_from_scratch(tmp_path):
    """Over an archive where actors are in more briefings than a related window holds,
    edits, new sources, removed sources and a moved date give exactly the pages a build
    without a cache gives."""
    write_corpus(90, tmp_path / "seeds")
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", tmp_path / "data")
    (tmp_path / "docs").mkdir()
    build(config(tmp_path))
    files = sorted((tmp_path / "seeds").iterdir())
    edits = [
        lambda: files[40].write_text(files[40].read_text(encoding="utf-8") + "\nDe NAVO en Frankrijk reageerden nog niet.\n", encoding="utf-8"),
        lambda: (tmp_path / "seeds" / "extra.txt").write_text(files[3].read_text(encoding="utf-8").replace("Volgens", "Naar verluidt"), encoding="utf-8"),
        lambda: files[60].unlink(),
        lambda: files[10].write_text(files[10].read_text(encoding="utf-8").replace("20", "19", 1), encoding="utf-8"),
    ]
    for step, edit in enumerate(edits):
        edit()
        report = build(config(tmp_path))
        assert report.errors == 0
        fresh = tmp_path / f"fresh-{step}"
        build(replace(config(tmp_path), docs=fresh, cache=None))
        assert snapshot(tmp_path / "docs") == snapshot(fresh), f"after edit {step}"


def test_a_new_spelling_of_an_unregistered_name_reaches_every_page_that_shows_it(tmp_path):
    """An unregistered name is spelled as in a briefing that mentions it; pages that only
    name it in passing (seen together with, main actors) must follow a new spelling."""
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", tmp_path / "data")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(
        " date 2024-03-10\nKernwapens in Europa\n\nDe Franse president Emmanuel Macron sprak over nucleaire afschrikking. "
        "Volgens Piotr Zielinski is de nucleaire paraplu van belang. Kernwapens blijven een afschrikking.\n", encoding="utf-8")
    build(config(tmp_path))
    (tmp_path / "seeds" / "b.txt").write_text(
        " date 2025-01-10\nNieuws uit Warschau\n\nDe Poolse onderminister Piotr Zieliński sprak in Warschau met journalisten over de begroting.\n",
        encoding="utf-8")
    build(config(tmp_path))
    fresh = tmp_path / "fresh"
    build(replace(config(tmp_path), docs=fresh, cache=None))
    assert "Piotr Zieliński" in (tmp_path / "docs" / "actors" / "emmanuel-macron.md").read_text(encoding="utf-8")
    assert snapshot(tmp_path / "docs") == snapshot(fresh)


def test_an_edit_in_the_same_clock_tick_as_the_build_is_still_caught(project):
    """A same-size edit that keeps the file's modification time (coarse file-system
    clocks, or a copy that preserves times) right after a build is not trusted blindly."""
    import os

    build(config(project))
    page = project / "docs" / "actors" / "navo.md"
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("NAVO", "NOVA", 1), encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    report = build(config(project))
    assert [p.file for p in report.plan.refused] == ["docs/actors/navo.md"]
