"""The interactive timeline (TimelineJS over timeline.json) in a real browser.

It must show the seed's events, log no errors, load nothing from outside the site
(TimelineJS is self-hosted and asked for no web fonts), stay inert with hostile text,
and say what it is without JavaScript. It starts only when its box comes into view; a big
store opens on its key events, not on a slide per event, and shows a period when picked;
it follows the light and the dark palette with headings that read at 4.5:1.
"""

from __future__ import annotations

import json
import re
from typing import Iterator, Optional

import pytest

from generator.store.folder import load_store

from .conftest import ARTIFACTS, Served, build, write_project
from .many_events import write_store
from .test_site import PWNED, note_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGE = "interactive/"


def open_timeline(page, site: Served, count: Optional[int]) -> list[str]:
    """Open the page, wait until TimelineJS has drawn `count` markers (None: its first
    view, whatever its size); return every request that left 127.0.0.1 meanwhile."""
    outside = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.goto(site.url + PAGE, wait_until="load")
    if count is None:
        page.wait_for_function("document.querySelectorAll('.tl-slide').length > 1 && "
                               "document.querySelectorAll('.tl-timemarker').length === "
                               "document.querySelectorAll('.tl-slide').length - 1")
    else:
        page.wait_for_function(
            f"document.querySelectorAll('.tl-timemarker').length === {count}")
    page.wait_for_timeout(500)  # late requests (fonts, icons) would show up here
    return outside


def test_renders_the_seed_events_without_leaving_the_site(seed_site, page):
    note_site(seed_site)
    events = [e for e in load_store(seed_site.events).events if not e.date.unknown_year]
    assert events, "the site under test has no events"
    outside = open_timeline(page, seed_site, len(events))
    assert outside == []
    markers = page.locator(".tl-timemarker .tl-headline").all_inner_texts()
    assert sorted(markers) == sorted(e.title for e in events)
    assert page.locator(".tl-slide").count() == len(events) + 1  # and the title slide
    dates = page.eval_on_selector_all(".tl-slide .tl-headline-date",
                                      "els => els.map(e => e.textContent)")
    assert sorted(d for d in dates if d) == sorted(e.when for e in events)
    page.locator(".tl-slidenav-next").first.click()  # from the title to the first event
    page.wait_for_timeout(1500)
    visible = [t for t in page.locator(".tl-slide .tl-headline").all_inner_texts() if t]
    assert events[0].title in visible
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "interactive.png"), full_page=True)
    assert page.problems == []


def test_dates_show_as_the_site_reads_them(fixture_site, page):
    events = [e for e in load_store(fixture_site.events).events if not e.date.unknown_year]
    open_timeline(page, fixture_site, len(events))
    dates = set(page.locator(".tl-headline-date").all_inner_texts())
    for expected in ("late June 2019", "c. 2005", "44 BCE", "18 July 2019"):
        assert expected in dates, (expected, dates)
    assert page.problems == []


def test_hostile_text_stays_text(fixture_site, page):
    events = [e for e in load_store(fixture_site.events).events if not e.date.unknown_year]
    open_timeline(page, fixture_site, len(events))
    assert page.evaluate(PWNED) == []
    assert page.locator(".tl-timeline img[src='x']").count() == 0
    assert page.locator(".tl-timeline b").count() == 0  # the tag `<b>tag</b>` is text
    groups = page.locator(".tl-timegroup-message").all_inner_texts()
    assert "<b>tag</b>" in groups
    headlines = " ".join(page.locator(".tl-timemarker .tl-headline").all_inner_texts())
    assert "<script>window.__pwned_title = 1</script>" in headlines
    assert page.problems == []


def test_reads_without_javascript(fixture_site, browser_context):
    tab = browser_context.new_page()
    tab.route(re.compile(r".*\.js(\?.*)?$"), lambda route: route.abort())
    tab.goto(fixture_site.url + PAGE)
    lead = tab.locator("p.tl-lead")
    assert lead.is_visible() and "needs JavaScript" in lead.inner_text()
    assert tab.locator("p.tl-lead a", has_text="home page").count() == 1
    tab.close()


# ---------------------------------------------------------------- a bigger store

BIG = 300  # generated events: past render.interactive.ALL_EVENTS_MAX, so views

# WCAG 2 contrast of two computed colours, each blended over the page colour when it is
# see-through (Material's --md-default-fg-color is a translucent black or white).
CONTRAST = """([fg, bg, page]) => {
  const parse = c => {
    const v = c.match(/[\\d.]+/g).map(Number);
    return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
  };
  const over = (top, under) =>
    top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
  const channel = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  const lum = rgb => { const l = rgb.map(channel);
                       return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const base = over(parse(page), [255, 255, 255]);
  const back = over(parse(bg), base);
  const front = over(parse(fg), back);
  const [a, b] = [lum(front), lum(back)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""
# The colour an element is drawn on: the slides' backdrop (a sibling layer TimelineJS
# paints, in an inline style) for what is on a slide, else the nearest painted ancestor.
BACKGROUND = """el => {
  const painted = e => { const c = getComputedStyle(e).backgroundColor;
                         return c !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(c) ? c : null; };
  const slider = el.closest('.tl-storyslider');
  const backdrop = slider && slider.querySelector('.tl-slider-background');
  if (backdrop && painted(backdrop)) return painted(backdrop);
  for (let e = el; e; e = e.parentElement) { if (painted(e)) return painted(e); }
  return 'rgb(255, 255, 255)';
}"""
# Every painted background inside the timeline box: {colour: class of one element}.
PAINTED = """() => Object.fromEntries([...document.querySelectorAll('.tl-interactive *')]
  .map(e => [getComputedStyle(e).backgroundColor, String(e.className)])
  .filter(([c]) => c !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(c)))"""


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("big-interactive")
    events = write_store(folder / "events", BIG)
    root = build(write_project(folder, events))
    served = Served(root, events, f"{BIG} generated events")
    served.root = root
    yield served
    served.close()


def test_a_big_store_opens_on_the_key_events_only(big_site, page):
    outside = open_timeline(page, big_site, None)
    assert outside == []
    key = json.loads((big_site.root / "interactive" / "key.json").read_text("utf-8"))
    shown = page.locator(".tl-slide").count()
    assert shown == len(key["events"]) + 1  # and the title slide
    assert shown < BIG / 4  # the whole store would be 301 slides
    titles = {e.title for e in load_store(big_site.events).events}
    markers = page.locator(".tl-timemarker .tl-headline").all_inner_texts()
    assert markers and set(markers) <= titles
    assert page.problems == []


def test_a_period_is_shown_when_picked(big_site, page):
    open_timeline(page, big_site, None)
    menu = page.locator(".tl-interactive-views select")
    labels = menu.locator("option").all_inner_texts()
    assert labels[0].startswith("Key events") and any(t.startswith("2001 (") for t in labels)
    menu.select_option(label=next(t for t in labels if t.startswith("2001 (")))
    events = [e for e in load_store(big_site.events).events if e.date.text.startswith("2001")]
    page.wait_for_function("n => document.querySelector('.tl-interactive')"
                           ".getAttribute('data-view') === '2001' && "
                           "document.querySelectorAll('.tl-timemarker').length === n",
                           arg=len(events))
    markers = page.locator(".tl-timemarker .tl-headline").all_inner_texts()
    assert sorted(markers) == sorted(e.title for e in events)
    assert page.problems == []


def test_timelinejs_loads_only_when_the_box_comes_into_view(fixture_site, page):
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.set_viewport_size({"width": 1000, "height": 120})  # the box starts below the fold
    page.goto(fixture_site.url + PAGE, wait_until="load")
    box = page.locator("#tl-interactive")
    top = box.evaluate("b => b.getBoundingClientRect().top")
    assert top > page.evaluate("innerHeight")  # or this test would prove nothing
    page.wait_for_function("document.readyState === 'complete'")
    assert not [u for u in asked if "/timelinejs/" in u or u.endswith("timeline.json")]
    assert page.locator(".tl-timeline").count() == 0
    page.set_viewport_size({"width": 1000, "height": 800})
    box.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelectorAll('.tl-timemarker').length > 0")
    assert [u for u in asked if u.endswith("timeline.json")]
    assert page.problems == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_follows_the_palette_with_readable_headings(fixture_site, page, scheme):
    events = [e for e in load_store(fixture_site.events).events if not e.date.unknown_year]
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    # Material remembers the last palette in the shared browser profile: forget it, so
    # the page takes the one the system asks for, before TimelineJS draws.
    page.goto(fixture_site.url + "404.html")
    page.evaluate("localStorage.clear()")
    try:
        check_palette(page, fixture_site, scheme, len(events))
    finally:  # and forget this one, for the tests that follow in the profile
        page.evaluate("localStorage.clear()")


def check_palette(page, site: Served, scheme: str, count: int) -> None:
    """No white area in the dark palette; every headline at 4.5:1 on its background."""
    open_timeline(page, site, count)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    page_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    if scheme == "slate":
        for colour, where in page.evaluate(PAINTED).items():
            assert page.evaluate(CONTRAST, ["rgb(255, 255, 255)", colour, page_bg]) > 3, \
                f"a (near) white area in the timeline in the dark palette: {colour} ({where})"
    headings = page.locator(".tl-slide .tl-headline, .tl-timemarker .tl-headline")
    assert headings.count() > count
    for index in range(headings.count()):
        heading = headings.nth(index)
        fg = heading.evaluate("e => getComputedStyle(e).color")
        bg = heading.evaluate(BACKGROUND)
        ratio = page.evaluate(CONTRAST, [fg, bg, page_bg])
        assert ratio >= 4.5, (scheme, heading.inner_text(), fg, bg, round(ratio, 2))
    assert page.problems == []
