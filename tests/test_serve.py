"""`mkdocs serve` rebuilds when an event file changes, and live reload is on by default.

click 8.3 broke mkdocs' hidden `--livereload` default (serve ran without reloading);
pyproject.toml excludes those releases, and these tests catch a regression either way.
`properdocs serve` (MkDocs' fork) is held to the same, with the config renamed
properdocs.yml as ProperDocs advises.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from unittest import mock

import pytest

from .conftest import event_text

ENGINES = ("mkdocs", "properdocs")


def test_serve_enables_live_reload_without_the_flag():
    import mkdocs.commands.serve
    from mkdocs.__main__ import cli

    with mock.patch.object(mkdocs.commands.serve, "serve") as serve:
        cli.main(args=["serve"], standalone_mode=False)
    assert serve.call_args.kwargs["livereload"] is True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {text!r} within {seconds}s")


def use_engine(project: Path, engine: str) -> None:
    """Set the project up as a user of `engine` does: ProperDocs users rename the config."""
    assert importlib.util.find_spec(engine), f"{engine} is not installed: pip install -e '.[test]'"
    if engine == "properdocs":
        (project / "mkdocs.yml").rename(project / "properdocs.yml")


@contextmanager
def serving(project: Path, *options: str, engine: str = "mkdocs") -> Iterator[str]:
    """`mkdocs serve` (or `properdocs serve`) as a person runs it (no --livereload flag)
    on a free local port."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", engine, "serve", "--dev-addr", f"127.0.0.1:{port}", *options],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.parametrize("engine", ENGINES)
def test_serve_picks_up_an_edited_event_file(project, write, engine):
    use_engine(project, engine)
    path = write("a.md", event_text("a", "2019-07-19", "Soybean buyers meet"))
    with serving(project, engine=engine) as url:
        page = wait_for(url + "events/a/", "Soybean buyers meet")
        assert "livereload" in page  # the reload script is injected
        path.write_text(event_text("a", "2019-07-19", "Soybean buyers meet again"),
                        encoding="utf-8")
        wait_for(url + "events/a/", "Soybean buyers meet again")
        write("b.md", event_text("b", "2019-07-20", "A new event appears"))
        wait_for(url + "events/b/", "A new event appears")


def test_dirty_rebuild_touches_only_the_pages_an_edit_changes(project, write, tmp_path):
    """What `mkdocs serve --dirty` does after an edit: the plugin's cache keeps every
    unchanged generated page's mtime, so mkdocs rebuilds the edited event's page (and
    the lists showing it) and skips the rest."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    edited = write("a.md", event_text("a", "2019-07-19", "Soybean buyers meet"))
    write("b.md", event_text("b", "1990-01-02", "Something far away"))  # a's neighbour
    write("c.md", event_text("c", "1980-05-06", "Something further away"))
    site = tmp_path / "served"

    def dirty_build() -> None:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)

    dirty_build()
    pages = {name: site / name / "index.html" for name in
             ("events/a", "events/c", "periods/1980", "periods/2019")}
    before = {name: path.stat().st_mtime_ns for name, path in pages.items()}
    time.sleep(0.05)
    edited.write_text(event_text("a", "2019-07-19", "Soybean buyers meet again"),
                      encoding="utf-8")
    dirty_build()
    after = {name: path.stat().st_mtime_ns for name, path in pages.items()}
    assert "Soybean buyers meet again" in pages["events/a"].read_text(encoding="utf-8")
    assert after["events/a"] > before["events/a"] and after["periods/2019"] > before["periods/2019"]
    assert after["events/c"] == before["events/c"]
    assert after["periods/1980"] == before["periods/1980"]
    assert not (project / "content/pages/events").exists()  # the cache is not in docs
    assert (project / ".cache/timeline/events/a.md").is_file()


def test_dirty_rebuilds_keep_the_header_search_complete(project, write):
    """After an edit, `serve --dirty` renders a few pages, and the search plugin's index
    then lacks the others or keeps stale entries beside the new ones; the plugin folds
    the rebuilt pages into the complete index again."""
    import json
    path = write("a.md", event_text("a", "2019-07-19", "Soybean buyers meet"))
    for number in range(40):
        write(f"o{number}.md", event_text(f"o{number}", f"{1980 + number}-05-10",
                                          f"Other event {number}", tags=f"[topic{number}]"))
    write("b.md", event_text("b", "2024-08-02", "Tariffs rise again"))
    with serving(project, "--dirty") as url:
        wait_for(url + "events/a/", "Soybean buyers meet")
        before = json.loads(wait_for(url + "search/search_index.json", "docs"))["docs"]
        path.write_text(event_text("a", "2019-07-19", "Soybean buyers meet again"), "utf-8")
        wait_for(url + "events/a/", "Soybean buyers meet again")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            after = json.loads(fetch(url + "search/search_index.json") or '{"docs": []}')["docs"]
            if any("meet again" in d.get("title", "") for d in after):
                break
            time.sleep(0.2)
        locations = [d["location"] for d in after]
        assert len(locations) == len(set(locations)), "stale entries kept beside new ones"
        assert sorted(d["location"] for d in before) == sorted(locations)
        assert any("Tariffs rise again" in d.get("title", "") for d in after)
        assert not any(d.get("title", "") == "Soybean buyers meet" for d in after)
