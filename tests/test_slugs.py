import shutil

import pytest

from generator.config import ROOT
from generator.slugs import briefing_slug, relative_link, slugify, unique_slugs


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Oekraïne en de NAVO", "oekraine-en-de-navo"),
        ("NAVO's nucleaire missie", "navos-nucleaire-missie"),
        ("Yeşilgöz-Zegerius over Volkel", "yesilgoz-zegerius-over-volkel"),
        ("../../etc/passwd", "etc-passwd"),
        ("“‘’”", "briefing"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_long_titles_are_cut_on_a_word_boundary():
    slug = slugify("De Europese bondgenoten van Oekraïne zijn het niet allemaal eens over de voorgestelde inzet")
    assert len(slug) <= 60
    assert "oekraine" in slug and not slug.endswith("-")


def test_briefing_slug_starts_with_the_date_at_its_precision():
    assert briefing_slug("Kernwapens", "2025-07", "x") == "2025-07-kernwapens"
    assert briefing_slug("Kernwapens", None, "x") == "kernwapens"
    assert briefing_slug("", None, "000_abc") == "000-abc"


def test_briefing_slug_does_not_end_on_a_dangling_word():
    slug = briefing_slug("Frankrijk en het Verenigd Koninkrijk hebben afgesproken dat ze nauwer gaan samenwerken", "2025-07", "x")
    assert slug == "2025-07-frankrijk-en-het-verenigd-koninkrijk-hebben-afgesproken"


def test_repeated_slugs_get_a_stable_suffix():
    assert unique_slugs(["a", "b", "a", "a", "a-2"]) == ["a", "b", "a-3", "a-4", "a-2"]


@pytest.mark.parametrize(
    ("src", "dst", "link"),
    [
        ("briefings/x.md", "actors/navo.md", "../actors/navo.md"),
        ("index.md", "briefings/x.md", "briefings/x.md"),
        ("actors/a.md", "actors/b.md", "b.md"),
        ("feeds/actors/a.xml", "actors/a.md", "../../actors/a.md"),
        ("briefings/x.md", "index.md", "../index.md"),
        ("index.md", "timeline.md", "timeline.md"),
    ],
)
def test_relative_links(src, dst, link):
    assert relative_link(src, dst) == link


def test_a_published_address_survives_a_change_of_the_title_rule(tmp_path, monkeypatch):
    """Built once while `Zr.Ms.` still ended a sentence, the page keeps its address after the
    rule is fixed; a new source gets the fixed rule, and an explicit slug still wins."""
    from generator.config import Config
    from generator.extract import text
    from generator.pipeline import build

    seeds, docs, data = tmp_path / "seeds", tmp_path / "docs", tmp_path / "data"
    seeds.mkdir()
    shutil.copytree(ROOT / "data", data)
    (seeds / "001_fregat.txt").write_text(" date 2025-03\nHet fregat Zr.Ms. Tromp vertrekt naar de Oostzee voor een NAVO-oefening. Daar oefent het schip.\n", encoding="utf-8")
    config = Config(sources=seeds, docs=docs, data=data, root=tmp_path)

    monkeypatch.setattr(text, "_ABBREVIATIONS", text._ABBREVIATIONS - {"zr.ms"})
    build(config)
    assert [p.name for p in (docs / "briefings").glob("2025-*.md")] == ["2025-03-het-fregat-zr-ms.md"]

    monkeypatch.undo()
    (seeds / "002_fregat.txt").write_text(" date 2025-04\nHet fregat Zr.Ms. Evertsen vertrekt naar de Noordzee voor een NAVO-oefening. Daar oefent het schip.\n", encoding="utf-8")
    report = build(config)
    assert report.errors == 0
    names = sorted(p.name for p in (docs / "briefings").glob("2025-*.md"))
    assert names == ["2025-03-het-fregat-zr-ms.md", "2025-04-het-fregat-zr-ms-evertsen-vertrekt-naar-de-noordzee.md"]
    page = (docs / "briefings" / "2025-03-het-fregat-zr-ms.md").read_text(encoding="utf-8")
    assert "title: Het fregat Zr.Ms. Tromp vertrekt naar de Oostzee voor een NAVO-oefening" in page

    build(config)  # and again: nothing moves
    assert sorted(p.name for p in (docs / "briefings").glob("2025-*.md")) == names

    (seeds / "001_fregat.yml").write_text("slug: fregat-tromp\n", encoding="utf-8")
    build(config)
    assert sorted(p.name for p in (docs / "briefings").glob("*.md")) == ["2025-04-het-fregat-zr-ms-evertsen-vertrekt-naar-de-noordzee.md", "fregat-tromp.md", "index.md"]


def test_a_new_page_never_takes_a_published_address():
    assert unique_slugs(["a", "a", "b"], first={1}) == ["a-2", "a", "b"]
