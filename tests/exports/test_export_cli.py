"""`timeline export` and the site build write the same exports, deterministically."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from ..conftest import event_text
from .conftest import STORE

FORMATS = ("timelinejs", "ics", "csv", "atom", "atom-updates", "jsonfeed", "json")


@pytest.fixture
def forms_store(events_dir):
    shutil.copytree(STORE, events_dir, dirs_exist_ok=True)
    return events_dir


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_writes_the_same_bytes_every_time(run, project, forms_store, fmt):
    first = run("export", "--format", fmt, "-o", "out1")
    second = run("export", "--format", fmt, "-o", "out2")
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    data = (project / "out1").read_bytes()
    assert data and data == (project / "out2").read_bytes()
    assert first.stderr.strip().splitlines()[-1].startswith(f"{fmt}: ")


def test_export_summary_counts_what_was_skipped(run, forms_store):
    result = run("export", "--format", "ics")
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    assert result.stderr.strip().splitlines()[-1] == (
        "ics: 21 event(s); skipped: 1 BCE, 1 after the year 9999, 1 with an unknown year")
    timelinejs = run("export", "--format", "timelinejs")
    assert timelinejs.stderr.strip().endswith("skipped: 1 with an unknown year")
    assert "skipped" not in run("export", "--format", "csv").stderr


def test_export_rejects_unknown_formats_and_reports_bad_files(run, write):
    assert run("export", "--format", "pdf").exit_code == 2
    write("bad.md", "---\ntitle: x\n---\n")
    write("good.md", event_text("good"))
    result = run("export", "--format", "json")
    assert result.exit_code == 0 and "bad.md" in result.stderr
    assert [e["id"] for e in json.loads(result.stdout)["events"]] == ["good"]
    assert run("export", "--format", "json", "--strict").exit_code == 1


def mkdocs_build(project, *options):
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *options], cwd=project,
                          capture_output=True, text=True, timeout=300)


def test_site_build_writes_every_export(project, forms_store):
    result = mkdocs_build(project)  # not --strict: the store warns about its odd records
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for name in ("timeline.json", "events.ics", "events.csv", "feed.xml", "updates.xml",
                 "feed.json", "events.json", "schema/events.schema.json",
                 "assets/timelinejs/js/timeline.js", "assets/timelinejs/css/timeline.css",
                 "assets/timelinejs/LICENSE", "interactive/index.html"):
        assert (site / name).is_file(), name
    exported = subprocess.run([sys.executable, "-m", "generator", "export", "--format", "ics"],
                              cwd=project, capture_output=True, timeout=120).stdout
    assert (site / "events.ics").read_bytes() == exported  # the build and the CLI agree
    data = (site / "data/index.html").read_text(encoding="utf-8")
    assert 'href="../events.ics"' in data and 'href="../updates.xml"' in data
    assert "No site_url in mkdocs.yml" in result.stderr
    assert not (project / "content/pages/timeline.json").exists()
    event = (site / "events/rich/index.html").read_text(encoding="utf-8")
    assert ('<link rel="alternate" type="application/atom+xml" title="Test timeline: Atom '
            'feed" href="../../feed.xml">') in event  # feed readers find the feeds
    assert 'type="application/feed+json" title="Test timeline: JSON Feed" href="../../feed' \
        '.json"' in event


def test_exports_option_chooses_the_files(project, write):
    write("a.md", event_text("a"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - timeline\n", "  - timeline:\n      exports: [csv, atom]\n      feed_entries: 1\n"))
    assert mkdocs_build(project, "--strict").returncode == 0
    site = project / "site"
    assert (site / "events.csv").is_file() and (site / "feed.xml").is_file()
    for name in ("timeline.json", "events.ics", "interactive", "assets/timelinejs"):
        assert not (site / name).exists(), name
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('rel="alternate"') == 1 and 'href="feed.xml"' in home
    config.write_text(config.read_text().replace("[csv, atom]", "[pdf]"))
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 1 and "exports" in result.stderr
