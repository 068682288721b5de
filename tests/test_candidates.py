"""Candidate actors (names not in data/actors.yml): found whole, never a ship's prefix or a
lexicon word, never a page without a briefing, and marked as unreviewed wherever they are shown."""

import json
from pathlib import Path

from generator.config import Config
from generator.extract.actors import find_actors_in
from generator.extract.matching import actor_matcher
from generator.pipeline import build
from tests.test_write import snapshot

FLEET = (
    "De oefening BALTOPS begint maandag in de Oostzee met schepen van twaalf landen. "
    "Het Amerikaanse schip USS Mount Whitney leidt de vloot, samen met HNLMS Tromp en HMS Albion. "
    "Ook Zr.Ms. Evertsen en Hr.Ms. Karel Doorman varen mee. Het systeem NASAMS beschermt de haven."
)


def candidates(text, registry):
    _, found, _ = find_actors_in(text, registry, actor_matcher(registry))
    return sorted(c.name for c in found)


def test_acronyms_keep_all_their_letters(registry):
    assert "BALTOPS" in candidates(FLEET, registry)
    assert not any(name in ("BALTOP", "DOCTYP") for name in candidates(FLEET + " Bovenaan stond DOCTYPE als kop.", registry))


def test_ship_prefixes_and_ship_names_are_never_candidates(registry):
    found = candidates(FLEET, registry)
    for name in ("USS", "HNLMS", "HMS", "Zr.Ms.", "Hr.Ms.", "Karel Doorman", "Zr.Ms. Evertsen"):
        assert name not in found, found


def test_a_lexicon_word_is_no_candidate_in_the_form_it_is_written(registry, monkeypatch):
    from generator.extract import actors as extract

    assert "NASAMS" not in candidates(FLEET, registry)
    real = extract.words
    monkeypatch.setattr(extract, "words", lambda name: real(name) | {"BALTOPS"} if name == "not_acronyms" else real(name))
    assert "BALTOPS" not in candidates(FLEET, registry)  # the entry for the real (whole) form works


def make(tmp_path: Path, text: str) -> Config:
    root = Path(__file__).resolve().parents[1]
    (tmp_path / "seeds").mkdir()
    (tmp_path / "data").mkdir()
    for name in ("actors.yml", "topics.yml"):
        (tmp_path / "data" / name).write_bytes((root / "data" / name).read_bytes())
    (tmp_path / "seeds" / "001_oefening.txt").write_text(f" date 2025-06\n{text}\n", encoding="utf-8")
    return Config(sources=tmp_path / "seeds", docs=tmp_path / "docs", data=tmp_path / "data", root=tmp_path)


# BALTOPS named twice: evidence enough for a page of its own.
TWICE = FLEET + " BALTOPS duurt twee weken."


def test_a_candidate_that_no_briefing_names_gets_no_page_and_no_zero_entry(tmp_path):
    config = make(tmp_path, TWICE)
    build(config)
    assert (tmp_path / "docs" / "actors" / "baltops.md").exists()
    (tmp_path / "seeds" / "001_oefening.yml").write_text("actors:\n  remove: [baltops]\n", encoding="utf-8")
    report = build(config)
    assert report.errors == 0
    assert not (tmp_path / "docs" / "actors" / "baltops.md").exists()
    index = (tmp_path / "docs" / "actors" / "index.md").read_text(encoding="utf-8")
    unreviewed = index.split("## Nog niet gecontroleerd")[1] if "## Nog niet gecontroleerd" in index else ""
    assert "BALTOPS" not in index and "(0)" not in unreviewed
    assert "baltops" not in {actor_id for actor_id, *_ in report.candidates}


def test_unreviewed_actors_are_marked_in_words_on_chips_lists_and_the_graph(tmp_path):
    config = make(tmp_path, TWICE + " De NAVO en Frankrijk doen ook mee.")
    build(config)
    docs = tmp_path / "docs"
    page = next((docs / "briefings").glob("2025-06-*.md")).read_text(encoding="utf-8")
    assert "unreviewed:\n- baltops" in page  # the briefing header marks these chips
    header = (Path(__file__).resolve().parents[1] / "overrides" / "partials" / "briefing-header.html").read_text(encoding="utf-8")
    assert "briefing-chip--unreviewed" in header and "(nog niet gecontroleerd)" in header
    # Lists: the name is followed by the words, a reviewed name is not.
    graph_page = (docs / "graph.md").read_text(encoding="utf-8")
    assert "[BALTOPS](actors/baltops.md) *(nog niet gecontroleerd)*" in graph_page
    assert "[NAVO](actors/navo.md) *(nog niet gecontroleerd)*" not in graph_page
    assert "nog niet gecontroleerd" in graph_page.split("<div")[0]  # the legend explains the graph's mark
    nodes = {n["id"]: n for n in json.loads((docs / "data" / "graph.json").read_text(encoding="utf-8"))["nodes"]}
    assert nodes["baltops"]["reviewed"] is False and nodes["navo"]["reviewed"] is True
    actor = (docs / "actors" / "baltops.md").read_text(encoding="utf-8")
    assert '!!! note "Nog niet gecontroleerd"' in actor


def test_an_acronym_ending_a_sentence_is_no_title_for_the_next_word(registry):
    """`mr.` before a surname is a title; `MR.` (a party's name at the end of a sentence) is not,
    so the plural noun opening the next sentence is no person."""
    text = "Zij sprak met de Franse partij MR. Critici wijzen erop dat het niet genoeg is. Critici zeggen het opnieuw."
    assert "Critici" not in candidates(text, registry)
    assert "Verschuren" in candidates("Zij sprak met mr. Verschuren over de zaak.", registry)


def test_a_ministers_portfolio_in_a_signature_is_no_person(registry):
    """`De minister van Infrastructuur en Milieu,` above a signature: the portfolio is no surname
    (a surname alone is capitalised, `minister Van Dijk`), and neither are the words joined to it."""
    text = ("De minister van Infrastructuur en Milieu,\n\nA.B. Verschuren\n\n"
            "De minister van Volksgezondheid, Welzijn en Sport,\n\nC.D. Hoogendijk\n")
    found = candidates(text, registry)
    assert not any(name in found for name in ("van Infrastructuur", "Milieu", "van Volksgezondheid", "Welzijn")), found
    assert "A.B. Verschuren" in found and "C.D. Hoogendijk" in found
    assert "Van Dijk" in candidates("Volgens minister Van Dijk is het genoeg.", registry)


def test_a_name_found_once_without_role_or_quotation_gets_no_page_until_a_second_mention(tmp_path):
    """Weak evidence: listed by the build for curators and shown on its briefing as text, with no
    page, feed or graph node; a second mention (here in another source) gives it its page, and
    the rebuild (from the build cache) links it on the first briefing too."""
    from dataclasses import replace

    config = replace(make(tmp_path, FLEET), cache=tmp_path / ".cache")
    report = build(config)
    docs = tmp_path / "docs"
    assert not (docs / "actors" / "baltops.md").exists() and not (docs / "feeds" / "actors" / "baltops.xml").exists()
    assert ("baltops", "BALTOPS", "organisation", 0) in report.candidates
    page = next((docs / "briefings").glob("2025-06-*.md")).read_text(encoding="utf-8")
    assert "unlisted:\n- baltops" in page and "actors/baltops" not in page.split("\n---\n", 1)[1]
    assert "baltops" not in {n["id"] for n in json.loads((docs / "data" / "graph.json").read_text(encoding="utf-8"))["nodes"]}
    (tmp_path / "seeds" / "002_vervolg.txt").write_text(" date 2025-07\nDe oefening BALTOPS is voorbij.\n", encoding="utf-8")
    build(config)
    assert (docs / "actors" / "baltops.md").exists()
    # Pages the first build wrote that now list or link it (seen together, topics) follow too.
    fresh = replace(config, docs=tmp_path / "fresh", cache=None)
    build(fresh)
    assert snapshot(docs) == snapshot(tmp_path / "fresh")
    page = next((docs / "briefings").glob("2025-06-*.md")).read_text(encoding="utf-8")
    assert "unlisted:" not in page and "actors/baltops" in page.split("\n---\n", 1)[1]


def test_a_month_or_day_in_capitals_is_no_acronym(registry):
    text = "RAAD BUITENLANDSE ZAKEN\n\nVERSLAG VAN 23 JANUARI\n\nDe ministers spraken over de OVSE. Op MAANDAG volgt meer."
    found = candidates(text, registry)
    assert "JANUARI" not in found and "MAANDAG" not in found


def test_words_of_a_heading_in_capitals_are_no_acronyms(registry):
    text = "BESLUIT VAN DE REGERINGSLEIDERS, LISSABON, 25 MEI\n\nDe OVSE en de IAEA waren erbij."
    found = candidates(text, registry)
    assert "LISSABON" not in found and "REGERINGSLEIDERS" not in found
