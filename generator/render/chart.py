"""A bar chart of events per month (or per year, for long timelines) as inline SVG.

Made at build time so it needs no JavaScript and loads nothing. Each bar links to the
place its events are listed; colours come from the theme through CSS classes, so the
chart follows the light and dark palettes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable, Optional

from ..core.calendar import MONTH_NAMES
from .years_months import YearGroup, year_label

MAX_MONTH_BARS = 120  # beyond ten years a bar per month gets too thin to read or click
WIDTH, HEIGHT, LABEL = 720, 120, 16


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    href: Optional[str]
    axis: str = ""
    years: int = 0  # how many years a bar covers; 0 for a month


def chart_caption(bars: list[Bar]) -> str:
    """What one bar stands for: a month, a year, or a span of years."""
    size = bars[0].years if bars else 0
    if not size:
        return "Events per month"
    return "Events per year" if size == 1 else f"Events per {size} years"


def chart_bars(years: list[YearGroup], href: Callable[[int, Optional[int]], str]) -> list[Bar]:
    """Bars for every month between the first and the last (empty ones too), or years.

    `href(year, month)` gives the link for a bar (month None for a year bar).
    """
    if not years:
        return []
    first, last = years[0].year, years[-1].year
    counts: dict[tuple[int, Optional[int]], int] = {}
    for group in years:
        for run in group.months:
            counts[(group.year, run.month)] = counts.get((group.year, run.month), 0) + \
                len(run.events)
    span = [y for y in range(first, last + 1) if y != 0]
    if len(span) * 12 > MAX_MONTH_BARS:
        return _year_bars(span, {g.year: g.count for g in years}, href)
    bars = []
    for year in span:
        for month in range(1, 13):
            count = counts.get((year, month), 0)
            label = f"{MONTH_NAMES[month - 1]} {year_label(year)}"
            axis = year_label(year) if month == 1 or not bars else ""
            bars.append(Bar(label, count, href(year, month) if count else None, axis))
    return bars


def _year_bars(span: list[int], totals: dict[int, int],
               href: Callable[[int, Optional[int]], str]) -> list[Bar]:
    """One bar per year, or per 5, 10, 25 ... years, so there are at most 120 bars."""
    size = next(s for s in (1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 20000)
                if len(span) / s <= MAX_MONTH_BARS)
    buckets = [span[i:i + size] for i in range(0, len(span), size)]
    every = max(1, len(buckets) // 12)
    bars = []
    for i, bucket in enumerate(buckets):
        count = sum(totals.get(y, 0) for y in bucket)
        present = [y for y in bucket if y in totals]
        label = year_label(bucket[0]) if size == 1 else \
            f"{year_label(bucket[0])}\u2013{year_label(bucket[-1])}"
        bars.append(Bar(label, count, href(present[0], None) if present else None,
                        year_label(bucket[0]) if i % every == 0 else "", size))
    return bars


def chart_svg(bars: list[Bar]) -> str:
    """The SVG figure, as one HTML block (no blank lines, so Markdown passes it through)."""
    if not bars:
        return ""
    title = chart_caption(bars)
    peak = max(b.count for b in bars) or 1
    slot = WIDTH / len(bars)
    gap = min(2.0, slot * 0.2)
    parts = [f'<figure class="tl-chart" data-search-exclude>'
             f'<svg viewBox="0 0 {WIDTH} {HEIGHT + LABEL}" role="img" '
             f'aria-label="{html.escape(title)}" preserveAspectRatio="none">'
             f'<title>{html.escape(title)}</title>']
    for i, bar in enumerate(bars):
        height = 0 if not bar.count else max(2.0, HEIGHT * bar.count / peak)
        x = i * slot
        noun = "event" if bar.count == 1 else "events"
        tip = html.escape(f"{bar.label}: {bar.count} {noun}")
        rect = (f'<rect class="tl-bar" x="{x + gap / 2:.1f}" y="{HEIGHT - height:.1f}" '
                f'width="{slot - gap:.1f}" height="{height:.1f}"><title>{tip}</title></rect>')
        if bar.href:
            # the whole column is the link target, so short bars are easy to hit
            rect = (f'<a href="{html.escape(bar.href)}" aria-label="{tip}">'
                    f'<rect class="tl-hit" x="{x:.1f}" y="0" width="{slot:.1f}" '
                    f'height="{HEIGHT}"/>{rect}</a>')
        parts.append(rect)
        if bar.axis:
            parts.append(f'<text class="tl-axis" x="{x:.1f}" y="{HEIGHT + LABEL - 3}">'
                         f'{html.escape(bar.axis)}</text>')
    parts.append('</svg><figcaption>')
    parts.append(html.escape(title))
    parts.append('</figcaption></figure>')
    return "".join(parts)
