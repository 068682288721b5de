"""An independent link checker (LinkChecker) finds no broken link on the built site.

It crawls the site served on loopback, as a reader's browser would follow the links: the
seeds' site and a site of 1,000 synthetic sources. A copy with one page removed shows that the
checker does report what is broken, so a pass means something.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import ROOT, Config
from generator.pipeline import build
from tests.browser.serve import LinkCheckerHandler, serve
from tests.conftest import copy_site_config

LINKCHECKER = Path(sys.executable).with_name("linkchecker")


def check_links(site: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """LinkChecker over the served site: internal links only, every page and asset."""
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=1000\nthreads=4\n", encoding="utf-8")
    with serve(site, LinkCheckerHandler) as url:
        return subprocess.run(
            [str(LINKCHECKER), "--config", str(config), "--no-status", "--no-warnings", "-o", "text", url],
            capture_output=True, text=True, timeout=900, env={**os.environ, "HOME": str(tmp_path)},
        )


def checked(result: subprocess.CompletedProcess) -> int:
    """How many links LinkChecker says it checked (so a pass that checked nothing fails)."""
    for line in result.stdout.splitlines():
        if line.startswith("That's it."):
            return int(line.split()[2])
    raise AssertionError(result.stdout + result.stderr)


def pages(site: Path) -> int:
    """The site's HTML pages: the checker must have reached every one (the 404 page is linked from none)."""
    return sum(1 for _ in site.rglob("*.html")) - 1


def test_the_seeds_site_has_no_broken_link(built_site, tmp_path):
    result = check_links(built_site, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]
    assert checked(result) >= pages(built_site)


def test_the_checker_reports_a_page_that_is_missing(built_site, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(built_site, broken)
    shutil.rmtree(broken / "timeline")  # linked from every briefing and the home page
    result = check_links(broken, tmp_path)
    assert result.returncode == 1
    assert "timeline/" in result.stdout and "404" in result.stdout


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory) -> Path:
    from bench.synth import write_corpus

    folder = tmp_path_factory.mktemp("synthetic-site")
    write_corpus(1000, folder / "seeds")
    (folder / "docs").mkdir()
    copy_site_config(folder)
    report = build(Config(sources=folder / "seeds", docs=folder / "docs", data=ROOT / "data", root=folder, jobs=2))
    assert report.errors == 0, [str(p) for p in report.all_problems()]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(folder / "mkdocs.yml")],
                            capture_output=True, text=True, env=env, timeout=1800)
    assert result.returncode == 0, result.stderr[-4000:]
    return folder / "site"


def test_a_site_of_a_thousand_sources_has_no_broken_link(synthetic_site, tmp_path):
    result = check_links(synthetic_site, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]
    assert checked(result) >= pages(synthetic_site) > 1000
