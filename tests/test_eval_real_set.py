"""The real-set scorer's matching rules (tests/eval/real_set.py) are fair and documented."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "eval"))

import real_set  # noqa: E402
from real_set import Predicted, exact, loose, norm_name, pair, person_match  # noqa: E402


def test_names_compare_without_diacritics_case_or_article():
    assert norm_name("de Tweede Kamer") == norm_name("Tweede kamer")
    assert norm_name("Oekraïne") == norm_name("Oekraine")
    assert norm_name("Al-Qaida") == norm_name("Al Qaida")


def test_a_surname_alone_matches_the_fuller_form_both_ways():
    assert person_match("Jansen", "Pieter Jansen")
    assert person_match("Pieter Jansen", "Jansen")
    assert person_match("Karin van der Berg", "Van der Berg")
    assert not person_match("Pieter Jansen", "Pieter Smit")
    assert not person_match("Berg", "Karin van der Berg-Smit")


def test_initials_match_a_given_name_with_the_same_first_letter():
    assert person_match("P.J. de Vries", "Pieter de Vries")
    assert not person_match("K.L. de Vries", "Pieter de Vries")


def test_aliases_of_a_predicted_actor_count_and_kinds_guard_the_loose_rule():
    states = Predicted("verenigde-staten", "country", ("Verenigde Staten", "VS"))
    assert exact("VS", states)
    party = Predicted("sp", "organisation", ("SP",))
    assert not loose("Jan SP", "organisation", party)


def test_pairing_is_one_to_one_and_prefers_exact_matches():
    golds = [("Jansen", "person"), ("Pieter Jansen", "person")]
    predicted = [Predicted("pieter-jansen", "person", ("Pieter Jansen",))]
    assert pair(golds, predicted) == {1: 0}


def test_the_real_folder_can_be_chosen(tmp_path, monkeypatch):
    monkeypatch.setenv("EVAL_REAL", str(tmp_path))
    assert real_set.default_folder(Path("/repo")) == tmp_path
    assert real_set.default_folder(Path("/repo"), "other") == Path("other")
    monkeypatch.delenv("EVAL_REAL")
    assert real_set.default_folder(Path("/repo/x")) == Path("/repo/shared/eval/real")
