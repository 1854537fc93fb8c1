"""What every exporter is given and gives back, and the helpers they share.

Exports must be deterministic: the same store gives the same bytes. Nothing here reads
the clock; the only times are the event dates and the times event files were added and
changed (see `changes.py`), which come from the store's history.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional

from ..core.model import Event
from ..render.paths import page_url, relative_url
from ..render.records import event_path

EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
# Characters XML 1.0 and iCalendar text cannot hold (YAML escapes can put them in a field).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class FileTimes:
    """When an event file was first added to the store and when it last changed (UTC)."""

    added: _dt.datetime
    changed: _dt.datetime


@dataclass(frozen=True)
class ExportContext:
    """The site an export belongs to, and the store's change history when it is needed.

    `changes` maps an event file's resolved path to its times; events whose file is not
    in it are treated as added and changed at the Unix epoch, which keeps output
    deterministic (callers pass real times for formats that show them).
    """

    site_name: str = "Timeline"
    site_description: str = ""
    site_url: str = ""
    directory_urls: bool = True
    feed_entries: int = 50
    changes: Mapping[Path, FileTimes] = field(default_factory=dict)
    # {id: (page, anchor)} when the site has no page per event (see render.event_addresses)
    addresses: Optional[Mapping[str, tuple[str, str]]] = None

    def times(self, event: Event) -> FileTimes:
        """The added and changed times of the file the event was read from."""
        if event.path is not None:
            found = self.changes.get(Path(event.path).resolve())
            if found is not None:
                return found
        return FileTimes(EPOCH, EPOCH)

    def site_link(self, path: str, from_page: str = "index.md") -> str:
        """A link to a site file or page: absolute with `site_url`, else relative to the
        page `from_page` (exports sit at the site root, beside index.md)."""
        if self.site_url:
            return self.site_url.rstrip("/") + "/" + page_url(path, self.directory_urls)
        return relative_url(from_page, path, self.directory_urls)

    def event_link(self, event: Event, from_page: str = "index.md") -> str:
        """The address of an event's page (see `site_link`), or of its card on its
        period page when a big site has no page per event."""
        if self.addresses is not None and event.id in self.addresses:
            page, anchor = self.addresses[event.id]
            return f"{self.site_link(page, from_page)}#{anchor}"
        return self.site_link(event_path(event), from_page)

    def file_link(self, name: str) -> str:
        """The address of a file at the site root (an export): absolute or as is."""
        return self.site_url.rstrip("/") + "/" + name if self.site_url else name


@dataclass
class ExportResult:
    """An export's text, the events it left out and those it changed, by reason."""

    text: str
    count: int = 0
    skipped: dict[str, list[str]] = field(default_factory=dict)
    altered: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, reason: str, event: Event) -> None:
        self.skipped.setdefault(reason, []).append(event.id)

    def placeable(self, events: list[Event]) -> list[Event]:
        """The events a calendar-style export can place; the others are noted as skipped."""
        kept = []
        for event in events:
            reason = known_dates(event)
            if reason:
                self.skip(reason, event)
            else:
                kept.append(event)
        return kept

    def alter(self, reason: str, event: Event) -> None:
        self.altered.setdefault(reason, []).append(event.id)

    def summary(self) -> str:
        """'12 event(s); skipped: 2 with an unknown year' for the command's last line."""
        text = f"{self.count} event(s)"
        for label, found in (("skipped", self.skipped), ("note", self.altered)):
            if found:
                text += f"; {label}: " + ", ".join(f"{len(ids)} {reason}"
                                                   for reason, ids in found.items())
        return text


def rfc3339(moment: _dt.datetime) -> str:
    """A UTC time as feeds write it: 2019-07-22T15:30:00Z."""
    return moment.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def plain(value: Any) -> Any:
    """YAML values as JSON can hold them: dates as ISO text, mappings and lists inside out.

    Event files may hold dates in fields the generator does not know (`checked:
    2019-07-22`); JSON and CSV carry them as the text YAML would read back as a date.
    """
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN has no JSON form
        return None
    return value


def clean_text(text: str) -> str:
    """Text without the control characters that XML and iCalendar refuse."""
    return _UNWRITABLE.sub("", text)


def known_dates(event: Event) -> Optional[str]:
    """Why a calendar-style export cannot place the event, or None when it can."""
    if event.date.unknown_year or (event.end is not None and event.end.unknown_year):
        return "with an unknown year"
    return None


__all__ = ["EPOCH", "ExportContext", "ExportResult", "FileTimes", "clean_text", "known_dates",
           "plain", "rfc3339"]
