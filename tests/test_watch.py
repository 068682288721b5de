"""`make serve` keeps docs/ in step with what a contributor edits: `generator watch`."""

from __future__ import annotations

from generator.config import Config
from generator.errors import GeneratorError
from generator.pipeline import Report
from generator.watch import watch
from tests.conftest import set_clock_tick


def config(project) -> Config:
    return Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project,
                  mkdocs=project / "mkdocs.yml", cache=project / ".cache")


def test_watch_builds_at_start_and_again_only_after_a_change(project):
    outcomes: list = []
    edits = iter([
        lambda: None,  # nothing changed: no build
        lambda: (project / "seeds" / "nieuw.txt").write_text(" date 2025-03-01 De NAVO vergadert in Brussel over kernwapens.\n", encoding="utf-8"),
        lambda: None,
    ])
    watch(config(project), outcomes.append, interval=0, rounds=4, sleep=lambda _: next(edits, lambda: None)())
    assert len(outcomes) == 2 and all(isinstance(o, Report) and o.errors == 0 for o in outcomes)
    assert outcomes[1].briefings == outcomes[0].briefings + 1
    assert any("De NAVO vergadert in Brussel" in p.read_text(encoding="utf-8") for p in (project / "docs" / "briefings").glob("*.md"))


def test_watch_reports_a_broken_setup_and_keeps_watching(project, tmp_path):
    outcomes: list = []
    broken = Config(sources=tmp_path / "missing", docs=project / "docs", data=project / "data", root=project, mkdocs=project / "mkdocs.yml")
    watch(broken, outcomes.append, interval=0, rounds=2, sleep=lambda _: None)
    assert len(outcomes) == 1 and isinstance(outcomes[0], GeneratorError) and "does not exist" in str(outcomes[0])


def test_watch_ignores_hidden_and_unread_files_but_sees_a_same_size_edit_in_the_same_tick(project, monkeypatch):
    import os

    set_clock_tick(monkeypatch, 600 * 10**9)  # "the same tick" however slow this machine is
    outcomes: list = []
    seed = sorted((project / "seeds").glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text, encoding="utf-8")  # just saved, as when a contributor is editing it
    stat = seed.stat()

    def same_size_same_time():
        seed.write_text(text.replace("e", "a", 1), encoding="utf-8")
        os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    edits = iter([
        lambda: (project / "seeds" / f".{seed.name}.swp").write_text("an editor's swap file", encoding="utf-8"),
        lambda: (project / "seeds" / "notes.odt").write_bytes(b"not a source"),
        same_size_same_time,
    ])
    watch(config(project), outcomes.append, interval=0, rounds=4, sleep=lambda _: next(edits, lambda: None)())
    assert len(outcomes) == 2  # at the start, then after the edit that kept size and time


def test_a_broken_mkdocs_yml_or_an_unexpected_error_is_reported_and_the_watch_goes_on(project, monkeypatch):
    from generator import watch as watching

    outcomes: list = []
    mkdocs = project / "mkdocs.yml"
    real_build = watching.build
    calls = iter([lambda c: (_ for _ in ()).throw(ValueError("boom")), real_build, real_build, real_build])
    monkeypatch.setattr(watching, "build", lambda c: next(calls)(c))
    edits = iter([
        lambda: mkdocs.write_text("site_name: [\n", encoding="utf-8"),
        lambda: mkdocs.write_text("site_name: Briefings\nrepo_url: https://example.org/repo\n", encoding="utf-8"),
    ])
    watch(config(project), outcomes.append, interval=0, rounds=4, sleep=lambda _: next(edits, lambda: None)())
    assert [type(o).__name__ for o in outcomes] == ["GeneratorError", "GeneratorError", "Report"]
    assert "ValueError: boom" in str(outcomes[0]) and "the watch goes on" in str(outcomes[0])
    assert "mkdocs.yml cannot be read" in str(outcomes[1])
    assert outcomes[2].errors == 0
