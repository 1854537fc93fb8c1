"""Importers: files of other tools (and our own exports) -> hand-written event files.

`read_import(path)` finds the file's format (by its suffix and first row or keys, or
as told), reads it with that format's reader into records of our schema, each with
its row; `write_imported` (in `writer.py`) validates and writes them into the store.

Formats: `timelinejs` (TimelineJS 3 JSON), `sheets` (the TimelineJS Google Sheets
template saved as CSV), `csv` and `json` (our own exports).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Callable, Optional

from ..core.errors import ImportFileError
from ..store.codec import decode
from . import csvfile, jsonfile, sheets, timelinejs
from .base import MAX_IMPORT_BYTES, ImportBatch, ImportRecord

Reader = Callable[[Path, str], ImportBatch]
READERS: dict[str, Reader] = {
    "timelinejs": timelinejs.read,
    "sheets": sheets.read,
    "csv": csvfile.read,
    "json": jsonfile.read,
}
FORMAT_NAMES = tuple(READERS)


def read_import(path: Path, fmt: Optional[str] = None) -> ImportBatch:
    """Read an import file in format `fmt` (found from the file when None).

    Raises:
        ImportFileError: the file cannot be read, or is in no format this reads.
    """
    path = Path(path)
    text = read_text(path)
    try:
        return READERS[fmt or detect(path, text)](path, text)
    except csv.Error as exc:
        raise ImportFileError(f"{path}: not a readable CSV file: {exc}") from exc


def read_text(path: Path) -> str:
    """The file as text (UTF-8, with or without a byte-order mark)."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportFileError(f"{path}: {size:,} bytes is more than the "
                                  f"{MAX_IMPORT_BYTES:,} an import reads; split the file")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read it: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")  # line ends as they are: CSV cells may hold CRs
    except UnicodeDecodeError:
        _, problems = decode(data, path)  # the event store's message, with line and column
        raise ImportFileError(problems[0].format()) from None


def detect(path: Path, text: str) -> str:
    """The format of a file, from its suffix and its first row (CSV) or keys (JSON)."""
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or (path.suffix.lower() != ".csv"
                                          and stripped.startswith(("{", "["))):
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise ImportFileError(f"{path}: not valid JSON: {exc}") from exc
        return "timelinejs" if _is_timelinejs(document) else "json"
    header = next(csv.reader(io.StringIO(text)), [])
    if sheets.is_sheet(header):
        return "sheets"
    if csvfile.is_ours(header):
        return "csv"
    raise ImportFileError(f"{path}:1: neither a TimelineJS sheet (columns Year, Month, Day, "
                          "..., Headline, Text) nor our CSV (columns date, title, ...); "
                          "name the format with --format")


def _is_timelinejs(document: object) -> bool:
    if not isinstance(document, dict):
        return False
    if isinstance(document.get("title"), dict) or "eras" in document:
        return True
    slides = document.get("events")
    return isinstance(slides, list) and any(
        isinstance(s, dict) and ("start_date" in s or isinstance(s.get("text"), dict))
        for s in slides)


__all__ = ["FORMAT_NAMES", "ImportBatch", "ImportRecord", "READERS", "detect", "read_import"]
