"""The site `timeline build --engine zensical` makes, as a reader meets it in chromium:
Explore finds an event (its index is added after Zensical's build), the header search
finds it too, and the pages announce the feeds.

Needs Zensical besides chromium: skipped without it, failing in CI (which installs it).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from typing import Iterator

import pytest

from .conftest import FIXTURE_STORE, Served, write_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SOYBEAN = "Chinese government meets soybean buyers on US purchases"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The fixture store built through the Zensical route."""
    if importlib.util.find_spec("zensical") is None:
        reason = "Zensical is not installed: pip install 'zensical==0.0.73'"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("zensical-site")
    events = folder / "events"
    shutil.copytree(FIXTURE_STORE, events)
    write_project(folder, events)
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--engine",
                             "zensical", "--strict"], cwd=folder, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    served = Served(folder / "site", events, "fixture store via Zensical")
    yield served
    served.close()


def test_explore_finds_soybean_on_the_zensical_site(zensical_site, page):
    page.goto(zensical_site.url + "explore/")
    page.get_by_label("Search the events").fill("soybean")
    link = page.locator(".tl-explore__link", has_text=SOYBEAN)
    link.wait_for()
    link.click()
    page.wait_for_url("**/events/**")
    assert page.locator("h1").inner_text().startswith(SOYBEAN)  # then its permalink sign
    assert page.problems == []


def test_the_header_search_finds_soybean_on_the_zensical_site(zensical_site, page):
    """Zensical brings its own search dialog (not Material's), found by its roles."""
    page.goto(zensical_site.url, wait_until="load")
    page.locator(".md-search__button").click()
    page.get_by_role("combobox", name="Search").press_sequentially("soybean", delay=20)
    results = page.get_by_role("listbox", name="Search results")
    results.get_by_role("option").filter(has_text=SOYBEAN).first.wait_for()
    assert page.problems == []


def test_every_page_kind_announces_the_feeds(zensical_site, page):
    for address in ("", "explore/", "periods/", "tags/", "about/"):
        page.goto(zensical_site.url + address)
        feeds = page.locator("head link[rel=alternate]")
        types = sorted(feeds.evaluate_all("links => links.map(l => l.type)"))
        assert types == ["application/atom+xml", "application/atom+xml",
                         "application/feed+json"], address
        for href in feeds.evaluate_all("links => links.map(l => l.href)"):
            assert page.request.get(href).ok, href
