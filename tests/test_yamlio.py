"""Front matter written by the generator reads back, with every value as it was."""

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.yamlio import dump

# Any text at all, including what YAML treats specially: indicators, comment marks,
# keywords, numbers, dates, line breaks, control and non-printable characters.
TRICKY = ["yes", "No", "ON", "null", "~", "true", "1_000", "12:30", "0x1F", ".inf", "1e3", "2025-07-01", "- a", "a: b",
          "a #b", "#a", "&a", "*a", "!a", "|", ">", "'a'", '"a"', "@a", "`a", "%a", "a ", " a", "", "\n", "a\nb",
          "\x85", "\u2028", "\ufeff", "\x7f", "\x00", "\t", "é", "Noord-Korea", "A.B. Voorbeeld", "„Zo”"]
text = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40),
                 st.text(alphabet=st.sampled_from("aZé :#-'\"!?&*,.[]{}|>@`%\n\t0123456789"), max_size=20))
scalar = st.one_of(text, st.integers(min_value=-10**6, max_value=10**6), st.booleans(), st.none())
key = st.sampled_from(["title", "date", "actors", "role", "speaker", "text", "letter", "a_b", "x-y"])
mapping = st.dictionaries(key, st.one_of(scalar, st.lists(scalar, max_size=4)), max_size=4)
front = st.dictionaries(key, st.one_of(scalar, st.lists(st.one_of(scalar, mapping), max_size=4), mapping), max_size=6)


@settings(max_examples=400, deadline=None)
@given(front)
@example({"title": "Kamerbrief: de minister (nr. 260)", "date": "2025-07", "actors": [], "letter": {}})
def test_every_value_reads_back_as_written(data):
    assert yaml.safe_load(dump(data)) == (data or {})


def test_block_style_reads_like_the_rest_of_the_site():
    text = dump({"title": "NAVO-top in Den Haag", "date": "2025-06-24", "actors": ["navo", "nederland"],
                 "roles": [{"actor": "mark-rutte", "role": "secretaris-generaal"}], "letter": {"number": "12"}})
    assert text == (
        'title: NAVO-top in Den Haag\n'
        'date: "2025-06-24"\n'
        'actors:\n- navo\n- nederland\n'
        'roles:\n- actor: mark-rutte\n  role: secretaris-generaal\n'
        'letter:\n  number: "12"\n'
    )


def test_a_key_yaml_would_misread_is_refused():
    with pytest.raises(ValueError):
        dump({"yes": 1})
