"""CSV (`events.csv`): one row per event, for spreadsheets, and back through `timeline import`.

Named `csvfile` so that it never shadows the standard library's `csv`.

The columns are fixed (see `COLUMNS`). Most cells are plain text; a few hold what a
cell cannot say plainly:

* names (actors, places, tags) are joined with "; ". When a name holds ";" or a line
  break, or starts with "[", the whole cell is a JSON list instead, so every name
  survives the round trip;
* the first source fills the `source_*` columns; further sources (or every source,
  when the first has fields of its own) are a JSON list in `other_sources`, in the
  record's own form;
* `extraction` and `extra` (fields the generator does not know) are JSON objects;
* `when` (the date in words) and `page` (the event's address) are for reading and are
  ignored on import.

Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or
a carriage return) and text cells starting with an apostrophe get an apostrophe in
front, which spreadsheets hide and `timeline import` removes.

The file is UTF-8 with CRLF line ends (RFC 4180).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Optional

from ..store.schema import SOURCE_FIELDS
from ..core.model import Event, Source
from .base import ExportContext, ExportResult, plain

SOURCE_COLUMNS = tuple(f"source_{f.name}" for f in SOURCE_FIELDS)
COLUMNS: tuple[str, ...] = (
    "id", "date", "end", "qualifier", "when", "title", "summary", "kind",
    "actors", "places", "tags", *SOURCE_COLUMNS, "other_sources",
    "confidence", "review", "extraction", "extra", "notes", "page",
)
READ_ONLY = ("when", "page")  # derived from the record; import ignores them
NAME_COLUMNS = ("actors", "places", "tags")
JSON_COLUMNS = ("other_sources", "extraction", "extra")
# Columns whose values are free text, and so may look like formulas to a spreadsheet.
TEXT_COLUMNS = frozenset({"title", "summary", "review", "notes", *NAME_COLUMNS,
                          "source_title", "source_publisher", "source_quote"})
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
NAME_SEPARATOR = "; "


def export(events: list[Event], context: ExportContext, name: str = "csv") -> ExportResult:
    """Every event as a row, in timeline order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in events:
        writer.writerow(row(event, context))
    return ExportResult(out.getvalue(), count=len(events))


def row(event: Event, context: ExportContext) -> dict[str, str]:
    """One event's cells."""
    cells: dict[str, Any] = {
        "id": event.id, "date": str(event.date), "end": _text(event.end),
        "qualifier": event.qualifier, "when": event.when, "title": event.title,
        "summary": event.summary, "kind": event.kind,
        "confidence": repr(event.confidence) if event.confidence is not None else "",
        "review": event.review, "notes": event.body,
        "extraction": _json(event.extraction), "extra": _json(event.extra),
        "page": context.event_link(event),
    }
    for column in NAME_COLUMNS:
        cells[column] = join_names(getattr(event, column))
    sources = list(event.sources)
    if sources and not sources[0].extra:
        first = sources.pop(0)
        for spec in SOURCE_FIELDS:
            cells[f"source_{spec.name}"] = _text(getattr(first, spec.name))
    cells["other_sources"] = json.dumps([source_mapping(s) for s in sources],
                                        ensure_ascii=False) if sources else ""
    return {column: guard(column, cells.get(column) or "") for column in COLUMNS}


def source_mapping(source: Source) -> dict[str, Any]:
    """A source as the record writes it: known fields in order, then its own fields."""
    data: dict[str, Any] = {spec.name: _text(getattr(source, spec.name))
                            for spec in SOURCE_FIELDS if getattr(source, spec.name)}
    data.update(plain(source.extra))
    return data


def join_names(names: list[str]) -> str:
    """Names for one cell: "a; b", or a JSON list when a name would not survive that."""
    if any(_needs_json(n) for n in names):
        return json.dumps(names, ensure_ascii=False)
    return NAME_SEPARATOR.join(names)


def split_names(cell: str) -> list[Any]:
    """The inverse of `join_names` (a JSON list, or names separated by ';').

    Raises:
        ValueError: a cell starting with '[' is not a JSON list.
    """
    text = cell.strip()
    if text.startswith("["):
        names = json.loads(text)
        if not isinstance(names, list):
            raise ValueError("expected a JSON list of names")
        return names
    return [name.strip() for name in text.split(";") if name.strip()]


def guard(column: str, value: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    if column in TEXT_COLUMNS and value.startswith(FORMULA_START):
        return "'" + value
    return value


def unguard(column: str, value: str) -> str:
    """The inverse of `guard`."""
    if column in TEXT_COLUMNS and value.startswith("'"):
        return value[1:]
    return value


def _needs_json(name: str) -> bool:
    return (";" in name or "\n" in name or "\r" in name or name.startswith("[")
            or name != name.strip() or not name)


def _json(value: dict[str, Any]) -> str:
    return json.dumps(plain(value), ensure_ascii=False) if value else ""


def _text(value: Optional[object]) -> str:
    return "" if value is None else str(value)
