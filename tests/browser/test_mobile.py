"""The site on a phone (390 px wide) and on a laptop (1280 px): layout and legibility.

Screenshots of both widths go to tests/screenshots/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import screenshot
from tests.browser.test_accessibility import serious_violations

WIDTHS = [390, 1280]
PAGES = {"home": "", "briefings": "briefings/", "actor": "actors/navo/", "topic": "topics/nucleaire-afschrikking/",
         "timeline": "timeline/", "graph": "graph/", "search": "search/"}


@pytest.fixture(scope="module")
def crowded_briefing(built_site) -> tuple[str, int]:
    """The briefing with the most actors (slug, how many): the longest row of chips."""
    data = json.loads((built_site / "data" / "timeline.json").read_text(encoding="utf-8"))["briefings"]
    slug = max(sorted(data), key=lambda s: len(data[s]["actors"]))
    return slug, len(data[slug]["actors"])


def open_at(browser, site_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    return context, page


def horizontal_overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_no_page_scrolls_sideways(browser, site_url, name, width):
    context, page = open_at(browser, site_url, PAGES[name], width)
    try:
        assert horizontal_overflow(page) <= 0
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_briefing_title_comes_before_the_chips(browser, site_url, crowded_briefing, width):
    slug, actors = crowded_briefing
    assert actors >= 6, "the project's sources should hold a briefing with a long row of chips"
    context, page = open_at(browser, site_url, f"briefings/{slug}/", width)
    try:
        title = page.locator("article h1").bounding_box()
        chips = page.locator(".briefing-header__chips").first.bounding_box()
        kicker = page.locator(".briefing-header__kicker").bounding_box()
        assert title["y"] + title["height"] <= kicker["y"] <= chips["y"]
        assert title["y"] < 300  # at the top of the first screen, not below a block of chips
        assert horizontal_overflow(page) <= 0
        screenshot(page, f"briefing-{width}")
    finally:
        context.close()


def test_a_long_row_of_chips_collapses_behind_a_button_on_a_phone(browser, site_url, crowded_briefing):
    slug, actors = crowded_briefing
    context, page = open_at(browser, site_url, f"briefings/{slug}/", 390)
    try:
        group = page.locator(".briefing-header__chips[aria-label=Actoren]")
        chips = group.locator("a.briefing-chip")
        button = group.locator("button.briefing-chip--more")
        assert chips.count() == actors
        visible = sum(chips.nth(i).is_visible() for i in range(actors))
        assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
        assert button.inner_text() == f"+{actors - visible}" and 0 < visible < actors
        assert f"Nog {actors - visible} actoren" in button.get_attribute("aria-label")
        # From the keyboard: focus the button, Enter shows every chip, Enter again folds them.
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        assert all(chips.nth(i).is_visible() for i in range(actors))
        # The focus moves to the first chip that was folded away.
        assert page.evaluate("() => document.activeElement.getAttribute('href')") == chips.nth(visible).get_attribute("href")
        button.focus()
        page.keyboard.press("Enter")
        assert sum(chips.nth(i).is_visible() for i in range(actors)) == visible
        screenshot(page, "briefing-chips-390")
    finally:
        context.close()


def test_on_a_wide_screen_every_chip_shows(browser, site_url, crowded_briefing):
    slug, actors = crowded_briefing
    context, page = open_at(browser, site_url, f"briefings/{slug}/", 1280)
    try:
        chips = page.locator(".briefing-header__chips[aria-label=Actoren] a.briefing-chip")
        assert all(chips.nth(i).is_visible() for i in range(actors))
        assert not page.locator("button.briefing-chip--more").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_graph_labels_are_legible_and_do_not_overlap(browser, site_url, width):
    context, page = open_at(browser, site_url, "graph/", width)
    try:
        page.wait_for_selector("#actor-graph[data-rendered]", timeout=20000)
        labels = page.evaluate("""() => {
            const cy = window.briefingGraphs[0];
            return cy.nodes().filter(n => +n.style('text-opacity') > 0).map(n => ({
                id: n.id(), px: parseFloat(n.style('font-size')) * cy.zoom(),
                box: n.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true})}));
        }""")
        assert len(labels) >= 5
        assert min(label["px"] for label in labels) >= 11, labels
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                apart = (a["box"]["x2"] <= b["box"]["x1"] or b["box"]["x2"] <= a["box"]["x1"]
                         or a["box"]["y2"] <= b["box"]["y1"] or b["box"]["y2"] <= a["box"]["y1"])
                assert apart, (a["id"], b["id"])
        page.locator("#actor-graph").scroll_into_view_if_needed()
        screenshot(page, f"graph-{width}")
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_chart_labels_are_legible_and_do_not_overlap(browser, site_url, width):
    context, page = open_at(browser, site_url, "actors/navo/", width)
    try:
        labels = page.evaluate("""() => {
            const svg = document.querySelector('svg.briefing-chart');
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].filter(t => getComputedStyle(t).visibility !== 'hidden').map(t => {
                const r = t.getBoundingClientRect();
                return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
                        axis: t.getAttribute('text-anchor') === 'middle', left: r.left, right: r.right};
            });
        }""")
        axis = [label for label in labels if label["axis"]]
        assert len(axis) >= 2
        assert min(label["px"] for label in labels) >= 11, labels
        assert all(a["right"] <= b["left"] for a, b in zip(axis, axis[1:], strict=False)), axis
        page.locator("svg.briefing-chart").scroll_into_view_if_needed()
        screenshot(page, f"chart-{width}")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_chip_button_passes_axe_folded_and_unfolded(browser, site_url, axe_source, crowded_briefing, scheme):
    slug, _ = crowded_briefing
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(site_url + f"briefings/{slug}/")
        page.wait_for_load_state("networkidle")
        assert serious_violations(page, axe_source) == []
        page.locator("button.briefing-chip--more").first.click()
        assert serious_violations(page, axe_source) == []
    finally:
        context.close()
