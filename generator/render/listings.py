"""Pages that list briefings: each actor, topic and Kamerstuk dossier, the indexes, the timeline and the home page."""

from __future__ import annotations

from collections import Counter

from generator.model import SOURCE_TYPES, Briefing, Page, PartialDate, Site
from generator.render.charts import bar_chart
from generator.render.common import (
    EDIT_ACTORS,
    EDIT_SOURCES,
    EDIT_TOPICS,
    KIND_PLURALS,
    Md,
    dossier_title,
    dutch_date,
    external_link,
    html_list,
    make_page,
    official_url,
    page_context,
    timeline_filter,
)
from generator.render.escape import attribute_safe, html_text
from generator.slugs import actor_path, dossier_path, topic_path

HOME_LATEST = 10


# Actor and topic pages list this many briefings (newest first) and quotations; the rest
# are one click away in the timeline, filtered to the actor or topic. Keeps pages small
# (and the site build fast) when an actor is in thousands of briefings.
LIST_LIMIT = 100


# An actor page shows the sentence naming the actor for this many of its newest briefings;
# the rest of its list is one line each (the timeline filter shows them all).
CONTEXT_LIMIT = 10


def render_actor(site: Site, actor_id: str, directory_urls: bool = True) -> Page:
    actor = site.actors[actor_id]
    path = actor_path(actor_id)
    briefings = [site.briefing(s) for s in site.by_actor.get(actor_id, ())]
    roles: dict[str, list[Briefing]] = {}
    quotes = []
    counts = []  # how often each briefing names the actor (0: added by a contributor)
    for b in briefings:
        counts.append(next(m.count for m in b.actors if m.actor_id == actor_id))
        for role in b.roles:
            if role.actor_id == actor_id:
                roles.setdefault(role.role, []).append(b)
        quotes += [(q, b) for q in b.quotes if q.speaker == actor_id]
    unreviewed = actor_id in site.unreviewed
    listed = [
        (b, count, next((text for a, text in b.contexts if a == actor_id), ""))
        for b, count in zip(briefings[:LIST_LIMIT], counts, strict=False)
    ]

    front = {
        "title": attribute_safe(actor.name),
        "actor_id": actor.id,
        "kind": actor.kind,
        "reviewed": not unreviewed,
        "description": attribute_safe(actor.description),
        "aliases": list(actor.aliases),
        "briefings": len(briefings),
        "feed": f"feeds/actors/{actor_id}.xml",
        "search": {"boost": 10},
    }
    # Each role once, with the period it was seen in (briefings are newest first).
    role_list = sorted(((role, seen[-1], seen[0], len(seen)) for role, seen in roles.items()), key=lambda r: (r[2].sort_key, r[0]))
    context = page_context(site, path, directory_urls)
    actor_a, briefing_a = context["actor_a"], context["briefing_a"]
    role_items = []
    for role, first, last, n in role_list:
        if n == 1:
            role_items.append(f"{html_text(role)} — {html_text(dutch_date(first.date))} ({briefing_a(first.slug)})")
        else:
            role_items.append(
                f"{html_text(role)} — {html_text(dutch_date(first.date))} tot {html_text(dutch_date(last.date))}, in {n} briefings "
                f"(eerst: {briefing_a(first.slug)}; laatst: {briefing_a(last.slug)})"
            )
    items = []
    for index, (b, count, sentence) in enumerate(listed):
        named = f"{count}× genoemd" if count else "toegevoegd door de redactie"
        item = f"{html_text(dutch_date(b.date))} — {briefing_a(b.slug)} ({named})"
        if sentence and index < CONTEXT_LIMIT:
            item += f"<br>\n<em>{html_text(sentence)}</em>"
        items.append(item)
    quote_items = [f"„{html_text(q.text)}” — {html_text(dutch_date(b.date))}, {briefing_a(b.slug)}" for q, b in quotes[:LIST_LIMIT]]
    together_items = [
        f"{actor_a(other)} ({n} {'briefing' if n == 1 else 'briefings'})"
        for other, n in sorted(site.seen_together(actor_id).items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    ]
    return make_page(
        path,
        front,
        "actor.md.j2",
        edit=EDIT_ACTORS,
        actor=actor,
        total=len(briefings),
        shown=len(listed),
        unreviewed=unreviewed,
        roles=html_list(role_items) if role_items else None,
        briefings=html_list(items, "actor-briefings") if items else None,
        quotes=html_list(quote_items) if quote_items else None,
        shown_quotes=len(quote_items),
        total_quotes=len(quotes),
        together=html_list(together_items) if together_items else None,
        filter_link=timeline_filter(path, "actor", actor_id),
        chart=Md(
            bar_chart(
                ((b.date, max(1, n)) for b, n in zip(briefings, counts, strict=True)), f"Vermeldingen van {actor.name}".replace('"', "'")
            )
        ),
        **context,
    )


def render_dossier(site: Site, dossier: str, directory_urls: bool = True) -> Page:
    path = dossier_path(dossier)
    letters = [site.briefing(s) for s in site.by_dossier[dossier]]
    title = dossier_title(site, dossier)
    context = page_context(site, path, directory_urls)
    items = []
    for b in letters:
        number = f" · nr. {html_text(b.letter.number)}" if b.letter.number else ""
        official = official_url(b)
        link = f" · {external_link('officiële publicatie', official)}" if official else ""
        items.append(f"{html_text(dutch_date(b.date))} — {context['briefing_a'](b.slug)}{number}{link}")
    front = {
        "title": attribute_safe(f"Kamerstuk {dossier}" + (f": {title}" if title else "")),
        "dossier": dossier,
        "description": attribute_safe(f"De brieven uit Kamerstukdossier {dossier}" + (f", {title}" if title else "") + ", nieuwste eerst."),
        "briefings": len(letters),
    }
    return make_page(
        path,
        front,
        "dossier.md.j2",
        edit=EDIT_SOURCES,
        dossier=dossier,
        title=title,
        letters=letters,
        listing=html_list(items, "dossier-letters"),
        **context,
    )


def render_topic(site: Site, topic_id: str) -> Page:
    topic = site.registry.topic_by_id[topic_id]
    path = topic_path(topic_id)
    briefings = [site.briefing(s) for s in site.by_topic.get(topic_id, ())]
    actors: Counter[str] = Counter()
    for b in briefings:
        actors.update(a for a in b.actor_ids if a in site.by_actor)  # those with a page to link to
    front = {
        "title": attribute_safe(topic.label),
        "topic_id": topic.id,
        "description": attribute_safe(topic.description),
        "briefings": len(briefings),
        "tags": [attribute_safe(topic.label)],
        "feed": f"feeds/topics/{topic_id}.xml",
        "search": {"boost": 10},
    }
    return make_page(
        path,
        front,
        "topic.md.j2",
        edit=EDIT_TOPICS,
        topic=topic,
        briefings=briefings[:LIST_LIMIT],
        total=len(briefings),
        filter_link=timeline_filter(path, "topic", topic_id),
        chart=Md(bar_chart(((b.date, 1) for b in briefings), "Briefings over dit onderwerp")),
        main_actors=sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[:10],
        **page_context(site, path),
    )


def render_briefing_index(site: Site, directory_urls: bool = True) -> Page:
    path = "briefings/index.md"
    front = {"title": "Alle briefings", "description": f"Alle {len(site.briefings)} briefings, nieuwste eerst."}
    context = page_context(site, path, directory_urls)
    return make_page(path, front, "briefings_index.md.j2", edit=EDIT_SOURCES, listing=_briefing_listing(context), **context)


def _briefing_listing(context: dict):
    """The one-line list of briefings of the index and the timeline: date, title, kind of source."""

    def listing(briefings, dated: bool = True) -> Md:
        return html_list(
            (f"{html_text(dutch_date(b.date))} — " if dated else "")
            + f"{context['briefing_a'](b.slug)} · {html_text(SOURCE_TYPES.get(b.source_type, b.source_type))}"
            for b in briefings
        )

    return listing


def render_actor_index(site: Site) -> Page:
    path = "actors/index.md"
    groups = []
    for kind, label in KIND_PLURALS.items():
        # Only actors that a briefing names have a page: a registry of everyone who might
        # come up would otherwise fill the list (and search) with empty pages.
        members = sorted(
            (a for a in site.registry.actors if a.kind == kind and a.id in site.by_actor), key=lambda a: (a.name.lower(), a.id)
        )
        if members:
            groups.append((label, members))
    candidates = sorted((site.actors[c] for c in site.candidates), key=lambda a: (a.kind, a.name.lower(), a.id))
    front = {"title": "Actoren", "description": "Personen, landen en organisaties in de briefings."}
    unnamed = sum(1 for a in site.registry.actors if a.id not in site.by_actor)
    return make_page(
        path,
        front,
        "actors_index.md.j2",
        edit=EDIT_ACTORS,
        groups=groups,
        candidates=candidates,
        unnamed=unnamed,
        **page_context(site, path),
    )


def render_topic_index(site: Site) -> Page:
    path = "topics/index.md"
    front = {"title": "Onderwerpen", "description": "De onderwerpen waarin de briefings zijn ingedeeld."}
    return make_page(path, front, "topics_index.md.j2", edit=EDIT_TOPICS, **page_context(site, path))


def render_timeline(site: Site, directory_urls: bool = True) -> Page:
    path = "timeline.md"
    years: dict[int, dict[int, list[Briefing]]] = {}
    undated = []
    for b in site.briefings:
        if b.date is None:
            undated.append(b)
        else:
            years.setdefault(b.date.year, {}).setdefault(b.date.month, []).append(b)
    front = {"title": "Tijdlijn", "description": "Alle briefings per jaar en maand, te filteren op onderwerp en actor."}
    context = page_context(site, path, directory_urls)
    return make_page(
        path,
        front,
        "timeline.md.j2",
        edit=EDIT_SOURCES,
        years=sorted(((y, sorted(m.items(), key=lambda kv: -kv[0] if kv[0] else 1)) for y, m in years.items()), reverse=True),
        undated=undated,
        month_name=lambda y, m: PartialDate(y, m).dutch,
        listing=_briefing_listing(context),
        **context,
    )


def render_home(site: Site) -> Page:
    path = "index.md"
    front = {
        "title": "Briefings Europese veiligheid",
        "description": "Briefings over NAVO, EU, Oekraïne en nucleaire afschrikking, uit Nederlandse bronnen.",
        "feed": "feeds/briefings.xml",
    }
    actor_counts = sorted(((len(v), k) for k, v in site.by_actor.items()), key=lambda x: (-x[0], x[1]))[:10]
    topic_counts = sorted(((len(v), k) for k, v in site.by_topic.items()), key=lambda x: (-x[0], x[1]))
    return make_page(
        path,
        front,
        "home.md.j2",
        edit=EDIT_SOURCES,
        latest=site.briefings[:HOME_LATEST],
        actor_counts=actor_counts,
        topic_counts=topic_counts,
        **page_context(site, path),
    )
