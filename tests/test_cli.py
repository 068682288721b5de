"""The command line as a user runs it: build's summary line, check on fresh and stale trees."""

import subprocess
import sys
from pathlib import Path

from generator.config import ROOT
from tests.conftest import source_count


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def folders(project: Path) -> list[str]:
    return ["--sources", str(project / "seeds"), "--docs", str(project / "docs"), "--data", str(project / "data"), "--cache", str(project / ".cache")]


def test_build_ends_with_one_summary_line(project):
    result = run("build", *folders(project))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    n = source_count(project / "seeds")
    assert lines[0].startswith(f"build: {n} sources → {n} briefings")
    assert "0 warnings, 0 errors" in lines[0] and lines[0].endswith(" s")
    page = next((project / "docs" / "briefings").glob("2025-07-*.md")).read_text(encoding="utf-8")
    assert "source: seeds/000_1b0f54b0f7aa023a.txt" in page


def test_check_passes_on_a_fresh_tree_and_writes_nothing(project):
    run("build", *folders(project))
    before = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*")}
    result = run("check", *folders(project))
    assert result.returncode == 0, result.stdout + result.stderr
    assert {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*")} == before


def test_check_fails_and_lists_files_after_a_seed_changes(project):
    run("build", *folders(project))
    seed = project / "seeds" / "001_411f4785dd135aae.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Nucleaire Planningsgroep", "de Tweede Kamer"), encoding="utf-8")
    result = run("check", *folders(project))
    assert result.returncode == 1
    stale = result.stdout.splitlines()
    assert "stale: docs/briefings/2020-02-de-secretaris-generaal-van-de-navo-jens-stoltenberg-weerlegt.md" in stale
    assert "stale: docs/actors/nucleaire-planningsgroep.md" in stale and "stale: docs/actors/tweede-kamer.md" in stale
    assert "run `python -m generator build`" in result.stderr


def test_check_fails_after_a_registry_change(project):
    run("build", *folders(project))
    actors = project / "data" / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("President van Frankrijk sinds 2017.", "Franse president."), encoding="utf-8")
    result = run("check", *folders(project))
    assert result.returncode == 1
    assert "stale: docs/actors/emmanuel-macron.md" in result.stdout.splitlines()


def test_check_on_an_empty_docs_folder_lists_every_page(project):
    result = run("check", *folders(project))
    assert result.returncode == 1
    assert "stale: docs/index.md" in result.stdout.splitlines()
    assert not any((project / "docs").iterdir())


def test_bad_registry_is_reported_and_good_sources_still_build(project):
    actors = project / "data" / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("kind: country\n    description: Kernwapenstaat en permanent", "kind: land\n    description: Kernwapenstaat en permanent"), encoding="utf-8")
    result = run("build", *folders(project))
    assert result.returncode == 1
    assert "data/actors.yml:" in result.stderr and "actor 'frankrijk': kind 'land' is not one of" in result.stderr
    assert len(list((project / "docs" / "briefings").glob("*.md"))) == source_count(project / "seeds") + 1  # and the index


def test_missing_sources_folder_is_a_clear_error(tmp_path):
    result = run("build", "--sources", str(tmp_path / "nope"), "--docs", str(tmp_path / "docs"))
    assert result.returncode != 0
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_the_commands():
    result = run("--help")
    assert "build" in result.stdout and "check" in result.stdout


def test_validate_lists_every_problem_at_once_and_writes_nothing(project):
    (project / "seeds" / "000_1b0f54b0f7aa023a.yml").write_text("titel: x\nactors:\n  add: [navoo]\n", encoding="utf-8")
    topics = project / "data" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("requires: [navo, europese-unie]", "requires: [navo, eu]"), encoding="utf-8")
    result = run("validate", *folders(project))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("data/topics.yml:") and "requires unknown actor 'eu'" in line for line in lines)
    assert any(line.startswith("seeds/000_1b0f54b0f7aa023a.yml:1:") and "unknown field 'titel'" in line for line in lines)
    assert any("unknown id 'navoo'; did you mean 'navo'?" in line for line in lines)
    assert not any((project / "docs").iterdir())


def test_an_unreadable_registry_writes_and_removes_nothing(project):
    assert run("build", *folders(project)).returncode == 0
    before = sorted(p.relative_to(project).as_posix() for p in (project / "docs").rglob("*"))
    actors = project / "data" / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("aliases: [Macron]", "aliases: [Macron"), encoding="utf-8")
    result = run("build", *folders(project))
    assert result.returncode == 1
    assert "data/actors.yml:" in result.stderr and "nothing in docs/ was written or removed" in result.stderr
    assert sorted(p.relative_to(project).as_posix() for p in (project / "docs").rglob("*")) == before
    # The summary says the same as the error, and the echoes of that one error are not reported:
    # no topic "requires unknown actor", no sidecar "unknown id", no registered name as a candidate.
    [summary] = result.stdout.strip().splitlines()
    assert "nothing in docs/ was written or removed" in summary and "pages written" not in summary
    problems = result.stderr.strip().splitlines()
    assert all(line.startswith("data/actors.yml") for line in problems), problems
    assert len(problems) == 2
    line = next(p for p in problems if "invalid YAML" in p)
    assert line.count("line") == 0 and line.startswith("data/actors.yml:")
    for command in ("check", "validate"):
        again = run(command, *folders(project))
        assert again.returncode == 1 and not any(line.startswith(("data/topics.yml", "candidate:")) for line in again.stderr.splitlines())


def test_check_gives_the_advice_build_gives_for_a_page_edited_by_hand(project):
    assert run("build", *folders(project)).returncode == 0
    page = next((project / "docs" / "briefings").glob("2025-07-*.md"))
    page.write_text(page.read_text(encoding="utf-8").replace("## Brontekst", "## Brontekst\n\nMijn analyse."), encoding="utf-8")
    for command in ("check", "build"):
        result = run(command, *folders(project))
        assert result.returncode == 1
        assert f"docs/briefings/{page.name}: error: was edited by hand" in result.stderr
        assert "Make the change in seeds/000_1b0f54b0f7aa023a.yml instead" in result.stderr
    # check does not send the reader to build, which would only refuse the page again
    assert "run `python -m generator build`" not in run("check", *folders(project)).stderr


def test_a_held_back_page_is_counted_in_the_summary_and_check_fails(project):
    assert run("build", *folders(project)).returncode == 0
    (project / "seeds" / "000_1b0f54b0f7aa023a.yml").write_text("title: Nieuw\nactors:\n  remove: [navo\n", encoding="utf-8")
    result = run("build", *folders(project))
    assert result.returncode == 1
    assert "1 kept as last published until their errors are fixed" in result.stdout
    check = run("check", *folders(project))
    assert check.returncode == 1 and "seeds/000_1b0f54b0f7aa023a.yml:3:" in check.stderr


def test_summary_counts_rejected_sources_apart_from_published_briefings(project):
    (project / "seeds" / "999_empty.txt").write_text("   \n", encoding="utf-8")
    n = source_count(project / "seeds")
    result = run("build", *folders(project))
    assert result.stdout.strip().splitlines()[-1].startswith(f"build: {n} sources → {n - 1} briefings")
    assert "seeds/999_empty.txt" in result.stderr
