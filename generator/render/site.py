"""Turn the cross-linked Site into Pages: front matter built in Python, bodies by Jinja.

Every value a template prints is escaped as Markdown text unless it is an `Md`
(Markdown this module built itself, such as a link), so source text cannot
become markup however a template is written.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator import yamlio
from generator.incremental.cache import digest
from generator.inputs.corrections import sidecar_for
from generator.model import SOURCE_TYPES, Block, Briefing, Page, PartialDate, Site
from generator.parallel import fork_map
from generator.render.charts import bar_chart
from generator.render.escape import attribute_safe, escape_inline, escape_line, html_text
from generator.render.feeds import MAX_ENTRIES, feed_page
from generator.render.searchwords import search_words
from generator.render.stamp import json_mark, markdown_mark, stamp
from generator.slugs import actor_path, briefing_path, dossier_path, relative_link, topic_path, url_link

KIND_LABELS = {"person": "Persoon", "country": "Land", "organisation": "Organisatie"}
KIND_PLURALS = {"person": "Personen", "country": "Landen", "organisation": "Organisaties"}
HOME_LATEST = 10
# Actor and topic pages list this many briefings (newest first) and quotations; the rest
# are one click away in the timeline, filtered to the actor or topic. Keeps pages small
# (and the site build fast) when an actor is in thousands of briefings.
LIST_LIMIT = 100
# An actor page shows the sentence naming the actor for this many of its newest briefings;
# the rest of its list is one line each (the timeline filter shows them all).
CONTEXT_LIMIT = 10
# Pagefind's weight for the hidden search terms of a briefing (its text has weight 1).
# docs/assets/search.js counts a match below weight 0.5 as one in these terms, not in the text;
# keep this value below that.
SEARCH_TERM_WEIGHT = 0.2


class Md(str):
    """Markdown built by the generator itself: printed as is."""


def _finalize(value: object) -> str:
    if isinstance(value, Md):
        return value
    if value is None:
        return ""
    return escape_line(str(value))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["mdjoin"] = lambda items, sep=" · ": Md(sep.join(_finalize(i) for i in items))
    env.filters["dutch_date"] = lambda d: d.dutch if d else "zonder datum"
    env.filters["source_type_label"] = lambda t: SOURCE_TYPES.get(t, t)
    env.filters["kind_label"] = lambda k: KIND_LABELS[k]
    return env


_ENV = _environment()


def render_site(
    site: Site, settings: dict | None = None, unchanged=None, full=None, jobs: int = 1, shown_memo: dict[str, tuple[str, str]] | None = None
) -> list[Page]:
    """Every generated file, in a fixed order.

    Briefing, actor, topic and feed pages carry a fingerprint of their inputs; when
    `unchanged(path, fingerprint)` says the file on disk already holds that page, it is
    not rendered again (its Page has `text=None`). `full(briefing)` gives a briefing
    with its text blocks (the pipeline keeps them apart until a page needs them).
    With `jobs` > 1 and many pages to render, they are rendered in worker processes:
    the pages are the same. `shown_memo` maps briefing keys to the hashes of what other
    pages show of them, from earlier runs; it is filled in and pruned to this run's briefings.
    """
    settings = settings or {}
    salt = digest(sorted(settings.items()))
    full = full or (lambda b: b)
    repo_url, branch = settings.get("repo_url"), settings.get("branch") or "main"
    directory_urls = settings.get("directory_urls", True) is not False
    actor_keys = {a: digest(actor) for a, actor in site.actors.items()}
    # Pages other than a briefing's own show only part of it (title, date, lead, actors...):
    # they are fingerprinted by that part, so an edit deeper in a source's text rewrites its
    # own page and not the actor, topic, index and timeline pages that list it.
    # The briefing index and the timeline show less still: date, title and kind of source.
    memo = {} if shown_memo is None else shown_memo
    hashes = {b.slug: (b.key and memo.get(b.key)) or (_shown_elsewhere(b), digest(b.title, b.date, b.source_type)) for b in site.briefings}
    memo.clear()
    memo.update((b.key, hashes[b.slug]) for b in site.briefings if b.key)
    # As "slug hash" strings: hashing joined strings is several times faster than tuples' repr.
    shown = {slug: f"{slug} {h[0]}" for slug, h in hashes.items()}
    catalogue = digest(salt, "\n".join(f"{slug} {h[1]}" for slug, h in hashes.items()))
    counts = {b.slug: {m.actor_id: m.count for m in b.actors} for b in site.briefings}

    def listing(slugs) -> str:
        return "\n".join(shown[slug] for slug in slugs)

    # (path, fingerprint, render) of every page that can be skipped when unchanged.
    tasks = [
        (
            briefing_path(b.slug),
            _briefing_fingerprint(site, b, salt, actor_keys, shown),
            lambda b=b: render_briefing(site, full(b), repo_url, branch, directory_urls),
        )
        for b in site.briefings
    ]
    # Actor and topic pages also name other actors (seen together, main actors), so every
    # actor's name counts for every such page: registered ones (a renamed actor) and
    # unregistered ones (which take their spelling from a briefing that may not be listed).
    # An actor page also shows how often each briefing names the actor.
    names = digest(sorted((a, actor.name) for a, actor in site.actors.items()))
    together = _together(site.pairs)
    tasks += [
        (
            actor_path(a),
            digest(salt, actor_keys[a], names, "\n".join(f"{shown[s]} {counts[s][a]}" for s in site.by_actor.get(a, ()))),
            lambda a=a: _render_actor(site, a, together.get(a, {}), directory_urls),
        )
        for a in site.actors
        if a in site.by_actor
    ]
    tasks += [
        (topic_path(t.id), digest(salt, t, names, listing(site.by_topic.get(t.id, ()))), lambda t=t: _render_topic(site, t.id))
        for t in site.registry.topics
    ]
    tasks += [
        (
            dossier_path(d),
            digest(salt, d, "\n".join(f"{shown[s]} {site.briefing(s).letter}" for s in slugs)),
            lambda d=d: _render_dossier(site, d, directory_urls),
        )
        for d, slugs in site.by_dossier.items()
    ]
    feeds = _feeds(site, settings.get("site_url"))
    tasks += [(path, digest(salt, path, title, listing(slugs)), render) for path, title, slugs, render in feeds]
    # The pages about the whole archive change with any briefing, actor, topic or setting.
    everything = digest(salt, listing(shown), sorted(actor_keys.items()), site.registry.topics, site.candidates)
    pairs = site.pairs
    tasks += [
        (path, digest(catalogue, path), render)
        for path, render in (
            ("briefings/index.md", lambda: _render_briefing_index(site, directory_urls)),
            ("timeline.md", lambda: _render_timeline(site, directory_urls)),
        )
    ]
    tasks += [
        (path, digest(everything, path), render)
        for path, render in (
            ("actors/index.md", lambda: _render_actor_index(site)),
            ("topics/index.md", lambda: _render_topic_index(site)),
            ("index.md", lambda: _render_home(site)),
            ("graph.md", lambda: _render_graph_page(site, pairs)),
            ("data/graph.json", lambda: _graph_data(site, pairs)),
            ("data/timeline.json", lambda: _timeline_data(site)),
        )
    ]
    todo = [i for i, (path, fingerprint, _) in enumerate(tasks) if unchanged is None or not unchanged(path, fingerprint)]
    rendered = dict(zip(todo, _render_many([tasks[i][2] for i in todo], jobs), strict=True))
    pages = [Page(path, rendered.get(i), fingerprint) for i, (path, fingerprint, _) in enumerate(tasks)]
    return pages


# Below this many pages to render, starting worker processes costs more than it saves.
POOL_MIN_PAGES = 16


def _render_many(renders: list, jobs: int) -> list[str]:
    """The text of each page; forked workers inherit the site, so nothing big is sent to them."""
    return fork_map(lambda render: render().text, renders, jobs, POOL_MIN_PAGES)


def _shown_elsewhere(b: Briefing) -> str:
    """A hash of what pages other than the briefing's own show of it (its slug and mention counts apart)."""
    return digest(b.title, b.date, b.source_type, b.lead, b.actor_ids, b.topics, b.roles, b.quotes, b.contexts, b.candidates)


def _briefing_fingerprint(site: Site, b: Briefing, salt: str, actor_keys: dict[str, str], shown: dict[str, str]) -> str:
    """Everything a briefing page shows comes from these: its own inputs, its actors, its related briefings."""
    related = "\n".join(f"{shown[r.slug]} {r.score!r} {r.reason}" for r in site.related.get(b.slug, ()))
    return digest(salt, b.key, b.slug, " ".join(actor_keys[a] for a in b.actor_ids), related)


# --- shared pieces ---------------------------------------------------------


def _linker(page_path: str):
    def link(text: object, target: str) -> Md:
        return Md(f"[{_finalize(text)}]({relative_link(page_path, target)})")

    return link


# The lists the generator computes (figures, quotations, related briefings, provenance, an
# actor's briefings) are written as HTML blocks: Python-Markdown passes them through without
# running its inline patterns over every link, which is most of a site build's time. Every
# text in them is HTML-escaped (`html_text`), every link is relative to the page's URL as
# MkDocs writes its own, and the build checks each one (generator/linkcheck.py).


def html_list(items, css: str = "") -> Md:
    """A `<ul>` block of list items that are already HTML."""
    opening = f'<ul class="{css}">' if css else "<ul>"
    return Md("\n".join([opening, *(f"<li>{item}</li>" for item in items), "</ul>"]))


def _html_linker(page_path: str, directory_urls: bool):
    def link(text: object, target: str) -> str:
        return f'<a href="{html_text(url_link(page_path, target, directory_urls))}">{html_text(text)}</a>'

    return link


def external_link(text: object, url: str | None) -> str:
    """A link to a page outside the site, http(s) only; anything else stays text."""
    if url and re.match(r"https?://", url, re.IGNORECASE):
        return f'<a href="{html_text(url)}">{html_text(text)}</a>'
    return html_text(text)


# How lists mark an actor that is not in data/actors.yml yet (the briefing header and the
# graph say the same in their own way): in words, not by colour alone.
UNREVIEWED_LABEL = "nog niet gecontroleerd"
UNREVIEWED_MARK = f"*({UNREVIEWED_LABEL})*"


def _context(site: Site, page_path: str, directory_urls: bool = True) -> dict:
    registry = site.registry
    link = _linker(page_path)
    hlink = _html_linker(page_path, directory_urls)
    candidates = frozenset(site.candidates)

    def actor_a(actor_id: str, mark: bool = True) -> str:
        """An HTML link to an actor's page, marked in words when the actor is not reviewed."""
        shown = hlink(site.actors[actor_id].name, actor_path(actor_id))
        return f"{shown} <em>({UNREVIEWED_LABEL})</em>" if mark and actor_id in candidates else shown

    def actor_link(actor_id: str, mark: bool = True) -> Md:
        """A link to an actor's page; a name not yet in the registry says so in words."""
        shown = link(site.actors[actor_id].name, actor_path(actor_id))
        return Md(f"{shown} {UNREVIEWED_MARK}") if mark and actor_id in candidates else shown

    topic_link = lambda topic_id: link(registry.topic_by_id[topic_id].label, topic_path(topic_id))  # noqa: E731
    return {
        "link": link,
        "link_external": lambda text, url: Md(f"[{_finalize(text)}](<{url.replace('>', '%3E').replace(' ', '%20')}>)"),
        "actor_link": actor_link,
        "topic_link": topic_link,
        "briefing_link": lambda slug: link(site.briefing(slug).title, briefing_path(slug)),
        "hlink": hlink,
        "actor_a": actor_a,
        "briefing_a": lambda slug: hlink(site.briefing(slug).title, briefing_path(slug)),
        "html_list": html_list,
        "h": html_text,
        "site": site,
        "registry": registry,
    }


def _page(path: str, front: dict, template: str, edit: str, **context) -> Page:
    """Assemble front matter and body; the checksum lets `write` spot hand edits."""
    front = dict(front)
    front["generated"] = markdown_mark(edit)
    body = _ENV.get_template(template).render(**context)
    return Page(path, stamp(f"---\n{yamlio.dump(front)}---\n\n{body.rstrip()}\n"))


def note_block(note: str) -> Md:
    """An analyst's note as escaped paragraphs, indented for an admonition: shown as text."""
    paragraphs = [
        "<br>\n    ".join(escape_line(line) for line in para.splitlines() if line.strip())
        for para in re.split(r"\n\s*\n", note)
        if para.strip()
    ]
    return Md("    " + "\n\n    ".join(paragraphs))


def source_lines(block: Block, actor_target=None) -> Md:
    """A paragraph of source text, each line escaped, line breaks kept, first mentions linked.

    `actor_target(actor_id)` gives the relative link to an actor page, or None for no
    link (as for an actor a contributor removed from the briefing).
    """
    lines = []
    for index, line in enumerate(block.lines):
        links = []
        for i, start, end, actor_id in block.links:  # in text order: a target may count first mentions
            target = actor_target(actor_id) if i == index and actor_target is not None else None
            if target is not None:
                links.append((start, end, target))
        if not links:
            lines.append(escape_line(line))
            continue
        links.sort()
        parts, cursor = [], 0
        for start, end, target in links:
            piece = line[cursor:start]
            if cursor == 0:
                parts.append(escape_line(piece) + piece[len(piece.rstrip()) :] if piece.strip() else "")
            else:
                parts.append(_escape_middle(piece))
            parts.append(f"[{escape_inline(line[start:end])}]({target})")
            cursor = end
        parts.append(_escape_middle(line[cursor:]))
        lines.append("".join(parts))
    return Md("<br>\n".join(lines))


def _escape_middle(text: str) -> str:
    """Escape a piece of a line that does not start it: spaces at its edges are kept."""
    if not text.strip():
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return lead + escape_inline(text.strip()) + trail


# --- briefings -------------------------------------------------------------


def reading_minutes(briefing: Briefing) -> int:
    """Minutes a reader needs for the source text, at 200 words a minute."""
    words = sum(len(line.split()) for block in briefing.blocks for line in block.lines)
    return max(1, -(-words // 200))


PRECISION_LABELS = {"day": "dag", "month": "maand", "year": "jaar"}


def official_url(briefing: Briefing) -> str | None:
    """A Kamerstuk's page on the official publication site, from its dossier and number."""
    letter = briefing.letter
    if not letter or not letter.dossier or not letter.number:
        return None
    dossier = re.sub(r"\s+", "", letter.dossier)
    if not re.fullmatch(r"\d{4,6}(?:-[A-Z]{1,3})?", dossier) or not letter.number.isdigit():
        return None
    return f"https://zoek.officielebekendmakingen.nl/kst-{dossier}-{letter.number}.html"


def render_briefing(site: Site, briefing: Briefing, repo_url: str | None = None, branch: str = "main", directory_urls: bool = True) -> Page:
    registry = site.registry
    path = briefing_path(briefing.slug)
    front: dict = {
        "title": attribute_safe(briefing.title),
        "date": briefing.date.iso if briefing.date else None,
        "source": briefing.source,
        "source_type": briefing.source_type,
        "actors": list(briefing.actor_ids),
        "topics": list(briefing.topics),
        "tags": [attribute_safe(registry.topic_by_id[t].label) for t in briefing.topics],
        "actor_names": [attribute_safe(site.actors[a].name) for a in briefing.actor_ids],
        "unreviewed": [a for a in briefing.actor_ids if a in set(site.candidates)],
        "date_precision": briefing.date.precision if briefing.date else None,
        "reading_time": reading_minutes(briefing),
        "description": attribute_safe(briefing.lead),
        "lead": briefing.lead,
    }
    if briefing.roles:
        front["roles"] = [{"actor": r.actor_id, "role": r.role} for r in briefing.roles]
    if briefing.quotes:
        front["quotes"] = [{"speaker": q.speaker, "text": q.text} for q in briefing.quotes]
    if briefing.figures:
        front["figures"] = list(briefing.figures)
    if briefing.media:
        front["media"] = list(briefing.media)
    if briefing.dateline:
        front["dateline"] = {"place": briefing.dateline.place, "agencies": list(briefing.dateline.agencies)}
    if briefing.letter:
        letter = briefing.letter
        front["letter"] = {
            "dossier": letter.dossier,
            "dossier_title": letter.dossier_title,
            "number": letter.number,
            "senders": letter.senders,
            "addressee": letter.addressee,
            "place": letter.place,
            "subject": letter.subject,
            "signatories": [{"role": s.role, "name": s.name} for s in letter.signatories],
        }
    present = set(briefing.actor_ids)
    if briefing.url:
        front["url"] = briefing.url
    if briefing.author:
        front["author"] = attribute_safe(briefing.author)
    if briefing.site_name:
        front["site_name"] = attribute_safe(briefing.site_name)
    if briefing.corrected:
        front["corrected"] = True
    context = _context(site, path, directory_urls)
    actor_a, briefing_a = context["actor_a"], context["briefing_a"]
    dutch = lambda d: d.dutch if d else "zonder datum"  # noqa: E731
    quotes = [
        f"„{html_text(q.text)}” — " + (actor_a(q.speaker) if q.speaker else "<em>spreker niet duidelijk</em>") for q in briefing.quotes
    ]
    related = [
        f"{briefing_a(r.slug)} ({html_text(dutch(site.briefing(r.slug).date))}) — {html_text(r.reason)}"
        for r in site.related.get(briefing.slug, ())
    ]
    source_url = f"{repo_url.rstrip('/')}/blob/{branch}/{briefing.source}" if repo_url else None
    provenance = [f"Bron: {external_link(briefing.source, source_url)}"]
    if briefing.url:
        provenance.append(f"Oorspronkelijke publicatie: {external_link(briefing.url, briefing.url)}")
    if briefing.site_name:
        provenance.append(f"Website: {html_text(briefing.site_name)}")
    if briefing.author:
        provenance.append(f"Auteur: {html_text(briefing.author)}")
    if briefing.letter and briefing.letter.dossier and briefing.letter.dossier in site.by_dossier:
        dossier = briefing.letter.dossier
        title = dossier_title(site, dossier)
        provenance.append(f"Dossier: {context['hlink'](dossier + (f' · {title}' if title else ''), dossier_path(dossier))}")
    official = official_url(briefing)
    if official:
        provenance.append(f"Officiële publicatie: {external_link(official, official)}")
    provenance.append(f"Soort bron: {html_text(SOURCE_TYPES.get(briefing.source_type, briefing.source_type))}")
    precision = f" (precisie: {PRECISION_LABELS[briefing.date.precision]})" if briefing.date else ""
    provenance.append(f"Datum: {html_text(dutch(briefing.date))}{precision}")
    if briefing.dateline:
        agencies = f" · persbureaus: {html_text(', '.join(briefing.dateline.agencies))}" if briefing.dateline.agencies else ""
        provenance.append(f"Plaats: {html_text(briefing.dateline.place)}{agencies}")
    if briefing.corrected:
        provenance.append("Metadata gecorrigeerd door de redactie")
    # Each actor is linked at its first mention in each section of the source text (the
    # text up to the next heading), as encyclopaedias do: later mentions stay plain text.
    linked: set[str] = set()

    def heading(block: Block) -> Md:
        linked.clear()
        return Md(" ".join(escape_line(line) for line in block.lines))

    def lines(block: Block) -> Md:
        def target(actor_id: str) -> str | None:
            if actor_id not in present or actor_id in linked:
                return None
            linked.add(actor_id)
            return relative_link(path, actor_path(actor_id))

        return source_lines(block, target)

    return _page(
        path,
        front,
        "briefing.md.j2",
        edit=sidecar_for(briefing.source),
        b=briefing,
        note_block=note_block,
        figures=html_list(html_text(f) for f in briefing.figures) if briefing.figures else None,
        quotes=html_list(quotes, "briefing-quotes") if quotes else None,
        related=html_list(related, "briefing-related") if related else None,
        provenance=html_list(provenance, "briefing-provenance"),
        search_terms=_search_terms(site, briefing),
        source_lines=lines,
        heading=heading,
        **context,
    )


def _search_terms(site: Site, briefing: Briefing) -> Md:
    """Words the search should find the briefing by that readers do not see: the other names of
    its actors (`NATO` for a text that writes `NAVO`) and the Dutch word forms of its text
    (see `searchwords`). In an element Pagefind indexes at a low weight, so a page that has the
    word itself ranks above one that only has a form of it."""
    names = {v for a in briefing.actor_ids for v in site.actors[a].aliases} - {site.actors[a].name for a in briefing.actor_ids}
    texts = [briefing.title, *(line for block in briefing.blocks for line in block.lines)]
    words = sorted(names) + search_words(texts)
    return Md(f'<div class="briefing-search-terms" hidden data-pagefind-weight="{SEARCH_TERM_WEIGHT}">{html_text(" ".join(words))}</div>')


# --- actors and topics -----------------------------------------------------


def _together(pairs: dict[tuple[str, str], int]) -> dict[str, dict[str, int]]:
    """For each actor, the actors named in the same briefings and in how many."""
    together: dict[str, dict[str, int]] = defaultdict(dict)
    for (a, b), n in pairs.items():
        together[a][b] = together[b][a] = n
    return together


def _render_actor(site: Site, actor_id: str, together: dict[str, int], directory_urls: bool = True) -> Page:
    """`together`: the actors named in the same briefings as this one, and in how many."""
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
    unreviewed = actor_id in set(site.candidates)
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
    context = _context(site, path, directory_urls)
    actor_a, briefing_a = context["actor_a"], context["briefing_a"]
    dutch = lambda d: d.dutch if d else "zonder datum"  # noqa: E731
    role_items = []
    for role, first, last, n in role_list:
        if n == 1:
            role_items.append(f"{html_text(role)} — {html_text(dutch(first.date))} ({briefing_a(first.slug)})")
        else:
            role_items.append(
                f"{html_text(role)} — {html_text(dutch(first.date))} tot {html_text(dutch(last.date))}, in {n} briefings "
                f"(eerst: {briefing_a(first.slug)}; laatst: {briefing_a(last.slug)})"
            )
    items = []
    for index, (b, count, sentence) in enumerate(listed):
        named = f"{count}× genoemd" if count else "toegevoegd door de redactie"
        item = f"{html_text(dutch(b.date))} — {briefing_a(b.slug)} ({named})"
        if sentence and index < CONTEXT_LIMIT:
            item += f"<br>\n<em>{html_text(sentence)}</em>"
        items.append(item)
    quote_items = [f"„{html_text(q.text)}” — {html_text(dutch(b.date))}, {briefing_a(b.slug)}" for q, b in quotes[:LIST_LIMIT]]
    together_items = [
        f"{actor_a(other)} ({n} {'briefing' if n == 1 else 'briefings'})"
        for other, n in sorted(together.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    ]
    return _page(
        path,
        front,
        "actor.md.j2",
        edit="data/actors.yml",
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
        filter_link=_timeline_filter(path, "actor", actor_id),
        chart=Md(
            bar_chart(
                ((b.date, max(1, n)) for b, n in zip(briefings, counts, strict=True)), f"Vermeldingen van {actor.name}".replace('"', "'")
            )
        ),
        **context,
    )


def dossier_title(site: Site, dossier: str) -> str:
    """The dossier's title as its newest letter that gives one prints it."""
    return next((t for s in site.by_dossier.get(dossier, ()) if (t := site.briefing(s).letter.dossier_title)), "")


def _render_dossier(site: Site, dossier: str, directory_urls: bool = True) -> Page:
    path = dossier_path(dossier)
    letters = [site.briefing(s) for s in site.by_dossier[dossier]]
    title = dossier_title(site, dossier)
    context = _context(site, path, directory_urls)
    items = []
    for b in letters:
        number = f" · nr. {html_text(b.letter.number)}" if b.letter.number else ""
        official = official_url(b)
        link = f" · {external_link('officiële publicatie', official)}" if official else ""
        items.append(f"{html_text(b.date.dutch if b.date else 'zonder datum')} — {context['briefing_a'](b.slug)}{number}{link}")
    front = {
        "title": attribute_safe(f"Kamerstuk {dossier}" + (f": {title}" if title else "")),
        "dossier": dossier,
        "description": attribute_safe(f"De brieven uit Kamerstukdossier {dossier}" + (f", {title}" if title else "") + ", nieuwste eerst."),
        "briefings": len(letters),
    }
    return _page(
        path,
        front,
        "dossier.md.j2",
        edit="seeds/",
        dossier=dossier,
        title=title,
        letters=letters,
        listing=html_list(items, "dossier-letters"),
        **context,
    )


def _timeline_filter(page_path: str, key: str, value: str) -> Md:
    """A link to the timeline with its filter set (the browser script reads ?actor= and ?topic=)."""
    return Md(f"{relative_link(page_path, 'timeline.md')}?{key}={value}")


def _render_topic(site: Site, topic_id: str) -> Page:
    topic = site.registry.topic_by_id[topic_id]
    path = topic_path(topic_id)
    briefings = [site.briefing(s) for s in site.by_topic.get(topic_id, ())]
    actors: Counter[str] = Counter()
    for b in briefings:
        actors.update(b.actor_ids)
    front = {
        "title": attribute_safe(topic.label),
        "topic_id": topic.id,
        "description": attribute_safe(topic.description),
        "briefings": len(briefings),
        "tags": [attribute_safe(topic.label)],
        "feed": f"feeds/topics/{topic_id}.xml",
        "search": {"boost": 10},
    }
    return _page(
        path,
        front,
        "topic.md.j2",
        edit="data/topics.yml",
        topic=topic,
        briefings=briefings[:LIST_LIMIT],
        total=len(briefings),
        filter_link=_timeline_filter(path, "topic", topic_id),
        chart=Md(bar_chart(((b.date, 1) for b in briefings), "Briefings over dit onderwerp")),
        main_actors=sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[:10],
        **_context(site, path),
    )


# --- indexes ---------------------------------------------------------------


def _render_briefing_index(site: Site, directory_urls: bool = True) -> Page:
    path = "briefings/index.md"
    front = {"title": "Alle briefings", "description": f"Alle {len(site.briefings)} briefings, nieuwste eerst."}
    context = _context(site, path, directory_urls)
    return _page(path, front, "briefings_index.md.j2", edit="seeds/", listing=_briefing_listing(context), **context)


def _briefing_listing(context: dict):
    """The one-line list of briefings of the index and the timeline: date, title, kind of source."""

    def listing(briefings, dated: bool = True) -> Md:
        return html_list(
            (f"{html_text(b.date.dutch if b.date else 'zonder datum')} — " if dated else "")
            + f"{context['briefing_a'](b.slug)} · {html_text(SOURCE_TYPES.get(b.source_type, b.source_type))}"
            for b in briefings
        )

    return listing


def _render_actor_index(site: Site) -> Page:
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
    return _page(
        path,
        front,
        "actors_index.md.j2",
        edit="data/actors.yml",
        groups=groups,
        candidates=candidates,
        unnamed=unnamed,
        **_context(site, path),
    )


def _render_topic_index(site: Site) -> Page:
    path = "topics/index.md"
    front = {"title": "Onderwerpen", "description": "De onderwerpen waarin de briefings zijn ingedeeld."}
    return _page(path, front, "topics_index.md.j2", edit="data/topics.yml", **_context(site, path))


def _render_timeline(site: Site, directory_urls: bool = True) -> Page:
    path = "timeline.md"
    years: dict[int, dict[int, list[Briefing]]] = {}
    undated = []
    for b in site.briefings:
        if b.date is None:
            undated.append(b)
        else:
            years.setdefault(b.date.year, {}).setdefault(b.date.month, []).append(b)
    front = {"title": "Tijdlijn", "description": "Alle briefings per jaar en maand, te filteren op onderwerp en actor."}
    context = _context(site, path, directory_urls)
    return _page(
        path,
        front,
        "timeline.md.j2",
        edit="seeds/",
        years=sorted(((y, sorted(m.items(), key=lambda kv: -kv[0] if kv[0] else 1)) for y, m in years.items()), reverse=True),
        undated=undated,
        month_name=lambda y, m: PartialDate(y, m).dutch,
        listing=_briefing_listing(context),
        **context,
    )


def _render_home(site: Site) -> Page:
    path = "index.md"
    front = {
        "title": "Briefings Europese veiligheid",
        "description": "Briefings over NAVO, EU, Oekraïne en nucleaire afschrikking, uit Nederlandse bronnen.",
        "feed": "feeds/briefings.xml",
    }
    actor_counts = sorted(((len(v), k) for k, v in site.by_actor.items()), key=lambda x: (-x[0], x[1]))[:10]
    topic_counts = sorted(((len(v), k) for k, v in site.by_topic.items()), key=lambda x: (-x[0], x[1]))
    return _page(
        path,
        front,
        "home.md.j2",
        edit="seeds/",
        latest=site.briefings[:HOME_LATEST],
        actor_counts=actor_counts,
        topic_counts=topic_counts,
        **_context(site, path),
    )


# --- graph, browser data and feeds -----------------------------------------

GRAPH_MAX_NODES = 150


def _graph_data(site: Site, pairs: dict[tuple[str, str], int]) -> Page:
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
            "reviewed": a not in site.candidates,
        }
        for a in sorted(keep)
    ]
    edges = [{"source": a, "target": b, "weight": n} for (a, b), n in sorted(pairs.items()) if a in keep and b in keep]
    return _json_page("data/graph.json", {"nodes": nodes, "edges": edges}, "seeds/ and data/actors.yml")


def _timeline_data(site: Site) -> Page:
    """What the timeline filter needs: each briefing's topics and actors, and their labels."""
    briefings = {b.slug: {"topics": list(b.topics), "actors": list(b.actor_ids)} for b in site.briefings}
    topics = {t.id: t.label for t in site.registry.topics if t.id in site.by_topic}
    actors = {a: site.actors[a].name for a in sorted(site.by_actor, key=lambda a: (site.actors[a].name.lower(), a))}
    return _json_page("data/timeline.json", {"briefings": briefings, "topics": topics, "actors": actors}, "seeds/")


def _json_page(path: str, data: dict, edit: str) -> Page:
    body = json.dumps({"generated": json_mark(edit), **data}, ensure_ascii=False)
    return Page(path, stamp(body + "\n"))


def _feeds(site: Site, site_url: str | None) -> list[tuple]:
    """(path, title, briefing slugs, render) per feed: all briefings, each actor, each topic."""

    def feed(path: str, title: str, slugs, page_url: str, edit: str) -> tuple:
        slugs = tuple(slugs)[: MAX_ENTRIES * 2]  # enough dated ones even when some are undated
        return (path, title, slugs, lambda: feed_page(path, title, [site.briefing(s) for s in slugs], site_url, page_url, edit))

    feeds = [feed("feeds/briefings.xml", "Briefings Europese veiligheid", (b.slug for b in site.briefings), "", "seeds/")]
    for actor_id, actor in site.actors.items():
        if actor_id not in site.by_actor:
            continue  # no page, no feed: see _render_actor_index
        feeds.append(
            feed(
                f"feeds/actors/{actor_id}.xml",
                f"Briefings over {actor.name}",
                site.by_actor.get(actor_id, ()),
                f"actors/{actor_id}/",
                "data/actors.yml",
            )
        )
    for topic in site.registry.topics:
        feeds.append(
            feed(
                f"feeds/topics/{topic.id}.xml",
                f"Briefings over {topic.label}",
                site.by_topic.get(topic.id, ()),
                f"topics/{topic.id}/",
                "data/topics.yml",
            )
        )
    return feeds


def _render_graph_page(site: Site, pairs: dict[tuple[str, str], int]) -> Page:
    path = "graph.md"
    front = {"title": "Netwerk van actoren", "description": "Welke actoren samen in briefings voorkomen."}
    pairs = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:25]
    return _page(path, front, "graph.md.j2", edit="seeds/ and data/actors.yml", pairs=pairs, **_context(site, path))
