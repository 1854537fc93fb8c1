"""The Explore link the user guide documents works on the built demo site."""

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


@pytest.mark.slow
@pytest.mark.browser
def test_explore_link_opens_filtered_results(tmp_path: Path, page):
    """The documented link searches its words and sets its filter on the demo site."""
    link = _explore_link()
    query = parse_qs(urlsplit(link).query)
    project = demo_project(tmp_path / "project")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
                           cwd=project, capture_output=True, text=True, env=_env())
    assert built.returncode == 0, built.stderr
    store = load_store(project / "content" / "events")
    tagged = {e.title for e in store.events if query["tag"][0] in e.tags}

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # noqa: ANN002
            pass

    handler = functools.partial(Quiet, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/{link}")
        titles = page.locator(".pagefind-ui__result-title")
        titles.first.wait_for(timeout=20_000)
        shown = titles.all_inner_texts()
        filters = [page.locator(f"#tl-explore label[for='{box.get_attribute('id')}']")
                   .inner_text()
                   for box in page.locator("#tl-explore input[type=checkbox]:checked").all()]
    finally:
        server.shutdown()
    assert shown, f"{link} shows no results"
    assert set(shown) <= tagged, f"{link} shows events not tagged {query['tag'][0]}"
    assert any(query["tag"][0] in label for label in filters), filters
