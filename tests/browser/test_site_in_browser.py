"""What a reader does on the site, in a real headless Chromium."""

from __future__ import annotations

import json
import re

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import screenshot


def test_actor_chip_leads_to_the_actor_page_which_links_back(page):
    page.goto(page.site + "briefings/")
    page.locator("article a[href*='2025-07-frankrijk']").first.click()
    page.wait_for_load_state()
    briefing_url = page.url
    screenshot(page, "briefing")
    page.locator(".briefing-chip--actor", has_text="Emmanuel Macron").click()
    page.wait_for_load_state()
    assert page.url.endswith("/actors/emmanuel-macron/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Emmanuel Macron"
    screenshot(page, "actor")
    back = page.locator("article a[href*='2025-07-frankrijk']").first
    back.click()
    page.wait_for_load_state()
    assert page.url == briefing_url
    assert page.errors == []


def test_graph_renders_nodes_and_a_click_navigates(page):
    page.goto(page.site + "graph/")
    page.wait_for_selector("#actor-graph[data-rendered]", timeout=20000)
    assert int(page.locator("#actor-graph").get_attribute("data-rendered")) >= 20
    screenshot(page, "graph")
    page.locator("#actor-graph").scroll_into_view_if_needed()
    # Click the centre of a node that no other node covers (NAVO when it is free), so the
    # click cannot land on a neighbour. Positions are read right before each click; a busy
    # machine may still be settling the page, so a click that did not navigate is retried.
    find_node = """() => {
         const cy = window.briefingGraphs[0];
         const box = cy.container().getBoundingClientRect();
         const nodes = cy.nodes().toArray();
         const bb = n => n.renderedBoundingBox({includeLabels: false});
         const apart = (a, b) => a.x2 < b.x1 || b.x2 < a.x1 || a.y2 < b.y1 || b.y2 < a.y1;
         const inside = n => { const b = bb(n); return b.x1 >= 0 && b.y1 >= 0 && b.x2 <= box.width && b.y2 <= box.height; };
         const free = nodes.filter(n => inside(n) && nodes.every(m => m === n || apart(bb(n), bb(m))))
                           .sort((a, b) => (b.id() === 'navo') - (a.id() === 'navo') || (a.id() < b.id() ? -1 : 1));
         if (!free.length) { return null; }
         const p = free[0].renderedPosition();
         return {id: free[0].id(), x: box.left + p.x, y: box.top + p.y};
       }"""
    for attempt in range(3):
        target = page.evaluate(find_node)
        assert target is not None, "every node of the graph overlaps another: the layout is unreadable"
        page.mouse.click(target["x"], target["y"])
        try:
            page.wait_for_url(re.compile(rf".*/actors/{re.escape(target['id'])}/$"), timeout=5000)
            break
        except PlaywrightTimeout:
            assert attempt < 2, f"three clicks on the node '{target['id']}' did not open its actor page"
    assert page.errors == []


def test_actor_page_has_a_neighbourhood_graph(page):
    page.goto(page.site + "actors/jens-stoltenberg/")
    page.wait_for_selector(".actor-graph--small[data-rendered]", timeout=20000)
    assert int(page.locator(".actor-graph--small").get_attribute("data-rendered")) >= 3
    assert page.errors == []


def test_timeline_filter_hides_and_shows_briefings(page, built_site):
    data = json.loads((built_site / "data" / "timeline.json").read_text(encoding="utf-8"))["briefings"]
    with_topic = sum("navo-eu-samenwerking" in b["topics"] for b in data.values())
    with_actor = sum("emmanuel-macron" in b["actors"] for b in data.values())
    page.goto(page.site + "timeline/")
    page.wait_for_selector("#timeline-filter select")
    items = page.locator("article li:has(a[href*='briefings/'])")
    total = items.count()
    assert total == len(data) and 0 < with_topic < total and 0 < with_actor < total
    page.select_option("#timeline-filter select[name=topic]", "navo-eu-samenwerking")
    assert sum(items.nth(i).is_visible() for i in range(total)) == with_topic
    assert f"{with_topic} van {total}" in page.locator(".timeline-filter__count").inner_text()
    page.select_option("#timeline-filter select[name=topic]", "")
    page.select_option("#timeline-filter select[name=actor]", "emmanuel-macron")
    assert sum(items.nth(i).is_visible() for i in range(total)) == with_actor
    page.select_option("#timeline-filter select[name=actor]", "")
    assert sum(items.nth(i).is_visible() for i in range(total)) == total
    assert page.errors == []


def test_timeline_filter_is_set_from_the_address(page, built_site):
    data = json.loads((built_site / "data" / "timeline.json").read_text(encoding="utf-8"))["briefings"]
    with_actor = sum("jens-stoltenberg" in b["actors"] for b in data.values())
    page.goto(page.site + "timeline/?actor=jens-stoltenberg")
    page.wait_for_selector(".timeline-filter__count")
    assert page.locator("#timeline-filter select[name=actor]").input_value() == "jens-stoltenberg"
    items = page.locator("article li:has(a[href*='briefings/'])")
    assert sum(items.nth(i).is_visible() for i in range(items.count())) == with_actor
    page.select_option("#timeline-filter select[name=topic]", "navo-eu-samenwerking")
    assert "topic=navo-eu-samenwerking" in page.url and "actor=jens-stoltenberg" in page.url
    assert page.errors == []


def test_dark_mode_toggle(page):
    page.goto(page.site)
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    other = page.locator("body").get_attribute("data-md-color-scheme")
    assert {scheme, other} == {"default", "slate"}
    screenshot(page, "home-dark" if other == "slate" else "home")


def test_home_page(page):
    page.goto(page.site)
    screenshot(page, "home")
    assert page.locator("h1").inner_text().rstrip("¶") == "Briefings Europese veiligheid"
    assert page.locator("article a[href*='graph/']").count() >= 1 and page.locator("article a[href*='timeline/']").count() >= 1
    assert page.locator("link[type='application/atom+xml']").count() == 1
    assert page.errors == []


def test_no_console_errors_on_any_page(page, built_site):
    paths = sorted(p.relative_to(built_site).parent.as_posix() for p in built_site.rglob("index.html"))
    problems = {}
    for path in paths:
        page.errors.clear()
        page.goto(page.site + ("" if path == "." else path + "/"))
        page.wait_for_load_state("networkidle")
        if page.errors:
            problems[path] = list(page.errors)
    assert problems == {}
    assert len(paths) > 40  # every page of the seeds site: briefings, actors, topics, dossiers, indexes


def test_headings_are_in_order_and_images_have_alt_text(page, built_site):
    for path in ["", "briefings/2025-07-frankrijk-en-het-verenigd-koninkrijk-hebben-afgesproken/", "actors/navo/", "timeline/", "graph/"]:
        page.goto(page.site + path)
        levels = page.evaluate("() => [...document.querySelectorAll('article h1, article h2, article h3, article h4')].map(h => +h.tagName[1])")
        assert levels[0] == 1 and levels.count(1) == 1, (path, levels)
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (path, levels)
        assert page.evaluate("() => [...document.querySelectorAll('img')].filter(i => !i.hasAttribute('alt')).length") == 0
        assert page.locator("meta[name=description]").get_attribute("content")


def test_not_found_page_is_dutch(page):
    page.goto(page.site + "404.html")
    assert "Pagina niet gevonden" in page.locator("h1").inner_text()
