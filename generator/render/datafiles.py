"""Machine-readable copies of the timeline written beside the pages of the built site."""

from __future__ import annotations

import json
from typing import Any

from ..core.model import Event
from .paths import page_url
from .records import Card, SiteOptions

DATA_FILE = "data/events.json"


def event_record(event: Event, card: Card, options: SiteOptions) -> dict[str, Any]:
    """One event as plain JSON data, with the page it is shown on (its own, or the
    anchor of its card on its period page)."""
    return {
        "id": event.id, "date": str(event.date), "end": str(event.end) if event.end else None,
        "qualifier": event.qualifier, "when": event.when, "title": event.title,
        "summary": event.summary, "kind": event.kind, "actors": event.actors,
        "places": event.places, "tags": event.tags,
        "sources": [{"article": s.article, "title": s.title, "publisher": s.publisher,
                     "url": s.url, "published": str(s.published) if s.published else None,
                     "quote": s.quote} for s in event.sources],
        "page": page_url(card.path, options.directory_urls) +
        (f"#{card.anchor}" if card.anchor else ""),
    }


def events_json(plan: Any) -> str:
    """All events of a `SitePlan` in timeline order, as a JSON document other tools read."""
    options = plan.options
    data = {"site": options.name, "count": len(plan.events),
            "events": [event_record(e, plan.cards[e.id], options) for e in plan.events]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
