"""Our own JSON (`events.json`, see `generator.exporters.jsonfile`) -> event records.

Accepts the export (`{"events": [record...]}`), a bare list of records, or one record.
Each record is read as an event file's front matter; `notes` holds its Markdown notes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..core.errors import ImportFileError
from ..exporters.jsonfile import NOTES
from .base import ImportBatch, ImportRecord
from .positions import PositionDecoder


def records_of(document: Any) -> list[Any]:
    """The list of records in a document, or raise `ValueError` saying what was expected."""
    if isinstance(document, dict) and isinstance(document.get("events"), list):
        return document["events"]
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and "date" in document:
        return [document]
    raise ValueError("expected {\"events\": [...]}, a list of events, or one event")


def read(path: Path, text: str) -> ImportBatch:
    """The events of a JSON file in the record's own schema."""
    decoder = PositionDecoder()
    try:
        items = records_of(decoder.decode(text))
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    except ValueError as exc:
        raise ImportFileError(f"{path}: {exc}") from exc
    batch = ImportBatch(path, "json")
    for number, item in enumerate(items, 1):
        label = f"event {number}"
        row = decoder.line_of(item, 1)
        if not isinstance(item, dict):
            batch.error(row, f"{label}: expected an event (an object with date and title), "
                             f"got {type(item).__name__}")
            continue
        mapping = dict(item)
        body = mapping.pop(NOTES, "")
        if not isinstance(body, str):
            batch.error(row, f"{label}: '{NOTES}' must be text (the Markdown notes)", NOTES)
            continue
        batch.records.append(ImportRecord(row, mapping, body, label))
    return batch
