"""The network graph page, the data files the browser scripts read (graph, timeline filter), and the feeds."""

from __future__ import annotations

import json

from generator.model import Page, Site
from generator.render.common import EDIT_ACTORS, EDIT_SOURCES, EDIT_TOPICS, make_page, page_context
from generator.render.feeds import MAX_ENTRIES, feed_page
from generator.render.stamp import mark, stamp

GRAPH_MAX_NODES = 150


def graph_data(site: Site, pairs: dict[tuple[str, str], int]) -> Page:
    """Actors (the most mentioned, at most GRAPH_MAX_NODES) and how often they appear together."""
    ranked = sorted(site.by_actor, key=lambda a: (-len(site.by_actor[a]), a))[:GRAPH_MAX_NODES]
    keep = set(ranked)
    nodes = [
        {
            "id": a,
            "name": site.actors[a].name,
            "kind": site.actors[a].kind,
            "briefings": len(site.by_actor[a]),
            "url": f"actors/{a}/",
            "reviewed": a not in site.unreviewed,
        }
        for a in sorted(keep)
    ]
    edges = [{"source": a, "target": b, "weight": n} for (a, b), n in sorted(pairs.items()) if a in keep and b in keep]
    return _json_page("data/graph.json", {"nodes": nodes, "edges": edges}, f"{EDIT_SOURCES} and {EDIT_ACTORS}")


def timeline_data(site: Site) -> Page:
    """What the timeline filter needs: each briefing's topics and actors, and their labels."""
    briefings = {b.slug: {"topics": list(b.topics), "actors": [a for a in b.actor_ids if a in site.by_actor]} for b in site.briefings}
    topics = {t.id: t.label for t in site.registry.topics if t.id in site.by_topic}
    actors = {a: site.actors[a].name for a in sorted(site.by_actor, key=lambda a: (site.actors[a].name.lower(), a))}
    return _json_page("data/timeline.json", {"briefings": briefings, "topics": topics, "actors": actors}, EDIT_SOURCES)


def _json_page(path: str, data: dict, edit: str) -> Page:
    body = json.dumps({"generated": mark(edit), **data}, ensure_ascii=False)
    return Page(path, stamp(body + "\n"))


def feed_list(site: Site, site_url: str | None) -> list[tuple]:
    """(path, title, briefing slugs, render) per feed: all briefings, each actor, each topic."""

    def feed(path: str, title: str, slugs, page_url: str, edit: str) -> tuple:
        slugs = tuple(slugs)[: MAX_ENTRIES * 2]  # enough dated ones even when some are undated
        return (path, title, slugs, lambda: feed_page(path, title, [site.briefing(s) for s in slugs], site_url, page_url, edit))

    feeds = [feed("feeds/briefings.xml", "Briefings Europese veiligheid", (b.slug for b in site.briefings), "", EDIT_SOURCES)]
    for actor_id, actor in site.actors.items():
        if actor_id not in site.by_actor:
            continue  # no page, no feed: see render_actor_index
        feeds.append(
            feed(
                f"feeds/actors/{actor_id}.xml",
                f"Briefings over {actor.name}",
                site.by_actor.get(actor_id, ()),
                f"actors/{actor_id}/",
                EDIT_ACTORS,
            )
        )
    for topic in site.registry.topics:
        feeds.append(
            feed(
                f"feeds/topics/{topic.id}.xml",
                f"Briefings over {topic.label}",
                site.by_topic.get(topic.id, ()),
                f"topics/{topic.id}/",
                EDIT_TOPICS,
            )
        )
    return feeds


def render_graph_page(site: Site, pairs: dict[tuple[str, str], int]) -> Page:
    path = "graph.md"
    front = {"title": "Netwerk van actoren", "description": "Welke actoren samen in briefings voorkomen."}
    pairs = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:25]
    return make_page(path, front, "graph.md.j2", edit=f"{EDIT_SOURCES} and {EDIT_ACTORS}", pairs=pairs, **page_context(site, path))
