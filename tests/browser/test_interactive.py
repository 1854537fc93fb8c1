"""The interactive timeline (TimelineJS over timeline.json) in a real browser.

It must show the seed's events, log no errors, load nothing from outside the site
(TimelineJS is self-hosted and asked for no web fonts), stay inert with hostile text,
and say what it is without JavaScript.
"""

from __future__ import annotations

import re

import pytest

from generator.store.folder import load_store

from .conftest import ARTIFACTS, Served
from .test_site import PWNED, note_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGE = "interactive/"


def open_timeline(page, site: Served, count: int) -> list[str]:
    """Open the page, wait until TimelineJS has drawn `count` markers; return every
    request that left 127.0.0.1 meanwhile."""
    outside = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.goto(site.url + PAGE, wait_until="load")
    page.wait_for_function(f"document.querySelectorAll('.tl-timemarker').length === {count}")
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
