"""Charts on actor and topic pages: bars per month with totals, per year only when dates are vaguer."""

import re

import markdown

from generator.model import PartialDate
from generator.render.charts import bar_chart


def bars(svg: str) -> list[str]:
    return re.findall(r"<title>([^<]*)</title>", svg)


def test_bars_per_month_over_years_with_totals_and_empty_months():
    svg = bar_chart([(PartialDate(2020, 2), 3), (PartialDate(2020, 2, 14), 1), (PartialDate(2026, 3, 2), 2)], "Vermeldingen van X")
    titles = bars(svg)
    assert titles == ["februari 2020: 4", "maart 2026: 2"]  # an empty month draws no bar...
    xs = [float(x) for x in re.findall(r'<rect x="([\d.]+)"', svg)]
    step = (560 - 2 * 18) / (6 * 12 + 2)  # ...but keeps its place on the axis
    assert round((xs[1] - xs[0]) / step) == 6 * 12 + 1
    assert "per maand" in svg and ">2021<" in svg  # long spans label the years


def test_dates_known_only_to_the_year_give_bars_per_year():
    svg = bar_chart([(PartialDate(2023), 1), (PartialDate(2025, 7), 1)], "Briefings")
    assert bars(svg) == ["2023: 1", "2025: 1"] and "per jaar" in svg and ">2024<" in svg


def test_no_dates_no_chart():
    assert bar_chart([(None, 2)], "Briefings") == ""


def test_the_chart_passes_through_markdown_as_one_block():
    svg = bar_chart([(PartialDate(2020, 2), 3), (PartialDate(2021, 5), 1)], "Briefings")
    html = markdown.markdown(f"Tekst.\n\n{svg}\n\nMeer tekst.")
    assert svg in html  # kept byte for byte
    assert not re.search(r"<p>\s*<(div|svg)", html)  # a block of its own, not a paragraph of inline tags
