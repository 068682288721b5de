"""Rendering choices a reader relies on: long listings stay short and point to the full list."""

import re

import markdown

from generator.config import Config
from generator.pipeline import build
from generator.render import listings as render


def test_long_actor_and_topic_listings_show_the_newest_and_link_to_the_filtered_timeline(project, monkeypatch):
    monkeypatch.setattr(render, "LIST_LIMIT", 2)
    build(Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project))
    navo = (project / "docs" / "actors" / "navo.md").read_text(encoding="utf-8")
    total = int(re.search(r"^## Briefings \((\d+)\)$", navo, re.MULTILINE).group(1))
    assert total > 2
    listed = re.findall(r'^<li>.* — <a href="\.\./\.\./briefings/', navo.split("## Briefings", 1)[1].split("\n## ", 1)[0], re.MULTILINE)
    assert len(listed) == 2
    assert f"[Alle {total} briefings die NAVO noemen, in de tijdlijn](../timeline.md?actor=navo)" in navo
    topic = (project / "docs" / "topics" / "nucleaire-afschrikking.md").read_text(encoding="utf-8")
    assert "(../timeline.md?topic=nucleaire-afschrikking)" in topic
    # The note under the list is its own paragraph, not swallowed by the last list item.
    for page in (navo, topic):
        html = markdown.markdown(page.split("\n---\n", 1)[1], extensions=["attr_list", "admonition"])
        note = re.search(r"<(\w+)>Dit zijn de 2 nieuwste\.", html)
        assert note and note.group(1) == "p", html


def test_a_role_is_listed_once_with_the_period_it_was_seen_in(project):
    build(Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project))
    macron = (project / "docs" / "actors" / "emmanuel-macron.md").read_text(encoding="utf-8")
    roles = macron.split("## Rollen", 1)[1].split("\n## ", 1)[0]
    assert roles.count("Franse president") == 1
    assert re.search(r"<li>Franse president — \w+ \d{4} tot \w+ \d{4}, in \d+ briefings", roles), roles


def test_an_actor_page_quotes_the_sentence_naming_the_actor_for_its_newest_briefings_only(project, monkeypatch):
    monkeypatch.setattr(render, "CONTEXT_LIMIT", 1)
    build(Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project))
    navo = (project / "docs" / "actors" / "navo.md").read_text(encoding="utf-8")
    items = re.findall(r"^<li>.*?</li>$", navo.split("## Briefings", 1)[1].split("\n## ", 1)[0], re.MULTILINE | re.DOTALL)
    assert len(items) > 1
    assert "<em>" in items[0] and "NAVO" in items[0].split("<em>", 1)[1]
    assert all("<em>" not in item for item in items[1:])


def test_the_source_text_links_each_actor_at_its_first_mention_in_each_section(project):
    (project / "seeds" / "zz_sections.txt").write_text(
        " date 2025-03-01\nOverleg in Brussel\n\nDe NAVO en Frankrijk spraken in Brussel. De NAVO wil meer munitie.\n\n"
        "Frankrijk steunt dat. De NAVO noemt het een goede stap.\n\nVervolg\n\nDe NAVO komt volgende maand weer bijeen.\n",
        encoding="utf-8")
    build(Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project))
    page = next((project / "docs" / "briefings").glob("2025-03-01-*.md")).read_text(encoding="utf-8")
    text = page.split("## Brontekst", 1)[1].split("\n## ", 1)[0]
    sections = text.split("\n### ")
    assert sections[0].count("](../actors/navo.md)") == 1 and sections[0].count("](../actors/frankrijk.md)") == 1
    assert sections[0].count("NAVO") == 3  # later mentions stay as text, in the next paragraph too
    assert len(sections) == 2 and sections[1].startswith("Vervolg")
    assert sections[1].count("](../actors/navo.md)") == 1  # a heading starts a new section


def test_render_is_a_plain_function_of_the_linked_site_and_gives_the_pages_a_build_writes(project):
    """Extract, link and render called as plain functions, with no build cache anywhere,
    give byte for byte the files `build` (with its cache and skipped pages) writes."""
    from generator.extract.briefing import extract_briefing, topic_patterns
    from generator.extract.matching import actor_matcher
    from generator.inputs.registry import load_registry
    from generator.inputs.siteconfig import read_site_settings
    from generator.link import link_briefings
    from generator.render.site import render_site
    from tests.conftest import read_sources

    config = Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project, cache=project / ".cache")
    build(config)
    build(config)  # the second build renders nothing again: every page comes from the first
    registry, _ = load_registry(project / "data")
    matcher, patterns = actor_matcher(registry), topic_patterns(registry.topics)
    briefings = [extract_briefing(source, registry, matcher, patterns)[0] for source in read_sources(project / "seeds", project)[0]]
    pages = render_site(link_briefings(briefings, registry), read_site_settings(project / "mkdocs.yml"))
    assert len(pages) > 20 and all(page.text for page in pages)
    for page in pages:
        assert (project / "docs" / page.path).read_text(encoding="utf-8") == page.text, page.path
