"""The first search in headless chromium, on the Explore page and in the header
(used by bench_build.py).

Each run opens a fresh browser profile (nothing cached), loads the page, types a word
and times until the first result is shown; the kilobytes are what the page fetched for
search (Pagefind's chunks, or lunr's whole index), from the browser's resource timing.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import statistics
import tempfile
import sys
import threading
import time
from pathlib import Path

WORD = "tariffs"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run"]
LOADED = ("performance.getEntriesByType('resource').filter(e => {pattern}.test(e.name))"
          ".reduce((n, e) => n + e.encodedBodySize, 0)")
PAGEFIND = LOADED.format(pattern="/\\/pagefind\\//")
LUNR = LOADED.format(pattern="/search_index|workers\\/search/")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


def _explore(page, url: str) -> tuple[float, float]:
    page.goto(url + "explore/", wait_until="load")
    box = page.locator(".tl-explore__input")
    box.wait_for()
    start = time.perf_counter()
    box.fill(WORD)
    page.locator(".tl-explore__link").first.wait_for(timeout=60_000)
    return time.perf_counter() - start, page.evaluate(PAGEFIND) / 1024


def _header(page, url: str) -> tuple[float, float]:
    page.goto(url, wait_until="load")
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    start = time.perf_counter()
    page.locator("input.md-search__input").fill(WORD)
    page.wait_for_function("/matching/i.test(document.querySelector("
                           "'.md-search-result__meta')?.textContent || '')", timeout=120_000)
    return time.perf_counter() - start, page.evaluate(LUNR) / 1024


def first_searches(site: Path, runs: int) -> dict:
    """Median first-search seconds and KB on Explore and in the header search."""
    from playwright.sync_api import sync_playwright
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    found: dict[str, list[float]] = {"explore": [], "explore_kb": [], "header": [],
                                     "header_kb": []}
    try:
        with sync_playwright() as playwright:
            for _ in range(runs):
                for name, probe in (("explore", _explore), ("header", _header)):
                    profile = tempfile.mkdtemp(prefix="bench-chromium-")
                    context = playwright.chromium.launch_persistent_context(
                        profile, executable_path=shutil.which("chromium"), headless=True,
                        args=BROWSER_ARGS)
                    try:
                        seconds, kilobytes = probe(context.new_page(), url)
                    except Exception as exc:  # noqa: BLE001 - a figure is missing, not the run
                        print(f"{name} search failed: {exc}", file=sys.stderr)
                        seconds, kilobytes = float("nan"), float("nan")
                    context.close()
                    shutil.rmtree(profile, ignore_errors=True)
                    found[name].append(seconds)
                    found[f"{name}_kb"].append(kilobytes)
    finally:
        server.shutdown()
        server.server_close()
    return {"explore_s": statistics.median(found["explore"]),
            "explore_kb": statistics.median(found["explore_kb"]),
            "header_s": statistics.median(found["header"]),
            "header_kb": statistics.median(found["header_kb"])}
