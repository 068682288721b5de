"""Load and validate the contributor-edited registries in data/."""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from generator.errors import ERROR, WARNING, Problem
from generator.model import ACTOR_KINDS, Actor, Registry, Topic, surface_forms
from generator.slugs import VALID_SLUG
from generator.yamlio import LineDict, error_line, error_text, load_with_lines

ACTOR_FIELDS = {"id": True, "name": True, "kind": True, "description": True, "aliases": False, "not_in_compounds": False, "medium": False, "person_context": False}
TOPIC_FIELDS = {
    "id": True, "label": True, "description": True, "keywords": True,
    "min_hits": False, "requires": False,
}


def did_you_mean(value: str, choices) -> str:
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class _Collector:
    """Problems for one registry file, each tied to the entry's line."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, ERROR, message))

    def warning(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, WARNING, message))


def _read_entries(path: Path, display: str, key: str, out: _Collector) -> list[LineDict]:
    if not path.is_file():
        out.error(0, f"missing; create it with a top-level '{key}:' list")
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        out.error(0, f"not UTF-8 ({exc.reason} at byte {exc.start}); save the file as UTF-8")
        return []
    try:
        data = load_with_lines(text)
    except yaml.YAMLError as exc:
        out.error(error_line(exc), f"invalid YAML: {error_text(exc)}")
        return []
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        out.error(getattr(data, "line", 0), f"expected a top-level '{key}:' list of entries")
        return []
    entries = []
    for index, entry in enumerate(data[key]):
        if not isinstance(entry, LineDict):
            out.error(0, f"{key}[{index}] is not a mapping of fields; see the comment at the top of {display}")
            continue
        entries.append(entry)
    return entries


def _check_fields(entry: LineDict, fields: dict[str, bool], label: str, out: _Collector) -> bool:
    ok = True
    for name in entry:
        if name not in fields:
            out.error(entry.line, f"{label}: unknown field '{name}'{did_you_mean(str(name), fields)}")
            ok = False
    for name, required in fields.items():
        if required and (name not in entry or entry[name] in (None, "")):
            out.error(entry.line, f"{label}: missing required field '{name}'")
            ok = False
    return ok


def _string_list(entry: LineDict, name: str, label: str, out: _Collector) -> tuple[str, ...] | None:
    value = entry.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        out.error(entry.line, f"{label}: '{name}' must be a list of non-empty strings")
        return None
    return tuple(v.strip() for v in value)


def _entry_label(entry: LineDict, kind: str, index: int) -> str:
    ident = entry.get("id")
    return f"{kind} '{ident}'" if isinstance(ident, str) and ident else f"{kind} #{index + 1}"


def _check_id(entry: LineDict, label: str, seen: dict[str, int], out: _Collector) -> bool:
    ident = entry.get("id")
    if not isinstance(ident, str) or not VALID_SLUG.fullmatch(ident):
        out.error(entry.line, f"{label}: id must be lowercase letters, digits and single hyphens (like 'jens-stoltenberg')")
        return False
    if ident in seen:
        out.error(entry.line, f"{label}: duplicate id, already used on line {seen[ident]}; give one of them another id")
        return False
    seen[ident] = entry.line
    return True


def _load_actors(path: Path, display: str, out: _Collector) -> list[Actor]:
    actors: list[Actor] = []
    seen_ids: dict[str, int] = {}
    owner_of_form: dict[str, tuple[str, int]] = {}
    for index, entry in enumerate(_read_entries(path, display, "actors", out)):
        label = _entry_label(entry, "actor", index)
        ok = _check_fields(entry, ACTOR_FIELDS, label, out)
        ok = _check_id(entry, label, seen_ids, out) and ok
        for name in ("name", "description"):
            if name in entry and not isinstance(entry[name], str):
                out.error(entry.line, f"{label}: '{name}' must be text")
                ok = False
        kind = entry.get("kind")
        if kind is not None and kind not in ACTOR_KINDS:
            out.error(entry.line, f"{label}: kind '{kind}' is not one of {', '.join(ACTOR_KINDS)}{did_you_mean(str(kind), ACTOR_KINDS)}")
            ok = False
        medium = entry.get("medium", False)
        if not isinstance(medium, bool):
            out.error(entry.line, f"{label}: 'medium' must be true or false")
            ok = False
        aliases = _string_list(entry, "aliases", label, out)
        alone = _string_list(entry, "not_in_compounds", label, out)
        contextual = _string_list(entry, "person_context", label, out)
        if not ok or aliases is None or alone is None or contextual is None:
            continue
        name = entry["name"].strip()
        unique_aliases = tuple(dict.fromkeys(a for a in aliases if a != name))
        strays = [form for form in alone if form != name and form not in unique_aliases]
        if strays:
            out.error(entry.line, f"{label}: 'not_in_compounds' lists '{strays[0]}', which is not its name or one of its aliases; "
                                  "list only forms the actor is matched by")
            continue
        strays = [form for form in contextual if form not in unique_aliases]
        if strays or (contextual and kind != "person"):
            out.error(entry.line, f"{label}: 'person_context' lists '{(strays or contextual)[0]}', which is not one of its aliases"
                                  + ("" if strays else " or the actor is not a person") + "; list only a person's aliases")
            continue
        actor = Actor(entry["id"], name, kind, " ".join(entry["description"].split()), unique_aliases, tuple(dict.fromkeys(alone)), medium,
                      tuple(dict.fromkeys(contextual)))
        clash = False
        for form in surface_forms(actor):
            owner = owner_of_form.get(form)
            if owner and owner[0] != actor.id:
                out.error(entry.line, f"{label}: name or alias '{form}' is already claimed by actor '{owner[0]}' (line {owner[1]}); an alias must name one actor")
                clash = True
            owner_of_form.setdefault(form, (actor.id, entry.line))
        if not clash:
            actors.append(actor)
    return actors


def _load_topics(path: Path, display: str, actor_ids: set[str], out: _Collector) -> list[Topic]:
    topics: list[Topic] = []
    seen_ids: dict[str, int] = {}
    for index, entry in enumerate(_read_entries(path, display, "topics", out)):
        label = _entry_label(entry, "topic", index)
        ok = _check_fields(entry, TOPIC_FIELDS, label, out)
        ok = _check_id(entry, label, seen_ids, out) and ok
        keywords = _string_list(entry, "keywords", label, out)
        requires = _string_list(entry, "requires", label, out)
        min_hits = entry.get("min_hits", 2)
        if not isinstance(min_hits, int) or isinstance(min_hits, bool) or min_hits < 1:
            out.error(entry.line, f"{label}: 'min_hits' must be a whole number of at least 1")
            ok = False
        for actor_id in requires or ():
            if actor_id not in actor_ids:
                out.error(entry.line, f"{label}: requires unknown actor '{actor_id}'{did_you_mean(actor_id, actor_ids)}")
                ok = False
        if not ok or keywords is None or requires is None:
            continue
        if not keywords:
            out.error(entry.line, f"{label}: 'keywords' is empty; a topic needs words to be found by")
            continue
        topics.append(Topic(
            entry["id"], " ".join(str(entry["label"]).split()), " ".join(str(entry["description"]).split()),
            tuple(dict.fromkeys(k.lower() for k in keywords)), min_hits, requires,
        ))
    return topics


def load_registry(data_dir: Path, display_dir: str = "data") -> tuple[Registry, list[Problem]]:
    """Read data/actors.yml and data/topics.yml; bad entries are reported and left out."""
    actors_out = _Collector(f"{display_dir}/actors.yml")
    actors = _load_actors(data_dir / "actors.yml", actors_out.path, actors_out)
    topics_out = _Collector(f"{display_dir}/topics.yml")
    topics = _load_topics(data_dir / "topics.yml", topics_out.path, {a.id for a in actors}, topics_out)
    registry = Registry(tuple(actors), tuple(topics))
    return registry, actors_out.problems + topics_out.problems
