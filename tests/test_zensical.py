"""The Zensical route: `timeline render` writing only what changed, the work folder and
its zensical.toml, real Zensical builds of the demo, the watch mode, and the warning a
direct `zensical build` on our mkdocs.yml prints.

Builds need Zensical (`pip install -e '.[test]'` installs it); without it they are
skipped, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from generator.store.folder import load_store

from .conftest import ROOT, event_text

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


# ---------------------------------------------------------------------------------------
# The zensical.toml the route writes

def test_toml_text_reads_back_as_written():
    import tomllib

    from generator.site.tomlfile import toml_text

    data = {"project": {"site_name": 'Talks "2019" – ünïcode\n', "n": 3, "on": False,
                        "skipped": None, "extra_css": ["a.css", "b c.css"],
                        "nav": [{"Timeline": "index.md"}, "about.md"],
                        "theme": {"variant": "classic", "palette": [
                            {"scheme": "slate", "toggle": {"name": "Light"}}]},
                        "markdown_extensions": {"toc": {"permalink": True}, "attr_list": {},
                                                "pymdownx.tabbed": {}}}}
    expected = {"project": {k: v for k, v in data["project"].items() if v is not None}}
    assert tomllib.loads(toml_text(data)) == expected


def test_the_config_drops_the_plugin_and_the_check_and_keeps_the_look(project):
    from generator.config import load_settings
    from generator.site import zensical
    from generator.site.output import short_nav

    (project / "mkdocs.yml").write_text(
        "site_name: Talks\nsite_url: https://example.org/talks/\ndocs_dir: content/pages\n"
        "theme:\n  name: material\n  font: false\n  palette:\n    - scheme: default\n"
        "    - scheme: slate\n"
        "plugins:\n  - search\n  - tags\n  - timeline:\n      events_dir: content/events\n"
        "markdown_extensions:\n  - toc:\n      permalink: true\n"
        "  - generator.site.guard\n", encoding="utf-8")
    settings, _ = load_settings(project / "mkdocs.yml")
    raw = zensical.engine_config(settings)
    nav = short_nav(["index.md", "explore.md", "about.md", "events/e1.md"], {"index.md",
                    "explore.md", "events/e1.md"})
    config = zensical.zensical_config(settings, raw, nav)
    assert config["site_name"] == "Talks" and config["site_url"] == "https://example.org/talks/"
    assert config["docs_dir"] == "docs" and config["site_dir"] == "site"
    assert config["extra_css"] == ["assets/timeline.css"]
    assert config["nav"] == [{"Timeline": "index.md"}, {"Explore": "explore.md"}, "about.md"]
    assert config["theme"] == {"name": "material", "font": False, "variant": "classic",
                               "palette": [{"scheme": "default"}, {"scheme": "slate"}]}
    assert config["plugins"] == {"search": {}, "tags": {}}
    assert config["markdown_extensions"] == {"toc": {"permalink": True}, "attr_list": {},
                                             "md_in_html": {}}
    assert config["validation"] == {"invalid_link_anchors": False}  # mkdocs: info level


@pytest.mark.parametrize("page, directory_urls, url, file", [
    ("index.md", True, "", "index.html"),
    ("about.md", True, "about/", "about/index.html"),
    ("periods/index.md", True, "periods/", "periods/index.html"),
    ("events/e1.md", True, "events/e1/", "events/e1/index.html"),
    ("events/e1.md", False, "events/e1.html", "events/e1.html"),
    ("index.md", False, "index.html", "index.html"),
])
def test_page_addresses_follow_mkdocs_rules(page, directory_urls, url, file):
    from generator.site.zensical import page_file, page_url

    assert page_url(page, directory_urls) == url and page_file(url) == file


def test_a_site_dir_holding_the_store_is_refused(project, tmp_path):
    from generator.config import load_settings
    from generator.site import zensical

    settings, _ = load_settings(project / "mkdocs.yml")
    work = zensical.default_work_folder(settings, None)
    for bad in (project, project / "content", tmp_path.parent, work.root / "site"):
        with pytest.raises(zensical.EngineError, match="overlaps"):
            zensical.publish(work, bad, settings)


def test_without_zensical_the_build_says_what_to_install(run, write, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "zensical" else real(name, *a))
    write("good.md", GOOD)
    result = run("build", "--engine", "zensical")
    assert result.exit_code == 1
    assert "pip install 'zensical==0.0.73'" in result.stderr
    assert not (Path("site")).exists()


# ---------------------------------------------------------------------------------------
# Real builds

needs_zensical = pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None and os.environ.get("CI") != "true",
    reason="Zensical is not installed: pip install 'zensical==0.0.73' (CI installs it)")
FEED_FILES = ("feed.xml", "updates.xml", "feed.json")
EXPORT_FILES = ("timeline.json", "events.ics", "events.csv", "events.json", *FEED_FILES)


def timeline(*args: str, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A copy of the demo project: its config, events, hand-written pages and templates."""
    for part in ("content/events", "content/pages", "templates"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if not p.relative_to(site).parts[0] in ("assets", "pagefind")}


@pytest.mark.slow
@needs_zensical
def test_the_zensical_route_builds_the_demo(demo):
    result = timeline("build", "--engine", "zensical", cwd=demo)
    assert result.returncode == 0, result.stderr
    assert "timeline: warning" not in result.stderr  # the check is left out of this build
    site = demo / "site"
    events = load_store(demo / "content/events").events
    assert events
    for event in events:
        page = (site / "events" / event.id / "index.html").read_text(encoding="utf-8")
        assert html.escape(event.title, quote=False) in page, event.id
    pages = html_pages(site)
    for name in ("index.html", "about/index.html", "explore/index.html",
                 "interactive/index.html", "periods/index.html", "data/index.html"):
        assert name in pages
    for name in pages - {"404.html"}:
        head = (site / name).read_text(encoding="utf-8").split("</head>")[0]
        for feed in FEED_FILES:
            assert re.search(rf'<link rel="alternate" [^>]*href="[./]*{feed}"', head), name
    for name in EXPORT_FILES:
        assert (site / name).stat().st_size > 0, name
    assert (site / "pagefind/pagefind-entry.json").is_file()
    assert (site / "pagefind/pagefind.js").is_file()
    assert "Made with" in (site / "index.html").read_text(encoding="utf-8")  # Zensical's
    config = tomllib.loads((demo / ".cache/timeline/zensical/zensical.toml").read_text("utf-8"))
    assert config["project"]["theme"]["variant"] == "classic"


@pytest.mark.slow
@needs_zensical
def test_a_second_build_shows_an_edit_and_drops_a_deleted_event(demo):
    assert timeline("build", "--engine", "zensical", cwd=demo).returncode == 0
    store = load_store(demo / "content/events").events
    edited, deleted = store[0], store[-1]
    text = edited.path.read_text(encoding="utf-8")
    edited.path.write_text(text.replace(edited.title, "Renamed by the test", 1), "utf-8")
    deleted.path.unlink()
    result = timeline("build", "--engine", "zensical", cwd=demo)
    assert result.returncode == 0, result.stderr
    site = demo / "site"
    assert "Renamed by the test" in (site / f"events/{edited.id}/index.html").read_text("utf-8")
    assert not (site / "events" / deleted.id).exists()
    assert not (demo / ".cache/timeline/zensical/docs/events" / f"{deleted.id}.md").exists()


@pytest.mark.slow
@needs_zensical
def test_zensical_on_our_mkdocs_yml_warns_instead_of_building_an_empty_site(demo):
    result = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=demo,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0
    said = result.stdout + result.stderr
    assert "Zensical does not run the `timeline` plugin" in said
    assert "timeline build --engine zensical" in said


@pytest.mark.slow
def test_timeline_build_runs_mkdocs_by_default_without_the_warning(demo):
    result = timeline("build", "--strict", cwd=demo)
    assert result.returncode == 0, result.stderr
    assert "timeline: warning" not in result.stderr
    event = load_store(demo / "content/events").events[0]
    assert (demo / "site/events" / event.id / "index.html").is_file()


@pytest.mark.slow
@needs_zensical
def test_watch_renders_again_after_an_edit(demo):
    """The watch mode re-renders the work folder that `zensical serve` serves."""
    event = load_store(demo / "content/events").events[0]
    page = demo / ".cache/timeline/zensical/docs/events" / f"{event.id}.md"
    watcher = subprocess.Popen([sys.executable, "-m", "generator", "build", "--engine",
                                "zensical", "--watch"], cwd=demo, stderr=subprocess.PIPE,
                               text=True)
    try:
        for line in watcher.stderr:
            if line.startswith("watching for edits"):
                break
        assert "zensical serve -f" in line
        assert event.title in page.read_text(encoding="utf-8")
        assert (demo / ".cache/timeline/zensical/docs/pagefind/pagefind.js").is_file()
        assert not (demo / "site").exists()  # a watch renders; `zensical serve` builds
        text = event.path.read_text(encoding="utf-8")
        event.path.write_text(text.replace(event.title, "Edited while watching", 1), "utf-8")
        deadline = time.monotonic() + 60
        while "Edited while watching" not in page.read_text(encoding="utf-8"):
            assert watcher.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)
