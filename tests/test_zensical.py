"""The Zensical route: `timeline render` writing only what changed, the work folder and
its zensical.toml, real Zensical builds of the demo, the watch mode, and the warning a
direct `zensical build` on our mkdocs.yml prints.

Builds need Zensical (`pip install -e '.[test]'` installs it); without it they are
skipped, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

from .conftest import event_text

GOOD = event_text("good", "2019-07-21", "Talks resume", tags="[trade]")
OTHER = event_text("other", "2018-03-01", "Tariffs announced", tags="[steel]")
EARLY = event_text("early", "2010-05-01", "Forum founded", tags="[history]")


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


def test_render_again_without_a_change_writes_nothing(run, write, project):
    write("good.md", GOOD)
    write("other.md", OTHER)
    assert run("render", "--out", "out").exit_code == 0
    out = project / "out"
    before = mtimes(out)
    os.utime(out / "events/good.md", ns=(1, 1))  # a rewrite would set a new time
    before["events/good.md"] = 1
    result = run("render", "--out", "out")
    assert result.exit_code == 0
    assert f"{len(before)} file(s) from 2 event(s) in out: 0 written, {len(before)} " \
           "unchanged" in result.stderr
    assert mtimes(out) == before


def test_render_after_an_edit_rewrites_only_the_pages_it_touches(run, write, project):
    write("good.md", GOOD)
    write("other.md", OTHER)
    write("early.md", EARLY)  # not next to the edited event: its page does not name it
    assert run("render", "--out", "out").exit_code == 0
    out = project / "out"
    for file in out.rglob("*"):
        if file.is_file():
            os.utime(file, ns=(1, 1))
    write("good.md", GOOD.replace("Talks resume", "Talks restart"))
    assert run("render", "--out", "out").exit_code == 0
    rewritten = {path for path, stamp in mtimes(out).items() if stamp != 1}
    assert "events/good.md" in rewritten and "index.md" in rewritten
    assert "events/early.md" not in rewritten and "tags/history.md" not in rewritten
    assert "assets/timeline.css" not in rewritten
    assert not any(path.startswith("assets/timelinejs/") for path in rewritten)
    assert "Talks restart" in (out / "events/good.md").read_text(encoding="utf-8")
    assert not [p for p in out.rglob("*.tmp")]


def test_render_keeps_files_it_did_not_make(run, write, project):
    write("good.md", GOOD)
    (project / "out").mkdir()
    (project / "out/notes.txt").write_text("mine\n", encoding="utf-8")
    assert run("render", "--out", "out").exit_code == 0
    assert (project / "out/notes.txt").read_text(encoding="utf-8") == "mine\n"
