"""Above `event_pages_max` there are no event pages: exports link to the event's card
on its period page instead, which is then its permalink."""

from __future__ import annotations

from generator.config import load_settings
from generator.store.folder import load_store
from generator.site.exports import run_exports

from ..conftest import event_text


def timelinejs_with(project, event_pages_max: int) -> str:
    config = project / "mkdocs.yml"
    config.write_text("site_name: t\ndocs_dir: content/pages\nplugins:\n  - timeline:\n"
                      f"      event_pages_max: {event_pages_max}\n", encoding="utf-8")
    settings, _ = load_settings(config)
    events = load_store(settings.events_dir).events
    return run_exports(settings, events, ["timelinejs"])["timelinejs"].text


def test_exports_link_to_cards_when_events_have_no_pages(project, write):
    write("a.md", event_text("a", "2019-07-19", "First"))
    write("b.md", event_text("b", "2019-07-21", "Second"))
    big = timelinejs_with(project, 1)
    assert "periods/2019/#e-a" in big and "events/a" not in big
    small = timelinejs_with(project, 10)
    assert "events/a/" in small and "#e-a" not in small
