"""The build cache: a rebuild redoes only what changed, and never changes the output."""

from __future__ import annotations

import re
import shutil
from dataclasses import fields, replace
from pathlib import Path

import pytest

from bench.synth import write_corpus
from generator import pipeline
from generator.config import Config
from generator.extract.briefing import extract_briefing, topic_patterns
from generator.extract.matching import actor_matcher
from generator.incremental import pages
from generator.incremental.rows import briefing_from_row, briefing_row
from generator.inputs.registry import load_registry
from generator.link import link_briefings
from generator.model import Briefing, Mention, PartialDate, Quote, Role
from generator.pipeline import build
from generator.render import site as render_site_module
from tests.conftest import read_sources, set_clock_tick, source_count
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


def test_a_description_change_extracts_nothing_and_renders_the_actor_page(project, extractions):
    build(config(project))
    extractions.clear()
    actors = project / "data" / "actors.yml"
    old = "description: President van Frankrijk sinds 2017."
    actors.write_text(actors.read_text(encoding="utf-8").replace(old, "description: President van Frankrijk, herkozen in 2022."), encoding="utf-8")
    report = build(config(project))
    assert extractions == []
    assert "actors/emmanuel-macron.md" in {p.path for p in report.plan.write}
    fresh = project / "fresh-docs"
    build(replace(config(project), docs=fresh, cache=None))
    assert snapshot(project / "docs") == snapshot(fresh)


def test_a_corrupt_cache_only_costs_time(project, extractions):
    build(config(project))
    before = snapshot(project / "docs")
    for cached in (project / ".cache").iterdir():
        cached.write_bytes(b"\x80\x04 not a pickle at all")
    extractions.clear()
    report = build(config(project))
    assert len(extractions) == source_count(project / "seeds") and report.errors == 0
    assert snapshot(project / "docs") == before


def test_what_other_pages_show_of_a_briefing_is_hashed_once_and_kept_in_the_cache(project, monkeypatch):
    hashed: list[str] = []
    real = pages.shown_elsewhere
    monkeypatch.setattr(pages, "shown_elsewhere", lambda b: hashed.append(b.slug) or real(b))
    build(config(project))
    assert len(hashed) == source_count(project / "seeds")
    hashed.clear()
    (project / "seeds" / "nieuw.txt").write_text(" date 2025-03-01 De NAVO vergadert in Brussel.\n", encoding="utf-8")
    build(config(project))
    assert len(hashed) == 1  # only the new briefing


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
    monkeypatch.setattr(render_site_module, "POOL_MIN_PAGES", 2)
    build(replace(config(project), cache=None, jobs=2))
    pooled = snapshot(project / "docs")
    single = project / "single-docs"
    build(replace(config(project), docs=single, cache=None, jobs=1))
    assert pooled == snapshot(single)


def test_the_cached_form_of_a_briefing_gives_back_the_same_briefing():
    """The cache keeps briefings as plain rows; every field must survive the round trip."""
    # A field added to Briefing and not to the row would be lost on every cached build.
    assert len(briefing_row(Briefing("s", "p", "t", None, "news", "l", ()))) == len(fields(Briefing)) - 1  # all but the blocks
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
    previous = tmp_path / "published"
    shutil.copytree(tmp_path / "docs", previous)
    files = sorted((tmp_path / "seeds").iterdir())
    edits = [
        lambda: files[40].write_text(files[40].read_text(encoding="utf-8") + "\nDe NAVO en Frankrijk reageerden nog niet.\n", encoding="utf-8"),
        lambda: (tmp_path / "seeds" / "extra.txt").write_text(files[3].read_text(encoding="utf-8").replace("Volgens", "Naar verluidt"), encoding="utf-8"),
        lambda: files[60].unlink(),
        lambda: files[10].write_text(files[10].read_text(encoding="utf-8").replace("20", "19", 1), encoding="utf-8"),
        # What other pages show of a briefing: its title and lead, a quotation, a role, a
        # first mention (the context sentence), and a contributor's corrections.
        lambda: files[20].write_text(re.sub(r"^( date \S+ )", r"\1Opnieuw: ", files[20].read_text(encoding="utf-8")), encoding="utf-8"),
        lambda: files[30].write_text(files[30].read_text(encoding="utf-8") + "\n“Dit is een proef voor het bondgenootschap”, zei Mark Rutte.\n", encoding="utf-8"),
        lambda: files[50].write_text(files[50].read_text(encoding="utf-8") + "\nDe Franse president Emmanuel Macron reageerde niet.\n", encoding="utf-8"),
        lambda: (tmp_path / "seeds" / f"{files[70].stem}.yml").write_text(
            "title: Een gecorrigeerde titel\nactors:\n  add: [keir-starmer]\ntopics:\n  add: [nucleaire-afschrikking]\n", encoding="utf-8"),
        lambda: (tmp_path / "seeds" / f"{files[75].stem}.yml").write_text("actors:\n  add: [keir-starmer]\n", encoding="utf-8"),
    ]
    for step, edit in enumerate(edits):
        edit()
        report = build(config(tmp_path))
        assert report.errors == 0
        # The pages as published before this edit, built over without a cache: published
        # addresses are kept (a moved date does not move a page), everything else is rewritten.
        fresh = tmp_path / f"fresh-{step}"
        shutil.copytree(previous, fresh)
        build(replace(config(tmp_path), docs=fresh, cache=None))
        assert snapshot(tmp_path / "docs") == snapshot(fresh), f"after edit {step}"
        previous = tmp_path / f"published-{step}"
        shutil.copytree(tmp_path / "docs", previous)


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


def test_an_edit_in_the_same_clock_tick_as_the_build_is_still_caught(project, monkeypatch):
    """A same-size edit that keeps the file's modification time (coarse file-system
    clocks, or a copy that preserves times) right after a build is not trusted blindly."""
    import os

    set_clock_tick(monkeypatch, 600 * 10**9)  # "the same tick" however slow this machine is
    build(config(project))
    page = project / "docs" / "actors" / "navo.md"
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("NAVO", "NOVA", 1), encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    report = build(config(project))
    assert [p.file for p in report.plan.refused] == ["docs/actors/navo.md"]


def test_a_page_touched_but_not_changed_is_trusted_by_its_new_time_from_then_on(project, monkeypatch):
    """A page whose time changed but whose text did not (a checkout, a copy) is compared by
    content once, and its new size and time are what the next build trusts."""
    import os

    from generator.incremental.cache import BuildCache, file_stat

    set_clock_tick(monkeypatch, 0)  # every file's tick is over: sizes and times are recorded
    build(config(project))
    page = project / "docs" / "actors" / "navo.md"
    an_hour_ago = page.stat().st_mtime_ns - 3600 * 10**9
    os.utime(page, ns=(an_hour_ago, an_hour_ago))
    report = build(config(project))
    assert "actors/navo.md" in report.plan.unchanged
    assert BuildCache(project / ".cache", project / "docs").written["actors/navo.md"][2] == file_stat(page)


def test_a_page_edited_while_the_build_is_finishing_is_still_caught(project, monkeypatch):
    """Sizes and times are taken when a page is written, not later: an edit made between
    the write and the end of the build is not mistaken for what the build wrote."""
    import os

    set_clock_tick(monkeypatch, 0)  # every file's tick is over: sizes and times are trusted
    page = project / "docs" / "actors" / "navo.md"
    write_pages = pipeline.apply_plan

    def write_then_edit(plan, docs):
        write_pages(plan, docs)
        page.write_text(page.read_text(encoding="utf-8").replace("NAVO", "NOVA", 1), encoding="utf-8")
        an_hour_ago = page.stat().st_mtime_ns - 3600 * 10**9
        os.utime(page, ns=(an_hour_ago, an_hour_ago))

    monkeypatch.setattr(pipeline, "apply_plan", write_then_edit)
    build(config(project))
    monkeypatch.setattr(pipeline, "apply_plan", write_pages)
    report = build(config(project))
    assert [p.file for p in report.plan.refused] == ["docs/actors/navo.md"]
    assert "NOVA" in page.read_text(encoding="utf-8")


def test_a_file_is_trusted_by_size_and_time_only_once_its_clock_tick_is_over():
    """Whole-second times (FAT, HFS+, ext3) tick every 1 or 2 s; finer times every few ms."""
    from generator.incremental.cache import racy

    second = 1_700_000_000 * 10**9
    assert racy(second, second + 1_999_000_000)
    assert not racy(second, second + 2_000_000_000)
    fine = second + 123_456_789
    assert racy(fine, fine + 99_000_000)
    assert not racy(fine, fine + 100_000_000)
    assert racy(fine, fine - 5_000_000_000)  # a time in the future (a clock set back) is never trusted


def test_a_page_whose_fingerprint_is_unchanged_is_unchanged(tmp_path):
    """A rebuild skips a page when its fingerprint is unchanged, so the fingerprint must
    change whenever the page would: each field of a briefing is changed in turn (as an
    edit of its source would, which also changes its key) and every page is rendered."""
    write_corpus(60, tmp_path / "seeds")
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", tmp_path / "data")
    site, _, blocks = pipeline._read_and_link(config(tmp_path), pipeline.BuildCache(None, tmp_path / "docs"))
    before = {p.path: p for p in pages.render_changed(site, {}, None, blocks.of)}
    b = next(b for b in site.briefings if len(b.actors) > 2 and b.quotes and b.roles and b.contexts)
    first = b.actor_ids[0]
    edits = {
        "title": "Een andere titel",
        "lead": "Een andere samenvatting.",
        "date": PartialDate(2001, 2, 3),
        "source_type": "speech",
        "topics": (*b.topics, next(t.id for t in site.registry.topics if t.id not in b.topics)),
        "actors": (replace(b.actors[0], count=b.actors[0].count + 1), *b.actors[1:]),
        "actor_ids": (*b.actors, Mention(next(a for a in sorted(site.actors) if a not in b.actor_ids), 0, -1)),  # added by a contributor
        "quotes": (*b.quotes, Quote(first, "Een nieuw citaat")),
        "roles": (*b.roles, Role(first, "nieuwe rol")),
        "contexts": ((first, "Een andere eerste vermelding."), *b.contexts[1:]),
        "figures": ("99 procent",),
        "note": "Een notitie.",
        "url": "https://example.org/elders",
    }
    for name, value in edits.items():
        changed = replace(b, **{name.replace("actor_ids", "actors"): value}, key=b.key + "'")
        # Linked again, so what other pages derive from it (related lists, seen together) follows.
        variant = link_briefings([changed if x is b else x for x in site.briefings], site.registry)
        after = {p.path: p for p in pages.render_changed(variant, {}, None, lambda x, changed=changed: replace(x, blocks=blocks.of(b).blocks) if x is changed else blocks.of(x))}
        differ = [path for path in before if before[path].text != after[path].text]
        assert differ, name
        stale = [path for path in differ if before[path].fingerprint == after[path].fingerprint]
        assert not stale, f"{name}: {stale}"
    # A renamed actor: other actors' and topics' pages list it by name.
    other = b.actor_ids[1]
    renamed = replace(site, actors={**site.actors, other: replace(site.actors[other], name="Een andere naam")})
    after = {p.path: p for p in pages.render_changed(renamed, {}, None, blocks.of)}
    differ = [path for path in before if before[path].text != after[path].text]
    assert len(differ) > 2
    assert not [path for path in differ if before[path].fingerprint == after[path].fingerprint]
