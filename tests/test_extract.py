"""Extraction on the seeds (hand-checked) and on small cases, one per rule."""

from pathlib import Path

import pytest
import yaml

from generator.config import ROOT
from generator.extract.briefing import extract_briefing, topic_patterns
from generator.extract.letters import parse_dateline
from generator.extract.matching import actor_matcher
from generator.inputs.sources import read_source

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
    assert list(briefing.media) == want.get("media", [])
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


def test_a_date_in_the_running_text_is_an_event_not_the_publication_date(registry):
    briefing, problems = extract(registry, b"De NAVO kwam op maandag 3 februari 2025 bijeen.")
    assert briefing.date is None
    assert "no publication date found" in problems[0].message


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        (b"Kabinet zoekt geld voor defensie\n\ndinsdag 7 december 2021 om 14:05\n\nHet kabinet wil op 1 januari 2023 beginnen.", "2021-12-07"),
        (b"Kabinet zoekt geld\n\n07-12-2021 14:05\n\nOp 1 januari 2023 begint het.", "2021-12-07"),
        (b"Gepubliceerd op de tweede maart 2022\n\nHet plan gaat op 1 mei 2023 in.", "2022-03-02"),
        (b"Geplaatst op 2e maart '22\n\nDe NAVO vergadert.", "2022-03-02"),
        (b"DEN HAAG, 3 februari 2025 - De minister sprak op 1 januari 2024 met de NAVO.", "2025-02-03"),
        (b"Vragen van het lid Jansen (ingezonden 1 december 2021).\n\nAntwoord van minister De Boer (ontvangen 12 januari 2022).\n", "2022-01-12"),
        (b"Bijgewerkt: 3 mei 2024\n\nNieuws\n\n16-09-2022\n\nDe Raad verlengt de sancties tot 15 maart 2023.", "2022-09-16"),
        (b"Bijgewerkt: 3 mei 2024\n\nDe Raad verlengt de sancties.", "2024-05-03"),
        (b"De militarisering van Europa\n\ndoor Jan Jansen\nverschenen in Vredesblad, juni 2010\n\nDe EU wil meer.", "2010-06"),
        (b"Verklaring van de minister-president over de oorlog, 28 februari 2022.\n\nVoorzitter, sinds 24 februari 2022 is het oorlog.", "2022-02-28"),
        (b" date 2022-03\nDe Kamer vergadert\n\nwoensdag 2 maart\n\nDe minister sprak.", "2022-03-02"),
    ],
)
def test_the_publication_date_comes_from_where_a_publication_date_stands(registry, text, iso):
    briefing, _ = extract(registry, text)
    assert briefing.date is not None and briefing.date.iso == iso


@pytest.mark.parametrize(
    "text",
    [
        b"Task Force Noord was een militaire operatie, van 22 oktober 2001 tot 28 december 2014 in het kader van de NAVO.",
        b"Het kabinet\n\nNederland wil de deelname tot 31 december 2024 verlengen, schrijft de minister.",
        b"Op 3 juli 2025 sprak de NAVO.",
    ],
)
def test_an_event_date_never_dates_a_text(registry, text):
    briefing, problems = extract(registry, text, "seeds/x.txt")
    assert briefing.date is None
    assert "' date YYYY-MM-DD'" in problems[0].message and "sidecar" in problems[0].message


def test_no_date_gives_a_warning_naming_the_file_and_still_a_briefing(registry):
    briefing, problems = extract(registry, b"De NAVO kwam bijeen.", "seeds/zonder-datum.txt")
    assert briefing.date is None
    assert [p.file for p in problems] == ["seeds/zonder-datum.txt"]
    assert "no publication date" in problems[0].message


def test_invalid_header_date_warns_and_falls_back_to_the_text(registry):
    briefing, problems = extract(registry, b" date 2025-13\nDEN HAAG, 2 maart 2026 - De NAVO.", "seeds/fout.txt")
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


@pytest.mark.parametrize(
    ("text", "acting"),
    [
        ("Volgens minister van Defensie Karel Smit is dat nodig.", False),
        ("Als minister van Defensie wil zij meer geld.", False),
        ("De ministers van Buitenlandse Zaken en van Defensie sturen de Kamer een brief.", False),
        ("De ministers van Defensie en Financiën stuurden een brief.", False),
        ("De staatssecretaris van Defensie bezocht de kazerne.", False),
        ("De Minister van Buitenlandse Zaken,", False),
        ("Minister Smit (Defensie) en minister De Boer (Buitenlandse Zaken) reisden af.", False),
        ("Defensie maakt bekend dat de oefening doorgaat.", True),
        ("Het ministerie van Buitenlandse Zaken past het reisadvies aan.", True),
        ("Een woordvoerder van Defensie bevestigt dat.", True),
    ],
)
def test_a_ministers_title_names_the_person_not_the_ministry_acting(registry, text, acting):
    from generator.extract.actors import find_actors_in
    from generator.extract.matching import actor_matcher

    found = {m[0] for m in find_actors_in(text, registry, actor_matcher(registry))[0]}
    assert bool(found & {"ministerie-van-defensie", "ministerie-van-buitenlandse-zaken"}) == acting


def test_a_foreign_minister_is_not_the_dutch_ministry(registry):
    from generator.extract.actors import find_actors_in
    from generator.extract.matching import actor_matcher

    matcher = actor_matcher(registry)
    foreign, _, _ = find_actors_in("De Duitse minister van Defensie sprak in Berlijn.", registry, matcher)
    dutch, _, _ = find_actors_in("De Nederlandse minister van Defensie sprak in Den Haag.", registry, matcher)
    plain, _, _ = find_actors_in("Het ministerie van Defensie stuurde een brief.", registry, matcher)
    assert "ministerie-van-defensie" not in {m[0] for m in foreign}
    assert "ministerie-van-defensie" not in {m[0] for m in dutch}  # a title, see below
    assert "ministerie-van-defensie" in {m[0] for m in plain}


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        ("De Franse minister van Buitenlandse Zaken Jean-Noël Barrot waarschuwde.", False),
        ("Op een bijeenkomst van de Europese ministers van Buitenlandse Zaken bleek dat.", False),
        ("Poetins minister van Buitenlandse Zaken Sergej Lavrov noemde het een provocatie.", False),
        ("De ministers van Defensie van de vier landen maakten dat bekend.", False),
        ("Hegseth sprak de ministers van Defensie van zo'n 50 landen toe.", False),
        ("Het ministerie van Buitenlandse Zaken stuurde een brief.", True),
        ("Het Nederlandse ministerie van Defensie stuurde een brief.", True),
    ],
)
def test_an_office_of_another_country_or_of_many_is_not_the_dutch_ministry(registry, text, dutch):
    from generator.extract.actors import find_actors_in
    from generator.extract.matching import actor_matcher

    found = {m[0] for m in find_actors_in(text, registry, actor_matcher(registry))[0]}
    assert bool(found & {"ministerie-van-defensie", "ministerie-van-buitenlandse-zaken"}) == dutch


def test_a_surname_alone_resolves_to_the_full_name_given_before(registry):
    from generator.extract.actors import find_actors_in

    text = ("Kamerlid Marijke Terpstra (CDA) diende een motie in. Volgens Kamerlid Terpstra is het genoeg. "
            "Later sprak ook Terpstra met de minister.")
    mentions, candidates, _ = find_actors_in(text, registry, actor_matcher(registry))
    assert [c.id for c in candidates if c.kind == "person"] == ["marijke-terpstra"]
    assert [m[0] for m in mentions if m[0] == "marijke-terpstra"] == ["marijke-terpstra"] * 3


def test_a_registry_surname_that_is_a_common_word_counts_only_in_a_person_context(registry):
    from generator.extract.actors import find_actors_in

    # `Blok` (a registry person's surname) is also a Dutch word: only a role word makes it the person.
    with_role, candidates, _ = find_actors_in("Minister Blok reist naar Kyiv.", registry, actor_matcher(registry))
    assert "stef-blok" in {m[0] for m in with_role} and not [c for c in candidates if c.kind == "person"]
    without, _, _ = find_actors_in("Een Blok beton viel op de weg.", registry, actor_matcher(registry))
    assert "stef-blok" not in {m[0] for m in without}
def test_news_media_are_the_sources_media_not_its_actors(registry):
    text = (b"BRUSSEL (BELGA/REUTERS) - De NAVO wil meer geld, meldt de Volkskrant. Volgens de NOS stemde de VVD in.\n")
    briefing, _ = extract(registry, text)
    assert briefing.media == ("Belga", "Reuters", "de Volkskrant", "NOS")
    assert set(briefing.actor_ids) == {"navo", "vvd"}
    assert not {c.name for c in briefing.candidates} & {"NOS", "BELGA"}


@pytest.mark.parametrize(
    ("text", "acting"),
    [
        ("Volgens minister Karel Smit van Defensie is dat nodig.", False),
        ("De ministers Smit van Defensie en De Boer van Buitenlandse Zaken schrijven dat.", False),
        ("Oud-minister Anna de Boer van Buitenlandse Zaken was erbij.", False),
        ("Dat zegt minister Karel Smit (Defensie, CDA) na afloop.", False),
        ("Het kabinet trekt 3 miljard euro extra uit voor Defensie.", False),
        ("De Commissie Buitenlandse Zaken van het parlement stemde in.", False),
        ("Ook levert Defensie extra militairen.", True),
    ],
)
def test_a_ministers_name_between_title_and_portfolio_and_money_for_defence_are_no_ministry(registry, text, acting):
    from generator.extract.actors import find_actors_in
    from generator.extract.matching import actor_matcher

    found = {m[0] for m in find_actors_in(text, registry, actor_matcher(registry))[0]}
    assert bool(found & {"ministerie-van-defensie", "ministerie-van-buitenlandse-zaken"}) == acting


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("De Gezamenlijke Planningsraad (GPR) kwam bijeen.", "Gezamenlijke Planningsraad"),
        ("Een XYZ-woordvoerder bevestigde het bericht.", "XYZ"),
        ("Volgens een woordvoerder van de XYZ klopt dat.", "XYZ"),
        ("De missie QRS begint in mei.", "QRS"),
        ("Twee F35's en een KC390 stegen op.", None),
        ("Het toestel van het type TU-160 vloog over.", None),
        ("Vlucht MH17 werd neergeschoten.", None),
        ("Het verbod op CBRN-wapens en het NPT-verdrag gelden nog.", None),
        ("Het Bruto Binnenlands Product (BBPX) groeide.", None),
        ("De operatie Vrije Wind (OVW) liep tot 2014.", None),
        ("De QRS besprak het voorstel.", None),
    ],
)
def test_an_acronym_is_an_organisation_only_when_the_text_says_so(registry, text, name):
    from generator.extract.actors import find_actors_in
    from generator.extract.matching import actor_matcher

    _, candidates, _ = find_actors_in(text, registry, actor_matcher(registry))
    organisations = [c.name for c in candidates if c.kind == "organisation"]
    assert organisations == ([name] if name else [])


def test_a_letter_as_the_official_publication_prints_it(registry):
    text = (
        "12 345 Samenwerking met de buurlanden\n\nNr. 7 BRIEF VAN DE MINISTERS VAN DEFENSIE EN VAN FINANCIËN\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 4 april 2023\n\n"
        "Hierbij informeren wij u over de stand van zaken.\n\n"
        "De Minister van Defensie, K.L. de Vries-Smit\n\nDe Minister van Financiën, P. Jansen\n\n"
        "De samenwerking verloopt goed.\n"
    ).encode()
    briefing, _ = extract(registry, text)
    letter = briefing.letter
    assert (letter.dossier, letter.dossier_title, letter.number) == ("12 345", "Samenwerking met de buurlanden", "7")
    assert letter.senders == "DE MINISTERS VAN DEFENSIE EN VAN FINANCIËN"
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("De Minister van Defensie", "K.L. de Vries-Smit"), ("De Minister van Financiën", "P. Jansen")]
    assert briefing.date.iso == "2023-04-04"


def test_a_sender_line_in_capitals_under_the_number(registry):
    text = b"12 345\nSamenwerking\nNr. 8\nBRIEF VAN DE MINISTER VAN DEFENSIE\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 4 april 2023\nDe brief.\n"
    briefing, _ = extract(registry, text)
    assert briefing.letter.senders == "DE MINISTER VAN DEFENSIE"


def test_a_short_registry_acronym_in_a_line_of_capitals_is_a_word(registry):
    from generator.extract.actors import find_actors_in
    from generator.extract.matching import actor_matcher

    matcher = actor_matcher(registry)
    shouted = {m[0] for m in find_actors_in("WIJ VRAGEN OM DE STEUN VAN ALLEN.", registry, matcher)[0]}
    plain = {m[0] for m in find_actors_in("Het OM vervolgt de verdachte; de VS en de EU reageren.", registry, matcher)[0]}
    assert "openbaar-ministerie" not in shouted
    assert {"openbaar-ministerie", "verenigde-staten", "europese-unie"} <= plain


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Volgens minister Blok is het verdrag van belang.", True),
        ("Blok (VVD) sprak de Kamer toe.", True),
        ("\u201cDat is nodig\u201d, zegt Blok.", True),
        ("Het VVD-Kamerlid Kamp stelde vragen.", True),
        ("In het kamp en bij Kamp Holterhoeve bleef het rustig.", False),
        ("Een blok beton viel op de weg.", False),
        ("Blok voor blok werd de muur gebouwd.", False),
        ("Het Kamp Zeist ligt in Utrecht.", False),
    ],
)
def test_a_surname_that_is_a_common_word_names_the_person_only_in_a_person_context(registry, text, named):
    from generator.extract.actors import find_actors_in
    from generator.extract.matching import actor_matcher

    found = {m[0] for m in find_actors_in(text, registry, actor_matcher(registry))[0]}
    assert bool(found & {"stef-blok", "henk-kamp"}) == named
