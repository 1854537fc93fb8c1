"""Shared fixtures: a temporary project, event files, and the CLI runner.

Tests never read the clock or the network; dates are fixed in the records themselves.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Callable

import os

import pytest
from click.testing import CliRunner
from hypothesis import settings

# No per-example deadline: the machines are shared, and a slow example is not a bug. In CI
# the examples are derived from each test's name, so a run there is repeatable; local
# runs keep exploring new inputs.
settings.register_profile("project", deadline=None, print_blob=True,
                          derandomize=os.environ.get("CI", "").lower() == "true")
settings.load_profile("project")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def event_text(event_id: str = "e1", date: str = "2019-07-21", title: str = "A thing happens",
               **fields: str) -> str:
    """A minimal valid event file; extra fields are given as ready YAML lines."""
    lines = [f"id: {event_id}", f"date: '{date}'", f"title: {title}"]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


@pytest.fixture
def events_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "content" / "events"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def write(events_dir: Path) -> Callable[[str, str], Path]:
    """write(name, text) -> path of a file in the events folder (text is dedented)."""
    def _write(name: str, text: str) -> Path:
        path = events_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path
    return _write


@pytest.fixture
def project(tmp_path: Path, events_dir: Path) -> Path:
    """A project folder with a mkdocs.yml using the timeline plugin with default options."""
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test timeline\ndocs_dir: content/pages\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n  - timeline\n", encoding="utf-8")
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "index.md").write_text("# Test\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def run(project: Path, monkeypatch: pytest.MonkeyPatch) -> Callable:
    """run(*args) -> click Result of the `timeline` CLI inside the temporary project."""
    from generator.cli import cli

    monkeypatch.chdir(project)

    def _run(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return _run
