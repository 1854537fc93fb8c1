"""Golden pages: the fixture store rendered to Markdown must match the committed tree.

After a deliberate change of templates or renderer, regenerate and review the diff:

    UPDATE_GOLDENS=1 python3 dev.py test tests/render/test_goldens.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.store.folder import load_store
from generator.render import SiteOptions, render_site

HERE = Path(__file__).parent
STORE = HERE / "store"
GOLDENS = HERE / "goldens"
# Small thresholds so the fixture exercises month pages; a fixed name and URL; two
# exports on the data page and the interactive page.
OPTIONS = SiteOptions(name="Fixture timeline", description="Events for the golden tests.",
                      url="https://example.org/timeline/", month_pages_after=3,
                      downloads=(("timeline.json", "TimelineJS", "the events as slides"),
                                 ("events.ics", "iCalendar", "for calendar programs")),
                      interactive=True)


def rendered() -> dict[str, str]:
    store = load_store(STORE)
    assert store.problems == [], [p.format() for p in store.problems]
    return render_site(store.events, OPTIONS)


def test_rendered_tree_matches_goldens():
    files = rendered()
    if os.environ.get("UPDATE_GOLDENS"):
        shutil.rmtree(GOLDENS, ignore_errors=True)
        for path, text in files.items():
            target = GOLDENS / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
    expected = {p.relative_to(GOLDENS).as_posix(): p.read_text(encoding="utf-8")
                for p in GOLDENS.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(expected), "pages added or removed; regenerate goldens"
    for path, text in files.items():
        assert text == expected[path], f"{path} differs; see the module docstring"


def test_rendering_is_deterministic():
    assert rendered() == rendered()


@pytest.mark.parametrize("path", ["index.md", "events/2019-07-21-hostile-article.md"])
def test_golden_pages_exist(path):
    assert (GOLDENS / path).is_file()
