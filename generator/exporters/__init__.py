"""Exporters: the event store in formats other tools read, by format name.

The registry names every format once: its command-line name, the file the site build
writes, a title and a sentence for the data page, and the module that writes it. Each
module has one `export(events, context) -> ExportResult` function and is imported only
when its format is asked for, so listing the formats (config, CLI help, the data page)
costs nothing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..core.model import Event
from .base import ExportContext, ExportResult


@dataclass(frozen=True)
class Exporter:
    """One export format and where the site build puts it."""

    name: str
    filename: str
    title: str
    description: str
    module: str
    uses_changes: bool = False  # needs the times event files were added and changed

    def run(self, events: list[Event], context: ExportContext) -> ExportResult:
        """Export `events` (in timeline order) in this format."""
        module = importlib.import_module(f"{__name__}.{self.module}")
        return module.export(events, context, self.name)


EXPORTERS: tuple[Exporter, ...] = (
    Exporter("timelinejs", "timeline.json", "TimelineJS",
             "the events as TimelineJS 3 slides, for the interactive timeline or another "
             "TimelineJS page", "timelinejs"),
    Exporter("ics", "events.ics", "iCalendar",
             "every event with a known date, for calendar programs", "ical", True),
    Exporter("csv", "events.csv", "CSV", "one row per event, for spreadsheets; "
             "timeline import reads it back", "csvfile"),
    Exporter("atom", "feed.xml", "Atom feed", "the most recent events by event date",
             "feeds", True),
    Exporter("atom-updates", "updates.xml", "Atom feed of changes",
             "the events most recently added or corrected", "feeds", True),
    Exporter("jsonfeed", "feed.json", "JSON Feed", "the most recent events by event date, "
             "as JSON Feed 1.1", "jsonfeed", True),
    Exporter("json", "events.json", "JSON", "the whole store in the event record's own "
             "schema; timeline import reads it back", "jsonfile"),
)
FORMATS: dict[str, Exporter] = {e.name: e for e in EXPORTERS}
FORMAT_NAMES: tuple[str, ...] = tuple(FORMATS)


def get_exporter(name: str) -> Exporter:
    """The exporter of a format name.

    Raises:
        KeyError: the name is not a format; callers validate names against FORMAT_NAMES.
    """
    return FORMATS[name]


__all__ = ["EXPORTERS", "FORMATS", "FORMAT_NAMES", "ExportContext", "ExportResult",
           "Exporter", "get_exporter"]
