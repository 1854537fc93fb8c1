"""TimelineJS 3 JSON (`timeline.json`): the events as slides for Knight Lab's TimelineJS.

The format (timeline.knightlab.com/docs/json-format.html): `{"title": slide, "events":
[slide...], "scale": "human"}`; a slide has `start_date` and `end_date` objects of
numbers (year, month, day, hour, minute), `display_date`, `text` {headline, text},
`group` and `unique_id`.

Every slide carries the site's own reading of its date as `display_date` ("late June
2019", "week of 15 July 2019", "44 BCE"), since TimelineJS cannot say "late", a week or
a season by itself; the date objects place the slide on the axis.

Escaping: TimelineJS treats `headline` and `text` as HTML (and sanitises them), so
they are escaped once. `display_date` and `group` go through its `stripMarkup` (which
decodes entities) before being inserted as HTML, so they are escaped twice: a tag
called `<b>x</b>` then shows as those characters instead of bold text.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..core.model import Event, Source
from ..render.escape import safe_url
from .base import ExportContext, ExportResult
from .spans import date_parts

# The page that shows timeline.json; relative links in slides are read from there.
INTERACTIVE_PAGE = "interactive.md"


def export(events: list[Event], context: ExportContext, name: str = "timelinejs"
           ) -> ExportResult:
    """The TimelineJS document of `events` (events with an unknown year are skipped)."""
    result = ExportResult("")
    slides = [slide(event, context) for event in result.placeable(events)]
    document = {"title": title_slide(context.site_name, context.site_description),
                "events": slides, "scale": "human"}
    result.text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    result.count = len(slides)
    return result


def view(events: list[Event], context: ExportContext, label: str) -> str:
    """A view of the interactive page: the slides of `events` under a title slide named
    after the view, compact (only the page reads it; `timeline.json` is for people)."""
    slides = [slide(event, context) for event in ExportResult("").placeable(events)]
    document = {"title": title_slide(f"{context.site_name}: {label}", context.site_description),
                "events": slides, "scale": "human"}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def title_slide(headline: str, description: str) -> dict[str, Any]:
    """The slide TimelineJS opens on, before the first event."""
    title: dict[str, Any] = {"text": {"headline": _html(headline)}}
    if description:
        title["text"]["text"] = f"<p>{_html(description)}</p>"
    return title


def slide(event: Event, context: ExportContext) -> dict[str, Any]:
    """One event as a TimelineJS slide."""
    data: dict[str, Any] = {"unique_id": event.id, "start_date": date_parts(event.date)}
    if event.end is not None and event.end != event.date:
        data["end_date"] = date_parts(event.end)
    data["display_date"] = _twice(event.when)
    data["text"] = {"headline": _html(event.title), "text": slide_text(event, context)}
    if event.tags:
        data["group"] = _twice(event.tags[0])
    return data


def slide_text(event: Event, context: ExportContext) -> str:
    """The slide's HTML: summary, expected-ness, sources with links, the event's page."""
    parts = []
    if event.summary:
        parts.append(f"<p>{_html(event.summary)}</p>")
    if event.is_future:
        parts.append("<p><em>Expected at the time of reporting.</em></p>")
    if event.sources:
        items = "".join(f"<li>{_source(s)}</li>" for s in event.sources)
        parts.append(f"<p>Sources:</p><ul>{items}</ul>")
    link = html.escape(context.event_link(event, INTERACTIVE_PAGE), quote=True)
    parts.append(f'<p><a href="{link}">The event\'s page</a></p>')
    return "".join(parts)


def _source(source: Source) -> str:
    label = _html(source.title or source.publisher or source.url or source.article or "")
    url = safe_url(source.url)
    text = f'<a href="{html.escape(str(url), quote=True)}">{label}</a>' if url else label
    if source.publisher and source.title:
        text += f", {_html(source.publisher)}"
    return text


def _html(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def _twice(text: str) -> str:
    """Escaped for a field TimelineJS decodes once before inserting it as HTML."""
    return html.escape(_html(text), quote=True)
