"""Serve a built site on loopback and drive it in headless Chromium (tests and `make bench`)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class LinkCheckerHandler(_QuietHandler):
    """Says it allows LinkChecker more than 10 requests a second (LinkChecker's rule for raising its limit)."""

    def end_headers(self):
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


@contextlib.contextmanager
def serve(folder: Path, handler_class: type = _QuietHandler) -> Iterator[str]:
    """The folder served over HTTP on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_search(page, base: str, query: str, backend: str, timeout: float = 15000) -> list[str]:
    """Search the site as a reader does; the result links, best first."""
    if backend == "pagefind":
        page.goto(base + "search/")
        box = page.locator(".pagefind-ui__search-input")
        box.click()
        box.press_sequentially(query, delay=30)
        page.wait_for_selector(".pagefind-ui__result", timeout=timeout)
        page.wait_for_timeout(800)  # the last keystroke's results replace earlier ones
        return [a.get_attribute("href") for a in page.locator(".pagefind-ui__result-link").all()]
    page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)
    page.wait_for_function("() => /\\d+ overeenkomend/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=timeout)
    page.wait_for_timeout(500)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a.md-search-result__link").all()]


def measure_search_bytes(site: Path, chromium: str, query: str, backend: str, timeout: float = 60000) -> tuple[int, bool]:
    """Response bytes from opening the page a search starts on until the first result shows,
    and whether a result showed at all within `timeout` milliseconds."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            requests = []
            page.on("requestfinished", lambda request: requests.append(request))
            try:
                run_search(page, base, query, backend, timeout)
                answered = True
            except PlaywrightTimeout:
                answered = False
            return sum(max(0, r.sizes()["responseBodySize"]) for r in requests), answered
        finally:
            browser.close()
