"""Registries are data edited by contributors: every mistake is reported with file, line and a fix."""

from pathlib import Path

import pytest

from generator.config import ROOT
from generator.inputs.registry import load_registry

GOOD_TOPICS = "topics:\n  - id: t\n    label: T\n    description: d\n    keywords: [woord]\n"


def write(tmp_path: Path, actors: str, topics: str = GOOD_TOPICS) -> Path:
    (tmp_path / "actors.yml").write_text(actors, encoding="utf-8")
    (tmp_path / "topics.yml").write_text(topics, encoding="utf-8")
    return tmp_path


def messages(problems):
    return [str(p) for p in problems]


def test_project_registries_are_valid_and_cover_the_named_actors(registry):
    names = {a.name for a in registry.actors}
    for wanted in ["Emmanuel Macron", "Keir Starmer", "Jens Stoltenberg", "Donald Trump", "Ursula von der Leyen", "Charles Michel",
                   "Volodymyr Zelenskyy", "Dilan Yeşilgöz-Zegerius", "Tom Berendsen", "Frankrijk", "Verenigd Koninkrijk",
                   "Verenigde Staten", "Rusland", "Oekraïne", "Nederland", "Polen", "Zweden", "Finland", "Turkije", "NAVO",
                   "Europese Unie", "Tweede Kamer"]:
        assert wanted in names
    for actor in registry.actors:
        assert actor.description and actor.kind in ("person", "country", "organisation")
    assert len(registry.topics) >= 7


ENTRY = "  - id: {id}\n    name: {name}\n    kind: {kind}\n    description: x\n    aliases: [{aliases}]\n"


def actors(*entries):
    return "actors:\n" + "".join(ENTRY.format(**{"aliases": "", **e}) for e in entries)


def test_missing_field_names_file_line_and_entry(tmp_path):
    text = "actors:\n  - id: navo\n    name: NAVO\n    description: x\n"
    reg, problems = load_registry(write(tmp_path, text), "data")
    assert messages(problems) == ["data/actors.yml:2: error: actor 'navo': missing required field 'kind'"]
    assert reg.actors == ()


def test_unknown_field_and_kind_suggest_a_fix(tmp_path):
    text = actors({"id": "navo", "name": "NAVO", "kind": "organization"}).replace("aliases", "alias")
    _, problems = load_registry(write(tmp_path, text), "data")
    found = " | ".join(messages(problems))
    assert "unknown field 'alias'; did you mean 'aliases'?" in found
    assert "kind 'organization' is not one of person, country, organisation; did you mean 'organisation'?" in found


def test_duplicate_ids_and_shared_aliases_are_errors_but_good_entries_stay(tmp_path):
    text = actors(
        {"id": "navo", "name": "NAVO", "kind": "organisation", "aliases": "NATO"},
        {"id": "navo", "name": "NAVO 2", "kind": "organisation"},
        {"id": "nato", "name": "Nato", "kind": "organisation", "aliases": "NATO"},
        {"id": "eu", "name": "EU", "kind": "organisation"},
    )
    reg, problems = load_registry(write(tmp_path, text), "data")
    found = messages(problems)
    assert any(":7: error: actor 'navo': duplicate id, already used on line 2" in m for m in found)
    assert any(":12: error: actor 'nato': name or alias 'NATO' is already claimed by actor 'navo' (line 2)" in m for m in found)
    assert [a.id for a in reg.actors] == ["navo", "eu"]


def test_invalid_ids_are_refused(tmp_path):
    _, problems = load_registry(write(tmp_path, actors({"id": "../x", "name": "X", "kind": "person"})), "data")
    assert "id must be lowercase letters" in messages(problems)[0]


def test_yaml_syntax_error_gives_the_line(tmp_path):
    _, problems = load_registry(write(tmp_path, "actors:\n  - id: a\n    name: [unclosed\n"), "data")
    assert problems[0].file == "data/actors.yml" and problems[0].line >= 3 and "invalid YAML" in problems[0].message


def test_duplicate_keys_are_reported(tmp_path):
    text = "actors:\n  - id: a\n    id: b\n    name: A\n    kind: person\n    description: x\n"
    _, problems = load_registry(write(tmp_path, text), "data")
    assert "key 'id' appears twice" in problems[0].message


def test_missing_registry_file(tmp_path):
    (tmp_path / "topics.yml").write_text(GOOD_TOPICS)
    _, problems = load_registry(tmp_path, "data")
    assert messages(problems) == ["data/actors.yml: error: missing; create it with a top-level 'actors:' list"]


def test_topic_requiring_an_unknown_actor_suggests_one(tmp_path):
    topics = GOOD_TOPICS + "    requires: [navoo]\n"
    _, problems = load_registry(write(tmp_path, actors({"id": "navo", "name": "NAVO", "kind": "organisation"}), topics), "data")
    assert "requires unknown actor 'navoo'; did you mean 'navo'?" in messages(problems)[0]


@pytest.mark.parametrize("value", ["0", "twee", "true"])
def test_topic_min_hits_must_be_a_positive_number(tmp_path, value):
    topics = GOOD_TOPICS + f"    min_hits: {value}\n"
    _, problems = load_registry(write(tmp_path, actors({"id": "a", "name": "A", "kind": "person"}), topics), "data")
    assert "'min_hits' must be a whole number" in messages(problems)[0]


def test_every_alias_in_the_project_registry_is_unique(registry):
    seen = {}
    for actor in registry.actors:
        for form in (actor.name, *actor.aliases):
            assert seen.setdefault(form, actor.id) == actor.id, form


def test_registry_files_are_utf8_and_commented():
    for name in ("actors.yml", "topics.yml"):
        text = (ROOT / "data" / name).read_text(encoding="utf-8")
        assert text.startswith("# ")


def test_not_in_compounds_must_name_forms_of_the_actor(tmp_path):
    text = (
        "actors:\n"
        "  - id: defensie\n    name: Ministerie van Defensie\n    kind: organisation\n    description: d\n"
        "    aliases: [Defensie]\n    not_in_compounds: [Defensie]\n"
        "  - id: navo\n    name: NAVO\n    kind: organisation\n    description: d\n"
        "    not_in_compounds: [NATO]\n"
    )
    reg, problems = load_registry(write(tmp_path, text), "data")
    assert messages(problems) == [
        "data/actors.yml:8: error: actor 'navo': 'not_in_compounds' lists 'NATO', which is not its name or one of "
        "its aliases; list only forms the actor is matched by"
    ]
    assert [(a.id, a.not_in_compounds) for a in reg.actors] == [("defensie", ("Defensie",))]


def test_medium_must_be_true_or_false(tmp_path):
    text = actors({"id": "krant", "name": "De Krant", "kind": "organisation"}).rstrip("\n") + "\n    medium: ja\n"
    reg, problems = load_registry(write(tmp_path, text))
    assert messages(problems) == ["data/actors.yml:2: error: actor 'krant': 'medium' must be true or false"]
    assert reg.actors == ()


def test_the_registry_knows_the_parties_parliaments_and_media_a_dutch_reader_meets(registry):
    by_name = {a.name: a for a in registry.actors}
    for party in ["VVD", "PvdA", "PVV", "CDA", "SP", "D66", "GroenLinks", "ChristenUnie", "SGP", "PvdD", "50PLUS", "DENK",
                  "Forum voor Democratie", "JA21", "Volt", "BBB", "NSC", "BIJ1", "GroenLinks-PvdA", "N-VA", "Vooruit",
                  "Open Vld", "CD&V", "Groen", "Vlaams Belang", "PVDA", "MR", "PS", "Les Engagés", "Ecolo", "DéFI",
                  "Staten-Generaal", "Eerste Kamer", "Kamer van volksvertegenwoordigers"]:
        assert by_name[party].kind == "organisation" and not by_name[party].medium
    for medium in ["ANP", "Reuters", "AFP", "Belga", "Bloomberg", "NOS", "RTL Nieuws", "de Volkskrant", "NRC", "Trouw",
                   "De Telegraaf", "VRT", "De Standaard"]:
        assert by_name[medium].medium


def test_person_context_must_list_aliases_of_a_person(tmp_path):
    text = (actors({"id": "jan-blok", "name": "Jan Blok", "kind": "person", "aliases": "Blok"}).rstrip("\n")
            + "\n    person_context: [Steen]\n")
    reg, problems = load_registry(write(tmp_path, text))
    assert messages(problems) == ["data/actors.yml:2: error: actor 'jan-blok': 'person_context' lists 'Steen', which is not one of "
                                  "its aliases; list only a person's aliases"]
    good = actors({"id": "jan-blok", "name": "Jan Blok", "kind": "person", "aliases": "Blok"}).rstrip("\n") + "\n    person_context: [Blok]\n"
    reg, problems = load_registry(write(tmp_path, good))
    assert problems == [] and reg.actors[0].person_context == ("Blok",)
