"""The Dutch word forms the generator adds to a briefing's search terms."""

from __future__ import annotations

from generator.render.searchwords import close, compound_parts, search_words


def test_a_plural_adds_its_singular_and_a_singular_its_plural():
    assert "kernwapen" in search_words(["Zij spraken over kernwapens."])
    assert "bondgenoten" in search_words(["Elke bondgenoot betaalt mee."])
    assert "raket" in search_words(["Er komen nieuwe raketten."])
    assert "lidstaten" in search_words(["Een lidstaat stemde tegen."])


def test_an_inflected_adjective_adds_its_base_form_and_back():
    assert "europees" in search_words(["De Europese Commissie"])
    assert "europese" in search_words(["een Europees plan"])


def test_a_diminutive_adds_its_base():
    assert "huis" in search_words(["Het huisje stond leeg."])


def test_a_compound_adds_its_parts():
    words = search_words(["Het debat over de defensiebegroting duurde lang."])
    assert {"defensie", "begroting", "begrotingen"} <= set(words)
    assert compound_parts("oorlogsschip")[1] == "schip"
    assert compound_parts("samenwerking") is None or compound_parts("samenwerking")[1] == "werking"


def test_forms_far_from_the_word_are_left_out():
    # "genoten" is also a form of "genieten": a reader searching that does not mean this text.
    assert "genieten" not in search_words(["De genoten steun was groot."])
    assert not close("genoten", "genieten") and close("raket", "raketten") and close("bondgenoot", "bondgenoten")


def test_only_words_the_text_lacks_are_added_sorted_and_none_short():
    words = search_words(["Kernwapens en kernwapen, raketten."])
    assert "kernwapens" not in words and "kernwapen" not in words and "raketten" not in words
    assert words == sorted(set(words))
    assert all(len(w) >= 4 for w in words)
    assert search_words(["Kernwapens en raketten."]) == search_words(["Kernwapens en raketten."])
