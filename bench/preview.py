"""How fast the preview (`python -m generator serve`) shows an edit, for `make bench`.

The preview runs in this process on a copy of the corpus and the registries, served on
127.0.0.1. For each kind of edit (a sentence added to a source, a title corrected in a
sidecar, an actor's description changed in the registry) the clock starts when the file is
written and stops when the page served over HTTP holds the new text: the watcher's polling,
the generator's rebuild, MkDocs' dirty build and the reload's wait all count. A browser
sees it no later than half a second after that (the reload script polls every 0.5 s).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
import urllib.request
from pathlib import Path

EDITS = ("source", "sidecar", "registry")


def _served(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in _served(url):
            return time.perf_counter() - started
        time.sleep(0.05)
    return None


def preview_latency(work: Path, sources: Path, project: Path, data: Path, timeout: float = 300) -> dict:
    """Seconds from writing each kind of edit to the preview serving it, and the first build's time."""
    from generator.config import Config
    from generator.preview import Site, follow, serving

    os.environ.update({"NO_MKDOCS_2_WARNING": "1"})
    sources_copy, data_copy = work / "preview-sources", work / "preview-data"
    shutil.copytree(sources, sources_copy)
    shutil.copytree(data, data_copy)
    config = Config(sources=sources_copy, docs=project / "docs", data=data_copy, root=work,
                    mkdocs=project / "mkdocs.yml", cache=work / "preview-cache", jobs=min(os.cpu_count() or 1, 8))
    site = Site(config, work / "preview-site", search_index=False)
    builds: list[float] = []
    stop = threading.Event()
    worker = threading.Thread(target=follow, args=(config, site, lambda outcome, seconds: builds.append(seconds), 0.3, stop), daemon=True)
    result: dict = {}
    started = time.perf_counter()
    worker.start()
    try:
        with serving(site, port=0) as base:
            while not builds and time.perf_counter() - started < 3 * timeout:
                time.sleep(0.1)
            result["preview_first_s"] = time.perf_counter() - started

            def page_of(source: Path) -> str:
                for page in (config.docs / "briefings").glob("*.md"):
                    with page.open(encoding="utf-8") as f:
                        head = f.read(2000)
                    if f"\nsource: {source.relative_to(work).as_posix()}\n" in head:
                        return f"{base}briefings/{page.stem}/"
                raise SystemExit(f"no briefing page for {source}")

            files = sorted(sources_copy.glob("*.txt"))
            source, corrected = files[len(files) // 4], files[len(files) // 5]
            sentence = "De woordvoerder bevestigde dat de preview deze zin toont."
            with source.open("a", encoding="utf-8") as f:
                f.write(f"\n{sentence}\n")
            result["preview_source_s"] = _wait_for(page_of(source), sentence, timeout)

            title = "Een titel die de redactie in de preview corrigeerde"
            corrected.with_suffix(".yml").write_text(f"title: {title}\n", encoding="utf-8")
            result["preview_sidecar_s"] = _wait_for(page_of(corrected), title, timeout)

            registry = data_copy / "actors.yml"
            old = "description: President van Frankrijk sinds 2017."
            new = "description: President van Frankrijk sinds 2017, gewijzigd in de preview."
            registry.write_text(registry.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
            result["preview_registry_s"] = _wait_for(f"{base}actors/emmanuel-macron/", "gewijzigd in de preview", timeout)
    finally:
        stop.set()
        worker.join(timeout=timeout)
    return result
