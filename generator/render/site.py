"""Every file the generator writes: a plan of pages, each with its renderer, and the site rendered from it.

Rendering is a plain function of the cross-linked Site and the site settings. The build
cache does not come in here: `generator.incremental.pages` fingerprints the same plan and
renders only the pages whose inputs changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.model import Briefing, Page, Site
from generator.parallel import fork_map
from generator.render.briefing_page import render_briefing
from generator.render.data import feed_list, graph_data, render_graph_page, timeline_data
from generator.render.listings import (
    render_actor,
    render_actor_index,
    render_briefing_index,
    render_dossier,
    render_home,
    render_timeline,
    render_topic,
    render_topic_index,
)
from generator.slugs import actor_path, briefing_path, dossier_path, topic_path

# What a page shows, for whoever needs to know what it depends on (the fingerprints of
# generator.incremental.pages): a briefing's page, an actor's, a topic's, a dossier's, a
# feed, a list of every briefing (index, timeline), or a page about the whole archive.
BRIEFING, ACTOR, TOPIC, DOSSIER, FEED, CATALOGUE, ARCHIVE = "briefing", "actor", "topic", "dossier", "feed", "catalogue", "archive"


@dataclass(frozen=True)
class PlannedPage:
    """A file to write, how to render it, and what it is about."""

    path: str
    render: Callable[[], Page]
    kind: str
    # The briefing, actor id, Topic or dossier number the page is about; (title, slugs) for a feed.
    subject: object = None


def page_plan(site: Site, settings: dict | None = None, full: Callable[[Briefing], Briefing] | None = None) -> list[PlannedPage]:
    """Every generated file, in a fixed order. `full(briefing)` gives a briefing with its text
    blocks, for a caller that keeps them apart until a page needs them."""
    settings = settings or {}
    full = full or (lambda b: b)
    repo_url, branch = settings.get("repo_url"), settings.get("branch") or "main"
    directory_urls = settings.get("directory_urls", True) is not False
    plan = [
        PlannedPage(briefing_path(b.slug), lambda b=b: render_briefing(site, full(b), repo_url, branch, directory_urls), BRIEFING, b)
        for b in site.briefings
    ]
    plan += [
        PlannedPage(actor_path(a), lambda a=a: render_actor(site, a, directory_urls), ACTOR, a)
        for a in site.actors
        if a in site.by_actor
    ]
    plan += [PlannedPage(topic_path(t.id), lambda t=t: render_topic(site, t.id), TOPIC, t) for t in site.registry.topics]
    plan += [PlannedPage(dossier_path(d), lambda d=d: render_dossier(site, d, directory_urls), DOSSIER, d) for d in site.by_dossier]
    plan += [PlannedPage(path, render, FEED, (title, slugs)) for path, title, slugs, render in feed_list(site, settings.get("site_url"))]
    plan += [
        PlannedPage("briefings/index.md", lambda: render_briefing_index(site, directory_urls), CATALOGUE),
        PlannedPage("timeline.md", lambda: render_timeline(site, directory_urls), CATALOGUE),
    ]
    pairs = site.pairs
    plan += [
        PlannedPage(path, render, ARCHIVE)
        for path, render in (
            ("actors/index.md", lambda: render_actor_index(site)),
            ("topics/index.md", lambda: render_topic_index(site)),
            ("index.md", lambda: render_home(site)),
            ("graph.md", lambda: render_graph_page(site, pairs)),
            ("data/graph.json", lambda: graph_data(site, pairs)),
            ("data/timeline.json", lambda: timeline_data(site)),
        )
    ]
    return plan


def render_site(site: Site, settings: dict | None = None, full: Callable[[Briefing], Briefing] | None = None, jobs: int = 1) -> list[Page]:
    """Every generated file, rendered, in a fixed order; with `jobs` > 1 and many pages, in
    worker processes (the pages are the same)."""
    plan = page_plan(site, settings, full)
    return [Page(p.path, text) for p, text in zip(plan, render_many([p.render for p in plan], jobs), strict=True)]


# Below this many pages to render, starting worker processes costs more than it saves.
POOL_MIN_PAGES = 16


def render_many(renders: list[Callable[[], Page]], jobs: int) -> list[str]:
    """The text of each page; forked workers inherit the site, so nothing big is sent to them."""
    return fork_map(lambda render: render().text, renders, jobs, POOL_MIN_PAGES)
