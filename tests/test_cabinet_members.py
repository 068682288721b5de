"""The members of the Dutch cabinets since 2010 in data/actors.yml: every one is there with a
dated description, a letter signed with the initials names the signatory, and a surname that is
also a common word (or that two members share) does not name anyone on its own."""

import re

import pytest

from generator.extract.briefing import extract_briefing, find_actors_in, topic_patterns
from generator.extract.matching import actor_matcher
from generator.inputs.sources import read_source

# Ministers and staatssecretarissen per cabinet, replacements during a term included; a person
# who served in several cabinets is listed under each.
CABINETS = {
    "Rutte I": [
        "mark-rutte", "maxime-verhagen", "uri-rosenthal", "ivo-opstelten", "piet-hein-donner", "liesbeth-spies",
        "jan-kees-de-jager", "hans-hillen", "edith-schippers", "henk-kamp", "marja-van-bijsterveldt",
        "melanie-schultz-van-haegen", "gerd-leers", "ben-knapen", "fred-teeven", "frans-weekers", "henk-bleker",
        "halbe-zijlstra", "joop-atsma", "marlies-veldhuijzen-van-zanten", "paul-de-krom",
    ],
    "Rutte II": [
        "mark-rutte", "lodewijk-asscher", "frans-timmermans", "bert-koenders", "lilianne-ploumen", "ronald-plasterk",
        "stef-blok", "henk-kamp", "ivo-opstelten", "ard-van-der-steur", "jeroen-dijsselbloem", "jet-bussemaker",
        "jeanine-hennis-plasschaert", "klaas-dijkhoff", "melanie-schultz-van-haegen", "edith-schippers", "co-verdaas",
        "sharon-dijksma", "martijn-van-dam", "frans-weekers", "eric-wiebes", "fred-teeven", "sander-dekker",
        "wilma-mansveld", "jetta-klijnsma", "martin-van-rijn",
    ],
    "Rutte III": [
        "mark-rutte", "hugo-de-jonge", "kajsa-ollongren", "carola-schouten", "halbe-zijlstra", "stef-blok", "sigrid-kaag",
        "ben-knapen", "tom-de-bruijn", "ferd-grapperhaus", "sander-dekker", "wopke-hoekstra", "ank-bijleveld", "henk-kamp",
        "bruno-bruins", "martin-van-rijn", "tamara-van-ark", "ingrid-van-engelshoven", "arie-slob", "cora-van-nieuwenhuizen",
        "barbara-visser", "eric-wiebes", "bas-van-t-wout", "wouter-koolmees", "raymond-knops", "menno-snel",
        "alexandra-van-huffelen", "hans-vijlbrief", "mark-harbers", "ankie-broekers-knol", "dennis-wiersma", "paul-blokhuis",
        "stientje-van-veldhoven", "steven-van-weyenberg", "mona-keijzer", "dilan-yesilgoz-zegerius",
    ],
    "Rutte IV": [
        "mark-rutte", "sigrid-kaag", "wopke-hoekstra", "carola-schouten", "rob-jetten", "karien-van-gennip",
        "liesje-schreinemacher", "hanke-bruins-slot", "geoffrey-van-leeuwen", "dilan-yesilgoz-zegerius", "franc-weerwind",
        "hugo-de-jonge", "robbert-dijkgraaf", "dennis-wiersma", "marielle-paul", "steven-van-weyenberg", "kajsa-ollongren",
        "mark-harbers", "micky-adriaansens", "henk-staghouwer", "piet-adema", "christianne-van-der-wal", "ernst-kuipers",
        "conny-helder", "pia-dijkstra", "eric-van-der-burg", "alexandra-van-huffelen", "gunay-uslu", "fleur-graper",
        "marnix-van-rij", "aukje-de-vries", "christophe-van-der-maat", "vivianne-heijnen", "hans-vijlbrief",
        "maarten-van-ooijen",
    ],
    "Schoof": [
        "dick-schoof", "fleur-agema", "sophie-hermans", "eddy-van-hijum", "mona-keijzer", "caspar-veldkamp",
        "david-van-weel", "reinette-klever", "marjolein-faber", "judith-uitermark", "eppo-bruins", "eelco-heinen",
        "ruben-brekelmans", "barry-madlener", "dirk-beljaarts", "femke-wiersma", "ingrid-coenradie", "teun-struycken",
        "zsolt-szabo", "eddie-van-marum", "marielle-paul", "folkert-idsinga", "nora-achahbar", "tjebbe-van-oostenbruggen",
        "sandra-palmen", "gijs-tuinman", "chris-jansen", "jurgen-nobel", "jean-rummenie", "vicky-maeijer",
        "vincent-karremans", "robert-tieman", "danielle-jansen", "hanneke-boerma", "thierry-aartsen", "judith-tielen",
        "nicki-pouw-verweij", "foort-van-oosten", "frank-rijkaart", "gouke-moes", "jan-anthonie-bruijn", "aukje-de-vries",
        "arno-rutte", "koen-becking", "eric-heijnen",
    ],
}

# (the signature's role line, the initials the letter is signed with, the registry id)
SIGNED = [
    ("De Minister van Volksgezondheid, Welzijn en Sport", "E.I. Schippers", "edith-schippers"),
    ("De Minister van Onderwijs, Cultuur en Wetenschap", "J.M. van Bijsterveldt-Vliegenthart", "marja-van-bijsterveldt"),
    ("De Minister van Infrastructuur en Milieu", "M.H. Schultz van Haegen-Maas Geesteranus", "melanie-schultz-van-haegen"),
    ("De Minister voor Immigratie en Asiel", "G.B.M. Leers", "gerd-leers"),
    ("De Staatssecretaris van Buitenlandse Zaken", "H.P.M. Knapen", "ben-knapen"),
    ("De Staatssecretaris van Infrastructuur en Milieu", "J.J. Atsma", "joop-atsma"),
    ("De Staatssecretaris van Volksgezondheid, Welzijn en Sport", "M. Veldhuijzen van Zanten-Hyllner", "marlies-veldhuijzen-van-zanten"),
    ("De Staatssecretaris van Sociale Zaken en Werkgelegenheid", "P. de Krom", "paul-de-krom"),
    ("De Staatssecretaris van Economische Zaken, Landbouw en Innovatie", "H. Bleker", "henk-bleker"),
    ("De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", "E.M.J. Ploumen", "lilianne-ploumen"),
    ("De Minister van Onderwijs, Cultuur en Wetenschap", "M. Bussemaker", "jet-bussemaker"),
    ("De Minister van Defensie", "J.A. Hennis-Plasschaert", "jeanine-hennis-plasschaert"),
    ("De Staatssecretaris van Economische Zaken", "S.A.M. Dijksma", "sharon-dijksma"),
    ("De Staatssecretaris van Economische Zaken", "M.H.P. van Dam", "martijn-van-dam"),
    ("De Staatssecretaris van Sociale Zaken en Werkgelegenheid", "J. Klijnsma", "jetta-klijnsma"),
    ("De Staatssecretaris van Volksgezondheid, Welzijn en Sport", "M.J. van Rijn", "martin-van-rijn"),
    ("De Minister van Binnenlandse Zaken en Koninkrijksrelaties", "K.H. Ollongren", "kajsa-ollongren"),
    ("De Minister van Volksgezondheid, Welzijn en Sport", "H.M. de Jonge", "hugo-de-jonge"),
    ("De Minister van Defensie", "A.Th.B. Bijleveld-Schouten", "ank-bijleveld"),
    ("De Staatssecretaris van Defensie", "B. Visser", "barbara-visser"),
    ("De Minister van Onderwijs, Cultuur en Wetenschap", "I.K. van Engelshoven", "ingrid-van-engelshoven"),
    ("De Minister voor Basis- en Voortgezet Onderwijs en Media", "A. Slob", "arie-slob"),
    ("De Minister van Infrastructuur en Waterstaat", "C. van Nieuwenhuizen-Wijbenga", "cora-van-nieuwenhuizen"),
    ("De Staatssecretaris van Sociale Zaken en Werkgelegenheid", "T. van Ark", "tamara-van-ark"),
    ("De Staatssecretaris van Volksgezondheid, Welzijn en Sport", "P. Blokhuis", "paul-blokhuis"),
    ("De Staatssecretaris van Financiën", "A.C. van Huffelen", "alexandra-van-huffelen"),
    ("De Minister voor Klimaat en Energie", "R.A.A. Jetten", "rob-jetten"),
    ("De Minister van Sociale Zaken en Werkgelegenheid", "C.E.G. van Gennip", "karien-van-gennip"),
    ("De Minister van Volksgezondheid, Welzijn en Sport", "E.J. Kuipers", "ernst-kuipers"),
    ("De Minister van Onderwijs, Cultuur en Wetenschap", "R.H. Dijkgraaf", "robbert-dijkgraaf"),
    ("De Minister voor Primair en Voortgezet Onderwijs", "M.L.J. Paul", "marielle-paul"),
    ("De Minister voor Natuur en Stikstof", "C. van der Wal-Zeggelink", "christianne-van-der-wal"),
    ("De Staatssecretaris van Financiën", "A. de Vries", "aukje-de-vries"),
    ("De Staatssecretaris van Onderwijs, Cultuur en Wetenschap", "G. Uslu", "gunay-uslu"),
    ("De Staatssecretaris van Defensie", "C.A. van der Maat", "christophe-van-der-maat"),
    ("De Minister-President, Minister van Algemene Zaken", "H.W.M. Schoof", "dick-schoof"),
    ("De Minister van Defensie", "R.P. Brekelmans", "ruben-brekelmans"),
    ("De Minister van Buitenlandse Zaken", "C.C.J. Veldkamp", "caspar-veldkamp"),
    ("De Minister van Buitenlandse Zaken", "D.M. van Weel", "david-van-weel"),
    ("De Minister van Asiel en Migratie", "M.H.M. Faber-van de Klashorst", "marjolein-faber"),
    ("De Minister van Klimaat en Groene Groei", "S.Th.M. Hermans", "sophie-hermans"),
    ("De Minister van Infrastructuur en Waterstaat", "B. Madlener", "barry-madlener"),
    ("De Minister van Onderwijs, Cultuur en Wetenschap", "E.E.W. Bruins", "eppo-bruins"),
    ("De Minister van Landbouw, Visserij, Voedselzekerheid en Natuur", "F.M. Wiersma", "femke-wiersma"),
    ("De Minister van Volksgezondheid, Welzijn en Sport", "D.E.M.C. Jansen", "danielle-jansen"),
    ("De Minister van Economische Zaken", "V.P.G. Karremans", "vincent-karremans"),
    ("De Staatssecretaris van Justitie en Veiligheid", "T.H.D. Struycken", "teun-struycken"),
    ("De Staatssecretaris van Justitie en Veiligheid", "A.C.L. Rutte", "arno-rutte"),
    ("De Staatssecretaris van Infrastructuur en Waterstaat", "Ch.A. Jansen", "chris-jansen"),
    ("De Staatssecretaris van Volksgezondheid, Welzijn en Sport", "J.Z.C.M. Tielen", "judith-tielen"),
    ("De Staatssecretaris van Financiën", "E.H.J. Heijnen", "eric-heijnen"),
    ("De Staatssecretaris van Financiën", "S.Th.P.H. Palmen", "sandra-palmen"),
]

# (a surname that is also a common word or a very common surname, the person, an ordinary
# sentence in which it names nobody)
COMMON_WORD_SURNAMES = [
    ("Schippers", "edith-schippers", "Schippers en sluiswachters klagen over de lage waterstand."),
    ("Bleker", "henk-bleker", "Bleker dan ooit kwam de zon die ochtend op."),
    ("Schultz", "melanie-schultz-van-haegen", "Volgens de Amerikaanse ondernemer Howard Schultz groeit de markt."),
    ("Van Dam", "martijn-van-dam", "Van Dam tot Dam loopt de route langs het water."),
    ("Van Rijn", "martin-van-rijn", "Het museum toont werk van Rembrandt. Van Rijn schilderde dit in 1642."),
    ("De Jonge", "hugo-de-jonge", "De Jonge Akademie van de KNAW publiceerde een advies over de universiteiten."),
    ("Slob", "arie-slob", "Een Slob in een te grote jas stond bij de deur."),
    ("Kuipers", "ernst-kuipers", "De gebroeders Kuipers openden een fietsenwinkel in Zwolle."),
    ("Dijkgraaf", "robbert-dijkgraaf", "Dijkgraaf Jansen van het waterschap opende het gemaal."),
    ("Van der Wal", "christianne-van-der-wal", "Het bedrijf Van der Wal Transport rijdt naar Rotterdam."),
    ("De Vries", "aukje-de-vries", "De Vries en Zonen leveren het hout voor de brug."),
    ("Dijkstra", "pia-dijkstra", "Het biljartcafé Dijkstra aan de markt gaat dicht."),
    ("Nobel", "jurgen-nobel", "Het fonds van Alfred Nobel keert elk jaar de prijzen uit."),
    ("Moes", "gouke-moes", "Moes van zure appels hoort bij het eten."),
    ("Palmen", "sandra-palmen", "Palmen langs de boulevard wuiven in de wind."),
]

# Surnames two cabinet members share: neither is named by the surname alone, each by the full name.
SHARED_SURNAMES = [
    ("Bruins", {"Bruno Bruins": "bruno-bruins", "Eppo Bruins": "eppo-bruins"}),
    ("Wiersma", {"Dennis Wiersma": "dennis-wiersma", "Femke Wiersma": "femke-wiersma"}),
    ("Jansen", {"Chris Jansen": "chris-jansen", "Daniëlle Jansen": "danielle-jansen"}),
    ("Heijnen", {"Vivianne Heijnen": "vivianne-heijnen", "Eric Heijnen": "eric-heijnen"}),
]

YEAR = re.compile(r"\b(20[1-2]\d)\b")


def all_members():
    return sorted({member for members in CABINETS.values() for member in members})


def mentioned(registry, text: str) -> set[str]:
    return {m[0] for m in find_actors_in(text, registry, actor_matcher(registry))[0]}


def letter(role: str, signature: str) -> bytes:
    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2015\n\n"
            "Hierbij stuur ik u de voortgangsrapportage over het programma, zoals eerder toegezegd.\n\n"
            f"{role},\n{signature}\n")
    return text.encode("utf-8")


@pytest.mark.parametrize("actor_id", all_members())
def test_every_cabinet_member_is_a_person_with_a_dated_description_of_the_office(registry, actor_id):
    actor = registry.actor_by_id.get(actor_id)
    assert actor is not None, f"{actor_id} is missing from data/actors.yml"
    assert actor.kind == "person"
    years = [int(y) for y in YEAR.findall(actor.description)]
    assert years and max(years) >= 2010, actor.description
    assert re.search(r"minister|staatssecretaris|premier", actor.description, re.IGNORECASE), actor.description


@pytest.mark.parametrize(("role", "signature", "actor_id"), SIGNED, ids=[s[1] for s in SIGNED])
def test_a_letter_signed_with_the_initials_names_the_signatory(registry, role, signature, actor_id):
    source, problems = read_source(letter(role, signature), "seeds/brief.txt", "text")
    assert source is not None, problems
    briefing, _ = extract_briefing(source, registry, actor_matcher(registry), topic_patterns(registry.topics))
    assert [s.name for s in briefing.letter.signatories] == [signature]
    assert actor_id in briefing.actor_ids
    assert not [c.name for c in briefing.candidates if c.name in signature]  # not also an unknown person


@pytest.mark.parametrize(("surname", "actor_id", "ordinary"), COMMON_WORD_SURNAMES, ids=[c[0] for c in COMMON_WORD_SURNAMES])
def test_a_common_word_surname_names_the_person_only_in_a_person_context(registry, surname, actor_id, ordinary):
    assert actor_id not in mentioned(registry, ordinary)
    assert actor_id in mentioned(registry, f"Volgens minister {surname} is het besluit genomen.")
    assert actor_id in mentioned(registry, f"Dat is niet genoeg, zei {surname} dinsdag.")


@pytest.mark.parametrize(("surname", "people"), SHARED_SURNAMES, ids=[s[0] for s in SHARED_SURNAMES])
def test_a_surname_two_members_share_names_neither_on_its_own(registry, surname, people):
    alone = mentioned(registry, f"Volgens minister {surname} is het besluit genomen, zei {surname} later.")
    assert not alone & set(people.values())
    for full_name, actor_id in people.items():
        assert mentioned(registry, f"Volgens {full_name} is het besluit genomen.") & set(people.values()) == {actor_id}


def test_the_prime_ministers_surname_stays_his_though_a_staatssecretaris_shares_it(registry):
    # Rutte alone is by far the former prime minister; the staatssecretaris is named in full or by initials.
    assert mentioned(registry, "Premier Rutte sprak met de NAVO-partners.") & {"mark-rutte", "arno-rutte"} == {"mark-rutte"}
    assert mentioned(registry, "Staatssecretaris Arno Rutte stuurde de Kamer een brief.") & {"mark-rutte", "arno-rutte"} == {"arno-rutte"}


def test_a_surname_with_a_particle_is_found_as_texts_write_it(registry):
    assert "marja-van-bijsterveldt" in mentioned(registry, "Van Bijsterveldt wil de scholen meer geld geven.")
    assert "marja-van-bijsterveldt" in mentioned(registry, "Volgens minister Van Bijsterveldt is dat genoeg.")
    assert "marja-van-bijsterveldt" in mentioned(registry, "Het plan van Marja van Bijsterveldt ligt er.")
    assert "paul-de-krom" in mentioned(registry, "Staatssecretaris De Krom stuurde een brief.")
    assert "bas-van-t-wout" in mentioned(registry, "Van ’t Wout volgt Wiebes op als minister.")
    assert "bas-van-t-wout" in mentioned(registry, "Het besluit van minister Van 't Wout viel in januari.")
    assert "cora-van-nieuwenhuizen" in mentioned(registry, "Volgens Van Nieuwenhuizen kan de dijk het water aan.")
    assert "christophe-van-der-maat" in mentioned(registry, "Van der Maat bezocht de marinierskazerne.")
    assert "christophe-van-der-maat" in mentioned(registry, "Staatssecretaris Christophe van der Maat bezocht de kazerne.")
    assert "fleur-graper" in mentioned(registry, "Staatssecretaris Gräper opende het museum.")
