"""Sentence splitting for titles and leads: Dutch abbreviations and ship prefixes never end a sentence."""

import pytest

from generator.extract.text import lead, sentences


@pytest.mark.parametrize(
    "first",
    [
        "Het fregat Zr.Ms. Tromp vertrekt morgen naar de Oostzee.",
        "Het schip Hr.Ms. Karel Doorman keert terug.",
        "Het fregat Zr. Ms. Evertsen vaart uit.",
        "Volgens mr. Jansen is de wet duidelijk.",
        "Minister dr. De Vries spreekt vandaag.",
        "Volgens prof. Bakker is het zo.",
        "Het gaat o.a. om Duitse tanks.",
        "Er zijn bijv. Franse toezeggingen.",
        "Dat is d.w.z. Het kabinet beslist.",
        "De brief gaat m.b.t. Rusland over sancties.",
        "Er waren ca. 300 militairen.",
        "Tanks, pantservoertuigen e.d. Worden geleverd.",
        "De top van 3 jl. Bracht weinig nieuws.",
        "Zie Kamerstuk nr. 12 op blz. 4 van de bijlage.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(first):
    assert sentences(f"{first} Daarna volgt een tweede zin.") == [first, "Daarna volgt een tweede zin."]


def test_the_lead_keeps_a_ship_name_whole():
    assert lead("Het fregat Zr.Ms. Tromp vertrekt. Het blijft drie maanden weg. Een derde zin.") == (
        "Het fregat Zr.Ms. Tromp vertrekt. Het blijft drie maanden weg."
    )


def test_a_real_sentence_end_still_splits():
    assert sentences("De NAVO vergadert. Rusland reageert.") == ["De NAVO vergadert.", "Rusland reageert."]
