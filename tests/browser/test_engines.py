"""One store, three engines: `mkdocs build --strict`, `properdocs build --strict` (with the
config named properdocs.yml) and `timeline build --engine zensical --strict` make the
same site as a reader meets it: the same pages, each event's title and date on its page,
the header search and Explore both find an event, the pages announce the feeds, and the
exports are there.

ProperDocs and Zensical are test dependencies: without one of them its site is skipped
with the reason, except in CI (CI=true), where that fails.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from generator.store.folder import load_store

from .conftest import FIXTURE_STORE, Served, write_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ENGINES = ("mkdocs", "properdocs", "zensical")
SOYBEAN = "Chinese government meets soybean buyers on US purchases"
EXPORTS = ("timeline.json", "events.ics", "events.csv", "events.json", "feed.xml",
           "updates.xml", "feed.json")
FEED_TYPES = ["application/atom+xml", "application/atom+xml", "application/feed+json"]


def _build(engine: str, folder: Path) -> None:
    """Build the project in `folder` the way a user of `engine` does."""
    if engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    elif engine == "properdocs":
        (folder / "mkdocs.yml").rename(folder / "properdocs.yml")
        command = [sys.executable, "-m", "properdocs", "build", "--strict"]
    else:
        command = [sys.executable, "-m", "generator", "build", "--engine", "zensical",
                   "--strict"]
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{engine}: {result.stderr[-3000:]}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Served]]:
    """The fixture store built by each engine, served."""
    for engine in ENGINES[1:]:
        if importlib.util.find_spec(engine) is None:
            reason = f"{engine} is not installed (pip install -e '.[test]' installs it)"
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(reason)
            pytest.skip(reason)
    served = {}
    for engine in ENGINES:
        folder = tmp_path_factory.mktemp(f"engine-{engine}")
        events = folder / "events"
        shutil.copytree(FIXTURE_STORE, events)
        _build(engine, write_project(folder, events))
        served[engine] = Served(folder / "site", events, f"fixture store via {engine}")
    yield served
    for site in served.values():
        site.close()


def _pages(site: Path) -> set[str]:
    """The site's HTML pages, without the engines' own assets and search files."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if p.relative_to(site).parts[0] not in ("assets", "pagefind", "search")}


def test_the_three_engines_make_the_same_pages(sites):
    pages = {engine: _pages(site.root) for engine, site in sites.items()}
    assert pages["mkdocs"] and len(pages["mkdocs"]) > 20
    assert pages["properdocs"] == pages["mkdocs"]
    assert pages["zensical"] == pages["mkdocs"]
    for engine, site in sites.items():
        missing = [name for name in EXPORTS if not (site.root / name).is_file()]
        assert missing == [], engine


@pytest.mark.parametrize("engine", ENGINES)
def test_every_event_page_shows_its_title_and_date(sites, page, engine):
    site = sites[engine]
    for event in load_store(site.events).events:
        page.goto(f"{site.url}events/{event.id}/")
        assert page.locator("h1").inner_text().rstrip("¶").strip() == event.title, engine
        assert event.when in page.locator(".tl-when").first.inner_text(), (engine, event.id)
    assert page.problems == []


@pytest.mark.parametrize("engine", ENGINES)
def test_explore_finds_soybean(sites, page, engine):
    site = sites[engine]
    page.goto(site.url + "explore/")
    page.get_by_label("Search the events").fill("soybean")
    page.locator(".tl-explore__link", has_text=SOYBEAN).wait_for()
    assert page.problems == []


@pytest.mark.parametrize("engine", ENGINES)
def test_the_header_search_finds_soybean(sites, page, engine):
    site = sites[engine]
    page.goto(site.url, wait_until="load")
    if engine == "zensical":  # Zensical's own search dialog, found by its roles
        page.locator(".md-search__button").click()
        page.get_by_role("combobox", name="Search").press_sequentially("soybean", delay=20)
        found = page.get_by_role("listbox", name="Search results").get_by_role("option")
    else:  # Material's search box
        page.locator("label.md-search__icon, input.md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially("soybean", delay=20)
        found = page.locator(".md-search-result__item")
    found.filter(has_text=SOYBEAN).first.wait_for()
    assert page.problems == []


@pytest.mark.parametrize("engine", ENGINES)
def test_pages_announce_the_feeds(sites, page, engine):
    site = sites[engine]
    soybean = next(e for e in load_store(site.events).events if e.title == SOYBEAN)
    for address in ("", "explore/", f"events/{soybean.id}/", "tags/trade/"):
        page.goto(site.url + address)
        feeds = page.locator("head link[rel=alternate]")
        assert sorted(feeds.evaluate_all("links => links.map(l => l.type)")) == FEED_TYPES, \
            (engine, address)
