"""Small bar charts as inline SVG: computed here, so the site needs no chart library.

Labels are month names and numbers only (never source text). Each bar carries a
<title> for a tooltip, and the chart an aria-label that says what it shows.
The chart is wrapped in a <div> on lines of its own, so Markdown keeps it as one raw
HTML block: bare, it would be a paragraph whose every tag is an inline HTML match
(measured: about three times slower to convert, on every actor and topic page).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from generator.model import DUTCH_MONTHS, PartialDate

WIDTH, HEIGHT, PAD = 560, 120, 18
# Per month while the span fits (a bar per month stays visible up to 25 years); per year
# beyond that, or when some dates are known only to the year.
MAX_MONTHS = 300


def _buckets(items: Iterable[tuple[PartialDate | None, int]]) -> tuple[list[tuple[str, str, int]], str]:
    """(axis label, long label, total) per month, or per year when the span is long or imprecise."""
    dated = [((d.year, d.month), n) for d, n in items if d is not None]
    if not dated:
        return [], ""
    first, last = min(dated)[0], max(dated)[0]
    first, last = PartialDate(*first), PartialDate(*last)
    months = (last.year - first.year) * 12 + (last.month or 12) - (first.month or 1) + 1
    if all(month for (_, month), _ in dated) and months <= MAX_MONTHS:
        counts: Counter = Counter()
        for month, n in dated:
            counts[month] += n
        result = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            name = DUTCH_MONTHS[month - 1]
            axis = name[:3] if months <= 24 else (str(year) if month == 1 or not result else "")
            result.append((axis, f"{name} {year}", counts[(year, month)]))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result, "maand"
    counts = Counter()
    for (year, _), n in dated:
        counts[year] += n
    return [(str(y), str(y), counts[y]) for y in range(first.year, last.year + 1)], "jaar"


def bar_chart(items: Iterable[tuple[PartialDate | None, int]], what: str) -> str:
    """An SVG bar chart of the totals per month (or year) of (date, amount) pairs; '' without dates."""
    buckets, unit = _buckets(items)
    if not buckets:
        return ""
    top = max(count for _, _, count in buckets) or 1
    step = (WIDTH - 2 * PAD) / len(buckets)
    bar = max(1.0, step * 0.7)
    parts = [
        '<div class="briefing-chart-box">\n'
        f'<svg class="briefing-chart" data-search-exclude viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-label="{what} per {unit}, van {buckets[0][1]} tot {buckets[-1][1]}; hoogste aantal {top}">'
    ]
    every = max(1, len(buckets) // 8)
    yearly_axis = unit == "maand" and len(buckets) > 24
    for i, (axis, long, count) in enumerate(buckets):
        x = PAD + i * step + (step - bar) / 2
        h = (HEIGHT - 2 * PAD) * count / top
        y = HEIGHT - PAD - h
        if count:  # an empty month draws nothing (every tag costs the site build time)
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}"><title>{long}: {count}</title></rect>')
        if axis and (yearly_axis or i % every == 0):
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - 4}" text-anchor="middle">{axis}</text>')
    parts.append(f'<text x="{PAD}" y="12">{top}</text>')
    parts.append("</svg>\n</div>")
    return "".join(parts)
