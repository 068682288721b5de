"""The whole build as one readable function: read, extract, link, render, write."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from generator.cache import BuildCache, digest, file_hash, text_hash
from generator.config import Config
from generator.corrections import Correction, apply_correction, load_correction, sidecar_for, unused_removals
from generator.errors import ERROR, WARNING, GeneratorError, Problem
from generator.extract import extract_briefing, topic_patterns
from generator.link import link_briefings
from generator.model import Page, Registry, Site, Source
from generator.registry import actor_matcher, load_registry
from generator.render import render_site
from generator.siteconfig import read_site_settings
from generator.slugs import unique_slugs
from generator.sources import SOURCE_SUFFIXES, read_sources
from generator.write import Plan, apply_plan, plan_writes


@dataclass
class Report:
    """The outcome of a run: counts, problems (sorted), what changed in docs/, and time taken."""

    sources: int = 0
    briefings: int = 0
    actors: int = 0
    topics: int = 0
    problems: list[Problem] = field(default_factory=list)
    plan: Plan = field(default_factory=Plan)
    seconds: float = 0.0
    candidates: list[tuple[str, str, str, int]] = field(default_factory=list)  # id, name, kind, briefings

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems + self.plan.refused if p.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == WARNING)

    def all_problems(self) -> list[Problem]:
        return sorted(self.problems + self.plan.refused)


# Below this many sources to extract, starting worker processes costs more than it saves.
POOL_MIN_SOURCES = 200


def generate(config: Config, cache: BuildCache | None = None) -> tuple[Site, list[Page], list[Problem]]:
    """Everything `build` would write, computed in memory.

    With a cache, unchanged sources are not extracted again, and pages whose inputs
    are unchanged (and whose files are untouched) come back with `text=None`.
    """
    cache = cache or BuildCache(None, config.docs)
    site, problems = _read_and_link(config, cache)

    # 4. Render: pages with front matter and bodies, data for the browser, feeds.
    def unchanged(path: str, fingerprint: str) -> bool:
        record = cache.written.get(path)
        return record is not None and record[0] == fingerprint and file_hash(config.docs / path) == record[1]

    return site, render_site(site, read_site_settings(config.mkdocs), unchanged), problems


def _read_and_link(config: Config, cache: BuildCache) -> tuple[Site, list[Problem]]:
    """Steps 1-3: every briefing read, extracted, corrected and cross-linked, and what was wrong."""
    for folder, what in ((config.sources, "sources"), (config.data, "data")):
        if not folder.is_dir():
            raise GeneratorError(f"{what} folder {config.label(folder)} does not exist")

    # 1. Read: registries and sources; bad entries and files are reported and skipped.
    registry, problems = load_registry(config.data, config.label(config.data))
    sources, found = read_sources(config.sources, config.root)
    problems += found
    sources, found = _without_duplicates(sources)
    problems += found

    # 2. Extract: one briefing per source (from the cache when its inputs are unchanged),
    #    then the contributor's corrections over it.
    extracted = _extract_all(sources, registry, cache, config.jobs)
    briefings = []
    for source, (briefing, found) in zip(sources, extracted, strict=True):
        problems += found
        if source.meta_value("url"):
            briefing = replace(briefing, url=str(source.meta_value("url")))
        correction, found = _correction_for(source, config, registry)
        problems += found
        if correction is not None:
            problems += unused_removals(correction, briefing, registry)
            briefing = apply_correction(briefing, correction)
            if correction.slug:
                briefing = replace(briefing, slug=correction.slug)
            briefing = replace(briefing, key=digest(briefing.key, correction))
        briefings.append(briefing)
    problems += _orphan_sidecars(sources, config)
    slugs = unique_slugs([b.slug for b in briefings])
    briefings = [b if b.slug == s else replace(b, slug=s) for b, s in zip(briefings, slugs, strict=True)]

    # 3. Link: cross-references from all briefings at once.
    return link_briefings(briefings, registry), problems


def _extract_all(sources: list[Source], registry: Registry, cache: BuildCache, jobs: int) -> list[tuple]:
    """(briefing, problems) per source, in order; only sources not in the cache are extracted."""
    registry_key = digest(registry.actors, registry.topics)
    keys = [digest(registry_key, s.path, s.format, s.header_date, s.meta, s.text) for s in sources]
    todo = [i for i, key in enumerate(keys) if key not in cache.extracted]
    fresh = _extract_many([sources[i] for i in todo], registry, jobs)
    for i, (briefing, found) in zip(todo, fresh, strict=True):
        cache.extracted[keys[i]] = (replace(briefing, key=keys[i]), found)
    # Keep only what this run used, so the cache does not grow with every edit.
    cache.extracted = {key: cache.extracted[key] for key in keys}
    return [cache.extracted[key] for key in keys]


_WORKER: dict = {}


def _start_worker(registry: Registry) -> None:
    _WORKER["args"] = (registry, actor_matcher(registry), topic_patterns(registry.topics))


def _extract_in_worker(source: Source) -> tuple:
    return extract_briefing(source, *_WORKER["args"])


def _extract_many(sources: list[Source], registry: Registry, jobs: int) -> list[tuple]:
    """Extract in a process pool when it pays; the result is the same as in one process."""
    if jobs > 1 and len(sources) >= POOL_MIN_SOURCES:
        chunk = max(1, len(sources) // (jobs * 8))
        with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(registry,)) as pool:
            return list(pool.map(_extract_in_worker, sources, chunksize=chunk))
    matcher, patterns = actor_matcher(registry), topic_patterns(registry.topics)
    return [extract_briefing(source, registry, matcher, patterns) for source in sources]


def _without_duplicates(sources: list[Source]) -> tuple[list[Source], list[Problem]]:
    """The same text under two names is published once, under the first name."""
    seen: dict[str, str] = {}
    kept, problems = [], []
    for source in sources:
        key = digest(" ".join(source.text.split()))
        if key in seen:
            problems.append(Problem(source.path, 0, WARNING, f"has the same text as {seen[key]}; only {seen[key]} is published. Remove one of the two files"))
            continue
        seen[key] = source.path
        kept.append(source)
    return kept, problems


def _correction_for(source: Source, config: Config, registry: Registry) -> tuple[Correction | None, list[Problem]]:
    path = config.sources / f"{source.stem}.yml"
    if not path.is_file():
        return None, []
    return load_correction(path, sidecar_for(source.path), registry)


def _orphan_sidecars(sources: list[Source], config: Config) -> list[Problem]:
    stems = {s.stem for s in sources}
    problems = []
    for path in sorted(config.sources.glob("*.yml")):
        if path.stem not in stems:
            problems.append(Problem(
                f"{config.label(config.sources)}/{path.name}", 0, WARNING,
                f"corrections for a source that does not exist (no {path.stem}.txt or {path.stem}.md); rename it to match its source or remove it",
            ))
    return problems


def validate(config: Config) -> list[Problem]:
    """Check registries, sources and corrections without writing anything: every problem at once."""
    # Rendering cannot find problems in the inputs, so validate stops before it.
    return sorted(_read_and_link(config, BuildCache(config.cache, config.docs))[1])


def build(config: Config, write: bool = True) -> Report:
    """Generate and (unless `write` is false, as for `check`) bring docs/ up to date."""
    started = time.perf_counter()
    cache = BuildCache(config.cache, config.docs)
    site, pages, problems = generate(config, cache)
    plan = plan_writes(pages, config.docs, config.label(config.docs))
    if write and not (site.registry.actors and site.registry.topics):
        # A registry file that cannot be read would drop every actor or topic from every
        # page and delete their pages: publish nothing until it is fixed. (A single bad
        # entry is skipped with an error, and everything else still builds.)
        empty = "actors.yml" if not site.registry.actors else "topics.yml"
        problems.append(Problem(f"{config.label(config.data)}/{empty}", 0, ERROR,
                                "holds no usable entries, so nothing in docs/ was written or removed; fix the errors above and build again"))
        write = False
    if write:
        apply_plan(plan, config.docs)
        refused = {p.file for p in plan.refused}
        label = config.label(config.docs)
        cache.written = {
            page.path: (page.fingerprint, text_hash(page.text) if page.text is not None else cache.written[page.path][1])
            for page in pages if page.fingerprint and f"{label}/{page.path}" not in refused
        }
    cache.save()
    files = sum(1 for p in config.sources.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SOURCE_SUFFIXES)
    return Report(
        sources=files, briefings=len(site.briefings),
        actors=len(site.by_actor), topics=len(site.by_topic),
        problems=sorted(problems), plan=plan, seconds=time.perf_counter() - started,
        candidates=[(c, site.actors[c].name, site.actors[c].kind, len(site.by_actor.get(c, ()))) for c in site.candidates],
    )
