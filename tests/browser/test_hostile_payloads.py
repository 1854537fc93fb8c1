"""Every hostile payload of tests/robustness/payloads.txt, in every text field of an event,
shows as text in the built site and runs nothing, in a real browser.

One event per payload carries it in its title, summary, actors, places, tags, source
title, publisher and quote, and notes body. The test visits the pages a reader reaches
(home, periods, each event, the facet indexes, search) and checks: no script ran (the
payloads set `window.__pwned`), no dialog, no console error, no `javascript:` link, no
injected frame, form, refresh or base element, and the payload's text is on its page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.core.dates import from_day_number, parse_date
from generator.store.codec import dumps
from generator.core.model import Event, Source

import subprocess
import sys

from .conftest import Served, write_project

PAYLOADS = [line for line in (Path(__file__).parents[1] / "robustness" / "payloads.txt")
            .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]

PROBE = """() => ({
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  jsLinks: [...document.querySelectorAll('a[href]')].filter(
      a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
  injected: document.querySelectorAll(
      'iframe, form[action*="example.com"], input[name="q"], meta[http-equiv="refresh" i], ' +
      'base[href*="example.com"], style:not([id]):not([data-md-component]), ' +
      'details[ontoggle], [onerror], [onload], [onclick]').length,
  text: document.body.innerText,
})"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("hostile-site")
    events = folder / "events"
    events.mkdir()
    first = parse_date("2020-01-01").start // (24 * 60)
    for number, payload in enumerate(PAYLOADS):
        event = Event(
            id=f"hostile-{number:02d}", date=from_day_number(first + number), title=payload,
            summary=payload, actors=[payload], places=[payload], tags=["hostile", payload],
            sources=[Source(article=f"hostile-article-{number:02d}", title=payload,
                            publisher=payload, url="https://example.com/story",
                            quote=payload)],
            body=payload)
        (events / f"{event.id}.md").write_text(dumps(event), encoding="utf-8")
    # not --strict: the payloads with invisible characters rightly draw warnings
    project = write_project(folder, events)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    served = Served(project / "site", events, "hostile payloads")
    yield served
    served.close()


def check(page, url: str) -> dict:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    found = page.evaluate(PROBE)
    assert found["pwned"] is None, f"{url}: a payload ran ({found['pwned']})"
    assert found["jsLinks"] == 0, f"{url}: javascript: link"
    assert found["injected"] == 0, f"{url}: injected element"
    assert page.problems == [], f"{url}: {page.problems}"
    return found


@pytest.mark.parametrize("number", range(len(PAYLOADS)))
def test_event_page_shows_the_payload_as_text(hostile_site, page, number):
    found = check(page, f"{hostile_site.url}events/hostile-{number:02d}/")
    visible = " ".join(PAYLOADS[number].split())
    assert visible[:40].strip() in " ".join(found["text"].split()), PAYLOADS[number]


@pytest.mark.parametrize("path", ["", "periods/", "actors/", "places/", "tags/",
                                  "tags/hostile/", "sources/"])
def test_list_pages_run_nothing(hostile_site, page, path):
    check(page, hostile_site.url + path)


def test_search_results_run_nothing(hostile_site, page):
    check(page, hostile_site.url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill("pwned")
    page.wait_for_timeout(1500)
    found = page.evaluate(PROBE)
    assert found["pwned"] is None and page.problems == []


def test_the_store_is_valid_for_all_payloads(hostile_site):
    from generator.store.folder import load_store
    store = load_store(hostile_site.events)
    assert len(store.events) == len(PAYLOADS)
    assert not store.errors
    assert yaml.safe_load  # the payloads went through the ordinary YAML writer
