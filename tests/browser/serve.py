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


def run_search(page, base: str, query: str, timeout: float = 15000) -> list[str]:
    """Type a query into the search box in the header, as a reader does; the result links, best first."""
    page.goto(base)
    box = page.locator("input.site-search__input")
    box.click()
    box.press_sequentially(query, delay=30)
    page.wait_for_function(
        "q => { const s = document.querySelector('.site-search__status'); const i = document.querySelector('.site-search__input');"
        " return s && i.value === q && !document.querySelector('.site-search__panel').hidden && /resulta/.test(s.textContent); }",
        arg=query, timeout=timeout)
    page.wait_for_timeout(300)  # the last keystroke's results replace earlier ones
    return [a.get_attribute("href") for a in page.locator("a.site-search__result").all()]


def measure_search(site: Path, chromium: str, query: str, timeout: float = 60000) -> dict:
    """A reader's first search on the home page, in headless Chromium: the bytes downloaded from
    opening the page until the first result shows (raw, and gzip-compressed as a web server
    would send them), and the milliseconds from typing the query, with the page loaded, until
    the first result shows. `answered` is False when no result showed within `timeout` ms."""
    import gzip
    import time

    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.goto(base)
            page.wait_for_load_state("networkidle")
            box = page.locator("input.site-search__input")
            box.click()
            page.wait_for_load_state("networkidle")  # focusing the box loads Pagefind
            start = time.perf_counter()
            box.fill(query)
            try:
                page.wait_for_selector("a.site-search__result", timeout=timeout)
                answered = True
            except PlaywrightTimeout:
                answered = False
            elapsed = (time.perf_counter() - start) * 1000
            bodies = []
            for response in responses:
                try:
                    bodies.append(response.body())
                except Exception:  # noqa: BLE001 - a redirect or an aborted request has no body
                    continue
            return {"raw": sum(map(len, bodies)), "gzip": sum(len(gzip.compress(b, 6)) for b in bodies),
                    "ms": elapsed, "answered": answered}
        finally:
            browser.close()
