"""The interactive page's views: a small store shows every event from timeline.json; a
bigger one opens on its key events and has a view per period page, each a file of
TimelineJS slides that the site build writes."""

from __future__ import annotations

import json
from pathlib import Path

from generator.render import SiteOptions, build_site
from generator.render.interactive import ALL_EVENTS_MAX, KEY_VIEW
from generator.site.exports import view_files
from generator.config import Settings
from tests.browser.many_events import generated_event


def test_a_small_store_has_no_views():
    events = [generated_event(n) for n in range(ALL_EVENTS_MAX)]
    site = build_site(events, SiteOptions(interactive=True))
    assert site.views == []
    assert "timeline.json" in site.files["interactive.md"]


def test_a_bigger_store_opens_on_key_events_and_offers_each_period():
    events = [generated_event(n) for n in range(ALL_EVENTS_MAX * 3)]
    site = build_site(events, SiteOptions(interactive=True))
    first, *periods = site.views
    assert first.label == KEY_VIEW and 5 <= len(first.events) < len(events) / 4
    assert sum(len(v.events) for v in periods) == len(events)  # each event in one period
    page = site.files["interactive.md"]
    assert '"source":"key.json"' in page and f'"label":"{periods[0].label}"' in page


def test_view_files_hold_the_slides_of_their_events(tmp_path: Path):
    events = [generated_event(n) for n in range(ALL_EVENTS_MAX * 3)]
    views = build_site(events, SiteOptions(interactive=True)).views
    settings = Settings(project_dir=tmp_path, config_file=None, enabled=True, events_dir=tmp_path,
                        articles=(), templates_dir=tmp_path, overrides_dir=None,
                        max_event_file_bytes=1_000_000)
    files = view_files(settings, events, views)
    assert set(files) == {v.path for v in views}
    key = json.loads(files["interactive/key.json"])
    assert [s["unique_id"] for s in key["events"]] == [e.id for e in views[0].events]
    assert key["title"]["text"]["headline"].endswith(KEY_VIEW)
