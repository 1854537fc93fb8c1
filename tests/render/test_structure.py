"""Paths, periods, the chart and the renderer's contract (templates, scale, independence)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import jinja2
import pytest

from generator.core.dates import parse_date
from generator.core.model import Event, sort_events
from generator.render import SiteOptions, render_site
from generator.render.chart import chart_bars, chart_caption
from generator.render.paths import file_url, relative_link, relative_url, unique_slugs
from generator.render.years_months import group_of, group_years
from generator.render.period_pages import plan_periods

from ..conftest import ROOT


def ev(event_id: str, date: str, qualifier: str | None = None, **fields) -> Event:
    return Event(id=event_id, date=parse_date(date), title=fields.pop("title", event_id),
                 qualifier=qualifier, **fields)


@pytest.mark.parametrize("source, target, directory_urls, expected", [
    ("index.md", "periods/2019.md", True, "periods/2019/"),
    ("periods/index.md", "periods/2019.md", True, "2019/"),
    ("periods/2019.md", "index.md", True, "../../"),
    ("index.md", "index.md", True, "./"),
    ("index.md", "periods/2019.md", False, "periods/2019.html"),
    ("periods/index.md", "events/a.md", False, "../events/a.html"),
])
def test_relative_url(source, target, directory_urls, expected):
    assert relative_url(source, target, directory_urls) == expected


@pytest.mark.parametrize("source, target, directory_urls, expected", [
    ("interactive.md", "timeline.json", True, "../timeline.json"),
    ("interactive.md", "timeline.json", False, "timeline.json"),
    ("interactive.md", "assets/timelinejs/js/", True, "../assets/timelinejs/js/"),
    ("index.md", "assets/x.css", True, "assets/x.css"),
    ("events/a.md", "timeline.json", False, "../timeline.json"),
])
def test_file_url(source, target, directory_urls, expected):
    assert file_url(source, target, directory_urls) == expected


def test_relative_link_and_unique_slugs():
    assert relative_link("events/a.md", "tags/trade.md") == "../tags/trade.md"
    assert relative_link("index.md", "events/a.md") == "events/a.md"
    slugs = unique_slugs(["U.S.", "U S", "index", "Zürich", "中国", "!!!"])
    assert slugs["U S"] == "u-s" and slugs["U.S."] == "u-s-2"
    assert slugs["index"] == "index-2" and slugs["Zürich"] == "zürich"
    assert slugs["中国"] == "中国" and slugs["!!!"] == "x"
    assert len(set(slugs.values())) == len(slugs)


@pytest.mark.parametrize("date, qualifier, expected", [
    ("2019-07-19", None, (2019, 7)),
    ("2019-06", "late", (2019, 6)),
    ("2019", None, (2019, None)),
    ("2019", "about", (2019, None)),
    ("2019", "late", (2019, 9)),
    ("2019-Q3", None, (2019, None)),
    ("2019-05", "before", (2019, 5)),
    ("2019-05", "after", (2019, 5)),
    ("-44", None, (-44, None)),
    ("199X", None, (1990, None)),
    ("2019-W01", None, (2018, 12)),
])
def test_group_of(date, qualifier, expected):
    assert group_of(ev("e", date, qualifier)) == expected


def test_years_keep_timeline_order_and_anchors_are_unique():
    events = sort_events([ev("a", "2019-06-30"), ev("b", "2019-Q3"), ev("c", "2019-06", "after"),
                          ev("d", "2019-07-01"), ev("e", "2018-12-31")])
    years = group_years(events)
    assert [y.year for y in years] == [2018, 2019]
    runs = years[1].months
    assert [(r.month, [e.id for e in r.events]) for r in runs] == \
        [(6, ["a"]), (None, ["b"]), (6, ["c"]), (7, ["d"])]
    assert [r.anchor for r in runs] == ["2019-06", "2019-year", "2019-06-2", "2019-07"]


def test_long_years_get_month_pages_chained_in_order():
    events = sort_events([ev(f"e{i}", f"2019-{m:02d}-10") for i, m in enumerate([1, 1, 3, 3])]
                         + [ev("y", "2019"), ev("old", "2018-05-01")])
    plan = plan_periods(group_years(events), month_pages_after=3)
    paths = [p.path for p in plan.pages]
    assert paths == ["periods/2018.md", "periods/2019.md", "periods/2019-01.md",
                     "periods/2019-03.md"]
    assert [p.previous.path if p.previous else None for p in plan.pages] == \
        [None] + paths[:-1]
    assert [p.next.path if p.next else None for p in plan.pages] == paths[1:] + [None]
    assert plan.where[(2019, 3)] == ("periods/2019-03.md", "")
    year = plan.pages[1]
    assert [e.id for r in year.runs for e in r.events] == ["y"]
    assert [(m.name, m.count) for m in year.month_refs] == [("January 2019", 2),
                                                            ("March 2019", 2)]


def test_chart_has_a_bar_per_month_or_per_year_span():
    months = chart_bars(group_years([ev("a", "2019-02-01"), ev("b", "2019-02-03")]),
                        lambda y, m: f"{y}-{m}")
    assert len(months) == 12 and months[1].count == 2 and months[1].href == "2019-2"
    assert months[0].href is None  # empty months link nowhere
    years = chart_bars(group_years(sort_events([ev("a", "1900"), ev("b", "2019-02-01")])),
                       lambda y, m: f"{y}-{m}")
    assert len(years) <= 120 and sum(b.count for b in years) == 2
    assert years[0].href == "1900-None"
    assert chart_caption(months) == "Events per month"
    assert chart_caption(years) == "Events per year"
    ancient = chart_bars(group_years(sort_events([ev("a", "-44"), ev("b", "2019")])),
                         lambda y, m: "")
    assert chart_caption(ancient) == "Events per 25 years" and len(ancient) <= 120


def test_override_folder_wins_and_strict_undefined_fails(tmp_path):
    events = [ev("a", "2019-07-19", title="Soybeans")]
    (tmp_path / "event.md.j2").write_text("# Custom {{ event.title }}\n", encoding="utf-8")
    files = render_site(events, SiteOptions(), [tmp_path])
    assert "# Custom Soybeans" in files["events/a.md"]
    assert "tl-card" in files["index.md"]  # other templates still come from templates/
    (tmp_path / "event.md.j2").write_text("{{ event.titel }}\n", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError, match="titel"):
        render_site(events, SiteOptions(), [tmp_path])


def test_big_timelines_keep_the_home_page_short():
    events = sort_events([ev(f"e{i}", f"20{10 + i % 10}-0{1 + i % 9}-1{i % 10}")
                          for i in range(40)])
    files = render_site(events, SiteOptions(home_max_events=10, month_pages_after=2))
    assert "tl-card" not in files["index.md"] and "## Periods" in files["index.md"]
    assert sum(f.count('class="tl-card') for p, f in files.items()
               if p.startswith("periods/")) == 40


def test_render_time_grows_linearly():
    def timed(count: int) -> float:
        events = sort_events([ev(f"e{i}", f"{1990 + i % 30}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                 actors=[f"actor {i % 50}"], tags=[f"tag {i % 20}"])
                              for i in range(count)])
        start = time.perf_counter()
        render_site(events, SiteOptions())
        return time.perf_counter() - start
    timed(50)  # warm up template compilation
    small, large = timed(300), timed(1200)
    assert large < small * 4 * 2.5, (small, large)  # 4x the events: far from 16x


def test_renderer_does_not_import_mkdocs():
    code = ("import sys; import generator.render; "
            "sys.exit(any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_templates_are_in_the_templates_folder():
    names = {p.relative_to(ROOT / "templates").as_posix()
             for p in (ROOT / "templates").rglob("*") if p.is_file()}
    assert {"home.md.j2", "event.md.j2", "partials/macros.md.j2",
            "assets/timeline.css"} <= names
    assert Path(ROOT / "generator" / "render" / "environment.py").is_file()
