"""The whole build as one readable function: read, extract, link, render, write."""

from __future__ import annotations

import hashlib
import pickle
import time
from dataclasses import dataclass, field, replace

from generator.config import Config
from generator.errors import ERROR, WARNING, GeneratorError, Problem
from generator.extract.briefing import extract_briefing, topic_patterns
from generator.extract.matching import actor_matcher
from generator.incremental.cache import BuildCache, digest, racy, text_hash
from generator.incremental.links import LinkMemo
from generator.incremental.pages import render_changed, unchanged_on_disk
from generator.incremental.rows import briefing_from_row, briefing_row
from generator.inputs.corrections import apply_correction, load_correction, sidecar_for, unapplied, unused_removals
from generator.inputs.registry import load_registry
from generator.inputs.siteconfig import read_site_settings
from generator.inputs.sources import read_source, source_files, unread_files
from generator.link import link_briefings
from generator.model import Briefing, Page, Registry, Site, Source
from generator.parallel import fork_map
from generator.render.linkcheck import broken_links
from generator.slugs import briefing_slug, unique_slugs
from generator.write import Plan, apply_plan, plan_writes, published_sources


@dataclass
class Report:
    """The outcome of a run: counts, problems (sorted), what changed in docs/, and time taken."""

    sources: int = 0
    briefings: int = 0
    actors: int = 0  # named in the briefings: with a page, or a candidate named once without one
    topics: int = 0
    problems: list[Problem] = field(default_factory=list)
    plan: Plan = field(default_factory=Plan)
    seconds: float = 0.0
    candidates: list[tuple[str, str, str, int]] = field(default_factory=list)  # id, name, kind, briefings
    wrote: bool = True  # False when nothing in docs/ was written or removed (check, or a registry that cannot be used)
    held: list[str] = field(default_factory=list)  # docs paths kept as last published until their source is fixed

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems + self.plan.refused if p.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems + self.plan.refused if p.severity == WARNING)

    def all_problems(self) -> list[Problem]:
        return sorted(self.problems + self.plan.refused)


# Below this many sources to extract, starting worker processes costs more than it saves.
POOL_MIN_SOURCES = 200


def generate(config: Config, cache: BuildCache | None = None, held: list[str] | None = None) -> tuple[Site, list[Page], list[Problem]]:
    """Everything `build` would write, computed in memory.

    With a cache, unchanged sources are not parsed or extracted again, related lists
    that cannot have changed are reused, and pages whose inputs are unchanged (and whose
    files are untouched) come back with `text=None`.
    """
    cache = cache or BuildCache(None, config.docs)
    site, problems, blocks = _read_and_link(config, cache, held)

    # 4. Render: pages with front matter and bodies, data for the browser, feeds; a page
    #    whose inputs and file are as the previous build left them is not rendered again.
    pages = render_changed(site, read_site_settings(config.mkdocs), unchanged_on_disk(cache, config.docs), blocks.of, config.jobs, cache.shown)
    return site, pages, problems


@dataclass
class Entry:
    """One readable source as the build keeps it: its briefing, with the text blocks apart."""

    path: str
    stem: str
    key: str  # hash of the source's bytes and path, the registries and the generator's code
    row: tuple  # the briefing without its text blocks (BuildCache.blocks), as model.briefing_row gives it
    text_key: str  # hash of the text with whitespace normalised: the same text under two names
    problems: tuple[Problem, ...]


class Blocks:
    """The text blocks of each briefing, read and unpickled only when its page is rendered."""

    def __init__(self, cache: BuildCache) -> None:
        self.cache = cache
        self.entry_key: dict[str, str] = {}  # briefing key (with corrections) -> source key

    def of(self, briefing: Briefing) -> Briefing:
        data = self.cache.blocks(self.entry_key[briefing.key])
        return replace(briefing, blocks=pickle.loads(data))  # noqa: S301 - pickled by this build or its own cache


def _read_and_link(config: Config, cache: BuildCache, held: list[str] | None = None) -> tuple[Site, list[Problem], Blocks]:
    """Steps 1-3: every briefing read, extracted, corrected and cross-linked, and what was wrong.

    A source that cannot be read, or whose sidecar cannot be read or applied, is held back:
    it is left out of every page, and its page as last published (its docs path is added to
    `held`) stays as it is, so a correction is never silently dropped from the site.
    """
    held = [] if held is None else held
    for folder, what in ((config.sources, "sources"), (config.data, "data")):
        if not folder.is_dir():
            raise GeneratorError(f"{what} folder {config.label(folder)} does not exist")

    # 1. Read: registries and sources; bad entries and files are reported and skipped.
    # 2. Extract: one briefing per source. A source whose bytes and path, the registries
    #    and the generator's code are all unchanged comes from the cache unparsed.
    registry, problems = load_registry(config.data, config.label(config.data))
    entries, found, unreadable = _read_and_extract(config, registry, cache)
    published = published_sources(config.docs)
    docs_label = config.label(config.docs)
    for display in sorted(unreadable.values()):
        found = _held_back(found, display, published.get(display), docs_label)
        if display in published:
            held.append(published[display])
    problems += found
    readable = entries
    entries, found = _without_duplicates(entries)
    problems += found

    #    Then the contributor's corrections over each briefing.
    sidecars = {p.stem for p in config.sources.glob("*.yml")}
    briefings, blocks = [], Blocks(cache)
    kept_slugs: set[int] = set()  # indexes of briefings whose published address is kept
    for entry in entries:
        briefing = briefing_from_row(entry.row)
        problems += entry.problems
        page = published.get(entry.path)
        if page is not None and briefing.slug == briefing_slug(briefing.title, briefing.date.iso if briefing.date else None, entry.stem):
            # The address was derived from the title: keep the one published, even when the
            # title (or the rule that makes it) has changed since. An explicit slug still wins.
            briefing = replace(briefing, slug=page[len("briefings/"):-len(".md")])
            kept_slugs.add(len(briefings))
        if entry.stem in sidecars:
            sidecar = sidecar_for(entry.path)
            correction, found = load_correction(config.sources / f"{entry.stem}.yml", sidecar, registry)
            if correction is not None and not found:
                found = unapplied(correction, briefing)
                correction = None if found else correction
            if correction is None:
                problems += _held_back(found, sidecar, page, docs_label)
                if page is not None:
                    held.append(page)
                kept_slugs.discard(len(briefings))
                continue
            problems += found
            problems += unused_removals(correction, briefing, registry)
            briefing = apply_correction(briefing, correction)
            if correction.slug:
                briefing = replace(briefing, slug=correction.slug)
                kept_slugs.discard(len(briefings))
            briefing = replace(briefing, key=digest(briefing.key, correction))
        blocks.entry_key[briefing.key] = entry.key
        briefings.append(briefing)
    problems += _duplicate_sidecars(config, [e for e in readable if e.stem in sidecars], {e.stem for e in entries})
    problems += _orphan_sidecars(config, sidecars - {e.stem for e in readable} - set(unreadable))
    slugs = unique_slugs([b.slug for b in briefings], first=kept_slugs)
    briefings = [b if b.slug == s else replace(b, slug=s) for b, s in zip(briefings, slugs, strict=True)]

    # 3. Link: cross-references from all briefings at once; related lists that cannot
    #    have changed since the previous run are reused.
    memo = LinkMemo(cache.links)
    site = link_briefings(briefings, registry, config.jobs, memo)
    cache.links = memo.state
    return site, problems, blocks


def _held_back(problems: list[Problem], file: str, page: str | None, docs_label: str) -> list[Problem]:
    """The problems of a source (or sidecar) held back, the first error saying what that means."""
    what = (f"until then {docs_label}/{page} stays as last published" if page is not None
            else "until then the source is not published")
    for index, problem in enumerate(problems):
        if problem.file == file and problem.severity == ERROR:
            return [*problems[:index], replace(problem, message=f"{problem.message} ({what})"), *problems[index + 1:]]
    return problems


def _read_and_extract(config: Config, registry: Registry, cache: BuildCache) -> tuple[list[Entry], list[Problem], dict[str, str]]:
    """An entry per readable source in file-name order, problems of the unreadable ones, and their stems and paths."""
    # Extraction reads the registry's names, aliases, kinds and keywords, never a description:
    # editing a description renders the actor's or topic's page again, and extracts nothing.
    registry_key = digest([replace(a, description="") for a in registry.actors], [replace(t, description="") for t in registry.topics])
    entries: list[Entry | None] = []
    todo: list[tuple[int, str, Source, list[Problem]]] = []
    problems: list[Problem] = []
    unreadable: dict[str, str] = {}
    problems += unread_files(config.sources, config.root)
    for path, display, fmt in source_files(config.sources, config.root):
        data = path.read_bytes()
        key = digest(registry_key, display, fmt, hashlib.sha256(data).digest())
        entry = cache.extracted.get(key)
        if entry is not None:
            entries.append(entry)
            continue
        source, found = read_source(data, display, fmt)
        if source is None:
            problems += found
            unreadable[path.stem] = display
            continue
        todo.append((len(entries), key, source, found))
        entries.append(None)
    fresh = _extract_many([source for _, _, source, _ in todo], registry, config.jobs)
    for (index, key, source, read_problems), (briefing, found) in zip(todo, fresh, strict=True):
        cache.new_blocks[key] = pickle.dumps(briefing.blocks, protocol=pickle.HIGHEST_PROTOCOL)
        url = source.meta_value("url")
        site_name = source.meta_value("site_name")
        media = briefing.media if not site_name or site_name in briefing.media else (*briefing.media, str(site_name))
        briefing = replace(briefing, key=key, url=str(url) if url else briefing.url, media=media,
                           author=source.meta_value("author"), site_name=site_name)
        entries[index] = Entry(
            source.path, source.stem, key,
            briefing_row(briefing),
            digest(" ".join(source.text.split())), tuple(read_problems) + tuple(found),
        )
    # Keep only what this run used, so the cache does not grow with every edit.
    cache.extracted = {entry.key: entry for entry in entries}
    return entries, problems, unreadable


def _extract_many(sources: list[Source], registry: Registry, jobs: int) -> list[tuple]:
    """(briefing, problems) per source, in forked workers when it pays; the same as in one process."""
    matcher, patterns = actor_matcher(registry), topic_patterns(registry.topics)
    return fork_map(lambda source: extract_briefing(source, registry, matcher, patterns), sources, jobs, POOL_MIN_SOURCES)


def _without_duplicates(entries: list[Entry]) -> tuple[list[Entry], list[Problem]]:
    """The same text under two names is published once, under the first name."""
    seen: dict[str, str] = {}
    kept, problems = [], []
    for entry in entries:
        if entry.text_key in seen:
            first = seen[entry.text_key]
            problems.append(Problem(entry.path, 0, WARNING, f"has the same text as {first}; only {first} is published. Remove one of the two files"))
            continue
        seen[entry.text_key] = entry.path
        kept.append(entry)
    return kept, problems


def _duplicate_sidecars(config: Config, with_sidecar: list[Entry], published: set[str]) -> list[Problem]:
    """Corrections for a source that is not published because another file has its text."""
    return [
        Problem(f"{config.label(config.sources)}/{entry.stem}.yml", 0, WARNING,
                f"corrections for {entry.path}, which is not published because another source has the same text; "
                "move them to that source's sidecar, or remove the duplicate and rename this file to match the source kept")
        for entry in with_sidecar if entry.stem not in published
    ]


def _orphan_sidecars(config: Config, stems: set[str]) -> list[Problem]:
    """Corrections whose source does not exist."""
    return [
        Problem(f"{config.label(config.sources)}/{stem}.yml", 0, WARNING,
                f"corrections for a source that does not exist (no {stem}.txt or {stem}.md); rename it to match its source or remove it")
        for stem in sorted(stems)
    ]


def _unusable_registry(config: Config) -> list[Problem] | None:
    """The problems of a registry file that holds no usable entries, or None when both can be used.

    Without every actor or every topic, each page would lose them and their pages would be
    deleted, and every source, sidecar and the other registry would report errors that are
    only echoes of this one (unknown ids, names taken for new candidates): so nothing else is
    reported and nothing is written until it is fixed.
    """
    registry, problems = load_registry(config.data, config.label(config.data))
    if registry.actors and registry.topics:
        return None
    empty = f"{config.label(config.data)}/{'actors.yml' if not registry.actors else 'topics.yml'}"
    own = [p for p in problems if p.file == empty]
    return sorted(own) + [Problem(empty, 0, ERROR, "holds no usable entries, so nothing in docs/ was written or removed and nothing else was checked; fix its errors and build again")]


def validate(config: Config) -> list[Problem]:
    """Check registries, sources and corrections without writing anything: every problem at once."""
    for folder, what in ((config.sources, "sources"), (config.data, "data")):
        if not folder.is_dir():
            raise GeneratorError(f"{what} folder {config.label(folder)} does not exist")
    unusable = _unusable_registry(config)
    if unusable is not None:
        return unusable
    # Rendering cannot find problems in the inputs, so validate stops before it.
    return sorted(_read_and_link(config, BuildCache(config.cache, config.docs))[1])


def build(config: Config, write: bool = True) -> Report:
    """Generate and (unless `write` is false, as for `check`) bring docs/ up to date."""
    started = time.perf_counter()
    if config.data.is_dir() and config.sources.is_dir():
        # A registry file that cannot be read would drop every actor or topic from every
        # page and delete their pages: publish nothing until it is fixed. (A single bad
        # entry is skipped with an error, and everything else still builds.)
        unusable = _unusable_registry(config)
        if unusable is not None:
            return Report(sources=sum(1 for _ in source_files(config.sources, config.root)), problems=unusable,
                          wrote=False, seconds=time.perf_counter() - started)
    cache = BuildCache(config.cache, config.docs)
    held: list[str] = []
    site, pages, problems = generate(config, cache, held)
    problems += broken_links(pages, config.docs, config.label(config.docs),
                             read_site_settings(config.mkdocs)["directory_urls"])
    plan = plan_writes(pages, config.docs, config.label(config.docs), keep=held)
    if write:
        apply_plan(plan, config.docs)
        refused = {p.file for p in plan.refused}
        label = config.label(config.docs)
        # Sizes and times taken right after writing a page, or before reading it to compare:
        # an edit made since then changes them. Those of the clock tick that is still
        # running are not trusted (the page is checked by content next time).
        stats = {**cache.seen, **plan.stats}
        now = time.time_ns()

        def record(page: Page) -> tuple:
            if page.text is None and page.path not in stats:
                return cache.written[page.path]  # not rendered: its file matched this record's size and time
            sha = text_hash(page.text) if page.text is not None else cache.written[page.path][1]
            stat = stats.get(page.path)
            return page.fingerprint, sha, stat if stat is not None and not racy(stat[1], now) else None

        cache.written = {page.path: record(page) for page in pages if page.fingerprint and f"{label}/{page.path}" not in refused}
    cache.save()
    files = sum(1 for _ in source_files(config.sources, config.root))
    return Report(
        sources=files, briefings=len(site.briefings),
        actors=len(site.by_actor) + len(site.unlisted), topics=len(site.by_topic),
        problems=sorted(problems), plan=plan, seconds=time.perf_counter() - started, wrote=write, held=sorted(held),
        candidates=sorted((c, site.actors[c].name, site.actors[c].kind, len(site.by_actor.get(c, ()))) for c in (*site.candidates, *site.unlisted)),
    )
