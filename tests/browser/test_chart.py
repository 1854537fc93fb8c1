"""The chart of events per month or year, as a reader sees it in chromium.

On a phone (375 px) and a desktop (1280 px), in the light and the dark palette, on the
home page and the periods page of three sites: the demo (months of one year), the fixture
store (bars of 25 years, from 44 BCE) and a generated store of eight years of months
(96 bars, one quiet year). The chart must stay inside the viewport, print its labels at
10 px or more without one covering another, show every count as text, draw its bars at
3:1 or more against the page, and keep its links out of any image.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest

from .colours import FORGET_PALETTE, contrast, over, parse_colour
from .conftest import ARTIFACTS, Served, build, write_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")
PAGES = ("", "periods/")
FIRST_YEAR, LAST_YEAR, QUIET_YEAR = 2012, 2019, 2015
NAME = re.compile(r"^(.+): (\d+) events?$")


def month_count(year: int, month: int) -> int:
    """A varied, repeatable number of events for a month; one busy month sets the peak."""
    if year == QUIET_YEAR:
        return 0
    return 14 if (year, month) == (2017, 3) else (year * 5 + month * 3) % 4


def write_many_months(folder: Path) -> Path:
    """An events file (a YAML list) with events in most months of eight years."""
    lines = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for month in range(1, 13):
            for n in range(month_count(year, month)):
                lines += [f"- id: e-{year}-{month:02d}-{n}",
                          f"  date: '{year}-{month:02d}-{n + 1:02d}'",
                          f"  title: Event {n + 1} of month {month} in {year}"]
    folder.mkdir(parents=True)
    (folder / "many.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def months_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("many-months")
    events = write_many_months(folder / "events")
    served = Served(build(write_project(folder, events)), events, "eight years of months")
    yield served
    served.close()


# Everything measured in one pass in the page: boxes of the text itself (a range over an
# element's contents), so a label that spills out of its column is seen where it is drawn.
MEASURE = """() => {
  const chart = document.querySelector('.md-content .tl-chart');
  const textBox = el => { const r = document.createRange(); r.selectNodeContents(el);
                          return r.getBoundingClientRect(); };
  const shown = el => el.getClientRects().length > 0 && el.textContent.trim() !== '';
  const labels = [...chart.querySelectorAll(
      '.tl-axis, .tl-count, .tl-panel-title, figcaption')].filter(shown).map(el => {
    const b = textBox(el);
    return {text: el.textContent.trim(), kind: el.className,
            size: parseFloat(getComputedStyle(el).fontSize),
            box: [b.left, b.top, b.right, b.bottom]};
  });
  const links = [...chart.querySelectorAll('a')].map(a => {
    const count = a.querySelector('.tl-count');
    const b = count.getBoundingClientRect();
    return {name: a.getAttribute('aria-label'), href: a.getAttribute('href'),
            count: count.textContent, visible: b.width > 0 && b.height > 0
            && getComputedStyle(count).visibility === 'visible'};
  });
  const wide = [...document.querySelectorAll('.md-content *')].filter(el => {
    const b = el.getBoundingClientRect();
    return b.width > 0 && (b.right > innerWidth + 0.5 || b.left < -0.5);
  }).map(el => el.tagName + '.' + el.className);
  const box = chart.getBoundingClientRect();
  return {labels, links, wide, chart: [box.left, box.right],
          scroll: document.documentElement.scrollWidth, width: innerWidth,
          scheme: document.body.getAttribute('data-md-color-scheme'),
          linkInImage: document.querySelectorAll('[role="img"] a, svg a').length,
          bars: chart.querySelectorAll('.tl-bar').length};
}"""

# The computed colour of every bar and of the page behind the chart.
COLOURS = """() => {
  const alpha = c => { const v = c.match(/[\\d.]+/g).map(Number);
                       return v.length === 3 ? 1 : v[3]; };
  let back = document.querySelector('.md-content .tl-chart');
  while (back && alpha(getComputedStyle(back).backgroundColor) === 0) {
    back = back.parentElement;
  }
  return {page: back ? getComputedStyle(back).backgroundColor : 'rgb(255, 255, 255)',
          bars: [...document.querySelectorAll('.md-content .tl-bar')].map(
            b => getComputedStyle(b).backgroundColor)};
}"""


def overlaps(a: list[float], b: list[float]) -> bool:
    """Two boxes share more than a hair (half a pixel, for rounding)."""
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5


def open_chart(browser_context, url: str, width: int, scheme: str):
    tab = browser_context.new_page()
    tab.set_viewport_size({"width": width, "height": 900})
    tab.emulate_media(color_scheme=scheme)
    tab.add_init_script(FORGET_PALETTE)
    tab.goto(url, wait_until="load")
    tab.wait_for_function("document.querySelector('.md-content .tl-chart') !== null")
    return tab


def close_chart(tab) -> None:
    tab.evaluate(FORGET_PALETTE)
    tab.close()


def check_chart(site: Served, browser_context, path: str, width: int, scheme: str) -> dict:
    """Every reader-level rule of the chart on one page, size and palette."""
    tab = open_chart(browser_context, site.url + path, width, scheme)
    try:
        seen = tab.evaluate(MEASURE)
        colours = tab.evaluate(COLOURS)
        where = f"{site.name} /{path} at {width}px, {scheme}"
        ARTIFACTS.mkdir(exist_ok=True)
        slug = re.sub(r"\W+", "-", f"chart {site.name} {path} {width} {scheme}").strip("-")
        tab.locator(".md-content .tl-chart").screenshot(path=str(ARTIFACTS / f"{slug}.png"))
    finally:
        close_chart(tab)
    assert seen["scheme"] == ("slate" if scheme == "dark" else "default"), where
    # inside the viewport, and nothing on the page wider than it
    assert seen["chart"][0] >= 0 and seen["chart"][1] <= width, (where, seen["chart"])
    assert seen["scroll"] <= width and seen["wide"] == [], (where, seen["wide"])
    # labels legible and apart
    labels = seen["labels"]
    assert labels and all(lab["size"] >= 10 for lab in labels), (where, labels)
    for i, a in enumerate(labels):
        assert 0 <= a["box"][0] and a["box"][2] <= width, (where, a)
        clash = [b for b in labels[i + 1:] if overlaps(a["box"], b["box"])]
        assert clash == [], (where, a, clash)
    # every bar with events is a named link whose count shows as text
    assert seen["links"], where
    for link in seen["links"]:
        match = NAME.match(link["name"] or "")
        assert match and link["visible"], (where, link)
        assert link["count"] == match.group(2), (where, link)
    assert seen["linkInImage"] == 0, where
    # bars at 3:1 or more against the page
    page = parse_colour(colours["page"])[:3] + (1.0,)
    assert len(colours["bars"]) == seen["bars"] > 0, where
    ratios = {round(contrast(over(parse_colour(bar), page), page), 2)
              for bar in colours["bars"]}
    assert min(ratios) >= 3, (where, ratios)
    return {"labels": labels, "links": seen["links"], "contrast": min(ratios)}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_chart_of_many_months_fits_and_reads(months_site, browser_context, width, scheme):
    for path in PAGES:
        seen = check_chart(months_site, browser_context, path, width, scheme)
        names = {NAME.match(link["name"]).group(1): int(link["count"])
                 for link in seen["links"]}
        # a linked bar for every month with events, with its own count; the quiet year
        # leaves no panel behind
        expected = {f"{m} {y}": month_count(y, i + 1)
                    for y in range(FIRST_YEAR, LAST_YEAR + 1)
                    for i, m in enumerate(("January", "February", "March", "April", "May",
                                           "June", "July", "August", "September", "October",
                                           "November", "December"))
                    if month_count(y, i + 1)}
        assert names == expected
        titles = [lab["text"] for lab in seen["labels"] if "tl-panel-title" in lab["kind"]]
        assert titles == [str(y) for y in range(FIRST_YEAR, LAST_YEAR + 1) if y != QUIET_YEAR]
        caption = [lab["text"] for lab in seen["labels"] if lab["kind"] == ""]
        assert caption == ["Events per month; years without events are left out."]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_chart_of_long_ago_years_fits_and_reads(fixture_site, browser_context, width, scheme):
    for path in PAGES:
        seen = check_chart(fixture_site, browser_context, path, width, scheme)
        axis = [lab["text"] for lab in seen["labels"] if "tl-axis" in lab["kind"]]
        assert axis[0] == "44 BCE", axis  # year spans are labelled by their first year
        caption = [lab["text"] for lab in seen["labels"] if lab["kind"] == ""]
        assert caption == ["Events per 25 years; stretches without events are left out."]


@pytest.mark.parametrize("width", WIDTHS)
def test_demo_chart_fits_and_reads(seed_site, browser_context, width):
    for scheme in SCHEMES:
        check_chart(seed_site, browser_context, "", width, scheme)


def test_a_bar_leads_to_its_month(months_site, browser_context):
    """Following a bar lands on the heading of its month, on the home page and from the
    periods page (where the month has a page of its own or a place on its year's)."""
    for path in PAGES:
        tab = open_chart(browser_context, months_site.url + path, 375, "light")
        try:
            tab.get_by_role("link", name=f"March 2017: {month_count(2017, 3)} events").click()
            tab.wait_for_url(re.compile(r"#.+$"))
            target = tab.evaluate("decodeURIComponent(location.hash.slice(1))")
            heading = tab.locator(f"[id='{target}']")
            assert "March 2017" in heading.inner_text(), (path, tab.url)
        finally:
            close_chart(tab)
