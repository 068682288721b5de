"""Browser tests: the built site served on loopback, driven by a real headless Chromium.

Chromium comes from the system (Debian package `chromium`); Playwright's own browser
download is not used. Set CHROMIUM_PATH to use another Chromium or Chrome binary.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import ROOT, Config
from generator.pipeline import build
from tests.browser.serve import LAUNCH_ARGS, serve
from tests.conftest import copy_site_config

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "tests" / "screenshots"
# axe-core, from package-lock.json: `npm ci` (run by `make test`) installs it.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def build_site(folder: Path, sources: Path = ROOT / "seeds") -> Path:
    """The project's site, generated from `sources` and built in `folder`, with its search index."""
    copy_site_config(folder)
    report = build(Config(sources=sources, docs=folder / "docs", data=ROOT / "data", root=ROOT))
    assert report.errors == 0
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(folder / "mkdocs.yml")],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(folder / "site"), "--silent"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The project's site, search index included."""
    return build_site(tmp_path_factory.mktemp("browser-site"))


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def forms_site_url(tmp_path_factory):
    """A site of the short texts in tests/fixtures/search-forms/: each Dutch word form of a
    pair stands in one text only, so a search for the other form can only find it through the
    generator's search terms."""
    with serve(build_site(tmp_path_factory.mktemp("forms-site"), ROOT / "tests" / "fixtures" / "search-forms")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. The browser tests need a real Chromium: on Debian or Ubuntu run "
            "`apt-get update && apt-get install -y chromium` (as root), or set CHROMIUM_PATH to a Chromium or Chrome binary.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script, to inject into a page."""
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE.relative_to(ROOT)}): run `npm ci` in the repository "
                    "(`make test` does it; it needs Node.js and npm)", pytrace=False)
    return AXE.read_text(encoding="utf-8")


def _page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(f"exception: {e}"))
    # A request cut off by navigating away (net::ERR_ABORTED) is not an error on the page.
    page.on("requestfailed", lambda r: page.errors.append(f"request failed: {r.url} ({r.failure})")
            if "ERR_ABORTED" not in (r.failure or "") else None)
    page.on("response", lambda r: page.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.site = site_url
    return context, page


@pytest.fixture
def page(browser, site_url):
    """A fresh page that records console errors, failed requests and uncaught exceptions."""
    context, page = _page(browser, site_url)
    yield page
    context.close()


@pytest.fixture
def forms_page(browser, forms_site_url):
    """The same, on the site of the word-form texts."""
    context, page = _page(browser, forms_site_url)
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
