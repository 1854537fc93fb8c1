"""Atom feeds (RFC 4287): the most recent events, and the latest additions and corrections.

* `feed.xml` (format `atom`) lists the `feed_entries` latest events by event date,
  newest first, so a reader sees what happened last;
* `updates.xml` (format `atom-updates`) lists the events whose files were most recently
  added or changed (see `changes.py`), so followers also see corrections. Each change
  is an entry of its own (its id names the change's time), and its title says whether
  the event is new or changed.

Times come from the store's history, never the clock: an entry's `updated` is when its
file last changed, `published` when it was added, and the feed's `updated` is its
newest entry's (the Unix epoch for an empty feed).

Links are absolute when mkdocs.yml sets `site_url`; without it they are relative to
the feed, which sits at the root of the site (RFC 4287 allows relative references and
feed readers resolve them against the feed's address).
"""

from __future__ import annotations

import html
import uuid
import xml.etree.ElementTree as ET
from typing import Iterable

from ..core.version import __version__
from ..core.model import Event
from ..render.escape import safe_url
from .base import EPOCH, ExportContext, ExportResult, clean_text, rfc3339

ATOM = "http://www.w3.org/2005/Atom"
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://timeline-generator.invalid/events")
FEED_FILES = {"atom": "feed.xml", "atom-updates": "updates.xml"}


def export(events: list[Event], context: ExportContext, name: str = "atom") -> ExportResult:
    """The Atom feed `name` ("atom" by event date, "atom-updates" by change)."""
    result = ExportResult("")
    dated = result.placeable(events)
    updates = name == "atom-updates"
    chosen = by_change(dated, context) if updates else by_event_date(dated, context)
    feed = _feed(context, FEED_FILES[name], updates)
    entries = [_entry(event, context, updates) for event in chosen]
    newest = max((context.times(e).changed for e in chosen), default=EPOCH)
    _add(feed, "updated", rfc3339(newest))
    feed.extend(entries)
    ET.indent(feed)
    result.text = ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
    result.count = len(entries)
    return result


def by_event_date(events: list[Event], context: ExportContext) -> list[Event]:
    """The latest `feed_entries` events (in timeline order), newest first."""
    return list(reversed(events))[:context.feed_entries]


def by_change(events: list[Event], context: ExportContext) -> list[Event]:
    """The `feed_entries` events whose files changed last, last first (ties by id)."""
    ordered = sorted(events, key=lambda e: e.id)
    ordered.sort(key=lambda e: context.times(e).changed, reverse=True)
    return ordered[:context.feed_entries]


def entry_id(event: Event, *parts: str) -> str:
    """A permanent id for an event (and a change of it): a name-based UUID as a URN."""
    return uuid.uuid5(ID_NAMESPACE, "\n".join((event.id, *parts))).urn


def feed_id(context: ExportContext, filename: str) -> str:
    """The feed's permanent id, from the site's address (or its name, without one)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{context.site_url or context.site_name}/"
                                          f"{filename}").urn


def entry_title(event: Event) -> str:
    """"21 July 2019: Talks resume", marked when the event was expected."""
    expected = " (expected)" if event.is_future else ""
    return clean_text(f"{event.when}{expected}: {event.title}")


def entry_html(event: Event, context: ExportContext) -> str:
    """The entry's body as HTML, every value escaped, links only to http(s) addresses."""
    parts = [f"<p><strong>{_h(event.when)}</strong>"
             + (" (expected at the time of reporting)" if event.is_future else "") + "</p>"]
    if event.summary:
        parts.append(f"<p>{_h(event.summary)}</p>")
    names = [("Actors", event.actors), ("Places", event.places), ("Tags", event.tags)]
    for label, values in names:
        if values:
            parts.append(f"<p>{label}: {_h(', '.join(values))}</p>")
    if event.sources:
        items = []
        for source in event.sources:
            label = _h(source.title or source.publisher or source.url or source.article or "")
            url = safe_url(source.url)
            item = f'<a href="{_h(str(url))}">{label}</a>' if url else label
            if source.publisher and source.title:
                item += f", {_h(source.publisher)}"
            if source.quote:
                item += f"<blockquote>{_h(source.quote)}</blockquote>"
            items.append(f"<li>{item}</li>")
        parts.append(f"<p>Sources:</p><ul>{''.join(items)}</ul>")
    return clean_text("".join(parts))


def _feed(context: ExportContext, filename: str, updates: bool) -> ET.Element:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", feed_id(context, filename))
    title = context.site_name + (": added and changed events" if updates else "")
    _add(feed, "title", clean_text(title))
    if context.site_description:
        _add(feed, "subtitle", clean_text(context.site_description))
    author = _add(feed, "author")
    _add(author, "name", clean_text(context.site_name))
    _add(feed, "link", rel="self", type="application/atom+xml",
         href=context.file_link(filename))
    _add(feed, "link", rel="alternate", type="text/html", href=context.site_link("index.md"))
    _add(feed, "generator", "Timeline Generator", version=__version__)
    return feed


def _entry(event: Event, context: ExportContext, updates: bool) -> ET.Element:
    times = context.times(event)
    entry = ET.Element(f"{{{ATOM}}}entry")
    title = entry_title(event)
    if updates:
        title = ("New: " if times.added == times.changed else "Changed: ") + title
        _add(entry, "id", entry_id(event, rfc3339(times.changed)))
    else:
        _add(entry, "id", entry_id(event))
    _add(entry, "title", title, type="text")
    _add(entry, "updated", rfc3339(times.changed))
    _add(entry, "published", rfc3339(times.added))
    _add(entry, "link", rel="alternate", type="text/html", href=context.event_link(event))
    if event.summary:
        _add(entry, "summary", clean_text(event.summary), type="text")
    _add(entry, "content", entry_html(event, context), type="html")
    for tag in _unique(event.tags):
        _add(entry, "category", term=clean_text(tag))
    return entry


def _add(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text:
        child.text = text
    return child


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _h(text: str) -> str:
    return html.escape(text, quote=True)
