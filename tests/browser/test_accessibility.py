"""Accessibility of the built site: axe-core in headless Chromium, and the keyboard.

axe-core comes from the npm registry, pinned in package.json and package-lock.json;
`make test` installs it with `npm ci` into node_modules/ (the fixture axe_source is in conftest.py).
"""

from __future__ import annotations

import re

import pytest

BRIEFING = "briefings/2025-07-frankrijk-en-het-verenigd-koninkrijk-hebben-afgesproken/"
PAGES = {
    "home": "",
    "briefing": BRIEFING,
    "actor": "actors/navo/",
    "topic": "topics/nucleaire-afschrikking/",
    "timeline": "timeline/",
    "graph": "graph/",
    "search": "search/",
}


def open_page(browser, site_url, path, scheme="light", width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL", color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    if path == "graph/":
        page.wait_for_selector("#actor-graph[data-rendered]", timeout=20000)
    if path == "timeline/":
        page.wait_for_selector(".timeline-filter__count")
    return context, page


def serious_violations(page, axe_source) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:5])}"
            f"{' …' if len(v['nodes']) > 5 else ''} — {v['nodes'][0].get('failureSummary', '')}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390)])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_or_critical_violation(browser, site_url, axe_source, name, scheme, width):
    context, page = open_page(browser, site_url, PAGES[name], scheme, width)
    try:
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        assert serious_violations(page, axe_source) == []
    finally:
        context.close()


# --- The keyboard --------------------------------------------------------

def tab_until(page, matches: str, limit: int = 80) -> dict:
    """Press Tab until the focused element satisfies the JavaScript predicate `matches(el)`;
    what is then focused, with its outline (the focus ring a keyboard user sees)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        found = page.evaluate(f"""() => {{
            const el = document.activeElement;
            if (!el || !({matches})(el)) return null;
            const style = getComputedStyle(el), box = el.getBoundingClientRect();
            return {{text: el.textContent.trim(), href: el.getAttribute('href'), tag: el.tagName,
                     outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
                     visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight}};
        }}""")
        if found:
            return found
    raise AssertionError(f"{limit} presses of Tab never reached an element matching {matches}")


def assert_focus_visible(focused: dict) -> None:
    assert focused["visible"], focused  # scrolled into view
    assert focused["outline"] != "none" and focused["outlineWidth"] >= 2, focused  # and ringed


def test_briefing_chips_are_reached_in_order_with_a_visible_focus_ring(browser, site_url):
    context, page = open_page(browser, site_url, BRIEFING)
    try:
        chips = [a.get_attribute("href") for a in page.locator(".briefing-header a.briefing-chip").all()]
        assert len(chips) >= 3
        first = tab_until(page, "el => el.classList.contains('briefing-chip')")
        assert_focus_visible(first)
        hrefs = [first["href"]]
        for _ in range(len(chips) + 2):  # room for a "+N" toggle between the groups
            page.keyboard.press("Tab")
            hrefs.append(page.evaluate("() => document.activeElement.closest('.briefing-header') && document.activeElement.getAttribute('href')"))
        # The chips, in the order a reader sees them.
        reached = [h for h in hrefs if h in chips]
        assert reached == [h for h in chips if h in reached] and len(reached) >= 3
        page.keyboard.press("Shift+Tab")
        while page.evaluate("() => !document.activeElement.classList.contains('briefing-chip')"):
            page.keyboard.press("Shift+Tab")
        target = page.evaluate("() => document.activeElement.href")
        page.keyboard.press("Enter")
        page.wait_for_url(target)
        assert re.search(r"/(actors|topics)/[^/]+/$", page.url)
    finally:
        context.close()


def test_timeline_filter_works_from_the_keyboard(browser, site_url):
    context, page = open_page(browser, site_url, "timeline/")
    try:
        items = page.locator("article li:has(a[href*='briefings/'])")
        total = items.count()
        focused = tab_until(page, "el => el.tagName === 'SELECT' && el.name === 'topic'")
        assert_focus_visible(focused)
        page.keyboard.press("ArrowDown")  # the first topic
        chosen = page.locator("#timeline-filter select[name=topic]").input_value()
        assert chosen
        shown = sum(items.nth(i).is_visible() for i in range(total))
        assert 0 < shown < total
        assert f"{shown} van {total}" in page.locator(".timeline-filter__count").inner_text()
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.name") == "actor"
    finally:
        context.close()


def test_graph_has_a_text_alternative_reached_from_the_keyboard(browser, site_url):
    context, page = open_page(browser, site_url, "graph/")
    try:
        graph = page.locator("#actor-graph")
        assert graph.get_attribute("role") == "img" and "lijst" in graph.get_attribute("aria-label")
        pairs = page.locator("#sterkste-verbindingen + ul > li")
        assert pairs.count() >= 5
        # Every pair names two actors with links to their pages.
        assert all(pairs.nth(i).locator("a[href*='actors/']").count() == 2 for i in range(pairs.count()))
        # The sentence above the graph links to the list; following it from the keyboard
        # and tabbing on reaches the first actor of the list.
        link = tab_until(page, "el => el.closest('article') && el.getAttribute('href') === '#sterkste-verbindingen'")
        assert_focus_visible(link)
        page.keyboard.press("Enter")
        assert page.url.endswith("#sterkste-verbindingen")
        first = pairs.first.locator("a").first.get_attribute("href")
        focused = tab_until(page, "el => el.closest('#sterkste-verbindingen + ul') !== null", limit=10)
        assert focused["href"] == first
        assert_focus_visible(focused)
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r".*/actors/[^/]+/$"))
    finally:
        context.close()
