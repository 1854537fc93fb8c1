"""schema.org `Event` data for an event page, so search engines and link previews read it.

Dates are written as ISO 8601 at the precision the record has (a year, a month, a day
or a minute); coarser or BCE dates are left out rather than made falsely precise.
"""

from __future__ import annotations

from typing import Any, Optional

from ..core.dates import DateValue, Precision
from ..core.model import Event
from .escape import safe_url

_ISO = {Precision.YEAR, Precision.MONTH, Precision.DAY, Precision.MINUTE}


def iso_date(value: Optional[DateValue]) -> Optional[str]:
    """The record's date as ISO 8601 when it has an exact ISO form, else None."""
    if value is None or value.precision not in _ISO or value.year < 1:
        return None
    return value.text


def event_jsonld(event: Event, page_url: Optional[str] = None) -> dict[str, Any]:
    """The JSON-LD object of one event (plain data; the template makes it script-safe)."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Event",
                            "name": event.title}
    if event.summary:
        data["description"] = event.summary
    start, end = iso_date(event.date), iso_date(event.end)
    if start:
        data["startDate"] = start
    if end:
        data["endDate"] = end
    if event.places:
        data["location"] = [{"@type": "Place", "name": p} for p in event.places]
    if event.actors:
        data["performer"] = [{"@type": "Thing", "name": a} for a in event.actors]
    if event.tags:
        data["keywords"] = ", ".join(event.tags)
    if page_url:
        data["url"] = page_url
    reports: list[dict[str, Any]] = []
    for source in event.sources:  # one article quoted twice is one report
        report = _report(source)
        if report not in reports:
            reports.append(report)
    if reports:
        data["subjectOf"] = reports
    return data


def _report(source: Any) -> dict[str, Any]:
    report: dict[str, Any] = {"@type": "NewsArticle"}
    if source.title:
        report["headline"] = source.title
    if source.publisher:
        report["publisher"] = {"@type": "Organization", "name": source.publisher}
    url = safe_url(source.url)
    if url:
        report["url"] = str(url)
    published = iso_date(source.published)
    if published:
        report["datePublished"] = published
    return report
