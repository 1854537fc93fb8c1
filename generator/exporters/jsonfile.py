"""JSON (`events.json`): the whole store in the event record's own schema.

The document is `{"$schema": ..., "site": name, "events": [record...]}`: each record is
an event's front matter exactly as its file holds it (same keys, same order, fields
the generator does not know included), plus its Markdown notes under `notes`. It is
valid against the record's JSON Schema (`schema/event.schema.json`, whose third form
is `{events: [...]}`) and against the stricter `schema/events.schema.json` published
beside it, which also requires `id` and describes `notes`.

Dates that YAML read as dates inside fields the generator does not know are written
as ISO text. A record with notes and also a front-matter field called `notes` cannot
tell the two apart: such events are counted in the summary, and the field comes back
as notes (or is left out, when the event has notes).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from ..store.codec import to_mapping
from ..store.schema import json_schema
from ..core.model import Event
from .base import ExportContext, ExportResult, plain

NOTES = "notes"
SCHEMA_PATH = "schema/events.schema.json"


def export(events: list[Event], context: ExportContext, name: str = "json") -> ExportResult:
    """Every event as a record, in timeline order."""
    result = ExportResult("", count=len(events))
    records = []
    for event in events:
        if NOTES in event.extra:
            result.alter(f"with a front-matter field '{NOTES}', which is read back as notes",
                        event)
        records.append(record(event))
    document = {"$schema": context.file_link(SCHEMA_PATH), "site": context.site_name,
                "events": records}
    result.text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    return result


def record(event: Event) -> dict[str, Any]:
    """One event: its front matter in the file's key order, then its notes."""
    data = plain(to_mapping(event))
    data["id"] = event.id
    if event.body.strip():
        data[NOTES] = event.body
    return data


def export_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of events.json: the record's schema, plus `id` and `notes`."""
    event = copy.deepcopy(json_schema()["$defs"]["event"])
    event["properties"][NOTES] = {"type": "string", "description":
                                  "The Markdown notes below the event file's front matter."}
    event["required"] = ["id", *event["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Timeline Generator events export",
        "description": "events.json: every event of a store in the record's own schema; "
                       "`timeline import` reads it back.",
        "type": "object",
        "required": ["events"],
        "properties": {"$schema": {"type": "string"}, "site": {"type": "string"},
                       "events": {"type": "array", "items": {"$ref": "#/$defs/event"}}},
        "$defs": {"event": event},
    }
