"""Quotations and their speakers, by Dutch reporting patterns."""

import re

import pytest

from generator.quotes import Mention, find_quotes


def mentions(text, people=(), orgs=()):
    found = []
    for kind, names in (("person", people), ("organisation", orgs)):
        for name in names:
            for m in re.finditer(re.escape(name), text):
                found.append(Mention(name.split()[-1].lower(), kind, m.start(), m.end()))
    return sorted(found, key=lambda m: m.start)


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        ("“We hebben al een nucleaire afschrikking”, zei Stoltenberg vrijdag.", ["Stoltenberg"], "stoltenberg"),
        ("„Als de Fransen willen, zijn ze welkom”, aldus Stoltenberg.", ["Stoltenberg"], "stoltenberg"),
        ("Macron sprak. “Het is niet unaniem,” verklaarde hij donderdag.", ["Macron"], "macron"),
        ('Rutte zei: "We moeten meer doen voor onze veiligheid."', ["Rutte"], "rutte"),
        ("Volgens Rutte zijn de plannen “niet ambitieus genoeg voor Europa”.", ["Rutte"], "rutte"),
        ("Stoltenberg sprak. Volgens de NAVO-baas is “de drempel voor het gebruik van kernwapens” lager.", ["Stoltenberg"], "stoltenberg"),
        ("‘Dit is een cruciaal moment voor Europa’, staat in de verklaring.", [], None),
        ("Het kantoor van Starmer verklaarde: “We kijken naar alle opties voor de troepen.”", ["Starmer"], None),
    ],
)
def test_speaker(text, people, speaker):
    quotes = find_quotes(text, mentions(text, people))
    assert len(quotes) == 1
    assert quotes[0][0] == speaker


def test_organisation_can_speak():
    text = "“Wij zullen ons aanpassen aan de nieuwe omstandigheden”, aldus de NAVO."
    assert find_quotes(text, mentions(text, orgs=["NAVO"])) == [("navo", "Wij zullen ons aanpassen aan de nieuwe omstandigheden")]


@pytest.mark.parametrize("text", ["Parijs wil een 'Europese' rol.", "Die “hersendood” van de alliantie.", "Een „strategische dialoog” dus."])
def test_scare_quotes_are_not_quotations(text):
    assert find_quotes(text, []) == []


def test_apostrophes_are_not_quotation_marks():
    text = "NAVO's missie en 's avonds Europa’s rol. 'Dit is wel een echte quote van meer woorden', zei Rutte."
    quotes = find_quotes(text, mentions(text, ["Rutte"]))
    assert quotes == [("rutte", "Dit is wel een echte quote van meer woorden")]


def test_quote_over_paragraphs_keeps_its_speaker():
    text = "“Onze soldaten zijn er om te reageren.\n\n“Dus we staan niet aan het front,” zei Macron."
    assert [s for s, _ in find_quotes(text, mentions(text, ["Macron"]))] == ["macron", "macron"]


def test_unattributed_quote_after_an_attributed_one_inherits_within_the_paragraph():
    text = "“Het is niet unaniem,” zei Macron. “We hebben geen unanimiteit nodig.”"
    assert [s for s, _ in find_quotes(text, mentions(text, ["Macron"]))] == ["macron", "macron"]


def test_unclear_speaker_stays_empty():
    text = "Trump sprak. Rutte ook.\n\n“Dit gaat zo niet langer, dat weet iedereen wel.”"
    assert find_quotes(text, mentions(text, ["Trump", "Rutte"])) == [(None, "Dit gaat zo niet langer, dat weet iedereen wel.")]
