"""Material's header search puts a name's own page first for a query of that name.

The store has 120 generated events, 30 of them with each person's name in the title and
60 with each tag: without the name pages' boost and tag, those events outrank the page.
"""

from __future__ import annotations

from typing import Iterator

import pytest

from .conftest import Served, build, write_project
from .many_events import PEOPLE, PLACES, write_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def named_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("named-site")
    events = write_store(folder / "events", 120)
    served = Served(build(write_project(folder, events)), events, "120 generated events")
    yield served
    served.close()


# The first result's address once the results answer the whole query, not a prefix
# typed on the way: a result matching every word carries the whole query in its `h`
# parameter (the words Material highlights on the page it opens).
FIRST = """query => {
  const links = [...document.querySelectorAll('.md-search-result__item > a')];
  const whole = links.some(a =>
    (new URL(a.href).searchParams.get('h') || '').toLowerCase() === query.toLowerCase());
  return whole ? links[0].href : null;
}"""


def first_result(page, site: Served, query: str) -> str:
    """The address of the header search's first result for `query`, typed key by key
    (Material reads keystrokes)."""
    page.goto(site.url, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    return page.wait_for_function(FIRST, arg=query).json_value()


@pytest.mark.parametrize("query, address", [
    (PEOPLE[0], "actors/ada-quillon/"), (PEOPLE[1].split()[1], "actors/bram-oskar/"),
    (PLACES[1], "places/eastmere/"), ("trade", "tags/trade/")])
def test_a_name_finds_its_own_page_first(named_site, page, query, address):
    href = first_result(page, named_site, query)
    assert href.split("?")[0] == named_site.url + address, (query, href)
    assert page.problems == []


def test_more_words_than_the_name_still_find_the_events(named_site, page):
    href = first_result(page, named_site, f"{PEOPLE[0]} grain exports")
    assert "/events/" in href, href
    assert page.problems == []
