"""The Explore links the user guide documents work on the built demo site."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator import load_store

from ..test_docs import _env, _explore_link, demo_project

RESULT = ".tl-explore__link"
COUNT = ".tl-explore__count"


def _shown(page, url: str) -> tuple[list[str], str, list[str]]:
    """Result titles, the count line and the ticked filter values at `url`."""
    page.goto(url)
    page.locator(RESULT).first.wait_for(timeout=20_000)
    ticked = [box.get_attribute("value")
              for box in page.locator(".tl-explore__check:checked").all()]
    return page.locator(RESULT).all_inner_texts(), page.locator(COUNT).inner_text(), ticked


@pytest.mark.slow
@pytest.mark.browser
def test_explore_link_opens_filtered_results(tmp_path: Path, page):
    """The documented link searches its words and sets its filter on the demo site, and
    the same link without words lists every event with the tag."""
    link = _explore_link()
    query = parse_qs(urlsplit(link).query)
    tag = query["tag"][0]
    project = demo_project(tmp_path / "project")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
                           cwd=project, capture_output=True, text=True, env=_env())
    assert built.returncode == 0, built.stderr
    store = load_store(project / "content" / "events")
    tagged = [e.title for e in store.events if tag in e.tags]

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # noqa: ANN002
            pass

    handler = functools.partial(Quiet, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        shown, _, ticked = _shown(page, base + link)
        words = page.get_by_label("Search the events").input_value()
        only_tag, count, _ = _shown(page, f"{base}explore/?tag={tag}")
    finally:
        server.shutdown()
    assert shown, f"{link} shows no results"
    assert set(shown) <= set(tagged), f"{link} shows events not tagged {tag}"
    assert ticked == [tag] and words == query["text"][0]
    # filters alone: every tagged event, in timeline order (the first page of them)
    assert only_tag == tagged[:len(only_tag)] and count.startswith(f"{len(tagged)} event")
    assert page.problems == []
