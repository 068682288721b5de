"""`python -m generator serve`: a live preview that follows an edit in seconds at any archive size.

After every change to a source, sidecar, registry or mkdocs.yml the generator rebuilds docs/
(with its cache, so only what the edit changed), then MkDocs rebuilds only the pages the
generator rewrote: MkDocs' "dirty" mode renders a page when its Markdown file is newer than
its HTML, and the generator leaves the files of unchanged pages alone. That is exact here
because a page's HTML depends on its own Markdown, the configuration and the theme only
(the navigation lists the index pages alone, with fixed titles): pages the generator removed
are removed from the site too, and a change to mkdocs.yml, the theme overrides or a
hand-written file in docs/ rebuilds the whole site. The pages are served on 127.0.0.1 with a
small script that reloads the browser once the rebuild is done. The search index is rebuilt
after the pages, in the background, and swapped in whole.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import shutil
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.config import Config
from generator.errors import GeneratorError
from generator.pipeline import Report, build
from generator.render.linkcheck import page_url
from generator.watch import changed, snapshot
from generator.write import owned

VERSION_PATH = "/.preview/version"
# Asks the server for the build's number every half second and reloads when it changes.
RELOAD_SCRIPT = (
    "<script>(function(){var v=null;function poll(){fetch('" + VERSION_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t})"
    ".catch(function(){}).finally(function(){setTimeout(poll,500)})}poll()})();</script>"
).encode()


def site_file(page_path: str, directory_urls: bool = True) -> str:
    """The file in site/ that MkDocs makes of a docs/ path (`briefings/x.md` -> `briefings/x/index.html`)."""
    url = page_url(page_path, directory_urls)
    return f"{url}index.html" if url.endswith("/") or not url else url


def _theme_snapshot(config: Config) -> tuple:
    """Size and time of what every page's HTML depends on: mkdocs.yml, the theme overrides and
    the hand-written files in docs/ (stylesheets, scripts)."""
    files = [config.mkdocs]
    overrides = config.mkdocs.parent / "overrides"
    if overrides.is_dir():
        files += sorted(p for p in overrides.rglob("*") if p.is_file())
    if config.docs.is_dir():
        files += sorted(p for p in config.docs.rglob("*") if p.is_file() and not owned(p.relative_to(config.docs).as_posix()))
    state = []
    for path in files:
        try:
            info = path.stat()
            state.append((str(path), info.st_size, info.st_mtime_ns))
        except OSError:
            state.append((str(path), None, None))
    return tuple(state)


class _DirtyNotice(logging.Filter):
    """MkDocs warns on every dirty build that links may be inaccurate; here they are not (see above)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())


def _collects_every_page(mkdocs_config) -> bool:
    """Is a plugin on that writes one file from every page it renders? Material's built-in
    search does (its index), and its tags plugin with `export` (tags.json): a dirty build
    would leave out every page it did not render again."""
    def collects(name: str, plugin) -> bool:
        on = getattr(plugin.config, "enabled", True)
        return on and (name.endswith("search") or (name.endswith("tags") and getattr(plugin.config, "export", False)))

    return any(collects(name, plugin) for name, plugin in mkdocs_config.plugins.items())


class Site:
    """The preview's site folder, brought up to date with docs/ by MkDocs, clean or dirty."""

    def __init__(self, config: Config, site_dir: Path, search_index: bool = True) -> None:
        self.config = config
        self.site_dir = site_dir
        self.search_index = search_index
        self.version = 0
        self._indexer: threading.Thread | None = None

    def _mkdocs_config(self):
        from mkdocs.config import load_config

        # Not strict: a warning is shown, and the preview goes on (`make site` stays strict).
        return load_config(config_file=str(self.config.mkdocs), site_dir=str(self.site_dir), docs_dir=str(self.config.docs), strict=False)

    def update(self, report: Report | None, full: bool) -> None:
        """Render the pages the generator changed (or, `full`, every page) and remove the removed ones."""
        from mkdocs.commands.build import build as mkdocs_build

        mkdocs_config = self._mkdocs_config()
        dirty = not full and not _collects_every_page(mkdocs_config)
        if dirty and report is not None:
            for path in report.plan.remove:
                target = self.site_dir / site_file(path, mkdocs_config.use_directory_urls)
                target.unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    target.parent.rmdir()  # the page's own folder, when empty
        mkdocs_build(mkdocs_config, dirty=dirty)
        self.version += 1
        if self.search_index:
            self._index_in_background()

    def _index_in_background(self) -> None:
        if self._indexer is not None:
            self._indexer.join()  # one index at a time; the newest pages win
        self._indexer = threading.Thread(target=self.index, daemon=True)
        self._indexer.start()

    def index(self) -> None:
        """Pagefind's index of the site, written aside and swapped in whole."""
        fresh, old, live = self.site_dir / ".pagefind-new", self.site_dir / ".pagefind-old", self.site_dir / "pagefind"
        shutil.rmtree(fresh, ignore_errors=True)
        # Run where `make site` runs it, so a pagefind.yml there applies to both.
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(self.site_dir), "--output-path", str(fresh), "--silent"],
                                capture_output=True, text=True, check=False, cwd=self.config.mkdocs.parent)
        if result.returncode != 0:
            logging.getLogger("generator.preview").warning("search index not rebuilt: %s", result.stderr.strip())
            return
        shutil.rmtree(old, ignore_errors=True)
        if live.exists():
            live.rename(old)
        fresh.rename(live)
        shutil.rmtree(old, ignore_errors=True)

    def wait_for_index(self) -> None:
        if self._indexer is not None:
            self._indexer.join()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site; HTML pages get the reload script, and the build number is one request away."""

    site: Site

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path.split("?")[0] == VERSION_PATH:
            body = str(self.site.version).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_bytes()
            at = html.rfind(b"</body>")
            body = html[:at] + RELOAD_SCRIPT + html[at:] if at >= 0 else html + RELOAD_SCRIPT
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@contextlib.contextmanager
def serving(site: Site, host: str = "127.0.0.1", port: int = 8000) -> Iterator[str]:
    """The site served over HTTP; yields its base URL."""
    handler = type("Handler", (_Handler,), {"site": site})
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site.site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def follow(config: Config, site: Site, on_build: Callable[[Report | GeneratorError, float], None], interval: float = 0.3,
           stop: threading.Event | None = None) -> None:
    """Build docs/ and the site now and after every change, until `stop` is set (or forever).

    `on_build` gets the generator's report (or what stopped it) and the seconds from seeing
    the change to the pages being served.
    """
    seen_inputs = seen_theme = None
    stop = stop or threading.Event()
    while not stop.is_set():
        inputs, theme = snapshot(config), _theme_snapshot(config)
        if changed(seen_inputs, inputs) or theme != seen_theme:
            started = time.perf_counter()
            full = seen_theme is None or theme != seen_theme
            seen_inputs, seen_theme = inputs, theme
            try:
                report = build(config)
                site.update(report, full)
                on_build(report, time.perf_counter() - started)
            except GeneratorError as exc:
                on_build(exc, time.perf_counter() - started)
            except Exception as exc:  # noqa: BLE001 - a failed build must not end the preview (say why and go on)
                on_build(GeneratorError("the preview's build failed unexpectedly; it goes on:\n"
                                        + "".join(traceback.format_exception(exc)).rstrip()), time.perf_counter() - started)
        stop.wait(interval)


def default_site_dir(config: Config) -> Path:
    """Where the preview keeps its pages: beside the build cache (git-ignored)."""
    return (config.cache.parent if config.cache is not None else config.root / ".cache") / "preview"
