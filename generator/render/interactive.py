"""What the interactive page shows: every event of a small store, else one view at a time.

TimelineJS builds a slide and a marker for every event it is given, on the main thread:
at 1,000 events the page froze for seconds and took eleven to become usable. So past
`ALL_EVENTS_MAX` events the page starts on the key events (those the home page leads
with) and offers each period of the timeline (a year, or a month of a busy year, as the
period pages split them) as a view of its own, loaded when the reader picks it. The full
`timeline.json` export stays as it is, for download; the views are smaller files of
the same slides, written by the site layer (`site.exports.view_files`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..core.model import Event
from .period_pages import PeriodPlan

# TimelineJS draws up to this many slides in well under a second; above, views.
ALL_EVENTS_MAX = 100
VIEWS_FOLDER = "interactive"
KEY_VIEW = "Key events"


@dataclass(frozen=True)
class View:
    """A set of events the page can show: its label in the menu and its file."""

    label: str
    path: str
    events: tuple[Event, ...]


def plan_views(events: list[Event], key_ids: frozenset[str], periods: PeriodPlan
               ) -> list[View]:
    """The views of the page, the first shown on opening; none for a small store (the
    page then shows `timeline.json`, every event)."""
    placeable = [e for e in events if _placeable(e)]
    if len(placeable) <= ALL_EVENTS_MAX:
        return []
    views = [View(KEY_VIEW, f"{VIEWS_FOLDER}/key.json",
                  tuple(e for e in placeable if e.id in key_ids))]
    for period in periods.pages:
        shown = tuple(e for run in period.runs for e in run.events if _placeable(e))
        if shown:
            name = posixpath.splitext(posixpath.basename(period.path))[0]
            views.append(View(period.label, f"{VIEWS_FOLDER}/{name}.json", shown))
    return views


def _placeable(event: Event) -> bool:
    """TimelineJS needs a year on the axis (the exporter skips the others too)."""
    return not (event.date.unknown_year or (event.end is not None and event.end.unknown_year))
