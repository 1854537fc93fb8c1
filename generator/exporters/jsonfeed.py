"""JSON Feed 1.1 (`feed.json`, jsonfeed.org/version/1.1): the Atom feed's events as JSON.

Same entries as `feed.xml` (the latest events by event date), same ids, titles, HTML
and times. JSON Feed wants full addresses for the site and the feed, so without
`site_url` the feed leaves out `home_page_url`, `feed_url` and the items' `url`
(their HTML still links to the event pages, relative to the feed).
"""

from __future__ import annotations

import json
from typing import Any

from ..core.model import Event
from .base import ExportContext, ExportResult, clean_text, rfc3339
from .feeds import by_event_date, entry_html, entry_id, entry_title

VERSION = "https://jsonfeed.org/version/1.1"
FILENAME = "feed.json"


def export(events: list[Event], context: ExportContext, name: str = "jsonfeed"
           ) -> ExportResult:
    """The JSON Feed of the latest events by event date."""
    result = ExportResult("")
    dated = result.placeable(events)
    feed: dict[str, Any] = {"version": VERSION, "title": clean_text(context.site_name)}
    if context.site_url:
        feed["home_page_url"] = context.site_link("index.md")
        feed["feed_url"] = context.file_link(FILENAME)
    if context.site_description:
        feed["description"] = clean_text(context.site_description)
    feed["authors"] = [{"name": clean_text(context.site_name)}]
    feed["items"] = [item(e, context) for e in by_event_date(dated, context)]
    result.text = json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
    result.count = len(feed["items"])
    return result


def item(event: Event, context: ExportContext) -> dict[str, Any]:
    """One event as a JSON Feed item."""
    times = context.times(event)
    data: dict[str, Any] = {"id": entry_id(event)}
    if context.site_url:
        data["url"] = context.event_link(event)
    data["title"] = entry_title(event)
    data["content_html"] = entry_html(event, context)
    if event.summary:
        data["summary"] = clean_text(event.summary)
    data["date_published"] = rfc3339(times.added)
    data["date_modified"] = rfc3339(times.changed)
    if event.tags:
        data["tags"] = [clean_text(t) for t in event.tags]
    return data
