"""Our own CSV (`events.csv`, see `generator.exporters.csvfile`) -> event records.

The columns are read by header name, so a spreadsheet may reorder them or leave some
out; `date` and `title` are required. `when` and `page` are ignored (they are derived
from the record), and so are columns the format does not have (with a warning).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ..core.errors import ImportFileError
from ..store.schema import FIELD_NAMES, SOURCE_FIELDS
from ..exporters.csvfile import (COLUMNS, NAME_COLUMNS, READ_ONLY, SOURCE_COLUMNS,
                                 split_names, unguard)
from .base import ImportBatch, ImportRecord

REQUIRED = ("date", "title")
PLAIN = ("id", "date", "end", "qualifier", "title", "summary", "kind", "review")
CODES = frozenset({"id", "date", "end", "qualifier", "kind"})  # values, not prose: trimmed


def is_ours(header: list[str]) -> bool:
    """True when a CSV header is the one `timeline export --format csv` writes (or a part)."""
    names = {h.strip() for h in header}
    return all(c in names for c in REQUIRED)


def read(path: Path, text: str) -> ImportBatch:
    """The events of a CSV file in our columns."""
    reader = csv.reader(io.StringIO(text))
    header = [h.strip() for h in next(reader, [])]
    if not is_ours(header):
        raise ImportFileError(f"{path}:1: the first row must name the columns; `date` and "
                              f"`title` are required (all columns: {', '.join(COLUMNS)})")
    batch = ImportBatch(path, "csv")
    for name in header:
        if name not in COLUMNS:
            batch.warn(1, f"column '{name}' is not one of this format's; ignored")
    row = reader.line_num + 1
    for number, cells in enumerate(reader, 2):
        first_line, row = row, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        values = {name: unguard(name, cells[i]) for i, name in enumerate(header)
                  if i < len(cells) and name in COLUMNS and name not in READ_ONLY}
        try:
            mapping, body = record(values)
        except ValueError as exc:
            batch.error(first_line, f"row {number}: {exc}")
            continue
        batch.records.append(ImportRecord(first_line, mapping, body, f"row {number}"))
    return batch


def record(values: dict[str, str]) -> tuple[dict[str, Any], str]:
    """One row's cells -> (front-matter mapping, notes).

    Raises:
        ValueError: a cell that must hold JSON or a number does not.
    """
    mapping: dict[str, Any] = {}
    for name in PLAIN:
        if values.get(name, "").strip():
            mapping[name] = values[name].strip() if name in CODES else values[name]
    for name in NAME_COLUMNS:
        if values.get(name, "").strip():
            try:
                mapping[name] = split_names(values[name])
            except ValueError as exc:
                raise ValueError(f"'{name}': not a list of names ({exc})") from None
    sources = _sources(values)
    if sources:
        mapping["sources"] = sources
    if values.get("confidence", "").strip():
        try:
            mapping["confidence"] = float(values["confidence"])
        except ValueError:
            raise ValueError(f"'confidence': {values['confidence']!r} is not a number from "
                             "0 to 1") from None
    extraction = _json_object(values, "extraction")
    if extraction:
        mapping["extraction"] = extraction
    for key, value in _json_object(values, "extra").items():
        if key in FIELD_NAMES or key in mapping:
            raise ValueError(f"'extra': field '{key}' has a column of its own")
        mapping[key] = value
    return mapping, values.get("notes", "")


def _sources(values: dict[str, str]) -> list[Any]:
    first = {spec.name: values[column] for spec, column in zip(SOURCE_FIELDS, SOURCE_COLUMNS)
             if values.get(column, "").strip()}
    sources: list[Any] = [first] if first else []
    if values.get("other_sources", "").strip():
        try:
            others = json.loads(values["other_sources"])
        except ValueError as exc:
            raise ValueError(f"'other_sources': not JSON ({exc})") from None
        if not isinstance(others, list):
            raise ValueError("'other_sources': expected a JSON list of sources")
        sources += others
    return sources


def _json_object(values: dict[str, str], name: str) -> dict[str, Any]:
    text = values.get(name, "").strip()
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValueError(f"'{name}': not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError(f"'{name}': expected a JSON object ({{\"key\": value}})")
    return data
