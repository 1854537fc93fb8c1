"""Fixtures for browser tests: Debian's chromium driven by Playwright, built sites served
over HTTP on 127.0.0.1 (search needs HTTP: it loads its index in a web worker).

Without chromium or Playwright the tests skip with the reason; with CI=true they fail
instead, because CI installs both and a skip there would hide a broken set-up.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

from ..conftest import ROOT
from .colours import FORGET_PALETTE

# Debian's chromium package, found on PATH; TIMELINE_CHROMIUM points at another binary.
CHROMIUM = Path(os.environ.get("TIMELINE_CHROMIUM") or shutil.which("chromium")
                or shutil.which("chromium-browser") or "chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
FIXTURE_STORE = ROOT / "tests" / "render" / "store"
ARTIFACTS = ROOT / "test-artifacts"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A fresh headless chromium profile (nothing shared with other runs)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        _unavailable(f"chromium is not installed ({CHROMIUM} not found; apt-get install "
                     "chromium)")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM),
            headless=True, args=CHROMIUM_ARGS)
        context.set_default_timeout(20_000)
        yield context
        context.close()


@pytest.fixture
def page(browser_context) -> Iterator:
    """A new tab that records console errors, page errors and dialogs (alert & co)."""
    tab = browser_context.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(f"console {m.type}: {m.text}")
           if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))

    def on_dialog(dialog) -> None:  # noqa: ANN001
        tab.problems.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()
    tab.on("dialog", on_dialog)
    yield tab
    try:  # a test that saw the dark palette must not leave it to the next one
        tab.evaluate(FORGET_PALETTE)
    except Exception:  # noqa: BLE001 - a page without storage (about:blank) has none
        pass
    tab.close()


def write_project(folder: Path, events: Path) -> Path:
    """A project using the repository's mkdocs.yml, templates and pages with `events`."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("events_dir: content/events", f"events_dir: {events}")
    config = config.replace("docs_dir: content/pages", f"docs_dir: {ROOT / 'content/pages'}")
    config = config.replace("templates_dir: templates", f"templates_dir: {ROOT / 'templates'}")
    config = config.replace("site_dir: site", f"site_dir: {folder / 'site'}")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def build(project: Path) -> Path:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return project / "site"


class Served:
    """A built site served on 127.0.0.1 at a free port."""

    def __init__(self, root: Path, events: Path, name: str):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.root, self.events, self.name = root, events, name
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


def demo_has_events() -> bool:
    folder = ROOT / "content" / "events"
    return any(p.suffix in (".md", ".yaml", ".yml") and not p.name.startswith(".")
               for p in folder.rglob("*")) if folder.is_dir() else False


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The fixture store (seed-like events plus a hostile one), built with --strict."""
    folder = tmp_path_factory.mktemp("fixture-site")
    events = folder / "events"
    shutil.copytree(FIXTURE_STORE, events)
    served = Served(build(write_project(folder, events)), events, "fixture store")
    yield served
    served.close()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory, fixture_site: Served) -> Iterator[Served]:
    """The demo build when content/events has events, else the fixture store's site."""
    if not demo_has_events():
        yield fixture_site
        return
    folder = tmp_path_factory.mktemp("demo-site")
    served = Served(build(write_project(folder, ROOT / "content" / "events")),
                    ROOT / "content" / "events", "demo build (content/events)")
    yield served
    served.close()
