import pytest

from generator.extract.figures import find_figures


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Er is sprake van mogelijk 10.000 tot 30.000 troepen.", "10.000 tot 30.000 troepen"),
        ("Een verhoging tot 2 procent van het bbp tegen 2024.", "2 procent van het bbp"),
        ("Van de lidstaten zijn 21 van de 27 EU-landen lid.", "21 van de 27 EU-landen"),
        ("Leiders van bijna 30 landen waren er.", "bijna 30 landen"),
        ("Er raakten meer dan 20 mensen gewond.", "meer dan 20 mensen"),
        ("Het kost € 1,2 miljard.", "€ 1,2 miljard"),
        ("Een fonds van 800 miljard euro.", "800 miljard euro"),
        ("De groei was 3,5 procent.", "3,5 procent"),
        ("Nederland koopt 52 F-35-toestellen.", "52 F-35-toestellen"),
    ],
)
def test_figures_with_what_they_count(text, figure):
    assert find_figures(text) == [figure]


@pytest.mark.parametrize("text", ["In 2014 en 2024.", "Op 3 maart 2025 om 12.30 uur.", "Kamerstuk 33 279, Nr. 40.", "Al drie jaar en 5 jaar."])
def test_no_bare_numbers_years_dates_or_document_numbers(text):
    assert find_figures(text) == []
