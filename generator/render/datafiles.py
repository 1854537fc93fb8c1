"""Machine-readable copies of the timeline written beside the pages of the built site."""

from __future__ import annotations

import json
from typing import Any

from ..model import Event
from .paths import page_url
from .records import SiteOptions, event_path

DATA_FILE = "data/events.json"


def event_record(event: Event, options: SiteOptions) -> dict[str, Any]:
    """One event as plain JSON data, with the page it is shown on."""
    return {
        "id": event.id, "date": str(event.date), "end": str(event.end) if event.end else None,
        "qualifier": event.qualifier, "when": event.when, "title": event.title,
        "summary": event.summary, "kind": event.kind, "actors": event.actors,
        "places": event.places, "tags": event.tags,
        "sources": [{"article": s.article, "title": s.title, "publisher": s.publisher,
                     "url": s.url, "published": str(s.published) if s.published else None,
                     "quote": s.quote} for s in event.sources],
        "page": page_url(event_path(event), options.directory_urls),
    }


def events_json(events: list[Event], options: SiteOptions) -> str:
    """All events in timeline order, as a JSON document other tools can read."""
    data = {"site": options.name, "count": len(events),
            "events": [event_record(e, options) for e in events]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
