"""What every import reader gives back: records in our schema, each with its row number.

A reader turns a file of another shape (TimelineJS slides, a spreadsheet row) into the
front-matter mapping of an event record, exactly as a person would have typed it in an
event file; the writer then validates it with the record's own schema. Problems of
one row never stop the others: they are collected with the row they belong to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..core.diagnostics import ERROR, WARNING, Problem

MAX_IMPORT_BYTES = 50_000_000


@dataclass
class ImportRecord:
    """One event to import: its mapping (our field names), notes, and where it came from.

    `row` is the file's line where the row or item starts (a CSV row's first line, a
    JSON object's opening brace), so messages read `file:row: ...` like any other.
    """

    row: int
    mapping: dict[str, Any]
    body: str = ""
    label: str = "row"


@dataclass
class ImportBatch:
    """Everything read from one file: the records, the rows' problems, and rows left out."""

    path: Path
    format: str
    records: list[ImportRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    def error(self, row: Optional[int], message: str, field_name: Optional[str] = None) -> None:
        self.problems.append(Problem(self.path, message, row, ERROR, field_name))

    def warn(self, row: Optional[int], message: str, field_name: Optional[str] = None) -> None:
        self.problems.append(Problem(self.path, message, row, WARNING, field_name))
