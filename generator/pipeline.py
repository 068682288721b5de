"""The whole build as one readable function: read, extract, link, render, write."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field, replace

from generator.config import Config
from generator.corrections import Correction, apply_correction, load_correction, sidecar_for
from generator.errors import ERROR, WARNING, GeneratorError, Problem
from generator.extract import extract_briefing, topic_patterns
from generator.link import link_briefings
from generator.model import Page, Registry, Site, Source
from generator.registry import actor_matcher, load_registry
from generator.render import render_site
from generator.siteconfig import read_site_settings
from generator.slugs import unique_slugs
from generator.sources import read_sources
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


def generate(config: Config) -> tuple[Site, list[Page], list[Problem]]:
    """Everything `build` would write, computed in memory."""
    for folder, what in ((config.sources, "sources"), (config.data, "data")):
        if not folder.is_dir():
            raise GeneratorError(f"{what} folder {config.label(folder)} does not exist")

    # 1. Read: registries and sources; bad entries and files are reported and skipped.
    registry, problems = load_registry(config.data, config.label(config.data))
    sources, found = read_sources(config.sources, config.root)
    problems += found
    sources, found = _without_duplicates(sources)
    problems += found

    # 2. Extract: one briefing per source, then the contributor's corrections over it.
    matcher, patterns = actor_matcher(registry), topic_patterns(registry.topics)
    briefings = []
    for source in sources:
        briefing, found = extract_briefing(source, registry, matcher, patterns)
        problems += found
        correction, found = _correction_for(source, config, registry)
        problems += found
        if correction is not None:
            briefing = apply_correction(briefing, correction)
            if correction.slug:
                briefing = replace(briefing, slug=correction.slug)
        briefings.append(briefing)
    problems += _orphan_sidecars(sources, config)
    slugs = unique_slugs([b.slug for b in briefings])
    briefings = [b if b.slug == s else replace(b, slug=s) for b, s in zip(briefings, slugs, strict=True)]

    # 3. Link: cross-references from all briefings at once.
    site = link_briefings(briefings, registry)

    # 4. Render: pages with front matter and bodies, data for the browser, feeds.
    return site, render_site(site, read_site_settings(config.mkdocs)), problems


def _without_duplicates(sources: list[Source]) -> tuple[list[Source], list[Problem]]:
    """The same text under two names is published once, under the first name."""
    seen: dict[str, str] = {}
    kept, problems = [], []
    for source in sources:
        key = hashlib.sha256(" ".join(source.text.split()).encode("utf-8")).hexdigest()
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
    return sorted(generate(config)[2])


def build(config: Config, write: bool = True) -> Report:
    """Generate and (unless `write` is false, as for `check`) bring docs/ up to date."""
    started = time.perf_counter()
    site, pages, problems = generate(config)
    plan = plan_writes(pages, config.docs, config.label(config.docs))
    if write:
        apply_plan(plan, config.docs)
    return Report(
        sources=len(site.briefings), briefings=len(site.briefings),
        actors=len(site.by_actor), topics=len(site.by_topic),
        problems=sorted(problems), plan=plan, seconds=time.perf_counter() - started,
        candidates=[(c, site.actors[c].name, site.actors[c].kind, len(site.by_actor.get(c, ()))) for c in site.candidates],
    )
