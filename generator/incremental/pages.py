"""Render only the pages whose inputs changed since the previous build.

Each page of the render plan gets a fingerprint of everything it shows; a page whose
fingerprint and file on disk are as the previous build left them is not rendered again
(its Page comes back with `text=None`, and `write` leaves the file alone).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.incremental.cache import BuildCache, digest, file_hash, file_stat
from generator.model import Briefing, Page, Site
from generator.render.site import ACTOR, ARCHIVE, BRIEFING, CATALOGUE, DOSSIER, FEED, TOPIC, PlannedPage, page_plan, render_many

Unchanged = Callable[[str, str], bool]


def unchanged_on_disk(cache: BuildCache, docs: Path) -> Unchanged:
    """`unchanged(path, fingerprint)`: the file in `docs` holds the page the previous build
    wrote for this fingerprint. Records in `cache.seen` the files whose text is the same but
    whose size or time is not, so that they are trusted from now on."""

    def unchanged(path: str, fingerprint: str) -> bool:
        record = cache.written.get(path)
        if record is None or record[0] != fingerprint:
            return False
        # Size and modification time as written: the file was not touched since (as make
        # and git decide); otherwise its content decides.
        stat = file_stat(docs / path)  # taken before the content is read: an edit after it changes it
        if record[2] is not None and stat == record[2]:
            return True
        if file_hash(docs / path) != record[1]:
            return False
        cache.seen[path] = stat  # same text, another size or time: trust these from now on
        return True

    return unchanged


def render_changed(
    site: Site,
    settings: dict | None = None,
    unchanged: Unchanged | None = None,
    full: Callable[[Briefing], Briefing] | None = None,
    jobs: int = 1,
    shown_memo: dict[str, tuple[str, str]] | None = None,
) -> list[Page]:
    """The render plan's pages with their fingerprints; those `unchanged` accepts are not
    rendered (text None). `shown_memo` maps briefing keys to the hashes of what other pages
    show of them, from earlier runs; it is filled in and pruned to this run's briefings."""
    settings = settings or {}
    plan = page_plan(site, settings, full)
    fingerprint = _Fingerprints(site, settings, {} if shown_memo is None else shown_memo)
    prints = [fingerprint(page) for page in plan]
    todo = [i for i, (page, print_) in enumerate(zip(plan, prints, strict=True)) if unchanged is None or not unchanged(page.path, print_)]
    rendered = dict(zip(todo, render_many([plan[i].render for i in todo], jobs), strict=True))
    return [Page(page.path, rendered.get(i), print_) for i, (page, print_) in enumerate(zip(plan, prints, strict=True))]


def shown_elsewhere(b: Briefing) -> str:
    """A hash of what pages other than the briefing's own show of it (its slug and mention counts apart)."""
    return digest(b.title, b.date, b.source_type, b.lead, b.actor_ids, b.topics, b.roles, b.quotes, b.contexts, b.candidates)


class _Fingerprints:
    """The fingerprint of each planned page: a hash of everything the page shows."""

    def __init__(self, site: Site, settings: dict, memo: dict[str, tuple[str, str]]) -> None:
        self.site = site
        self.salt = digest(sorted(settings.items()))
        # An actor's key covers whether it has a page: a page that names it links it or not.
        self.actor_keys = {a: digest(actor, a in site.by_actor) for a, actor in site.actors.items()}
        # Pages other than a briefing's own show only part of it (title, date, lead, actors...):
        # they are fingerprinted by that part, so an edit deeper in a source's text rewrites its
        # own page and not the actor, topic, index and timeline pages that list it.
        # The briefing index and the timeline show less still: date, title and kind of source.
        hashes = {b.slug: (b.key and memo.get(b.key)) or (shown_elsewhere(b), digest(b.title, b.date, b.source_type)) for b in site.briefings}
        memo.clear()
        memo.update((b.key, hashes[b.slug]) for b in site.briefings if b.key)
        # As "slug hash" strings: hashing joined strings is several times faster than tuples' repr.
        self.shown = {slug: f"{slug} {h[0]}" for slug, h in hashes.items()}
        self.catalogue = digest(self.salt, "\n".join(f"{slug} {h[1]}" for slug, h in hashes.items()))
        self.counts = {b.slug: {m.actor_id: m.count for m in b.actors} for b in site.briefings}
        # Actor and topic pages also name other actors (seen together, main actors), so every
        # actor's name counts for every such page: registered ones (a renamed actor) and
        # unregistered ones (which take their spelling from a briefing that may not be listed).
        self.names = digest(sorted((a, actor.name) for a, actor in site.actors.items()))
        # Which actors have a page decides which of them a topic page lists and links, and an
        # actor page lists the actors seen with it that have one (a candidate named once gets
        # its page when another source names it: pages that name it follow).
        self.listed_names = digest(self.names, sorted(site.by_actor))
        self._everything: str | None = None

    def listing(self, slugs) -> str:
        return "\n".join(self.shown[slug] for slug in slugs)

    def everything(self) -> str:
        """The pages about the whole archive change with any briefing, actor, topic or setting."""
        if self._everything is None:
            site = self.site
            self._everything = digest(self.salt, self.listing(self.shown), sorted(self.actor_keys.items()), site.registry.topics, site.candidates)
        return self._everything

    def __call__(self, page: PlannedPage) -> str:
        site, salt, subject = self.site, self.salt, page.subject
        if page.kind == BRIEFING:
            # Everything a briefing page shows comes from these: its own inputs, its actors, its related briefings.
            related = "\n".join(f"{self.shown[r.slug]} {r.score!r} {r.reason}" for r in site.related.get(subject.slug, ()))
            return digest(salt, subject.key, subject.slug, " ".join(self.actor_keys[a] for a in subject.actor_ids), related)
        if page.kind == ACTOR:
            # An actor page also shows how often each briefing names the actor.
            listed = "\n".join(f"{self.shown[s]} {self.counts[s][subject]}" for s in site.by_actor.get(subject, ()))
            return digest(salt, self.actor_keys[subject], self.names, listed, sorted(site.seen_together(subject).items()))
        if page.kind == TOPIC:
            return digest(salt, subject, self.listed_names, self.listing(site.by_topic.get(subject.id, ())))
        if page.kind == DOSSIER:
            return digest(salt, subject, "\n".join(f"{self.shown[s]} {site.briefing(s).letter}" for s in site.by_dossier[subject]))
        if page.kind == FEED:
            title, slugs = subject
            return digest(salt, page.path, title, self.listing(slugs))
        if page.kind == CATALOGUE:
            return digest(self.catalogue, page.path)
        if page.kind == ARCHIVE:
            return digest(self.everything(), page.path)
        raise ValueError(f"no fingerprint for a page of kind {page.kind!r} ({page.path})")
