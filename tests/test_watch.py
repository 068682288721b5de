"""`make serve` keeps docs/ in step with what a contributor edits: `generator watch`."""

from __future__ import annotations

from generator.config import Config
from generator.errors import GeneratorError
from generator.pipeline import Report
from generator.watch import watch


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
