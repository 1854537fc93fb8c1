"""The chart's panels, labels and HTML, computed at build time (the browser test checks
what a reader sees of them)."""

from __future__ import annotations

import re

from generator.core.model import sort_events
from generator.render.chart import (Bar, bar_name, chart_bars, chart_html, chart_panels,
                                    short_count)
from generator.render.years_months import group_years

from .test_structure import ev


def href(year: int, month: int | None) -> str:
    return f"p/{year}-{month}"


def month_bars() -> list[Bar]:
    """2017 to 2019 with nothing in 2018: three years of months, one of them quiet."""
    events = [ev("a", "2017-03-01"), ev("b", "2017-03-09"), ev("c", "2019-11-02")]
    return chart_bars(group_years(sort_events(events)), href)


def test_months_fall_in_a_panel_a_year_and_a_quiet_year_is_left_out():
    bars = month_bars()
    assert len(bars) == 36
    panels = chart_panels(bars)
    assert [p.title for p in panels] == ["2017", "2019"]
    assert [len(p.bars) for p in panels] == [12, 12]
    assert [b.axis for b in panels[0].bars][:3] == ["Jan", "Feb", "Mar"]
    assert panels[0].bars[2].label == "March 2017" and panels[0].bars[2].count == 2


def test_year_bars_fall_in_panels_of_ten_labelled_every_fifth():
    events = [ev("a", "1900"), ev("b", "1931"), ev("c", "2019-02-01")]
    bars = chart_bars(group_years(sort_events(events)), href)
    assert [b.label for b in bars[:2]] == ["1900", "1901"] and bars[0].years == 1
    panels = chart_panels(bars)
    assert [p.title for p in panels] == ["1900\u20131909", "1930\u20131939", "2010\u20132019"]
    assert [b.axis for b in panels[1].bars] == ["1930", "", "", "", "", "1935", "", "", "",
                                                ""]
    spans = chart_bars(group_years(sort_events([ev("a", "-44"), ev("b", "2019")])), href)
    titles = [p.title for p in chart_panels(spans)]
    assert titles == ["44 BCE\u2013206", "1957\u20132019"]
    assert spans[0].label == "44 BCE\u201320 BCE" and spans[0].axis == "44 BCE"


def test_counts_are_short_enough_for_a_thin_bar():
    assert [short_count(n) for n in (0, 7, 999, 1000, 1234, 9999, 12345)] == \
        ["0", "7", "999", "1k", "1.2k", "10k", "12k"]


def test_html_is_bars_of_links_named_with_their_counts_and_no_image():
    chart = chart_html(month_bars())
    assert "<svg" not in chart and 'role="img"' not in chart
    assert "\n" not in chart  # one raw HTML block for Markdown
    links = re.findall(r'<a href="([^"]+)" title="([^"]+)" aria-label="\2">(.*?)</a>', chart)
    assert [(h, name) for h, name, _ in links] == [("p/2017-3", "March 2017: 2 events"),
                                                   ("p/2019-11", "November 2019: 1 event")]
    # the count shows as text on its bar; heights are shares of the busiest month
    assert '<span class="tl-count">2</span><span class="tl-bar" style="--v:1.000">' \
        in links[0][2]
    assert 'style="--v:0.500"' in links[1][2]
    assert '<span class="tl-sr">January 2017: 0 events</span>' in chart
    assert "M<span class=\"tl-more\">ar</span>" in chart
    assert chart.endswith("<figcaption>Events per month; years without events are left out."
                          "</figcaption></figure>")


def test_a_link_names_the_count_it_shows_and_leaves_the_label_outside():
    """WCAG 2.5.3: a link's visible text (its count) is part of its name; the month
    label is drawn below the link, not in it."""
    bars = [Bar("March 2017", 1234, "p/2017-3", "Mar")] + \
        [Bar(f"m{i}", 0, None, "X") for i in range(11)]
    assert bar_name(bars[0]) == "March 2017: 1.2k (1234) events"
    chart = chart_html(bars)
    link = re.search(r"<a [^>]*>(.*?)</a>", chart).group(1)
    visible = re.sub(r"<[^>]+>", "", link)
    assert visible == "1.2k" and visible in bar_name(bars[0])
    assert "tl-axis" not in link and '</a><span class="tl-axis"' in chart


def test_html_escapes_links_and_names():
    bar = Bar('A "quoted" <b> month', 3, 'x.html?a=1&b="2"', "Q")
    chart = chart_html([bar] + [Bar(f"m{i}", 0, None) for i in range(11)])
    assert 'href="x.html?a=1&amp;b=&quot;2&quot;"' in chart
    assert 'aria-label="A &quot;quoted&quot; &lt;b&gt; month: 3 events"' in chart
    assert bar_name(bar) == 'A "quoted" <b> month: 3 events'
    assert chart_html([]) == "" and chart_html([Bar("m", 0, None)]) == ""
