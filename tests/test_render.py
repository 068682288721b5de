"""Rendering choices a reader relies on: long listings stay short and point to the full list."""

import re

import markdown

from generator import render
from generator.config import Config
from generator.pipeline import build


def test_long_actor_and_topic_listings_show_the_newest_and_link_to_the_filtered_timeline(project, monkeypatch):
    monkeypatch.setattr(render, "LIST_LIMIT", 2)
    build(Config(sources=project / "seeds", docs=project / "docs", data=project / "data", root=project))
    navo = (project / "docs" / "actors" / "navo.md").read_text(encoding="utf-8")
    total = int(re.search(r"^## Briefings \((\d+)\)$", navo, re.MULTILINE).group(1))
    assert total > 2
    listed = re.findall(r"^- .* — \[.*\]\(\.\./briefings/", navo.split("## Briefings", 1)[1].split("\n## ", 1)[0], re.MULTILINE)
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
    assert re.search(r"- Franse president — \w+ \d{4} tot \w+ \d{4}, in \d+ briefings", roles), roles
