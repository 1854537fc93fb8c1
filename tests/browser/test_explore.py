"""The Explore page as a reader meets it: deep links, the search words' parameter, a site
in a subfolder, contrast in both palettes, keyboard focus, phones, long lists.

Colours are read from the page (computed styles), never assumed, so the checks follow
whatever Material's palettes hold.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pytest

from generator.render.explore import event_filters
from generator.store.folder import load_store

from ..conftest import event_text
from .colours import contrast, over, parse_colour
from .conftest import Served, build, write_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LINK = ".tl-explore__link"
COUNT = ".tl-explore__count"
INPUT_LABEL = "Search the events"
SOYBEAN = "Chinese government meets soybean buyers on US purchases"


def shown(page) -> list[str]:
    """The result titles, once an answer is drawn (the count line and the list are drawn
    together; the list holds the first 20)."""
    page.wait_for_function(
        "(n => n > 0 && /^[0-9,]+ events?$/.test(document.querySelector("
        "'.tl-explore__count').textContent) && parseInt(document.querySelector("
        "'.tl-explore__count').textContent.replace(',', '')) >= n)"
        "(document.querySelectorAll('.tl-explore__link').length)")
    return page.locator(LINK).all_inner_texts()


def expected(site: Served, name: str, value: str) -> list[str]:
    """Titles of the events with `value` for filter `name`, in timeline order."""
    return [e.title for e in load_store(site.events).events if value in event_filters(e)[name]]


# ---------------------------------------------------------------------------------------
# Deep links and the search words' parameter

@pytest.mark.parametrize("name, value", [("tag", "trade"), ("actor", "China"),
                                         ("year", "2019"), ("place", "China"),
                                         ("source", "Bloomberg")])
def test_a_link_with_filters_only_lists_the_events_in_timeline_order(fixture_site, page,
                                                                     name, value):
    want = expected(fixture_site, name, value)
    assert want, f"the fixture store has no event with {name} {value}"
    page.goto(f"{fixture_site.url}explore/?{name}={quote(value)}")
    assert shown(page) == want
    assert page.locator(COUNT).inner_text() == \
        (f"{len(want)} events" if len(want) > 1 else "1 event")
    box = page.locator(f".tl-explore__check[name={name}][value='{value}']")
    assert box.is_checked()
    assert page.problems == []


def test_words_go_in_text_and_material_search_stays_closed(fixture_site, page):
    # The control: on another page Material opens its overlay for ?q= ...
    page.goto(fixture_site.url + "?q=china")
    page.wait_for_function("document.getElementById('__search').checked")
    # ... on Explore, `text` never opens it, and an old `q` link becomes `text`.
    answers = []
    for query in ("text=china", "q=china"):
        page.goto(f"{fixture_site.url}explore/?{query}")
        answers.append(shown(page))
        assert page.get_by_label(INPUT_LABEL).input_value() == "china"
        assert not page.locator("#__search").is_checked()
        assert page.locator(".md-search__input").input_value() == ""
        assert page.url.endswith("/explore/?text=china")
    assert answers[0] and answers[0] == answers[1]
    assert SOYBEAN in answers[0]
    assert page.problems == []


def test_typing_and_ticking_keep_the_address_a_shareable_link(fixture_site, page):
    page.goto(fixture_site.url + "explore/")
    page.locator(COUNT, has_text="Type words").wait_for()
    page.get_by_label(INPUT_LABEL).fill("china")
    every = shown(page)
    page.locator(".tl-explore__check[name=tag][value=agriculture]").check()
    page.wait_for_function(f"document.querySelectorAll('{LINK}').length < {len(every)}")
    narrowed = shown(page)
    assert page.url.endswith("/explore/?text=china&tag=agriculture")
    page.goto(page.url)  # the address alone gives the same search back
    assert shown(page) == narrowed
    assert page.locator(".tl-explore__check[name=tag][value=agriculture]").is_checked()


def test_filter_counts_follow_the_search(fixture_site, page):
    events = load_store(fixture_site.events).events
    page.goto(fixture_site.url + "explore/")
    trade = page.locator(".tl-explore__option", has=page.locator("[value=trade]"))
    trade.locator(".tl-explore__tally").wait_for()
    assert trade.locator(".tl-explore__tally").inner_text() == \
        str(sum("trade" in e.tags for e in events))
    page.get_by_label(INPUT_LABEL).fill("soybean")
    titles = shown(page)
    tagged = sum("trade" in e.tags for e in events if e.title in titles)
    assert tagged < sum("trade" in e.tags for e in events)
    assert trade.locator(".tl-explore__tally").inner_text() == str(tagged)


def test_values_of_one_filter_are_alternatives_and_keep_their_counts(fixture_site, page):
    """Two tags give the events with either; ticking one leaves the other tags listed
    with the counts they would add, while another filter (year) narrows them."""
    events = load_store(fixture_site.events).events
    tags = sorted({t for e in events for t in e.tags if t.isalpha()})
    count = {t: sum(t in e.tags for e in events) for t in tags}
    one, two = next((a, b) for a in tags for b in tags if a < b and
                    sum(bool({a, b} & set(e.tags)) for e in events) > max(count[a], count[b]))
    either = [e.title for e in events if {one, two} & set(e.tags)]
    page.goto(f"{fixture_site.url}explore/?tag={one}&tag={two}")
    assert shown(page) == either
    page.goto(f"{fixture_site.url}explore/?tag={one}")
    assert len(shown(page)) == count[one]
    other = page.locator(".tl-explore__option", has=page.locator(f"[name=tag][value={two}]"))
    assert other.locator(".tl-explore__tally").inner_text() == str(count[two])
    assert page.problems == []


def test_hostile_names_and_titles_show_as_text(fixture_site, page):
    hostile = next(e for e in load_store(fixture_site.events).events if "<b>tag</b>" in e.tags)
    page.goto(f"{fixture_site.url}explore/?tag={quote('<b>tag</b>')}")
    assert shown(page) == [hostile.title]
    values = page.locator(".tl-explore__value").all_inner_texts()
    assert hostile.actors[0] in values and "<b>tag</b>" in values
    assert page.evaluate("Object.keys(window).filter(k => k.startsWith('__pwned'))") == []
    assert page.locator(".tl-explore__result img, .tl-explore__filters img").count() == 0


# ---------------------------------------------------------------------------------------
# A site in a subfolder (a GitHub Pages project site)

@pytest.fixture(scope="module")
def subfolder_site(fixture_site: Served, tmp_path_factory) -> Iterator[Served]:
    """The fixture site served at /sub/ of its host."""
    built = fixture_site.events.parent / "site"
    assert (built / "explore" / "index.html").is_file(), built
    parent = tmp_path_factory.mktemp("served-parent")
    shutil.copytree(built, parent / "sub")
    served = Served(parent, fixture_site.events, "fixture store under /sub/")
    yield served
    served.close()


def test_a_result_opens_its_event_when_the_site_lives_in_a_subfolder(subfolder_site, page):
    want = expected(subfolder_site, "tag", "agriculture")
    page.goto(subfolder_site.url + "sub/explore/?tag=agriculture")
    assert shown(page) == want
    link = page.locator(LINK).first
    assert "/sub/events/" in link.evaluate("a => a.href")
    link.click()
    page.wait_for_url("**/sub/events/**")
    assert page.locator("h1").inner_text().rstrip("¶") == want[0]
    assert page.problems == []


# ---------------------------------------------------------------------------------------
# Contrast in both palettes

# The element's colour (or border colour) and the backgrounds of it and its ancestors,
# nearest first, up to the first opaque one.
LAYERS = """([el, property]) => {
  const colour = getComputedStyle(el)[property];
  const backgrounds = [];
  for (let n = property === 'color' ? el : el.parentElement; n; n = n.parentElement) {
    const bg = getComputedStyle(n).backgroundColor;
    backgrounds.push(bg);
    if (!/rgba|\\/|transparent/.test(bg)) break;
  }
  return [colour, backgrounds];
}"""


def measured(page, selector: str, prop: str = "color") -> float:
    """The contrast of the first element matching `selector` with what lies behind it."""
    element = page.locator(selector).first.element_handle()
    colour, backgrounds = page.evaluate(LAYERS, [element, prop])
    behind = (1.0, 1.0, 1.0, 1.0)  # the canvas, should no ancestor be opaque
    for layer in reversed(backgrounds):
        behind = over(parse_colour(layer), behind)
    return contrast(over(parse_colour(colour), behind), behind)


def test_contrast_helper_matches_known_values():
    assert round(contrast((0, 0, 0, 1), (1, 1, 1, 1)), 1) == 21.0
    grey = parse_colour("rgb(118, 118, 118)")
    assert 4.5 < contrast(grey, (1, 1, 1, 1)) < 4.6
    assert over(parse_colour("rgba(0, 0, 0, 0.5)"), (1, 1, 1, 1))[0] == pytest.approx(0.5)


TEXT = [".tl-explore__label", ".tl-explore__input", LINK, ".tl-explore__date",
        ".tl-explore__excerpt", ".tl-explore__excerpt mark", COUNT, ".tl-explore__fold",
        ".tl-explore__value", ".tl-explore__tally"]
BORDERS = [".tl-explore__input", ".tl-explore__check"]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_text_and_controls_keep_their_contrast_in_both_palettes(fixture_site, page, scheme):
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    page.goto(fixture_site.url + "explore/?text=china")
    shown(page)
    # Material eases colour changes: without transitions the computed colours are final.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    low = {s: round(measured(page, s), 2) for s in TEXT if measured(page, s) < 4.5}
    low.update({s + " border": round(measured(page, s, "borderTopColor"), 2)
                for s in BORDERS if measured(page, s, "borderTopColor") < 3})
    assert low == {}, f"too little contrast in {scheme}: {low}"


# ---------------------------------------------------------------------------------------
# Keyboard

def test_the_keyboard_reaches_the_first_result_at_once_and_sees_its_focus(fixture_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(fixture_site.url + "explore/?text=china")
    titles = shown(page)
    page.get_by_label(INPUT_LABEL).focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == titles[0]
    # from a group's heading, Tab reaches its first checkbox, whose focus shows
    page.locator(".tl-explore__fold", has_text="Tag").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("el => el.matches('.tl-explore__check:focus-visible')")
    value = focused.evaluate("el => el.value")
    style = focused.evaluate("el => [getComputedStyle(el).outlineStyle, "
                             "getComputedStyle(el).outlineWidth, getComputedStyle(el).boxShadow]")
    assert (style[0] != "none" and style[1] != "0px") or style[2] != "none", style
    # Space ticks it; the list is redrawn and the focus stays on the same value
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"tag="))
    shown(page)
    assert page.evaluate("[document.activeElement.value, document.activeElement.checked,"
                         " document.activeElement.matches(':focus-visible')]") == \
        [value, True, True]


def test_year_starts_folded_and_opens(fixture_site, page):
    page.goto(fixture_site.url + "explore/?tag=trade")
    shown(page)
    year = page.locator(".tl-explore__fold", has_text="Year")
    assert year.get_attribute("aria-expanded") == "false"
    assert not page.locator("#tl-explore-year").is_visible()
    year.click()
    assert year.get_attribute("aria-expanded") == "true"
    assert page.locator("#tl-explore-year .tl-explore__check").first.is_visible()
    assert page.locator(".tl-explore__fold", has_text="Tag").get_attribute(
        "aria-expanded") == "true"


# ---------------------------------------------------------------------------------------
# Phones

def wider_than_the_screen(page) -> list[str]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('.tl-explore *'))
      .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map(el => el.className || el.tagName)
      .concat(document.documentElement.scrollWidth > window.innerWidth ? ['page'] : [])""")


def test_on_a_phone_results_come_first_and_filters_open_on_demand(fixture_site, page):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(fixture_site.url + "explore/?text=china")
    shown(page)
    toggle = page.get_by_role("button", name="Filters")
    panel = page.locator("#tl-explore-filters")
    assert toggle.is_visible() and not panel.is_visible()
    assert wider_than_the_screen(page) == []
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and panel.is_visible()
    # opened, the filters sit right under their toggle, above the results
    first = page.locator(LINK).first.bounding_box()
    assert toggle.bounding_box()["y"] < panel.bounding_box()["y"] < first["y"]
    assert wider_than_the_screen(page) == []
    page.locator(".tl-explore__check[name=tag][value=trade]").check()
    page.wait_for_url(re.compile(r"tag=trade"))
    assert toggle.inner_text() == "Filters (1)"
    page.get_by_label(INPUT_LABEL).focus()
    page.keyboard.press("Tab")  # the toggle, then the first filter group
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == \
        "tl-explore-filters"
    assert page.problems == []


def test_on_a_phone_a_hostile_result_stays_inside_the_screen(fixture_site, page):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{fixture_site.url}explore/?tag={quote('<b>tag</b>')}")
    shown(page)
    page.get_by_role("button", name="Filters").click()
    assert wider_than_the_screen(page) == []


# ---------------------------------------------------------------------------------------
# Long lists: more results on demand, and every value of a long filter

@pytest.fixture(scope="module")
def many_site(tmp_path_factory) -> Iterator[Served]:
    """30 events, one a year from 2001, each tagged `harvest` and one of 15 crops."""
    folder = tmp_path_factory.mktemp("many-events")
    events = folder / "events"
    events.mkdir()
    for i in range(30):
        (events / f"e{i:02d}.md").write_text(event_text(
            f"e{i:02d}", f"{2001 + i}-05-01", f"Harvest report {2001 + i}",
            summary="'The wheat harvest came in.'", tags=f"[harvest, crop{i % 15:02d}]"),
            encoding="utf-8")
    served = Served(build(write_project(folder, events)), events, "30 generated events")
    yield served
    served.close()


def test_more_results_and_every_value_on_demand(many_site, page):
    page.goto(many_site.url + "explore/?tag=harvest")
    first = shown(page)
    assert len(first) == 20 and page.locator(COUNT).inner_text() == "30 events"
    assert first == [f"Harvest report {2001 + i}" for i in range(20)]
    page.get_by_role("button", name="Show more events").click()
    page.wait_for_function(f"document.querySelectorAll('{LINK}').length === 30")
    assert not page.get_by_role("button", name="Show more events").is_visible()
    crops = page.locator("#tl-explore-tag .tl-explore__check")
    assert crops.count() == 12  # `harvest` and the 11 crops with most events
    page.get_by_role("button", name="Show all 16").click()
    page.wait_for_function("document.querySelectorAll("
                           "'#tl-explore-tag .tl-explore__check').length === 16")
    page.locator(".tl-explore__fold", has_text="Year").click()
    page.get_by_role("button", name="Show all 30").click()
    years = page.locator("#tl-explore-year .tl-explore__value")
    page.wait_for_function("document.querySelectorAll("
                           "'#tl-explore-year .tl-explore__value').length === 30")
    assert years.all_inner_texts() == [str(2001 + i) for i in range(30)]
    assert page.problems == []
