"""Roles in appositions, and later references by role."""

import re

import pytest

from generator.extract.roles import find_roles, role_references
from generator.extract.spans import SpanSet


def people_in(text, *names):
    spans = []
    for name in names:
        for m in re.finditer(re.escape(name), text):
            spans.append((name, m.start(), m.end()))
    return sorted(spans, key=lambda s: s[1])


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("De Britse premier Keir Starmer tekent.", "Keir Starmer", "Britse premier"),
        ("NAVO-secretaris-generaal Jens Stoltenberg zei het.", "Jens Stoltenberg", "NAVO-secretaris-generaal"),
        ("De secretaris-generaal van de NAVO, Jens Stoltenberg, weerlegt.", "Jens Stoltenberg", "secretaris-generaal van de NAVO"),
        ("Jens Stoltenberg, de secretaris-generaal van de NAVO, zei dat.", "Jens Stoltenberg", "secretaris-generaal van de NAVO"),
        ("Minister van Defensie Ruben Brekelmans (VVD) reisde af.", "Ruben Brekelmans", "minister van Defensie"),
        ("Vandaag heeft president Macron van Frankrijk gesproken.", "Macron", "president van Frankrijk"),
        ("EU-commissievoorzitter Ursula von der Leyen tekent.", "Ursula von der Leyen", "EU-commissievoorzitter"),
    ],
)
def test_apposition_roles(text, name, role):
    assert find_roles(text, people_in(text, name)) == [(name, role)]


@pytest.mark.parametrize("text", ["Keir Starmer tekent.", "Met Keir Starmer sprak de premier.", "Volgens Keir Starmer, die premier is."])
def test_no_role_without_an_apposition(text):
    assert find_roles(text, people_in(text, "Keir Starmer")) == []


def test_later_reference_by_role_resolves_to_the_person():
    text = "De Franse president Emmanuel Macron sprak. Later zei de Franse president dat hij blijft. De Franse president Hollande niet."
    roles = find_roles(text, people_in(text, "Emmanuel Macron"))
    refs = role_references(text, roles, SpanSet((m.start(), m.end()) for m in re.finditer("Emmanuel Macron", text)))
    assert [(a, text[s:e]) for a, s, e in refs] == [("Emmanuel Macron", "Franse president")]
