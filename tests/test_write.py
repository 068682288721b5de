"""Writing docs/: only generated places, never over a person's work, byte-identical reruns."""

import re
from pathlib import Path

import pytest

from generator.config import Config
from generator.pipeline import build
from generator.write import owned


def config(project: Path) -> Config:
    return Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_second_build_is_byte_identical_and_writes_nothing(project):
    first = build(config(project))
    before = snapshot(project / "docs")
    second = build(config(project))
    assert len(first.plan.write) == len(before) and first.errors == 0
    assert second.plan.write == [] and second.plan.remove == []
    assert snapshot(project / "docs") == before


def test_build_in_a_fresh_folder_gives_the_same_bytes(project, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    for name in ("seeds", "data"):
        (other / name).mkdir()
        for f in (project / name).iterdir():
            (other / name / f.name).write_bytes(f.read_bytes())
    build(config(project))
    build(config(other))
    assert snapshot(project / "docs") == snapshot(other / "docs")


def test_hand_written_page_in_a_generated_place_is_never_overwritten(project):
    build(config(project))
    target = project / "docs" / "timeline.md"
    target.write_text("# Mijn eigen tijdlijn\n", encoding="utf-8")
    report = build(config(project))
    assert target.read_text(encoding="utf-8") == "# Mijn eigen tijdlijn\n"
    assert [p.file for p in report.plan.refused] == ["docs/timeline.md"]
    assert "a person's file" in report.plan.refused[0].message and "move it out of the generated names/" in report.plan.refused[0].message
    assert report.errors == 1


def test_a_page_stripped_of_its_generated_block_gets_advice_that_leads_somewhere(project):
    build(config(project))
    page = next((project / "docs" / "briefings").glob("2025-07-*.md"))
    text = page.read_text(encoding="utf-8")
    stripped = re.sub(r"generated:\n(  .*\n)+", "", text).replace("## Brontekst", "## Brontekst\n\nMijn analyse.")
    page.write_text(stripped, encoding="utf-8")
    report = build(config(project))
    assert page.read_text(encoding="utf-8") == stripped
    [problem] = report.plan.refused
    # Where the change belongs, and how to get the generated page back: not "move or rename it".
    assert "make the change in seeds/000_1b0f54b0f7aa023a.yml instead" in problem.message
    assert "delete this file (or git checkout it) and build again" in problem.message
    page.unlink()  # following that advice works
    report = build(config(project))
    assert report.errors == 0 and page.read_text(encoding="utf-8") == text


def test_hand_edited_generated_page_is_kept_and_named_with_where_the_edit_belongs(project):
    build(config(project))
    page = next((project / "docs" / "briefings").glob("2025-07-*.md"))
    edited = page.read_text(encoding="utf-8").replace("## Brontekst", "## Brontekst\n\nMijn analyse.")
    page.write_text(edited, encoding="utf-8")
    report = build(config(project))
    assert page.read_text(encoding="utf-8") == edited
    problem = report.plan.refused[0]
    assert problem.file == f"docs/briefings/{page.name}"
    assert "edited by hand" in problem.message and "seeds/000_1b0f54b0f7aa023a.yml" in problem.message
    # Every other page is still up to date.
    assert report.plan.write == []


def test_other_hand_written_files_in_docs_are_left_alone(project):
    (project / "docs" / "about.md").write_text("# Over\n", encoding="utf-8")
    (project / "docs" / "actors").mkdir()
    (project / "docs" / "actors" / "notes.md").write_text("# Aantekeningen\n", encoding="utf-8")
    report = build(config(project))
    assert (project / "docs" / "about.md").read_text() == "# Over\n"
    assert (project / "docs" / "actors" / "notes.md").read_text() == "# Aantekeningen\n"
    assert report.plan.refused == []


def test_page_of_a_removed_source_is_removed(project):
    build(config(project))
    (project / "seeds" / "003_08acea90bc03d1a2.txt").unlink()
    report = build(config(project))
    briefing = "briefings/2023-01-de-navo-en-de-europese-unie-gaan-hun-samenwerking-versterken.md"
    assert briefing in report.plan.remove and not (project / "docs" / briefing).exists()
    # With it go the pages and feeds of the actors that only it named, and nothing else.
    others = [p for p in report.plan.remove if p != briefing]
    assert all(p.startswith(("actors/", "feeds/actors/")) for p in others), others


def test_no_temporary_files_are_left_behind(project):
    build(config(project))
    assert not [p for p in (project / "docs").rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("path", "ok"),
    [("briefings/a.md", True), ("index.md", True), ("timeline.md", True), ("about.md", False), ("briefings/../x.md", False),
     ("../x.md", False), ("briefings/a/b.md", False), ("assets/x.css", False), ("actors/x.txt", False)],
)
def test_the_generator_owns_only_its_own_places(path, ok):
    assert owned(path) is ok


def test_temporary_files_of_an_interrupted_build_are_cleaned_up(project):
    build(config(project))
    leftover = project / "docs" / "briefings" / ".2025-07-x.md.abc123.tmp"
    leftover.write_text("half a page", encoding="utf-8")
    hand_written = project / "docs" / "assets" / ".keep.tmp"
    hand_written.parent.mkdir()
    hand_written.write_text("not ours", encoding="utf-8")
    build(config(project))
    assert not leftover.exists()
    assert hand_written.exists()


def test_an_interrupted_build_leaves_every_page_old_or_new(project, monkeypatch):
    import generator.write as write

    build(config(project))
    old = snapshot(project / "docs")
    actors = project / "data" / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("name: Emmanuel Macron", "name: Emmanuel Jean-Michel Macron"), encoding="utf-8")
    real_replace, calls = write.os.replace, []

    def dying_replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the user pressed Ctrl-C halfway
        real_replace(src, dst)

    monkeypatch.setattr(write.os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        build(config(project))
    monkeypatch.setattr(write.os, "replace", real_replace)
    halfway = snapshot(project / "docs")
    build(config(project))
    new = snapshot(project / "docs")
    assert set(halfway) == set(old)  # no temporary files left, nothing missing
    assert all(halfway[path] in (old[path], new.get(path)) for path in halfway)
    assert sum(halfway[p] != old[p] for p in halfway) == 2  # two pages were already replaced
