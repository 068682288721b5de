import pytest

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
