"""Extraction on the seeds (hand-checked) and on small cases, one per rule."""

from pathlib import Path

import pytest
import yaml

from generator.config import ROOT
from generator.extract import extract_briefing, parse_dateline, topic_patterns
from generator.registry import actor_matcher
from generator.sources import read_source

EXPECTED = yaml.safe_load((Path(__file__).parent / "expectations" / "seeds.yml").read_text(encoding="utf-8"))


def extract(registry, data: bytes, name="seeds/x.txt", fmt="text"):
    source, problems = read_source(data, name, fmt)
    assert source is not None, problems
    briefing, found = extract_briefing(source, registry, actor_matcher(registry), topic_patterns(registry.topics))
    return briefing, problems + found


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_seed_metadata_matches_hand_checked_expectations(path, registry):
    want = EXPECTED[path]
    briefing, problems = extract(registry, (ROOT / path).read_bytes(), path)
    assert problems == []
    assert briefing.date.iso == want["date"]
    assert briefing.date.precision == want["precision"]
    assert briefing.source_type == want["source_type"]
    assert sorted(briefing.actor_ids) == sorted(want["actors"])
    assert sorted(briefing.topics) == sorted(want["topics"])
    assert briefing.lead.startswith(want["lead_starts"])
    assert len(briefing.title) <= 90
    if want["dateline"]:
        assert briefing.dateline.place == want["dateline"]["place"]
        assert list(briefing.dateline.agencies) == want["dateline"]["agencies"]
        assert not briefing.lead.startswith(briefing.dateline.place.upper())
    else:
        assert briefing.dateline is None
    if "letter" in want:
        letter = want["letter"]
        assert (briefing.letter.dossier, briefing.letter.dossier_title, briefing.letter.number, briefing.letter.place) == (
            letter["dossier"], letter["dossier_title"], letter["number"], letter["place"])
        assert [[s.role, s.name] for s in briefing.letter.signatories] == letter["signatories"]


def test_month_header_is_never_given_an_invented_day(registry):
    briefing, _ = extract(registry, b" date 2025-07 Op 3 juli 2025 sprak de NAVO.")
    assert briefing.date.iso == "2025-07"


def test_date_from_text_when_there_is_no_header(registry):
    briefing, problems = extract(registry, b"De NAVO kwam op maandag 3 februari 2025 bijeen.")
    assert briefing.date.iso == "2025-02-03" and problems == []


def test_no_date_gives_a_warning_naming_the_file_and_still_a_briefing(registry):
    briefing, problems = extract(registry, b"De NAVO kwam bijeen.", "seeds/zonder-datum.txt")
    assert briefing.date is None
    assert [p.file for p in problems] == ["seeds/zonder-datum.txt"]
    assert "no date" in problems[0].message


def test_invalid_header_date_warns_and_falls_back_to_the_text(registry):
    briefing, problems = extract(registry, b" date 2025-13 Den Haag, 2 maart 2026. De NAVO.", "seeds/fout.txt")
    assert briefing.date.iso == "2026-03-02"
    assert "month 13 does not exist" in problems[0].message


def test_markdown_front_matter_overrides_extraction(registry):
    data = b"---\ntitle: Eigen titel\ndate: 2024-05-06\nsource_type: speech\nslug: eigen-slug\n---\nDe NAVO sprak.\n"
    briefing, problems = extract(registry, data, "seeds/x.md", "markdown")
    assert (briefing.title, briefing.date.iso, briefing.source_type, briefing.slug) == ("Eigen titel", "2024-05-06", "speech", "eigen-slug")
    assert problems == []


def test_markdown_slug_with_path_traversal_is_refused(registry):
    data = b"---\nslug: ../../etc/evil\n---\nDe NAVO sprak.\n"
    briefing, problems = extract(registry, data, "seeds/x.md", "markdown")
    assert "/" not in briefing.slug and ".." not in briefing.slug
    assert any("slug" in p.message for p in problems)


def test_markdown_front_matter_is_parsed_safely():
    data = b"---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\nTekst.\n"
    source, problems = read_source(data, "seeds/x.md", "markdown")
    assert source is None
    assert problems[0].file == "seeds/x.md" and "not valid YAML" in problems[0].message


@pytest.mark.parametrize(
    ("text", "place", "agencies"),
    [
        ("LONDEN (ANP/BLOOMBERG/AFP) - Tekst", "Londen", ("ANP", "Bloomberg", "AFP")),
        ("DEN HAAG (ANP) - Tekst", "Den Haag", ("ANP",)),
        ("KYIV (REUTERS) – Tekst", "Kyiv", ("Reuters",)),
        ("BRUSSEL - Tekst", "Brussel", ()),
    ],
)
def test_datelines(text, place, agencies):
    dateline, end = parse_dateline(text)
    assert (dateline.place, dateline.agencies) == (place, agencies)
    assert text[end:] == "Tekst"


@pytest.mark.parametrize("text", ["De NAVO (de alliantie) - zo heet ze.", "EU - een unie.", "Tekst zonder dateline."])
def test_no_dateline_in_ordinary_openings(text):
    assert parse_dateline(text)[0] is None


def test_dateline_agencies_are_not_actors(registry):
    briefing, _ = extract(registry, b" date 2025-07 PARIJS (AFP) - Frankrijk en de NAVO.")
    assert "afp" not in briefing.actor_ids
    assert briefing.lead == "Frankrijk en de NAVO."


def test_topic_needs_enough_support_in_the_text(registry):
    one_mention, _ = extract(registry, b" date 2025 De NAVO sprak over kernwapens.")
    assert "nucleaire-afschrikking" not in one_mention.topics
    supported, _ = extract(registry, b" date 2025 De NAVO sprak over kernwapens, nucleaire afschrikking en de kernmacht van Frankrijk.")
    assert "nucleaire-afschrikking" in supported.topics


def test_topic_with_required_actors(registry):
    text = b" date 2025 Samenwerking, samenwerking en een gezamenlijke verklaring van de NAVO."
    briefing, _ = extract(registry, text)
    assert "navo-eu-samenwerking" not in briefing.topics  # the EU is not mentioned


def test_long_first_sentence_gives_a_headline_of_at_most_90_characters(registry):
    text = (" date 2025-01 " + "De Nederlandse regering heeft na lang overleg met de Tweede Kamer besloten dat het land "
            "meer gaat uitgeven aan defensie en de NAVO-norm haalt.").encode()
    briefing, _ = extract(registry, text)
    assert len(briefing.title) <= 90
    assert briefing.title.startswith("De Nederlandse regering heeft na lang overleg")


def test_a_foreign_minister_is_not_the_dutch_ministry(registry):
    from generator.extract import find_actors_in
    from generator.registry import actor_matcher

    matcher = actor_matcher(registry)
    foreign, _, _ = find_actors_in("De Duitse minister van Defensie sprak in Berlijn.", registry, matcher)
    dutch, _, _ = find_actors_in("De Nederlandse minister van Defensie sprak in Den Haag.", registry, matcher)
    plain, _, _ = find_actors_in("De minister van Defensie stuurde een brief.", registry, matcher)
    assert "ministerie-van-defensie" not in {m[0] for m in foreign}
    assert "ministerie-van-defensie" in {m[0] for m in dutch}
    assert "ministerie-van-defensie" in {m[0] for m in plain}


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        ("De Franse minister van Buitenlandse Zaken Jean-Noël Barrot waarschuwde.", False),
        ("Op een bijeenkomst van de Europese ministers van Buitenlandse Zaken bleek dat.", False),
        ("Poetins minister van Buitenlandse Zaken Sergej Lavrov noemde het een provocatie.", False),
        ("De ministers van Defensie van de vier landen maakten dat bekend.", False),
        ("Hegseth sprak de ministers van Defensie van zo'n 50 landen toe.", False),
        ("Volgens minister van Defensie Ruben Brekelmans is dat nodig.", True),
        ("Als minister van Defensie wil Brekelmans meer geld.", True),
        ("Het ministerie van Buitenlandse Zaken stuurde een brief.", True),
        ("De ministers van Defensie en Financiën stuurden een brief.", True),
    ],
)
def test_an_office_of_another_country_or_of_many_is_not_the_dutch_ministry(registry, text, dutch):
    from generator.extract import find_actors_in
    from generator.registry import actor_matcher

    found = {m[0] for m in find_actors_in(text, registry, actor_matcher(registry))[0]}
    assert bool(found & {"ministerie-van-defensie", "ministerie-van-buitenlandse-zaken"}) == dutch


def test_a_surname_alone_resolves_to_the_full_name_given_before(registry):
    from generator.extract import find_actors_in

    text = ("Kamerlid Marijke Terpstra (CDA) diende een motie in. Volgens Kamerlid Terpstra is het genoeg. "
            "Later sprak ook Terpstra met de minister.")
    mentions, candidates, _ = find_actors_in(text, registry, actor_matcher(registry))
    assert [c.id for c in candidates if c.kind == "person"] == ["marijke-terpstra"]
    assert [m[0] for m in mentions if m[0] == "marijke-terpstra"] == ["marijke-terpstra"] * 3


def test_a_registry_surname_that_is_a_common_word_counts_only_in_a_person_context(registry):
    from generator.extract import find_actors_in

    # `Blok` (a registry person's surname) is also a Dutch word: only a role word makes it the person.
    with_role, candidates, _ = find_actors_in("Minister Blok reist naar Kyiv.", registry, actor_matcher(registry))
    assert "stef-blok" in {m[0] for m in with_role} and not [c for c in candidates if c.kind == "person"]
    without, _, _ = find_actors_in("Een Blok beton viel op de weg.", registry, actor_matcher(registry))
    assert "stef-blok" not in {m[0] for m in without}
