"""The live preview: after an edit only the changed pages are built again, and the result is
exactly what a clean build of the same docs/ gives."""

from __future__ import annotations

import filecmp
import urllib.request
from pathlib import Path

import pytest

from generator.config import Config
from generator.pipeline import build
from generator.preview import RELOAD_SCRIPT, VERSION_PATH, Site, serving, site_file
from tests.conftest import copy_site_config


@pytest.fixture
def preview_project(project, monkeypatch) -> Config:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    copy_site_config(project)
    config = Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project,
                    mkdocs=project / "mkdocs.yml", cache=project / ".cache" / "generator")
    assert build(config).errors == 0
    return config


def tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(("page", "file"), [
    ("index.md", "index.html"),
    ("briefings/index.md", "briefings/index.html"),
    ("briefings/2025-07-x.md", "briefings/2025-07-x/index.html"),
    ("feeds/briefings.xml", "feeds/briefings.xml"),
])
def test_site_files_follow_mkdocs_directory_urls(page, file):
    assert site_file(page) == file


def test_a_dirty_update_after_edits_equals_a_clean_build(preview_project, tmp_path):
    config = preview_project
    dirty = Site(config, tmp_path / "dirty", search_index=False)
    dirty.update(None, full=True)
    sources = sorted(config.sources.glob("*.txt"))
    times = {path: (dirty.site_dir / path).stat().st_mtime_ns for path in tree(dirty.site_dir)}

    # A sentence added to one source, a title corrected in another's sidecar, a third removed.
    with sources[0].open("a", encoding="utf-8") as f:
        f.write("\nDe Tweede Kamer sprak er later opnieuw over.\n")
    sources[1].with_suffix(".yml").write_text("title: Een titel die de redactie koos\n", encoding="utf-8")
    sources[2].unlink()
    report = build(config)
    assert report.errors == 0 and report.plan.remove and report.plan.write
    dirty.update(report, full=False)

    clean = Site(config, tmp_path / "clean", search_index=False)
    clean.update(None, full=True)
    assert tree(dirty.site_dir) == tree(clean.site_dir)
    _, mismatch, errors = filecmp.cmpfiles(dirty.site_dir, clean.site_dir, sorted(tree(clean.site_dir)), shallow=False)
    assert (mismatch, errors) == ([], [])
    assert "Een titel die de redactie koos" in "".join(p.read_text(encoding="utf-8") for p in (dirty.site_dir / "briefings").rglob("*.html"))
    # The dirty update rendered only what changed: the pages the generator left alone keep their HTML.
    kept = [site_file(path) for path in report.plan.unchanged if path.endswith(".md")]
    assert len(kept) >= 10  # most pages: the actor, topic and feed pages the edits did not touch
    assert all((dirty.site_dir / path).stat().st_mtime_ns == times[path] for path in kept)


def test_with_materials_search_on_every_update_is_a_full_build(preview_project, tmp_path):
    # A site that turns Material's own search plugin back on: it writes one index of every page.
    mkdocs = preview_project.mkdocs
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n  - search\n", 1), encoding="utf-8")
    site = Site(preview_project, tmp_path / "site", search_index=False)
    site.update(None, full=True)
    untouched = site.site_dir / "actors" / "index.html"
    before = untouched.stat().st_mtime_ns
    site.update(build(preview_project), full=False)
    assert untouched.stat().st_mtime_ns != before  # rendered again, so its search index stays whole


def test_the_server_adds_the_reload_script_to_pages_and_tells_the_build_number(preview_project, tmp_path):
    site = Site(preview_project, tmp_path / "site", search_index=False)
    site.update(None, full=True)
    with serving(site, port=0) as url:
        assert url.startswith("http://127.0.0.1:")
        page = urllib.request.urlopen(url + "actors/").read()
        assert RELOAD_SCRIPT in page and page.index(RELOAD_SCRIPT) < page.index(b"</body>")
        css = urllib.request.urlopen(url + "assets/briefing.css").read()
        assert RELOAD_SCRIPT not in css
        assert urllib.request.urlopen(url + VERSION_PATH.lstrip("/")).read() == b"1"
        site.update(None, full=False)
        assert urllib.request.urlopen(url + VERSION_PATH.lstrip("/")).read() == b"2"


def test_the_search_index_is_built_aside_and_swapped_in(preview_project, tmp_path):
    site = Site(preview_project, tmp_path / "site")
    site.update(None, full=True)
    site.wait_for_index()
    assert (site.site_dir / "pagefind" / "pagefind.js").is_file()
    assert not (site.site_dir / ".pagefind-new").exists() and not (site.site_dir / ".pagefind-old").exists()
