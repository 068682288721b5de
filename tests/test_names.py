"""Names the registry does not know: people, organisations, countries; and what is not a name."""

import pytest

from generator.extract.names import find_unknown


def names(text):
    return [(f.name, f.kind) for f in find_unknown(text, [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het overleg met Mark Rutte duurde lang.", [("Mark Rutte", "person")]),
        ("Zij sprak met Ursula von der Leyen.", [("Ursula von der Leyen", "person")]),
        ("Een gesprek met Recep Tayyip Erdoğan volgde.", [("Recep Tayyip Erdoğan", "person")]),
        ("De brief is getekend door D. Yeşilgöz-Zegerius gisteren.", [("D. Yeşilgöz-Zegerius", "person")]),
        ("Volgens premier Kallas Ojamaa is dat zo.", [("Kallas Ojamaa", "person")]),  # a role word marks an unknown given name
        ("De OVSE stuurt waarnemers.", [("OVSE", "organisation")]),
        ("Het ministerie van Buitenlandse Zaken reageerde.", [("ministerie van Buitenlandse Zaken", "organisation")]),
        ("Het Europees Parlement stemde.", [("Europees Parlement", "organisation")]),
        ("De VN-Veiligheidsraad kwam bijeen.", [("VN-Veiligheidsraad", "organisation")]),
        ("Italië en Spanje steunen het plan.", [("Italië", "country"), ("Spanje", "country")]),
        # A rank, a local office or a word describing the person before the given name.
        ("Generaal-majoor Pieter van Dalen is plaatsvervangend commandant.", [("Pieter van Dalen", "person")]),
        ("Basiscommandant Erik Jansen probeerde de gemoederen te bedaren.", [("Erik Jansen", "person")]),
        ("Wethouder Ria van Dongen pleit voor geluidsisolatie.", [("Ria van Dongen", "person")]),
        ("Omwonende Kees Verstegen woont al veertig jaar aan de rand van de basis.", [("Kees Verstegen", "person")]),
        ("Volgens oud-secretaris-generaal Anders Fogh Rasmussen is dat zo.", [("Anders Fogh Rasmussen", "person")]),
    ],
)
def test_unknown_names_are_found(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "De Koude Oorlog is voorbij.",
        "In Den Haag werd vergaderd.",
        "Op Maandag Drie Februari gebeurde niets.",
        "De kruisraket Storm Shadow werkt.",
        "Het Duitse magazine Der Spiegel schreef het.",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "2500 EA  DEN HAAG",
        "Hoofdstuk III gaat over de Zwarte Zee.",
        "Eind Januari komt Het Rapport.",
    ],
)
def test_capitalised_words_that_are_not_names(text):
    assert [n for n in names(text) if n[1] == "person"] == []
    assert "III" not in [n for n, _ in names(text)] and "EA" not in [n for n, _ in names(text)]


def test_registry_spans_are_left_to_the_registry():
    text = "Emmanuel Macron en Mark Rutte."
    found = find_unknown(text, [(0, len("Emmanuel Macron"))])
    assert [f.name for f in found] == ["Mark Rutte"]


def test_weapon_systems_and_command_posts_in_capitals_are_not_organisations():
    found = find_unknown("Oekraïne krijgt ATACMS, NASAMS en B61-bommen niet, zei de SACEUR; de NIDV en de OVSE wel.", [])
    assert sorted(f.name for f in found if f.kind == "organisation") == ["NIDV", "OVSE"]


def test_no_given_name_is_listed_as_a_word_that_never_starts_a_name():
    from generator.extract.lexicon import words

    assert words("not_names") & words("first_names") == frozenset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name ends where the name ends: not at `van` and what follows a surname.
        ("Minister Gerrit Zwart van Landbouw was er niet bij.", ["Gerrit Zwart"]),
        ("Diplomate Ineke Smit van Canada sprak als eerste.", ["Ineke Smit"]),
        ("Commandant Joost Visser van de mariniers bleef achter.", ["Joost Visser"]),
        # After a given name the particle belongs to the surname.
        ("Het gesprek met Wilma van der Veen duurde een uur.", ["Wilma van der Veen"]),
        ("Na Jaap de Groot Bakker sprak niemand meer.", ["Jaap de Groot Bakker"]),
        # Never across a line break: the next line or paragraph is no part of the name.
        ("Voorzitter: Hilde Koster\n\nAanwezig zijn elf leden.", ["Hilde Koster"]),
        ("Analyse door Lotte Brink\nRecent onderzoek wijst uit dat het anders ligt.", ["Lotte Brink"]),
        # A king's number is no part of his name.
        ("Onder Willem-Alexander en Filip I veranderde weinig.", []),
    ],
)
def test_a_name_ends_where_the_name_ends(text, expected):
    assert [f.name for f in find_unknown(text, []) if f.kind == "person"] == expected


def test_given_names_come_from_the_meertens_list_with_the_projects_additions():
    from generator.extract.namelists import given_names

    names_ = given_names()
    # Dutch given names from deduce's list, and foreign ones the project adds.
    assert {"Wilma", "Gerrit", "Joost", "Ineke", "Volodymyr"} <= names_
    # Not the given names that are also ordinary Dutch words, nor sentence openers.
    assert not {"Storm", "Winter", "De", "Aan"} & names_
    assert names(" Een brief van Sjoukje Hiemstra kwam binnen.") == [("Sjoukje Hiemstra", "person")]


def test_a_party_in_parentheses_marks_a_person():
    # Neither first word is a given name the lists know: the party says these are people.
    text = "Ook Zhiwei Wassenaar (SGP) en Yiannis Bruinsma (PvdA) waren tegen, net als Zhiwei Bank."
    assert [n for n, kind in names(text) if kind == "person"] == ["Zhiwei Wassenaar", "Yiannis Bruinsma"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A role, rank or function word before a surname alone.
        ("Volgens CDA-Kamerlid Wiersma is dat te weinig.", ["Wiersma"]),
        ("Dat meldt VN-ambassadeur Petrenko aan de raad.", ["Petrenko"]),
        ("Generaal Hofstede voerde het bevel.", ["Hofstede"]),
        ("Het was hoogleraar Verkerk die het voorstel deed.", ["Verkerk"]),
        ("De ministers Hoogland van Defensie en Boersma van Financiën schrijven het.", ["Hoogland", "Boersma"]),
        # A form of address, with the particle capitalised when no given name precedes it.
        ("De heer Van der Linden vroeg het woord.", ["Van der Linden"]),
        ("Daarna sprak mevrouw De Boer.", ["De Boer"]),
        # A reporting verb next to a known surname.
        ("Het plan is goed, zegt Hoekstra.", ["Hoekstra"]),
        ("Dijkstra zei dat hij het niet wist.", ["Dijkstra"]),
        # A party in parentheses after a surname.
        ("Tegen stemden Smulders (SGP) en Bakker (PVV).", ["Smulders", "Bakker"]),
    ],
)
def test_a_surname_alone_is_a_person_where_the_words_around_it_say_so(text, expected):
    found = [f for f in find_unknown(text, []) if f.kind == "person"]
    assert [f.name for f in found] == expected
    assert all(f.surname_only for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Het plan is goed, aldus Reuters.",  # an agency after a reporting verb
        "Dat zegt Brussel al jaren.",
        "Minister Buitenlandse Zaken is geen naam.",
        "Het Joint Force Command (JFC) in Brunssum en het Veiligheidsbeleid (GVB) van de Unie.",
        "DEN HAAG (ANP) - Het kabinet vergadert.",
        "Het schip Zr.Ms. Tromp vertrok.",
        "De premier Franse stond er niet.",
    ],
)
def test_words_around_a_capitalised_word_that_do_not_make_it_a_person(text):
    assert [f.name for f in find_unknown(text, []) if f.kind == "person"] == []


def test_a_picture_credit_is_no_person_and_the_chair_of_a_report_is():
    assert names("Het gesprek in Den Haag. Beeld Anna Smit\n\nHoewel het regende, kwam iedereen.") == []
    assert [n for n, kind in names("Voorzitter: Hoogkamp\n\nAanwezig zijn elf leden.") if kind == "person"] == ["Hoogkamp"]


def test_the_members_in_an_attendance_list_are_people():
    text = ("Aanwezig zijn 6 leden der Kamer, te weten:\n\n"
            "Aalbersberg, Van den Hoek, Kooistra, Marit de Lange, De Wit en Zijlstra,\n\n"
            "en de heer Terpstra, minister van Defensie.")
    assert [f.name for f in find_unknown(text, []) if f.kind == "person"] == [
        "Aalbersberg", "Van den Hoek", "Kooistra", "Marit de Lange", "De Wit", "Zijlstra", "Terpstra"]
    # Not any sentence with a colon after `aanwezig`.
    assert [f for f in find_unknown("Aanwezig: Defensie en Financiën.", []) if f.kind == "person"] == []


def test_a_capitalised_surname_particle_belongs_to_the_name():
    # Belgian usage: the particle keeps its capital after the given name.
    text = "In de Kamer reageerde Kamerlid Wouter Van den Broeck scherp, net als Hilde De Smet."
    found = {f.name: f.kind for f in find_unknown(text, [])}
    assert found.get("Wouter Van den Broeck") == "person"
    assert found.get("Hilde De Smet") == "person"
