import pytest

from generator.extract.actors import counted
from generator.extract.matching import NameMatcher, actor_matcher


@pytest.fixture(scope="module")
def matcher(registry):
    return actor_matcher(registry)


def find_actors(text, matcher):
    """Registry actors only, counted as a briefing counts them."""
    return counted(list(matcher.finditer(text)))


def ids(text, matcher):
    return [m.actor_id for m in find_actors(text, matcher)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De NAVO-landen spraken af.", ["navo"]),
        ("Volgens de NATO is dat zo.", ["navo"]),
        ("Macrons plan en NAVO's missie.", ["emmanuel-macron", "navo"]),
        ("Het VK en de VS.", ["verenigd-koninkrijk", "verenigde-staten"]),
        ("De EU-landen en de Europese Unie.", ["europese-unie"]),
        ("Moskou en Kiev praten niet; Kyiv wel.", ["oekraine", "rusland"]),
        ("Ursula von der Leyen en Von der Leyen.", ["ursula-von-der-leyen"]),
        ("De Britse premier en de Franse president.", ["frankrijk", "verenigd-koninkrijk"]),
    ],
)
def test_registry_names_and_aliases_resolve_to_one_actor(text, expected, matcher):
    assert sorted(ids(text, matcher)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Europa moet zichzelf verdedigen.",  # the continent is not the EU
        "Een vsb-polis en de eu-norm.",  # case matters for VS and EU
        "Hij macroneconomisch bezien.",  # no match inside a word
        "Fransen en Europeanen.",  # inhabitants are only matched when listed
        "NAVOS en EUROPA",
    ],
)
def test_no_false_matches(text, matcher):
    found = ids(text, matcher)
    assert "europese-unie" not in found and "verenigde-staten" not in found and "emmanuel-macron" not in found
    assert "navo" not in found


def test_longest_name_wins():
    matcher = NameMatcher({"Verenigd Koninkrijk": "vk", "Koninkrijk": "nl"})
    assert [k for k, *_ in matcher.finditer("het Verenigd Koninkrijk")] == ["vk"]


def test_counts_and_first_mention():
    matcher = NameMatcher({"NAVO": "navo", "EU": "eu"})
    mentions = find_actors("EU en NAVO, NAVO en NAVO-top.", matcher)
    assert [(m.actor_id, m.count, m.first) for m in mentions] == [("navo", 3, 6), ("eu", 1, 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Defensie-uitgaven stijgen fors.", []),  # defence spending, not the ministry
        ("De Defensie-industrie en de anti-Defensie-lobby.", []),
        ("Defensie meldt dat; Tuinman (Defensie) ook.", ["gijs-tuinman", "ministerie-van-defensie"]),
        ("Het ministerie van Defensie-uitgaven.", ["ministerie-van-defensie"]),  # only the listed form stands alone
        ("De NAVO-landen en Defensie-top.", ["navo"]),  # other forms still start compounds
    ],
)
def test_a_form_that_is_also_a_common_word_names_the_actor_only_on_its_own(text, expected, matcher):
    assert sorted(set(ids(text, matcher))) == expected


def test_forms_listed_alone_are_skipped_in_compounds_by_both_ways_of_matching():
    few = NameMatcher({"Defensie": "def"}, alone={"Defensie"})
    many = NameMatcher({"Defensie": "def", **{f"Naam{i}": f"n{i}" for i in range(NameMatcher.SMALL + 1)}}, alone={"Defensie"})
    for matcher in (few, many):
        assert [k for k, *_ in matcher.finditer("Defensie-uitgaven, Defensie, Defensie's en pro-Defensie")] == ["def", "def"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Een VVD'er en twee CDA'ers stemden tegen.", ["cda", "vvd"]),
        ("Het D66-Kamerlid en de PVV-fractie.", ["d66", "pvv"]),
        ("De SP’ers en een oud-PvdA-wethouder.", ["pvda", "sp"]),
        ("GroenLinks-PvdA diende een motie in; GroenLinks deed dat eerder alleen.", ["groenlinks", "groenlinks-pvda"]),
        ("De N-VA, Vooruit en CD&V vormen samen met Open Vld een meerderheid.", ["cd-v", "n-va", "open-vld", "vooruit"]),
        ("Het Tweede Kamerlid stelde vragen.", []),
        ("De Amerikaanse Senaat stemde.", ["verenigde-staten"]),
    ],
)
def test_parties_in_compounds_and_inflected_forms(text, expected, matcher):
    assert sorted(set(ids(text, matcher))) == expected


@pytest.mark.parametrize("text", ["Een VVD'er sprak.", "De VVD'ers spraken.", "De VVD-fractie sprak.", "VVD-leider X sprak."])
def test_the_small_matcher_finds_the_same_inflected_forms_as_the_regex(text):
    small = NameMatcher({"VVD": "vvd"})
    big = NameMatcher({"VVD": "vvd", **{f"Naam{i}": f"n{i}" for i in range(NameMatcher.SMALL + 1)}})
    assert big._regex is not None and small._regex is None
    assert [k for k, _, _ in small.finditer(text)] == [k for k, _, _ in big.finditer(text)] == ["vvd"]


def test_signed_initials_name_the_cabinet_member(matcher):
    assert ids("De Minister van Buitenlandse Zaken, A.G. Koenders", matcher)[-1] == "bert-koenders"
    assert "jeanine-hennis-plasschaert" in ids("De Minister van Defensie, J.A. Hennis-Plasschaert", matcher)
