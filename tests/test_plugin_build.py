"""A real `mkdocs build --strict` of a small project using the timeline plugin."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, event_text


def mkdocs(project, *args):
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project,
                          capture_output=True, text=True, timeout=300)


def test_strict_build_publishes_the_schema(project, write):
    write("a.md", event_text("a"))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    schema = json.loads((project / "site/schema/event.schema.json").read_text())
    assert schema["title"] == "Timeline Generator event record"
    assert not (project / "content/pages/schema").exists()  # nothing written into docs


def test_bad_event_fails_a_strict_build_with_its_location(project, write):
    write("bad.md", "---\ndate: 2019-02-30\ntitle: x\n---\n")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 1
    assert "content/events/bad.md:2: error: 'date': '2019-02-30' is not a real date" \
        in result.stderr
    assert mkdocs(project, "build").returncode == 0  # without --strict it builds the rest


FIXTURE_STORE = ROOT / "tests" / "render" / "store"


@pytest.fixture
def fixture_project(project, events_dir):
    """The temporary project holding the render fixture store, without a hand-written home."""
    shutil.copytree(FIXTURE_STORE, events_dir, dirs_exist_ok=True)
    (project / "content/pages/index.md").unlink()
    (project / "content/pages/about.md").write_text("# About us\n", encoding="utf-8")
    return project


def test_strict_build_of_the_generated_site(fixture_project):
    result = mkdocs(fixture_project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    site = fixture_project / "site"
    event = site / "events/2019-07-19-chinese-government-meets-soybean-buyers/index.html"
    text = event.read_text(encoding="utf-8")
    assert "The Chinese government met on July 19 with domestic soybean buyers" in text
    assert "<title>Chinese government meets soybean buyers on US purchases - Test timeline" \
        in text
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', text,
                              re.S).group(1))
    assert ld["@type"] == "Event" and ld["startDate"] == "2019-07-19"
    for page in ("periods/2019", "actors/donald-trump", "tags/trade",
                 "sources/000_7feccc1d5c9d4873", "places/china", "data"):
        assert (site / page / "index.html").is_file(), page
    assert json.loads((site / "data/events.json").read_text())["count"] == 8
    assert (site / "assets/timeline.css").is_file()
    assert list((fixture_project / "content/pages").iterdir()) == [
        fixture_project / "content/pages/about.md"]  # nothing written into the docs folder


def test_nav_is_short_and_never_lists_events(fixture_project):
    assert mkdocs(fixture_project, "build", "--strict").returncode == 0
    page = (fixture_project / "site/tags/trade/index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', page, re.S).group(0)
    targets = list(dict.fromkeys(t for t in re.findall(r'<a href="([^"#]*)"', nav) if t))
    assert targets == ["../..", "../../newest/", "../../explore/", "../../interactive/", "../../periods/",
                       "../../actors/", "../../places/", "../",
                       "../../sources/", "../../data/", "../../about/"]


def test_event_pages_rank_above_lists_in_search(fixture_project):
    assert mkdocs(fixture_project, "build", "--strict").returncode == 0
    index = json.loads((fixture_project / "site/search/search_index.json").read_text())
    boosts = {d["location"].split("#")[0]: d.get("boost") for d in index["docs"]}
    assert boosts["events/2019-07-19-chinese-government-meets-soybean-buyers/"] == 2.0
    assert boosts["tags/trade/"] == 3.0 and boosts[""] == 0.5
    soy = [d for d in index["docs"] if "soybean" in d["text"].lower()
           and d["location"].startswith("events/")]
    assert soy and all("application/ld+json" not in d["text"] for d in index["docs"])


def test_name_pages_outrank_the_events_that_carry_the_name(fixture_project):
    """Name pages rank by their boost, above the events (2) and lists (0.5). No entry
    holds Material's `tags` field, which it weighs a thousand times a title: event pages
    leave their tags to the tag pages, so a tagged event cannot outrank its tag's page."""
    assert mkdocs(fixture_project, "build", "--strict").returncode == 0
    index = json.loads((fixture_project / "site/search/search_index.json").read_text())
    entries = {d["location"]: d for d in index["docs"]}
    for location in ("tags/trade/", "actors/donald-trump/", "places/osaka/"):
        assert entries[location]["boost"] == 3.0
    events = [d for d in index["docs"] if d["location"].startswith("events/")]
    assert events and all(d["boost"] < 3.0 for d in events)
    assert all("tags" not in d for d in index["docs"])


def test_hand_written_page_wins_over_the_generated_one(project, write):
    write("a.md", event_text("a", title="Only event"))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert "Keeping the hand-written index.md" in result.stderr
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert "<h1 id=\"test\">Test</h1>" in home and "tl-card" not in home
    assert (project / "site/events/a/index.html").is_file()


def test_template_override_folder_is_used(project, write):
    write("a.md", event_text("a", title="Only event"))
    overrides = project / "my-templates"
    overrides.mkdir()
    (overrides / "event.md.j2").write_text("# {{ event.title }} (custom)\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - timeline\n", "  - timeline:\n      overrides_dir: my-templates\n"))
    assert mkdocs(project, "build", "--strict").returncode == 0
    assert "(custom)" in (project / "site/events/a/index.html").read_text(encoding="utf-8")
