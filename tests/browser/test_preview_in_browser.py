"""`python -m generator serve` in a real browser: an edit to a source shows on the open page
without the reader reloading it."""

from __future__ import annotations

import shutil
import threading
import time

from generator.config import ROOT, Config
from generator.preview import Site, follow, serving
from tests.conftest import copy_site_config


def test_an_edit_to_a_source_shows_in_the_open_page(browser, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs").mkdir()
    copy_site_config(tmp_path)
    config = Config(sources=tmp_path / "seeds", docs=tmp_path / "docs", data=tmp_path / "data", root=tmp_path,
                    mkdocs=tmp_path / "mkdocs.yml", cache=tmp_path / ".cache" / "generator")
    site = Site(config, tmp_path / "site", search_index=False)
    builds, stop = [], threading.Event()
    worker = threading.Thread(target=follow, args=(config, site, lambda outcome, seconds: builds.append(outcome), 0.2, stop), daemon=True)
    worker.start()
    try:
        with serving(site, port=0) as url:
            deadline = time.monotonic() + 60
            while not builds and time.monotonic() < deadline:
                time.sleep(0.2)
            assert builds, "the first build did not finish"
            source = sorted(config.sources.glob("*.txt"))[0]
            briefing = next(p for p in (config.docs / "briefings").glob("*.md") if f"source: seeds/{source.name}\n" in p.read_text(encoding="utf-8"))
            page = browser.new_page()
            page.goto(f"{url}briefings/{briefing.stem}/")
            with source.open("a", encoding="utf-8") as f:
                f.write("\nDe redactie voegde deze zin toe tijdens het bekijken.\n")
            page.wait_for_function("() => document.body.innerText.includes('deze zin toe tijdens het bekijken')", timeout=30000)
            page.close()
    finally:
        stop.set()
        worker.join(timeout=60)
