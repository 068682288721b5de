"""The search box in the header and the full results page, in a real headless Chromium, on the
project's site and on a site of short texts written for these tests (tests/fixtures/search-forms/)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.serve import run_search


def slugs(links: list[str]) -> list[str]:
    return [urlparse(link).path.strip("/").split("/")[-1] for link in links]


# --- the header box ------------------------------------------------------------

def test_header_box_shows_results_with_the_matched_words_marked(page):
    results = run_search(page, page.site, "kernwapens")
    assert any("/briefings/" in href for href in results), results
    status = page.locator(".site-search__status").inner_text()
    assert re.fullmatch(r"\d+ resultaten voor “kernwapens”", status), status
    marked = " ".join(page.locator(".site-search__result mark").all_inner_texts()).lower()
    assert "kernwapens" in marked
    more = page.locator("a.site-search__more")
    assert parse_qs(urlparse(more.get_attribute("href")).query)["q"] == ["kernwapens"]
    assert page.errors == []


def test_keys_focus_the_box_move_through_results_and_close_it(page):
    page.goto(page.site + "timeline/")
    page.locator("h1").click()
    page.keyboard.press("/")
    box = page.locator("input.site-search__input")
    assert box.evaluate("el => el === document.activeElement")
    page.keyboard.type("Macron", delay=30)
    page.wait_for_selector("a.site-search__result")
    page.wait_for_timeout(300)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    selected = page.locator("a.site-search__result[aria-selected=true]")
    assert selected.count() == 1
    assert box.get_attribute("aria-activedescendant") == selected.get_attribute("id") == "site-search-option-1"
    target = selected.get_attribute("href")
    page.keyboard.press("Escape")
    assert page.locator(".site-search__panel").is_hidden()
    assert not box.evaluate("el => el === document.activeElement")
    # `s` focuses it again; Enter follows the selected result.
    page.keyboard.press("s")
    assert box.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowDown")
    page.wait_for_selector("a.site-search__result")
    page.keyboard.press("ArrowDown")
    target = page.locator("a.site-search__result[aria-selected=true]").get_attribute("href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlparse(page.url).path == urlparse(target).path
    assert page.errors == []


def test_enter_without_a_selection_opens_the_full_results(page):
    page.goto(page.site)
    box = page.locator("input.site-search__input")
    box.click()
    box.press_sequentially("afschrikking", delay=20)
    page.wait_for_selector("a.site-search__result")
    with page.expect_navigation():
        box.press("Enter")
    page.wait_for_selector(".site-search-page__result")
    assert urlparse(page.url).path.endswith("/search/")
    assert parse_qs(urlparse(page.url).query)["q"] == ["afschrikking"]
    assert page.errors == []


@pytest.mark.parametrize(("query", "actor"), [("NATO", "navo"), ("Navo", "navo"), ("Noord-Atlantische Verdragsorganisatie", "navo"),
                                              ("Zelensky", "volodymyr-zelenskyy"), ("Zelenski", "volodymyr-zelenskyy"),
                                              ("Emmanuel Macron", "emmanuel-macron")])
def test_any_name_of_an_actor_finds_the_actor_page_first_then_briefings(page, query, actor):
    results = run_search(page, page.site, query)
    assert f"/actors/{actor}/" in results[0], results
    assert any("/briefings/" in href for href in results), results


def test_an_empty_result_says_what_to_try(page):
    run_search(page, page.site, "zwxqvbj")
    assert page.locator("a.site-search__result").count() == 0
    assert "Geen resultaten voor “zwxqvbj”" in page.locator(".site-search__status").inner_text()
    assert page.locator("a.site-search__more").is_hidden()


def test_quotes_and_markup_in_a_query_stay_text(page):
    query = '"<img src=x onerror=window.hacked=1>'
    page.goto(page.site)
    box = page.locator("input.site-search__input")
    box.click()
    box.fill(query)
    page.wait_for_function("() => /resulta/.test(document.querySelector('.site-search__status').textContent)")
    assert query in page.locator(".site-search__status").inner_text()
    assert page.locator(".site-search__panel img").count() == 0
    assert page.evaluate("() => window.hacked") is None
    assert page.errors == []


def test_dark_theme_draws_the_results_in_its_colours(page):
    page.emulate_media(color_scheme="dark")
    run_search(page, page.site, "kernwapens")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    background = page.locator(".site-search__panel").evaluate("el => getComputedStyle(el).backgroundColor")
    channels = [int(c) for c in re.findall(r"\d+", background)[:3]]
    assert max(channels) < 80, background  # a dark panel, not Material's light default
    colour = page.locator(".site-search__title").first.evaluate("el => getComputedStyle(el).color")
    assert min(int(c) for c in re.findall(r"\d+", colour)[:3]) > 120, colour  # light text on it


# --- Dutch word forms (texts written for the test, each form in one text only) --

# The texts' pages, by the words their titles start with.
TEXTS = {"meervoud": "de-ministers-bespraken", "enkelvoud": "een-europees-plan", "samenstelling": "de-tweede-kamer-debatteerde"}
WORD_FORMS = [
    ("kernwapen", "meervoud"), ("kernwapens", "enkelvoud"),
    ("bondgenoot", "meervoud"), ("bondgenoten", "enkelvoud"),
    ("raket", "meervoud"), ("raketten", "enkelvoud"),
    ("Europees", "meervoud"), ("Europese", "enkelvoud"),
    ("lidstaat", "meervoud"), ("lidstaten", "enkelvoud"),
    ("begroting", "samenstelling"), ("munitie", "samenstelling"),
]


@pytest.mark.parametrize(("query", "expected"), WORD_FORMS)
def test_a_word_form_finds_the_text_with_the_other_form(forms_page, query, expected):
    results = results_page(forms_page, f"?q={query}")
    assert any("/briefings/" in href and TEXTS[expected] in href for href in results), (query, results)
    assert forms_page.errors == []


def test_a_match_in_the_hidden_terms_shows_the_texts_opening_not_the_terms(forms_page):
    # The text has "kernwapen" only: "kernwapens" finds it through its hidden search terms.
    run_search(forms_page, forms_page.site, "kernwapens")
    result = forms_page.locator(f"a.site-search__result[href*={TEXTS['enkelvoud']}] .site-search__excerpt")
    excerpt = result.inner_text()
    assert excerpt.startswith("Een Europees plan"), excerpt
    assert "kernwapentje" not in excerpt and result.locator("mark").count() == 0


def test_text_from_a_source_is_shown_as_text_in_results(forms_page):
    run_search(forms_page, forms_page.site, "waarschuwingsvlag")
    result = forms_page.locator("a.site-search__result").first
    assert "<script>alert(1)</script>" in result.inner_text()
    assert forms_page.locator(".site-search__panel script").count() == 0
    assert forms_page.errors == []


# --- the full results page: facets, combined, and sorting ------------------------

def results_page(page, query: str = "") -> list[str]:
    page.goto(page.site + "search/" + query)
    page.wait_for_function("() => /resulta|Typ een zoekterm/.test(document.querySelector('.site-search-page__status').textContent)")
    page.wait_for_timeout(300)
    return [a.get_attribute("href") for a in page.locator("a.site-search-page__result").all()]


def facet_counts(page, key: str) -> dict[str, int]:
    counts = {}
    for label in page.locator(f"fieldset[data-facet={key}] label").all_inner_texts():
        name, count = re.fullmatch(r"\s*(.+?) \((\d+)\)\s*", label).groups()
        counts[name] = int(count)
    return counts


def test_results_page_shows_facets_with_counts_for_each_filter(page):
    results = results_page(page, "?q=NAVO")
    assert len(results) >= 5
    for key in ("actor", "onderwerp", "soort", "jaar"):
        assert facet_counts(page, key), key
    assert facet_counts(page, "soort")["Nieuwsbericht"] == 4
    assert page.errors == []


def test_a_facet_narrows_the_results_and_goes_into_the_address(page):
    results_page(page, "?q=NAVO")
    page.locator("fieldset[data-facet=soort] input[value=Kamerbrief]").check()
    page.wait_for_function("() => /^1 resultaat/.test(document.querySelector('.site-search-page__status').textContent)")
    page.wait_for_timeout(200)
    hrefs = [a.get_attribute("href") for a in page.locator("a.site-search-page__result").all()]
    assert len(hrefs) == 1 and "kamerbrief" in hrefs[0], hrefs
    assert parse_qs(urlparse(page.url).query) == {"q": ["NAVO"], "soort": ["Kamerbrief"]}
    # The address gives the same page again.
    assert results_page(page, "?" + urlparse(page.url).query) == hrefs


def test_facets_combine(page):
    everything = results_page(page, "?soort=Nieuwsbericht")
    assert len(everything) == 4
    one_year = results_page(page, "?soort=Nieuwsbericht&jaar=2025")
    assert len(one_year) == 2 and all("/2025-" in href for href in one_year), one_year
    with_actor = results_page(page, "?soort=Nieuwsbericht&jaar=2025&actor=Keir+Starmer")
    assert set(with_actor) <= set(one_year) and with_actor
    both_actors = results_page(page, "?actor=Jens+Stoltenberg&actor=Donald+Trump")
    only_one = results_page(page, "?actor=Jens+Stoltenberg")
    assert set(both_actors) <= set(only_one)
    assert page.errors == []


def test_results_sort_by_date(page):
    newest = slugs(results_page(page, "?soort=Nieuwsbericht&sort=desc"))
    assert newest == sorted(newest, reverse=True), newest
    oldest = slugs(results_page(page, "?soort=Nieuwsbericht&sort=asc"))
    assert oldest == list(reversed(newest))
    assert page.locator("select[name=sort]").input_value() == "asc"


def test_results_page_with_nothing_found_says_so(page):
    results_page(page, "?q=zwxqvbj")
    assert "Geen resultaten voor “zwxqvbj”" in page.locator(".site-search-page__status").inner_text()
    assert page.errors == []
