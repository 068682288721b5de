"""Small bar charts as inline SVG: computed here, so the site needs no chart library.

Labels are month names and numbers only (never source text). Each bar carries a
<title> for a tooltip, and the chart an aria-label that says what it shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from generator.model import DUTCH_MONTHS, PartialDate

WIDTH, HEIGHT, PAD = 560, 120, 18
MAX_MONTHS = 48


def _buckets(dates: Iterable[PartialDate]) -> tuple[list[tuple[str, str, int]], str]:
    """(short label, long label, count) per month, or per year when the span is long or imprecise."""
    dated = [d for d in dates if d is not None]
    if not dated:
        return [], ""
    monthly = [d for d in dated if d.month]
    first, last = min(dated), max(dated)
    months = (last.year - first.year) * 12 + (last.month or 12) - (first.month or 1) + 1
    if len(monthly) == len(dated) and months <= MAX_MONTHS:
        counts = Counter((d.year, d.month) for d in dated)
        result = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            name = DUTCH_MONTHS[month - 1]
            result.append((name[:3], f"{name} {year}", counts[(year, month)]))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result, "maand"
    counts = Counter(d.year for d in dated)
    return [(str(y), str(y), counts[y]) for y in range(first.year, last.year + 1)], "jaar"


def bar_chart(dates: Iterable[PartialDate], what: str) -> str:
    """An SVG bar chart of how many dates fall in each month (or year); '' without dates."""
    buckets, unit = _buckets(dates)
    if not buckets:
        return ""
    top = max(count for _, _, count in buckets) or 1
    step = (WIDTH - 2 * PAD) / len(buckets)
    bar = max(1.0, step * 0.7)
    parts = [
        f'<svg class="briefing-chart" data-search-exclude viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-label="{what} per {unit}, van {buckets[0][1]} tot {buckets[-1][1]}; hoogste aantal {top}">'
    ]
    label_every = max(1, len(buckets) // 8)
    for i, (short, long, count) in enumerate(buckets):
        x = PAD + i * step + (step - bar) / 2
        h = (HEIGHT - 2 * PAD) * count / top
        y = HEIGHT - PAD - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}"><title>{long}: {count}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - 4}" text-anchor="middle">{short}</text>')
    parts.append(f'<text x="{PAD}" y="12">{top}</text>')
    parts.append("</svg>")
    return "".join(parts)
