"""A briefing's own page: front matter with all its metadata, the source text with its actors linked, and the sections the generator computes."""

from __future__ import annotations

from generator.inputs.corrections import sidecar_for
from generator.model import SOURCE_TYPES, Block, Briefing, Page, Site
from generator.render.common import (
    Md,
    dossier_title,
    dutch_date,
    external_link,
    html_list,
    make_page,
    note_block,
    official_url,
    page_context,
    reading_minutes,
    source_lines,
)
from generator.render.escape import attribute_safe, escape_line, html_text
from generator.render.searchwords import search_words
from generator.slugs import actor_path, briefing_path, dossier_path, relative_link

# Pagefind's weight for the hidden search terms of a briefing (its text has weight 1).
# docs/assets/search.js counts a match below weight 0.5 as one in these terms, not in the text;
# keep this value below that.
SEARCH_TERM_WEIGHT = 0.2


PRECISION_LABELS = {"day": "dag", "month": "maand", "year": "jaar"}


def render_briefing(site: Site, briefing: Briefing, repo_url: str | None = None, branch: str = "main", directory_urls: bool = True) -> Page:
    path = briefing_path(briefing.slug)
    context = page_context(site, path, directory_urls)
    actor_a, briefing_a = context["actor_a"], context["briefing_a"]
    quotes = [
        f"„{html_text(q.text)}” — " + (actor_a(q.speaker) if q.speaker else "<em>spreker niet duidelijk</em>") for q in briefing.quotes
    ]
    related = [
        f"{briefing_a(r.slug)} ({html_text(dutch_date(site.briefing(r.slug).date))}) — {html_text(r.reason)}"
        for r in site.related.get(briefing.slug, ())
    ]
    # Each actor is linked at its first mention in each section of the source text (the
    # text up to the next heading), as encyclopaedias do: later mentions stay plain text.
    present = set(briefing.actor_ids) - site.pageless  # the actors with a page to link to
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

    return make_page(
        path,
        front_matter(site, briefing),
        "briefing.md.j2",
        edit=sidecar_for(briefing.source),
        b=briefing,
        note_block=note_block,
        figures=html_list(html_text(f) for f in briefing.figures) if briefing.figures else None,
        quotes=html_list(quotes, "briefing-quotes") if quotes else None,
        related=html_list(related, "briefing-related") if related else None,
        provenance=html_list(_provenance(site, briefing, context["hlink"], repo_url, branch), "briefing-provenance"),
        search_terms=search_terms(site, briefing),
        source_lines=lines,
        heading=heading,
        **context,
    )


def front_matter(site: Site, briefing: Briefing) -> dict:
    """The briefing's metadata as its page's front matter: what other tools and the theme read."""
    front: dict = {
        "title": attribute_safe(briefing.title),
        "date": briefing.date.iso if briefing.date else None,
        "source": briefing.source,
        "source_type": briefing.source_type,
        "actors": list(briefing.actor_ids),
        "topics": list(briefing.topics),
        "tags": [attribute_safe(site.registry.topic_by_id[t].label) for t in briefing.topics],
        "actor_names": [attribute_safe(site.actors[a].name) for a in briefing.actor_ids],
        "unreviewed": [a for a in briefing.actor_ids if a in site.unreviewed],
        "date_precision": briefing.date.precision if briefing.date else None,
        "reading_time": reading_minutes(briefing),
        "description": attribute_safe(briefing.lead),
        "lead": briefing.lead,
    }
    if any(a in site.pageless for a in briefing.actor_ids):
        front["unlisted"] = [a for a in briefing.actor_ids if a in site.pageless]  # no page yet: the header shows them as text
    optional = {
        "roles": [{"actor": r.actor_id, "role": r.role} for r in briefing.roles],
        "quotes": [{"speaker": q.speaker, "text": q.text} for q in briefing.quotes],
        "figures": list(briefing.figures),
        "media": list(briefing.media),
        "dateline": briefing.dateline and {"place": briefing.dateline.place, "agencies": list(briefing.dateline.agencies)},
        "letter": briefing.letter and _letter(briefing.letter),
        "url": briefing.url,
        "author": briefing.author and attribute_safe(briefing.author),
        "site_name": briefing.site_name and attribute_safe(briefing.site_name),
        "corrected": briefing.corrected or None,
    }
    front.update((key, value) for key, value in optional.items() if value)
    return front


def _letter(letter) -> dict:
    return {
        "dossier": letter.dossier,
        "dossier_title": letter.dossier_title,
        "number": letter.number,
        "senders": letter.senders,
        "addressee": letter.addressee,
        "place": letter.place,
        "subject": letter.subject,
        "signatories": [{"role": s.role, "name": s.name} for s in letter.signatories],
    }


def _provenance(site: Site, briefing: Briefing, hlink, repo_url: str | None, branch: str) -> list[str]:
    """Where the briefing comes from, as list items: the source file (linked to the repository when
    it is configured), the original publication, website, author, dossier, official publication,
    kind of source, date with its precision, place and agencies, and whether it was corrected."""
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
        provenance.append(f"Dossier: {hlink(dossier + (f' · {title}' if title else ''), dossier_path(dossier))}")
    official = official_url(briefing)
    if official:
        provenance.append(f"Officiële publicatie: {external_link(official, official)}")
    provenance.append(f"Soort bron: {html_text(SOURCE_TYPES.get(briefing.source_type, briefing.source_type))}")
    precision = f" (precisie: {PRECISION_LABELS[briefing.date.precision]})" if briefing.date else ""
    provenance.append(f"Datum: {html_text(dutch_date(briefing.date))}{precision}")
    if briefing.dateline:
        agencies = f" · persbureaus: {html_text(', '.join(briefing.dateline.agencies))}" if briefing.dateline.agencies else ""
        provenance.append(f"Plaats: {html_text(briefing.dateline.place)}{agencies}")
    if briefing.corrected:
        provenance.append("Metadata gecorrigeerd door de redactie")
    return provenance


def search_terms(site: Site, briefing: Briefing) -> Md:
    """Words the search should find the briefing by that readers do not see: the other names of
    its actors (`NATO` for a text that writes `NAVO`) and the Dutch word forms of its text
    (see `searchwords`). In an element Pagefind indexes at a low weight, so a page that has the
    word itself ranks above one that only has a form of it."""
    names = {v for a in briefing.actor_ids for v in site.actors[a].aliases} - {site.actors[a].name for a in briefing.actor_ids}
    texts = [briefing.title, *(line for block in briefing.blocks for line in block.lines)]
    words = sorted(names) + search_words(texts)
    return Md(f'<div class="briefing-search-terms" hidden data-pagefind-weight="{SEARCH_TERM_WEIGHT}">{html_text(" ".join(words))}</div>')
