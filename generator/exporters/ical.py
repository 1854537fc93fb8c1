"""iCalendar (`events.ics`, RFC 5545): the timeline for calendar programs.

How dates map (calendars know days and times, not "late June" or seasons):

* a day is an all-day event: DTSTART;VALUE=DATE:20190721, DTEND the next day
  (DTEND is exclusive);
* a week, weekend, month, quarter, half, season, year, decade or century is an all-day
  event over its whole span (June 2019: 1 June to DTEND 1 July); a range runs from the
  first day of `date` to the last day of `end`;
* a time of day is a floating local time (the zone is not recorded), a single moment
  without DTEND; a part of a day ("morning") runs over its hours;
* qualifiers ("late", "about", "before") keep the date's span, and the description
  starts with the date as the site shows it ("late June 2019").

Calendars cannot hold BCE years, years beyond 9999 or unknown years: those events
are skipped and counted. UIDs are the event id at the site's host, so a calendar that
subscribes sees an edited event as the same event. DTSTAMP and LAST-MODIFIED are
when the event file last changed, CREATED when it was added (never the clock).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Optional
from urllib.parse import urlsplit

import icalendar

from ..core.version import __version__
from ..core.calendar import civil_from_days
from ..core.dates import MINUTES_PER_DAY, Precision
from ..core.model import Event
from .base import ExportContext, ExportResult, known_dates
from .spans import day_after, first_day, is_timed

PRODID = f"-//Timeline Generator//timeline {__version__}//EN"
EPOCH_DAY = _dt.date(1970, 1, 1)


def export(events: list[Event], context: ExportContext, name: str = "ics") -> ExportResult:
    """The calendar of `events`; events a calendar cannot place are skipped."""
    result = ExportResult("")
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", context.site_name)
    if context.site_description:
        calendar.add("x-wr-caldesc", context.site_description)
    domain = uid_domain(context)
    parts = []
    for event in events:
        reason = known_dates(event) or _out_of_range(event)
        if reason:
            result.skip(reason, event)
            continue
        parts.append(_vevent_text(event, context, domain))
        result.count += 1
    # The calendar's own lines, then its events: the same text as adding every VEVENT
    # to the Calendar and serialising it whole, which tests/exports check.
    head = calendar.to_ical()
    closing = b"END:VCALENDAR\r\n"
    result.text = (head[:-len(closing)] + b"".join(parts) + closing).decode("utf-8")
    return result


# Serialised VEVENTs of recent builds: `mkdocs serve` rebuilds the calendar after each
# edit, and icalendar's serialisation is slow, so unchanged events are reused.
_VEVENTS: dict[tuple, bytes] = {}
_VEVENTS_KEPT = 200_000


def _vevent_text(event: Event, context: ExportContext, domain: str) -> bytes:
    address = context.addresses.get(event.id) if context.addresses is not None else None
    key = (repr(event), context.site_url, context.directory_urls, context.times(event),
           domain, address)
    text = _VEVENTS.get(key)
    if text is None:
        if len(_VEVENTS) >= _VEVENTS_KEPT:
            _VEVENTS.clear()
        text = _VEVENTS[key] = vevent(event, context, domain).to_ical()
    return text


def vevent(event: Event, context: ExportContext, domain: str) -> icalendar.Event:
    """One event as a VEVENT."""
    item = icalendar.Event()
    times = context.times(event)
    item.add("uid", f"{event.id}@{domain}")
    item.add("dtstamp", times.changed)
    item.add("created", times.added)
    item.add("last-modified", times.changed)
    start, end = span(event)
    item.add("dtstart", start)
    if end is not None:
        item.add("dtend", end)
    item.add("summary", event.title)
    item.add("description", description(event))
    if event.places:
        item.add("location", "; ".join(event.places))
    if event.tags:
        item.add("categories", list(event.tags))
    if context.site_url:
        item.add("url", context.event_link(event))
    if event.is_future:
        item.add("status", "TENTATIVE")
    item.add("transp", "TRANSPARENT")  # a record of the news, not time the reader is busy
    return item


def span(event: Event) -> tuple[_dt.date, Optional[_dt.date]]:
    """DTSTART and the exclusive DTEND (None for a single moment)."""
    last = event.end if event.end is not None else event.date
    if is_timed(event.date, event.end):
        start = _moment(event.date.start)
        stop = last.start if last.precision is Precision.MINUTE else last.stop
        if stop <= event.date.start:
            return start, None
        return start, _moment(stop)
    return _day(first_day(event.date)), _day(day_after(last))


def description(event: Event) -> str:
    """Plain text: the date as read, the summary, and the sources with their links."""
    lines = [event.when + (" (expected)" if event.is_future else "")]
    if event.summary:
        lines += ["", event.summary]
    if event.sources:
        lines += ["", "Sources:"]
        for source in event.sources:
            label = source.title or source.article or source.url or ""
            if source.publisher:
                label += f" ({source.publisher})"
            lines.append(f"- {label}" + (f": {source.url}" if source.url else ""))
    return "\n".join(lines)


def uid_domain(context: ExportContext) -> str:
    """The right-hand side of UIDs: the site's host, else a name made from the site's."""
    host = urlsplit(context.site_url).hostname if context.site_url else None
    if host:
        return host
    slug = re.sub(r"[^a-z0-9]+", "-", context.site_name.lower()).strip("-") or "timeline"
    return f"{slug}.invalid"


def _out_of_range(event: Event) -> Optional[str]:
    """Calendars count years 1 to 9999; an exclusive end must fit too."""
    last = event.end if event.end is not None else event.date
    if event.date.is_bce:
        return "BCE"
    if civil_from_days(day_after(last))[0] > 9999:
        return "after the year 9999"
    return None


def _day(days: int) -> _dt.date:
    return EPOCH_DAY + _dt.timedelta(days=days)


def _moment(minutes: int) -> _dt.datetime:
    days, minute = divmod(minutes, MINUTES_PER_DAY)
    return _dt.datetime.combine(_day(days), _dt.time(minute // 60, minute % 60))


__all__ = ["export", "span"]
