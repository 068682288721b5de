"""Contributor corrections that survive every rebuild.

A source `seeds/<name>.txt` may have a sidecar `seeds/<name>.yml`:

    title: Frankrijk en het VK bundelen hun nucleaire afschrikking
    date: 2025-07-10
    source_type: news
    actors:
      add: [keir-starmer]
      remove: [der-spiegel]
    topics:
      add: [europese-strategische-autonomie]
      remove: [wapenindustrie]
    note: |
      An analyst's note, shown on the briefing page.

Whatever the sidecar says wins over what was extracted; the extraction itself
is never edited by hand, so a rebuild cannot lose a correction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from generator.dates import parse_iso
from generator.errors import ERROR, WARNING, Problem
from generator.extract import SOURCE_TYPES
from generator.model import Briefing, Mention, PartialDate, Registry
from generator.registry import did_you_mean
from generator.slugs import VALID_SLUG
from generator.yamlio import LineDict, describe_error, load_with_lines

FIELDS = ("title", "date", "source_type", "slug", "actors", "topics", "note")
CHANGE_KEYS = ("add", "remove")


@dataclass(frozen=True)
class Correction:
    """A validated sidecar: only the fields it sets are not None."""

    path: str
    title: str | None = None
    date: PartialDate | None = None
    source_type: str | None = None
    slug: str | None = None
    actors_add: tuple[str, ...] = ()
    actors_remove: tuple[str, ...] = ()
    topics_add: tuple[str, ...] = ()
    topics_remove: tuple[str, ...] = ()
    note: str | None = None
    lines: tuple[tuple[str, int], ...] = ()  # (field, line in the sidecar), for messages

    def line_of(self, key: str) -> int:
        return dict(self.lines).get(key, 0)


def unused_removals(correction: Correction, briefing: Briefing, registry: Registry) -> list[Problem]:
    """Ids in `remove:` lists that are neither in the registry nor in what was extracted: typos."""
    problems = []
    for key, removed, present, known in (
        ("actors", correction.actors_remove, set(briefing.actor_ids), {a.id for a in registry.actors}),
        ("topics", correction.topics_remove, set(briefing.topics), {t.id for t in registry.topics}),
    ):
        for ident in removed:
            if ident not in present and ident not in known:
                problems.append(Problem(
                    correction.path, correction.line_of(key), WARNING,
                    f"{key} to remove: '{ident}' is not one of this briefing's {key}{did_you_mean(ident, present | known)}; nothing was removed for it",
                ))
    return problems


def sidecar_for(source_path: str) -> str:
    """`seeds/000_x.txt` → `seeds/000_x.yml`: where that source's corrections live."""
    return source_path.rsplit(".", 1)[0] + ".yml"


def load_correction(path: Path, display: str, registry: Registry) -> tuple[Correction | None, list[Problem]]:
    """Read and check one sidecar; a sidecar with any error is not applied (and says why)."""
    problems: list[Problem] = []

    def error(line: int, message: str) -> None:
        problems.append(Problem(display, line, ERROR, message))

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        error(0, "is not UTF-8; save it as UTF-8")
        return None, problems
    except OSError as exc:
        error(0, f"cannot be read ({exc.strerror}); check that it is a readable file")
        return None, problems
    try:
        data = load_with_lines(text)
    except yaml.YAMLError as exc:
        line, column, message = describe_error(exc, text)
        problems.append(Problem(display, line, ERROR, message, column))
        return None, problems
    if data is None:
        return Correction(display), []
    if not isinstance(data, LineDict):
        error(1, "must be a mapping of fields (title:, date:, actors:, topics:, note:)")
        return None, problems
    line = _lines(data)
    fields: dict = {"path": display}
    for key, value in data.items():
        if key not in FIELDS:
            error(line(key), f"unknown field '{key}'{did_you_mean(str(key), FIELDS)}; allowed: {', '.join(FIELDS)}")
            continue
        if key in ("title", "note", "slug", "source_type"):
            if not isinstance(value, str) or not value.strip():
                error(line(key), f"'{key}' must be text")
                continue
            if key == "slug" and not VALID_SLUG.fullmatch(value):
                error(line(key), f"slug '{value}' must be lowercase letters, digits and hyphens")
                continue
            if key == "source_type" and value not in SOURCE_TYPES:
                error(line(key), f"source_type '{value}' is not one of {', '.join(SOURCE_TYPES)}{did_you_mean(value, SOURCE_TYPES)}")
                continue
            fields[key] = value.strip() if key != "note" else value.strip("\n")
        elif key == "date":
            try:
                fields["date"] = parse_iso(str(value))
            except ValueError as exc:
                error(line(key), f"date: {exc}")
        else:
            known = {a.id for a in registry.actors} if key == "actors" else {t.id for t in registry.topics}
            changes = _changes(value, key, known, line(key), error)
            if changes is not None:
                fields[f"{key}_add"], fields[f"{key}_remove"] = changes
    if problems:
        return None, problems
    return Correction(**fields, lines=tuple((str(k), line(k)) for k in data)), []


def _lines(data: LineDict):
    def line(key: str) -> int:
        return getattr(data, "key_lines", {}).get(key, data.line)
    return line


def _changes(value, key: str, known: set[str], line: int, error) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    if not isinstance(value, dict) or set(value) - set(CHANGE_KEYS):
        extra = sorted(set(value) - set(CHANGE_KEYS)) if isinstance(value, dict) else []
        error(line, f"'{key}' must have 'add:' and/or 'remove:' lists of ids" + (f"; unknown: {', '.join(map(str, extra))}" if extra else ""))
        return None
    result = []
    ok = True
    for change in CHANGE_KEYS:
        ids = value.get(change) or []
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            error(line, f"'{key}: {change}:' must be a list of ids")
            ok = False
            continue
        for ident in ids:
            if change == "add" and ident not in known:
                registry_file = "data/actors.yml" if key == "actors" else "data/topics.yml"
                error(line, f"{key} to add: unknown id '{ident}'{did_you_mean(ident, known)} (ids are defined in {registry_file})")
                ok = False
        result.append(tuple(dict.fromkeys(ids)))
    return (result[0], result[1]) if ok else None


def apply_correction(briefing: Briefing, correction: Correction) -> Briefing:
    """The briefing as the contributor corrected it."""
    actors = [m for m in briefing.actors if m.actor_id not in correction.actors_remove]
    present = {m.actor_id for m in actors}
    actors += [Mention(a, 0, -1) for a in correction.actors_add if a not in present]
    topics = [t for t in briefing.topics if t not in correction.topics_remove]
    topics += [t for t in correction.topics_add if t not in topics]
    removed = set(correction.actors_remove)
    return replace(
        briefing,
        title=correction.title or briefing.title,
        date=correction.date or briefing.date,
        source_type=correction.source_type or briefing.source_type,
        actors=tuple(actors),
        topics=tuple(topics),
        candidates=tuple(c for c in briefing.candidates if c.id not in removed),
        quotes=tuple(q if q.speaker not in removed else replace(q, speaker=None) for q in briefing.quotes),
        roles=tuple(r for r in briefing.roles if r.actor_id not in removed),
        contexts=tuple(c for c in briefing.contexts if c[0] not in removed),
        note=correction.note,
        corrected=True,
    )
