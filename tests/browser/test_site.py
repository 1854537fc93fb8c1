"""The built site in a real browser: order, search, tag and event pages, safety, reloads.

`seed_site` is the demo build when content/events holds events, else the fixture store;
each test that uses it prints which one ran (see -rP or test-artifacts/browser-site.txt).
"""

from __future__ import annotations

import re

import pytest

from generator.render.escape import safe_url
from generator.render.records import source_key
from generator.store.folder import load_store

from ..conftest import event_text
from ..test_serve import ENGINES, serving, use_engine, wait_for
from .conftest import ARTIFACTS, Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]
HOSTILE = "events/2019-07-21-hostile-article/"
SOYBEAN_TITLE = "Chinese government meets soybean buyers on US purchases"


def note_site(site: Served) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "browser-site.txt").write_text(f"browser tests ran against: {site.name}\n",
                                                encoding="utf-8")
    print(f"site under test: {site.name}")


def visit(page, url: str) -> None:
    external = []
    page.on("request", lambda r: external.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.goto(url, wait_until="load")
    assert external == [], f"requests left the site: {external}"


def test_home_shows_the_events_in_order(seed_site, page):
    note_site(seed_site)
    events = load_store(seed_site.events).events
    assert events, "the site under test has no events"
    visit(page, seed_site.url)
    titles = page.locator(".tl-card .tl-title a").all_inner_texts()
    assert titles == [e.title for e in events]
    whens = page.locator(".tl-card .tl-when").all_inner_texts()
    assert [w.lstrip("≈ ").removesuffix(" · expected") for w in whens] == \
        [e.when for e in events]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)
    assert page.problems == []


def soybean_site(seed_site: Served, fixture_site: Served) -> Served:
    """The seed site if it has the 19 July soybean event, else the fixture store."""
    for event in load_store(seed_site.events).events:
        text = " ".join([event.title] + [s.quote or "" for s in event.sources]).lower()
        if str(event.date) == "2019-07-19" and "soybean" in text:
            return seed_site
    return fixture_site


def test_search_for_soybean_finds_the_19_july_event(seed_site, fixture_site, page):
    site = soybean_site(seed_site, fixture_site)
    print(f"site under test: {site.name}")
    visit(page, site.url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("soybean", delay=30)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    link = first.locator("a").first
    assert "events/2019-07-19" in link.get_attribute("href")
    assert "19 July" in page.locator(".md-search-result").inner_text() or \
        "soybean" in first.inner_text().lower()
    assert page.problems == []


def test_tag_page_lists_its_events(fixture_site, page):
    expected = [e.title for e in load_store(fixture_site.events).events if "trade" in e.tags]
    visit(page, fixture_site.url + "tags/trade/")
    assert page.locator("h1").inner_text().rstrip("¶") == "trade"
    assert page.locator(".tl-card .tl-title a").all_inner_texts() == expected
    page.locator(".tl-card .tl-title a", has_text="soybean").click()
    assert page.locator("h1").inner_text().rstrip("¶") == SOYBEAN_TITLE
    assert page.problems == []


def test_event_page_shows_its_source_and_quote(fixture_site, page):
    visit(page, fixture_site.url + "events/2019-07-19-chinese-government-meets-soybean-buyers/")
    quote = page.locator("blockquote").inner_text()
    assert quote.startswith("The Chinese government met on July 19 with domestic soybean")
    sources = page.locator("h2#sources + ol").inner_text()
    assert "Bloomberg" in sources and "published 22 July 2019" in sources
    assert page.locator("text=Before:").count() == 1 and page.locator("text=After:").count() == 1
    assert page.title().startswith(SOYBEAN_TITLE)
    assert page.problems == []


# The date line's classes, and what the reader sees of them: the "≈" and the italics.
DATE_LOOK = """e => [[...e.classList].sort().join(" "),
                     getComputedStyle(e, "::before").content, getComputedStyle(e).fontStyle]"""


def test_event_pages_mark_approximate_dates_and_only_those(seed_site, fixture_site, page):
    """Each event page's date has the classes tl-when and tl-uncertain (both) when the
    date is approximate, and reads "≈ ..." in italics; a range or a month does not."""
    for site in dict.fromkeys((seed_site, fixture_site)):
        for event in load_store(site.events).events:
            visit(page, f"{site.url}events/{event.id}/")
            look = page.locator(".md-content p.tl-when").evaluate(DATE_LOOK)
            if event.qualifier:
                assert look == ["tl-uncertain tl-when", '"≈ "', "italic"], (event.id, look)
            else:
                assert look == ["tl-when", "none", "normal"], (event.id, look)
            assert page.locator(".md-content .tl-when").count() == 1, event.id
    assert page.problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_links_in_grey_lead_lines_are_underlined(fixture_site, page, scheme):
    page.emulate_media(color_scheme=scheme)
    # The palette follows the system's scheme unless a page stored a choice in this
    # shared profile: forget any before each page's scripts run, and after the test.
    page.add_init_script("window.localStorage.clear()")
    try:
        for path in ("", "events/2019-06-trump-and-xi-meet-at-g20/", "tags/trade/"):
            visit(page, fixture_site.url + path)
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
                ("slate" if scheme == "dark" else "default")
            links = page.locator(".tl-lead a, .tl-source a")
            assert links.count() > 0, path
            lines = links.evaluate_all(
                "els => els.map(e => getComputedStyle(e).textDecorationLine)")
            assert all("underline" in line for line in lines), (path, lines)
    finally:
        page.evaluate("window.localStorage.clear()")
    assert page.problems == []


def test_cards_show_the_summary_or_sentence_and_link_their_source(seed_site, fixture_site,
                                                                  page):
    """The text under a card's title is the summary, else the source sentence; the source
    line links to the article's address, else to the source's page on the site."""
    for site in dict.fromkeys((seed_site, fixture_site)):
        visit(page, site.url)
        events, on_site = load_store(site.events).events, []
        # an article's address may be given by any event that cites it
        address = {source_key(s): safe_url(s.url) for e in events for s in e.sources if s.url}
        for event in events:
            card = page.locator(f".tl-card#e-{event.id}")
            text = event.summary or next((s.quote for s in event.sources if s.quote), None)
            if text:
                assert card.locator(".tl-summary").inner_text() == " ".join(text.split())
            if not event.sources:
                continue
            link = card.locator(".tl-source a")
            if source_key(event.sources[0]) in address:
                assert link.get_attribute("href") == address[source_key(event.sources[0])]
            else:
                on_site.append(link.evaluate("a => a.href"))
        for url in on_site:  # the source's page here, named after the article
            visit(page, url)
            assert page.locator(".tl-card").count() > 0, url
    assert page.problems == []


PWNED = "Object.keys(window).filter(k => k.startsWith('__pwned'))"


@pytest.mark.parametrize("path", [HOSTILE, "", "actors/", "tags/", "sources/",
                                  "periods/2019/"])
def test_hostile_text_shows_as_text_and_runs_nothing(fixture_site, page, path):
    visit(page, fixture_site.url + path)
    page.wait_for_timeout(300)
    assert page.evaluate(PWNED) == []
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("[...document.scripts].filter(s => s.type !== 'application/ld+json'"
                         " && s.text.includes('__pwned')).length") == 0
    assert page.locator("[onclick], [onerror], [onmouseover]").count() == 0
    if path == HOSTILE:
        title = page.locator("h1").inner_text().rstrip("¶")
        assert title.startswith("<script>window.__pwned_title = 1</script> Report <img src=x")
        assert title.endswith("{{ 7*7 }}")
        body = page.locator("article").inner_text()
        assert "<img src=x onerror=\"window.__pwned_quote=1\">" in body
        assert "{% if true %}jinja{% endif %}" in body
        assert "<script>window.__pwned_notes = 1</script>" in body
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        assert not [h for h in hrefs if h.lower().startswith(("javascript", "data"))]
    assert page.problems == []


def test_searching_hostile_text_runs_nothing(fixture_site, page):
    visit(page, fixture_site.url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("report", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate(PWNED) == []
    assert page.locator(".md-search-result img, .md-search-result script").count() == 0
    assert page.problems == []


def test_pages_fit_a_phone_and_read_without_javascript(fixture_site, browser_context):
    tab = browser_context.new_page()
    tab.set_viewport_size({"width": 375, "height": 800})
    tab.route(re.compile(r".*\.js(\?.*)?$"), lambda route: route.abort())
    for path in ("", HOSTILE, "tags/trade/", *PAGE_KINDS):
        tab.goto(fixture_site.url + path)
        assert tab.locator(".tl-card, h1").first.is_visible()
        wide = tab.evaluate("[...document.querySelectorAll('.md-main *')]"
                            ".filter(e => e.getBoundingClientRect().right > 376)"
                            ".map(e => e.tagName + ' ' + e.className)")
        assert wide == [], path
    # A name longer than any phone is wide, in whatever font: its chip must stay inside.
    tab.goto(fixture_site.url)
    right = tab.evaluate("""() => {
        const chip = document.querySelector('.tl-card a.tl-chip');
        chip.textContent = 'Federation of International Humanitarian Relief Coordination '
            + 'Offices and Regional Emergency Response Committees';
        return [chip.getBoundingClientRect().right, chip.scrollWidth > chip.clientWidth];
    }""")
    assert right[0] <= 376 and right[1], right
    tab.goto(fixture_site.url)
    assert tab.locator(".tl-card").count() == len(load_store(fixture_site.events).events)
    tab.close()


# One page of every other kind a reader reaches (besides home, an event and a tag).
PAGE_KINDS = ("newest/", "periods/", "periods/2019/", "actors/", "actors/donald-trump/",
              "places/", "tags/", "sources/", "data/", "explore/", "interactive/", "about/")


def test_every_page_kind_fits_a_phone_with_javascript(fixture_site, browser_context):
    """With scripts running (Explore's results and filters, the interactive timeline),
    no page scrolls sideways at 375 px and nothing of ours pokes out of the screen;
    TimelineJS clips its own wide strip inside its box, so its box is what counts."""
    tab = browser_context.new_page()
    tab.set_viewport_size({"width": 375, "height": 800})
    source = next(p.parent.name for p in (fixture_site.root / "sources").glob("*/index.html"))
    for path in ("", HOSTILE, "tags/trade/", f"sources/{source}/", *PAGE_KINDS):
        assert (fixture_site.root / path / "index.html").is_file(), path
        tab.goto(fixture_site.url + path, wait_until="load")
        if path == "explore/":
            tab.locator(".tl-explore__count").wait_for()
        if path == "interactive/":
            tab.locator("#tl-interactive").scroll_into_view_if_needed()
            tab.locator(".tl-slide").first.wait_for(state="attached")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 375, path
        wide = tab.evaluate("[...document.querySelectorAll('.md-main *')]"
                            ".filter(e => !e.closest('.tl-interactive *'))"
                            ".filter(e => e.getBoundingClientRect().right > 376)"
                            ".map(e => e.tagName + ' ' + e.className)")
        assert wide == [], path
    tab.close()


def test_dark_mode_toggle(fixture_site, page):
    page.emulate_media(color_scheme="light")
    visit(page, fixture_site.url)
    page.evaluate("localStorage.clear()")
    page.reload()
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert page.evaluate(scheme) == "slate"
    page.screenshot(path=str(ARTIFACTS / "home-dark.png"))
    assert page.problems == []


@pytest.mark.parametrize("engine", ENGINES)
def test_live_reload_shows_an_edited_event_without_a_manual_reload(project, write, page,
                                                                   engine):
    use_engine(project, engine)
    path = write("a.md", event_text("a", "2019-07-19", "Soybean buyers meet"))
    with serving(project, engine=engine) as url:
        wait_for(url + "events/a/", "Soybean buyers meet")
        # the page's reload script polls the server; edit once it is listening
        with page.expect_request(lambda request: "/livereload/" in request.url):
            page.goto(url + "events/a/")
        assert page.locator("h1").inner_text().rstrip("¶") == "Soybean buyers meet"
        path.write_text(event_text("a", "2019-07-19", "Soybean buyers meet again"),
                        encoding="utf-8")
        page.locator("h1", has_text="Soybean buyers meet again").wait_for(timeout=30_000)


def test_explore_finds_an_event_and_a_tag_filter_narrows_the_results(fixture_site, page):
    visit(page, fixture_site.url + "explore/")
    box = page.get_by_label("Search the events")
    box.fill("soybean")
    first = page.locator(".tl-explore__link").first
    first.wait_for()
    assert first.inner_text() == SOYBEAN_TITLE
    assert first.get_attribute("href").endswith(
        "/events/2019-07-19-chinese-government-meets-soybean-buyers/")
    first.click()
    assert page.locator("h1").inner_text().rstrip("¶") == SOYBEAN_TITLE

    visit(page, fixture_site.url + "explore/")
    page.get_by_label("Search the events").fill("china")
    results = page.locator(".tl-explore__link")
    page.wait_for_function("(n => n > 1 && document.querySelector('.tl-explore__count')"
                           ".textContent === n + ' events')(document.querySelectorAll("
                           "'.tl-explore__link').length)")
    everything = results.count()
    page.locator(".tl-explore__check[name=tag][value=agriculture]").check()
    # the list is redrawn when the answer comes: wait for the narrowed list itself
    page.wait_for_function(f"(n => n > 0 && n < {everything})(document.querySelectorAll("
                           f"'.tl-explore__link').length)")
    narrowed = results.all_inner_texts()
    tagged = {e.title for e in load_store(fixture_site.events).events if "agriculture" in e.tags}
    assert narrowed and set(narrowed) <= tagged
    assert "tag=agriculture" in page.url and "text=china" in page.url
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "explore.png"), full_page=True)
    assert page.problems == []
