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
    lead: De twee kernmachten stemmen hun afschrikking voortaan af.
    roles:
      add: {keir-starmer: Britse premier}
      remove: [emmanuel-macron]
    quotes:
      - quote: Dit is een proef        # the start of a quotation, as the page shows it
        speaker: mark-rutte            # an actor id, or `unclear`
      - quote: Een citaat dat er geen is
        remove: true
    figures:
      add: [2 procent]
      remove: [1 miljard]
    note: |
      An analyst's note, shown on the briefing page.

Whatever the sidecar says wins over what was extracted; the extraction itself
is never edited by hand, so a rebuild cannot lose a correction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from generator.errors import ERROR, WARNING, Problem
from generator.inputs.registry import did_you_mean
from generator.model import SOURCE_TYPES, Briefing, Mention, PartialDate, Registry, Role, parse_iso
from generator.slugs import VALID_SLUG
from generator.yamlio import LineDict, describe_error, load_with_lines

FIELDS = ("title", "date", "source_type", "slug", "lead", "actors", "topics", "roles", "quotes", "figures", "note")
CHANGE_KEYS = ("add", "remove")
QUOTE_KEYS = ("quote", "speaker", "remove")
UNCLEAR = "unclear"  # a quotation's speaker that the text does not make clear


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
    lead: str | None = None
    roles_add: tuple[tuple[str, str], ...] = ()  # (actor id, role as shown)
    roles_remove: tuple[str, ...] = ()  # actor ids
    # (start of the quotation, speaker id or None for unclear, remove); line in the sidecar
    quotes: tuple[tuple[str, str | None, bool, int], ...] = ()
    figures_add: tuple[str, ...] = ()
    figures_remove: tuple[str, ...] = ()
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
                problems.append(
                    Problem(
                        correction.path,
                        correction.line_of(key),
                        WARNING,
                        f"{key} to remove: '{ident}' is not one of this briefing's {key}{did_you_mean(ident, present | known)}; nothing was removed for it",
                    )
                )
    return problems


def unapplied(correction: Correction, briefing: Briefing) -> list[Problem]:
    """Corrections that name a quotation or figure the briefing does not have: the sidecar
    cannot be applied as written (errors, so the page is held back until it is fixed)."""
    problems = []
    quotes = [" ".join(q.text.split()) for q in briefing.quotes]
    for start, _, _, line in correction.quotes:
        if not any(q.startswith(start) for q in quotes):
            shown = "; ".join(f"„{q[:40]}…”" for q in quotes[:5]) or "none"
            problems.append(
                Problem(
                    correction.path,
                    line,
                    ERROR,
                    f"quotes: no quotation of this briefing starts with „{start}” (its quotations start: {shown}); copy the start of one as the page shows it",
                )
            )
    named = set(briefing.actor_ids) | set(correction.actors_add)
    for actor_id, _ in correction.roles_add:
        if actor_id not in named or actor_id in correction.actors_remove:
            problems.append(
                Problem(
                    correction.path,
                    correction.line_of("roles"),
                    ERROR,
                    f"roles: '{actor_id}' is not one of this briefing's actors; add it under 'actors: add:' too, or correct the id",
                )
            )
    for figure in correction.figures_remove:
        if figure not in briefing.figures:
            problems.append(
                Problem(
                    correction.path,
                    correction.line_of("figures"),
                    ERROR,
                    f"figures to remove: '{figure}' is not one of this briefing's figures{did_you_mean(figure, set(briefing.figures))}; write it exactly as the page shows it",
                )
            )
    return problems


def sidecar_for(source_path: str) -> str:
    """`seeds/000_x.txt` → `seeds/000_x.yml`: where that source's corrections live."""
    return source_path.rsplit(".", 1)[0] + ".yml"


def load_correction(path: Path, display: str, registry: Registry) -> tuple[Correction | None, list[Problem]]:
    """Read and check one sidecar; a sidecar with any error is not applied (and says why)."""
    problems: list[Problem] = []

    def error(line: int, message: str) -> None:
        problems.append(Problem(display, line, ERROR, message))

    data = _read_sidecar(path, display, problems)
    if data is None:
        return (Correction(display), []) if not problems else (None, problems)
    if not isinstance(data, LineDict):
        error(1, "must be a mapping of fields (title:, date:, actors:, topics:, note:)")
        return None, problems
    line = _lines(data)
    fields: dict = {"path": display}
    for key, value in data.items():
        if key not in FIELDS:
            error(line(key), f"unknown field '{key}'{did_you_mean(str(key), FIELDS)}; allowed: {', '.join(FIELDS)}")
            continue
        fields.update(_field(key, value, registry, line(key), error))
    if problems:
        return None, problems
    return Correction(**fields, lines=tuple((str(k), line(k)) for k in data)), []


def _read_sidecar(path: Path, display: str, problems: list[Problem]):
    """The sidecar's YAML with the line of each key, or None (for an empty file, or with the
    problem that kept it from being read added to `problems`)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(display, 0, ERROR, "is not UTF-8; save it as UTF-8"))
        return None
    except OSError as exc:
        problems.append(Problem(display, 0, ERROR, f"cannot be read ({exc.strerror}); check that it is a readable file"))
        return None
    try:
        return load_with_lines(text)
    except yaml.YAMLError as exc:
        line, column, message = describe_error(exc, text)
        problems.append(Problem(display, line, ERROR, message, column))
        return None


def _field(key: str, value, registry: Registry, line: int, error) -> dict:
    """The Correction fields one sidecar key gives (none when its value is wrong: `error` says why)."""
    if key == "roles":
        roles = _roles(value, {a.id for a in registry.actors}, line, error)
        return {} if roles is None else {"roles_add": roles[0], "roles_remove": roles[1]}
    if key == "quotes":
        quotes = _quotes(value, {a.id for a in registry.actors}, line, error)
        return {} if quotes is None else {"quotes": quotes}
    if key == "figures":
        figures = _changes(value, key, None, line, error)
        return {} if figures is None else {"figures_add": figures[0], "figures_remove": figures[1]}
    if key in ("title", "note", "slug", "source_type", "lead"):
        text = _text_field(key, value, line, error)
        return {} if text is None else {key: text}
    if key == "date":
        try:
            return {"date": parse_iso(str(value))}
        except ValueError as exc:
            error(line, f"date: {exc}")
            return {}
    known = {a.id for a in registry.actors} if key == "actors" else {t.id for t in registry.topics}
    changes = _changes(value, key, known, line, error)
    return {} if changes is None else {f"{key}_add": changes[0], f"{key}_remove": changes[1]}


def _text_field(key: str, value, line: int, error) -> str | None:
    """A text field (title, note, slug, source_type, lead), checked; None when it is wrong."""
    if not isinstance(value, str) or not value.strip():
        error(line, f"'{key}' must be text")
        return None
    if key == "slug" and not VALID_SLUG.fullmatch(value):
        error(line, f"slug '{value}' must be lowercase letters, digits and hyphens")
        return None
    if key == "source_type" and value not in SOURCE_TYPES:
        error(line, f"source_type '{value}' is not one of {', '.join(SOURCE_TYPES)}{did_you_mean(value, SOURCE_TYPES)}")
        return None
    return value.strip() if key != "note" else value.strip("\n")


def _lines(data: LineDict):
    def line(key: str) -> int:
        return getattr(data, "key_lines", {}).get(key, data.line)

    return line


def _changes(value, key: str, known: set[str] | None, line: int, error) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """`add:` and `remove:` lists; of ids from the registry (`known`), or of texts when known is None."""
    what = "ids" if known is not None else "texts"
    if not isinstance(value, dict) or set(value) - set(CHANGE_KEYS):
        extra = sorted(set(value) - set(CHANGE_KEYS)) if isinstance(value, dict) else []
        hint = "".join(f"; unknown: '{k}'{did_you_mean(str(k), CHANGE_KEYS)}" for k in extra)
        error(line, f"'{key}' must have 'add:' and/or 'remove:' lists of {what}" + hint)
        return None
    result = []
    ok = True
    for change in CHANGE_KEYS:
        ids = value.get(change) or []
        if known is None and isinstance(ids, list):
            ids = [str(i) if isinstance(i, (int, float)) else i for i in ids]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            error(line, f"'{key}: {change}:' must be a list of {what}")
            ok = False
            continue
        for ident in ids:
            if change == "add" and known is not None and ident not in known:
                registry_file = "data/actors.yml" if key == "actors" else "data/topics.yml"
                error(line, f"{key} to add: unknown id '{ident}'{did_you_mean(ident, known)} (ids are defined in {registry_file})")
                ok = False
        result.append(tuple(dict.fromkeys(ids)))
    return (result[0], result[1]) if ok else None


def _roles(value, known: set[str], line: int, error) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]] | None:
    """`roles: {add: {actor-id: role}, remove: [actor-id]}`: a role shown with an actor, set or taken away."""
    if not isinstance(value, dict) or set(value) - set(CHANGE_KEYS):
        extra = sorted(set(value) - set(CHANGE_KEYS)) if isinstance(value, dict) else []
        hint = "".join(f"; unknown: '{k}'{did_you_mean(str(k), CHANGE_KEYS)}" for k in extra)
        error(line, "'roles' must have 'add:' (actor id: role) and/or 'remove:' (a list of actor ids)" + hint)
        return None
    added = value.get("add") or {}
    removed = value.get("remove") or []
    ok = True
    if not isinstance(added, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in added.items()):
        error(line, "'roles: add:' must map actor ids to the role as text, for example  keir-starmer: Britse premier")
        ok = False
    if not isinstance(removed, list) or not all(isinstance(i, str) for i in removed):
        error(line, "'roles: remove:' must be a list of actor ids")
        ok = False
    if not ok:
        return None
    for ident in [*added, *removed]:
        if ident not in known:
            error(line, f"roles: unknown actor id '{ident}'{did_you_mean(ident, known)} (ids are defined in data/actors.yml)")
            ok = False
    return (tuple((k, " ".join(v.split())) for k, v in added.items()), tuple(dict.fromkeys(removed))) if ok else None


def _quotes(value, known: set[str], line: int, error) -> tuple[tuple[str, str | None, bool, int], ...] | None:
    """`quotes:` a list of `- quote: <start of the quotation>` with `speaker: <actor id or unclear>` or `remove: true`."""
    shape = "'quotes' must be a list of items with 'quote:' (the start of the quotation) and 'speaker:' (an actor id, or unclear) or 'remove: true'"
    if not isinstance(value, list):
        error(line, shape)
        return None
    result = []
    ok = True
    for item in value:
        at = getattr(item, "line", line)
        if not isinstance(item, dict) or not isinstance(item.get("quote"), str) or not item["quote"].strip():
            error(at, shape)
            ok = False
            continue
        extra = [k for k in item if k not in QUOTE_KEYS]
        if extra:
            error(
                at,
                "".join(f"quotes: unknown key '{k}'{did_you_mean(str(k), QUOTE_KEYS)}; " for k in extra)
                + f"allowed: {', '.join(QUOTE_KEYS)}",
            )
            ok = False
            continue
        remove = item.get("remove") is True
        speaker = item.get("speaker")
        if remove == ("speaker" in item):
            error(at, "quotes: give each quotation either 'speaker:' or 'remove: true'")
            ok = False
            continue
        if not remove and (not isinstance(speaker, str) or (speaker != UNCLEAR and speaker not in known)):
            error(
                at,
                f"quotes: speaker '{speaker}' is not an actor id{did_you_mean(str(speaker), known)} (ids are defined in data/actors.yml; write {UNCLEAR} when the text does not say who speaks)",
            )
            ok = False
            continue
        start = " ".join(item["quote"].strip().strip('„”“"').split())
        result.append((start, None if remove or speaker == UNCLEAR else speaker, remove, at))
    return tuple(result) if ok else None


def apply_correction(briefing: Briefing, correction: Correction) -> Briefing:
    """The briefing as the contributor corrected it."""
    actors = [m for m in briefing.actors if m.actor_id not in correction.actors_remove]
    present = {m.actor_id for m in actors}
    actors += [Mention(a, 0, -1) for a in correction.actors_add if a not in present]
    topics = [t for t in briefing.topics if t not in correction.topics_remove]
    topics += [t for t in correction.topics_add if t not in topics]
    removed = set(correction.actors_remove)
    quotes = []
    for quote in briefing.quotes:
        text = " ".join(quote.text.split())
        change = next((c for c in correction.quotes if text.startswith(c[0])), None)
        if change is None:
            quotes.append(quote if quote.speaker not in removed else replace(quote, speaker=None))
        elif not change[2]:
            quotes.append(replace(quote, speaker=change[1]))
    new_roles = dict(correction.roles_add)
    roles = [
        r for r in briefing.roles if r.actor_id not in removed and r.actor_id not in correction.roles_remove and r.actor_id not in new_roles
    ]
    roles += [Role(actor_id, role) for actor_id, role in correction.roles_add]
    figures = [f for f in briefing.figures if f not in correction.figures_remove]
    figures += [f for f in correction.figures_add if f not in figures]
    return replace(
        briefing,
        title=correction.title or briefing.title,
        lead=" ".join(correction.lead.split()) if correction.lead else briefing.lead,
        figures=tuple(figures),
        date=correction.date or briefing.date,
        source_type=correction.source_type or briefing.source_type,
        actors=tuple(actors),
        topics=tuple(topics),
        candidates=tuple(c for c in briefing.candidates if c.id not in removed),
        quotes=tuple(quotes),
        roles=tuple(roles),
        contexts=tuple(c for c in briefing.contexts if c[0] not in removed),
        note=correction.note,
        corrected=True,
    )
