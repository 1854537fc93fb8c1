"""feed.xml and updates.xml read by feedparser; feed.json checked against JSON Feed 1.1."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import time

import feedparser
import pytest

from generator.exporters import get_exporter
from generator.exporters.changes import file_times

from .conftest import SITE_URL, context, utc


def atom(name, events, **options):
    result = get_exporter(name).run(events, context(events, **options))
    feed = feedparser.parse(result.text)
    assert not feed.bozo, feed.get("bozo_exception")
    return result, feed


def test_feed_by_event_date(fixture_events):
    result, feed = atom("atom", fixture_events, site_url=SITE_URL)
    assert feed.version == "atom10"
    assert feed.feed.title == "Test timeline"
    titles = [e.title for e in feed.entries]
    newest_first = [e for e in reversed(fixture_events)]
    assert titles == [f"{e.when}{' (expected)' if e.is_future else ''}: {e.title}"
                      for e in newest_first]
    soy = next(e for e in feed.entries if "soybean" in e.title)
    assert soy.link == f"{SITE_URL}events/2019-07-19-chinese-government-meets-soybean-buyers/"
    assert soy.id.startswith("urn:uuid:")
    assert [t.term for t in soy.tags] == ["trade", "agriculture"]
    assert "domestic soybean buyers" in soy.content[0].value
    newest = max(e.updated_parsed for e in feed.entries)
    assert feed.feed.updated_parsed == newest  # from the data, not the clock
    assert result.count == len(fixture_events)


def test_feed_is_limited_and_relative_without_site_url(fixture_events):
    _, feed = atom("atom", fixture_events, feed_entries=3)
    assert len(feed.entries) == 3
    assert feed.entries[0].link == "events/2019-08-chinas-leaders-leave-for-seaside-conclave/"
    assert [link.href for link in feed.feed.links] == ["feed.xml", "./"]


def test_hostile_text_stays_text(fixture_events):
    _, feed = atom("atom", fixture_events)
    hostile = next(e for e in feed.entries if "Report" in e.title)
    assert hostile.title.startswith("21 July 2019: <script>window.__pwned_title")
    html = hostile.content[0].value
    assert "<script" not in html and "<img" not in html and "href=\"javascript" not in html


def test_updates_feed_by_change_time(fixture_events):
    result, feed = atom("atom-updates", fixture_events)
    # context(): event n changed on day n of 2021, so the last event changed last
    assert [e.title.split(": ", 1)[0] for e in feed.entries][:1] == ["Changed"]
    changed = [e.updated_parsed for e in feed.entries]
    assert changed == sorted(changed, reverse=True)
    assert feed.entries[0].title.endswith(fixture_events[-1].title)
    assert feed.feed.title == "Test timeline: added and changed events"
    by_date = atom("atom", fixture_events)[1]
    assert {e.id for e in feed.entries}.isdisjoint({e.id for e in by_date.entries})


def test_unknown_years_are_left_out_and_counted(forms):
    result, feed = atom("atom", forms)
    assert result.skipped == {"with an unknown year": ["unknown-year"]}
    assert len(feed.entries) == len(forms) - 1


REQUIRED_ITEM = ("id",)


def test_json_feed_1_1(fixture_events):
    result = get_exporter("jsonfeed").run(fixture_events, context(fixture_events,
                                                                  site_url=SITE_URL))
    feed = json.loads(result.text)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert feed["home_page_url"] == SITE_URL and feed["feed_url"] == f"{SITE_URL}feed.json"
    assert isinstance(feed["items"], list) and feed["items"]
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html"), str) or isinstance(
            item.get("content_text"), str)
        for key in ("date_published", "date_modified"):
            dt.datetime.fromisoformat(item[key].replace("Z", "+00:00"))  # RFC 3339
        assert set(item) <= {"id", "url", "external_url", "title", "content_html",
                             "content_text", "summary", "image", "banner_image",
                             "date_published", "date_modified", "authors", "tags",
                             "language", "attachments"}
    assert set(feed) <= {"version", "title", "home_page_url", "feed_url", "description",
                         "user_comment", "next_url", "icon", "favicon", "authors",
                         "language", "expired", "hubs", "items"}
    _, atom_feed = atom("atom", fixture_events)
    assert [i["id"] for i in feed["items"]] == [e.id for e in atom_feed.entries]
    bare = json.loads(get_exporter("jsonfeed").run(fixture_events, context()).text)
    assert "home_page_url" not in bare and "url" not in bare["items"][0]


# ---------------------------------------------------------------- change times from git

GIT = shutil.which("git")


def git(folder, *args, when=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", "-C", str(folder), *args], check=True, env=env,
                   capture_output=True)


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_change_times_come_from_one_git_log(tmp_path):
    events = tmp_path / "content" / "events"
    events.mkdir(parents=True)
    git(tmp_path, "init", "-q")
    (events / "a.md").write_text("a1")
    (events / "b.md").write_text("b1")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "add", when="2020-01-02T03:04:05Z")
    (events / "a.md").write_text("a2")
    git(tmp_path, "commit", "-qam", "edit", when="2021-06-07T08:09:10Z")
    (events / "b.md").write_text("b2, not committed")
    os.utime(events / "b.md", (1700000000, 1700000000))
    (events / "c.md").write_text("new")
    os.utime(events / "c.md", (1600000000, 1600000000))
    times = file_times(events, [events / "a.md", events / "b.md", events / "c.md"])
    a, b, c = (times[(events / n).resolve()] for n in ("a.md", "b.md", "c.md"))
    assert (a.added, a.changed) == (utc(2020, 1, 2, 3, 4, 5), utc(2021, 6, 7, 8, 9, 10))
    assert (b.added, b.changed) == (utc(2020, 1, 2, 3, 4, 5), utc(2023, 11, 14, 22, 13, 20))
    assert c.added == c.changed == utc(2020, 9, 13, 12, 26, 40)


def test_change_times_fall_back_to_modification_times(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "")  # no git at all
    path = tmp_path / "a.md"
    path.write_text("a")
    os.utime(path, (1600000000, 1600000000))
    times = file_times(tmp_path, [path])
    assert times[path.resolve()].changed == utc(2020, 9, 13, 12, 26, 40)
    assert time.time() > 1600000000
