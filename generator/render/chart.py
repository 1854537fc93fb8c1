"""A bar chart of events per month (or per year, for long timelines), in HTML and CSS.

Made at build time, so it needs no JavaScript and loads nothing. The bars are cut into
panels (a year of months, or ten year bars) that share one scale; the stylesheet sets the
panels side by side where there is room and stacks them on a phone, so a bar never gets
too thin for its count and label to be read. Each bar links to the place its events are
listed and is named for screen readers ("March 2019: 12 events"); colours come from the
theme through CSS classes, so the chart follows the light and dark palettes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable, Optional

from ..core.calendar import MONTH_NAMES
from .years_months import YearGroup, year_label

MAX_MONTH_BARS = 120  # beyond ten years a bar per month gets too thin to read or click
YEARS_PER_PANEL = 10  # year bars in one panel: each keeps a third of a phone's inch
LABEL_EVERY = 5  # a panel of year bars labels every fifth: room for "1000 BCE" beneath


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    href: Optional[str]
    axis: str = ""  # the short label printed under the bar, "" for none
    years: int = 0  # how many years a bar covers; 0 for a month
    first: str = ""  # the first and last year the bar covers, as printed
    last: str = ""


@dataclass(frozen=True)
class Panel:
    title: str
    bars: tuple[Bar, ...]


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
            name = MONTH_NAMES[month - 1]
            bars.append(Bar(f"{name} {year_label(year)}", count,
                            href(year, month) if count else None, name[:3],
                            first=year_label(year), last=year_label(year)))
    return bars


def _year_bars(span: list[int], totals: dict[int, int],
               href: Callable[[int, Optional[int]], str]) -> list[Bar]:
    """One bar per year, or per 5, 10, 25 ... years, so there are at most 120 bars."""
    size = next(s for s in (1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 20000)
                if len(span) / s <= MAX_MONTH_BARS)
    buckets = [span[i:i + size] for i in range(0, len(span), size)]
    bars = []
    for i, bucket in enumerate(buckets):
        count = sum(totals.get(y, 0) for y in bucket)
        present = [y for y in bucket if y in totals]
        start, end = year_label(bucket[0]), year_label(bucket[-1])
        label = start if size == 1 else f"{start}\u2013{end}"
        bars.append(Bar(label, count, href(present[0], None) if present else None,
                        start if i % LABEL_EVERY == 0 else "", size, start, end))
    return bars


def chart_panels(bars: list[Bar]) -> list[Panel]:
    """The bars cut into years of months (or runs of ten year bars), leaving out the
    panels with no events at all: a long quiet stretch would only push the rest down."""
    per_panel = YEARS_PER_PANEL if bars and bars[0].years else 12
    panels = []
    for i in range(0, len(bars), per_panel):
        chunk = tuple(bars[i:i + per_panel])
        if not any(b.count for b in chunk):
            continue
        first, last = chunk[0].first, chunk[-1].last
        panels.append(Panel(first if first == last else f"{first}\u2013{last}", chunk))
    return panels


def short_count(count: int) -> str:
    """A count that fits above a thin bar: 1234 reads "1.2k" (the exact one is in the name)."""
    if count < 1000:
        return str(count)
    if count < 10000:
        return f"{count / 1000:.1f}".rstrip("0").rstrip(".") + "k"
    return f"{count // 1000}k"


def bar_name(bar: Bar) -> str:
    """What a screen reader (and a hover tooltip) says for a bar. It holds the count as
    the bar shows it, so the link's name contains its visible text (WCAG 2.5.3)."""
    noun = "event" if bar.count == 1 else "events"
    shown = short_count(bar.count)
    exact = "" if shown == str(bar.count) else f" ({bar.count})"
    return f"{bar.label}: {shown}{exact} {noun}"


def chart_html(bars: list[Bar]) -> str:
    """The chart as one HTML block (no blank lines, so Markdown passes it through)."""
    panels = chart_panels(bars)
    if not panels:
        return ""
    peak = max(b.count for b in bars)
    kind = "tl-chart--years" if bars[0].years else "tl-chart--months"
    caption = chart_caption(bars)
    if len(panels) * (YEARS_PER_PANEL if bars[0].years else 12) < len(bars):
        caption += f"; {'stretches' if bars[0].years else 'years'} without events are left out"
    return (f'<figure class="tl-chart {kind}" data-search-exclude><ol class="tl-panels">'
            + "".join(_panel_html(p, peak) for p in panels)
            + f'</ol><figcaption>{html.escape(caption)}.</figcaption></figure>')


def _panel_html(panel: Panel, peak: int) -> str:
    bars = "".join(_bar_html(b, peak) for b in panel.bars)
    return (f'<li class="tl-panel"><span class="tl-panel-title">{html.escape(panel.title)}'
            f'</span><ol class="tl-bars">{bars}</ol></li>')


def _bar_html(bar: Bar, peak: int) -> str:
    """A column: the count sitting on its bar, the short label beneath. A bar with events
    is a link named for screen readers; an empty one gets its name as hidden text. The
    label stays outside the link, so the link's visible text (the count) is part of its
    name."""
    name = html.escape(bar_name(bar))
    stack = f'<span class="tl-stack" aria-hidden="true">{_stack_html(bar, peak)}</span>'
    axis = f'<span class="tl-axis" aria-hidden="true">{_axis_html(bar)}</span>'
    if bar.count and bar.href:
        return (f'<li class="tl-col"><a href="{html.escape(bar.href)}" title="{name}" '
                f'aria-label="{name}">{stack}</a>{axis}</li>')
    empty = "" if bar.count else " tl-empty"
    return f'<li class="tl-col{empty}">{stack}{axis}<span class="tl-sr">{name}</span></li>'


def _stack_html(bar: Bar, peak: int) -> str:
    """The visible count and the bar, its height a share of the busiest bar's."""
    if not bar.count:
        return ""
    return (f'<span class="tl-count">{short_count(bar.count)}</span>'
            f'<span class="tl-bar" style="--v:{bar.count / peak:.3f}"></span>')


def _axis_html(bar: Bar) -> str:
    """A month's label keeps only its initial in a narrow panel ("J", then "Jan")."""
    if bar.years or not bar.axis:
        return html.escape(bar.axis)
    return f'{html.escape(bar.axis[0])}<span class="tl-more">{html.escape(bar.axis[1:])}</span>'
