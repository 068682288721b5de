import pytest

from generator.extract.dates import find_dutch_date
from generator.model import PartialDate, parse_iso


@pytest.mark.parametrize(
    ("value", "iso", "precision"),
    [("2025-07", "2025-07", "month"), ("2026-03-02", "2026-03-02", "day"), ("2020", "2020", "year"), (" 2025-7 ", "2025-07", "month")],
)
def test_header_dates_keep_their_precision(value, iso, precision):
    date = parse_iso(value)
    assert (date.iso, date.precision) == (iso, precision)


@pytest.mark.parametrize("value", ["2025-13", "2025-02-30", "juli 2025", "25-07", ""])
def test_invalid_header_dates_are_refused_with_a_reason(value):
    with pytest.raises(ValueError) as info:
        parse_iso(value)
    assert str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Den Haag, 2 maart 2026", PartialDate(2026, 3, 2)),
        ("Op maandag 3 februari 2025 sprak de minister.", PartialDate(2025, 2, 3)),
        ("Vergadering van 12-03-2024 in Brussel.", PartialDate(2024, 3, 12)),
        ("De brief van 2 sept. 2024 kwam laat.", PartialDate(2024, 9, 2)),
        ("Eerst 31 februari 2024, daarna 1 maart 2024.", PartialDate(2024, 3, 1)),
    ],
)
def test_first_full_dutch_date_in_text(text, expected):
    assert find_dutch_date(text)[0] == expected


@pytest.mark.parametrize("text", ["In 2014 beloofden de NAVO-landen 2 procent tegen 2024.", "Eind maart komt er meer.", "Dat was in februari vorig jaar."])
def test_no_date_is_invented(text):
    assert find_dutch_date(text) is None


def test_dutch_display_follows_precision():
    assert PartialDate(2025, 7).dutch == "juli 2025"
    assert PartialDate(2026, 3, 2).dutch == "2 maart 2026"
    assert PartialDate(2020).dutch == "2020"


@pytest.mark.parametrize(
    ("text", "hint", "iso"),
    [
        ("Gepubliceerd op de tweede maart 2022", None, "2022-03-02"),
        ("Geplaatst op de eenendertigste december 2021", None, "2021-12-31"),
        ("Geplaatst op 3e juni '19", None, "2019-06-03"),
        ("dinsdag 7 december 2021 om 14:05", None, "2021-12-07"),
        ("woensdag 2 maart", 2022, "2022-03-02"),
        ("woensdag 2 maart", None, None),
        ("d.d. 14 februari 2024", None, "2024-02-14"),
        ("Verschenen in Vredesblad, juni 2010", None, "2010-06"),
        ("Het kabinet besloot op 2 maart 2022 tot steun aan Oekraïne en meer.", None, None),
    ],
)
def test_publication_dates_written_out_where_they_stand(text, hint, iso):
    from generator.extract.dates import publication_date

    found = publication_date(text, hint)
    assert (found.iso if found else None) == iso


def test_only_the_top_of_a_text_holds_its_publication_date():
    from generator.extract.dates import TOP_LINES, publication_date

    lines = [f"Alinea {i} van de tekst zonder datum." for i in range(TOP_LINES)]
    assert publication_date("\n".join(lines + ["7 december 2021"])) is None
    assert publication_date("\n".join(["7 december 2021", *lines])).iso == "2021-12-07"
