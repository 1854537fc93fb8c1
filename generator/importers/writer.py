"""Imported records -> hand-written event files, written through the store writer.

Imported events are the user's own: they are written as new files and never entered in
the ledger, so extraction leaves them alone like any file a person wrote. Each record
is checked with the event schema first; a row with errors is reported with its row
and not written, and the other rows still are.

Ids: a record's own id is kept when it is valid and free. An id already used by an
identical event is nothing new (re-importing a file changes nothing, also for records
without ids, whose id would come from the same date and title); an id used by a
different event, by a file of that name, or by the ledger gets -2, -3 ...; records
without an id (or with an invalid one) get one from their date and title. No existing
file is ever overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

from ..core.diagnostics import WARNING, Problem
from ..core.errors import RecordError
from ..core.model import Event
from ..store.codec import MAX_FILE_BYTES, dumps
from ..store.ids import new_event_id
from ..store.schema import id_problem, validate
from ..store.writer import StoreWriter
from .base import ImportBatch, ImportRecord

PLACEHOLDER_ID = "imported"


@dataclass
class Written:
    """One event the import wrote (or would write, in a dry run)."""

    record: ImportRecord
    event_id: str
    path: Path
    renamed_from: Optional[str] = None


@dataclass
class ImportReport:
    """What an import did, row by row."""

    written: list[Written] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: int = 0
    problems: list[Problem] = field(default_factory=list)


def write_imported(root: Path, batch: ImportBatch, dry_run: bool = False,
                   max_bytes: int = MAX_FILE_BYTES) -> ImportReport:
    """Write the batch's records as new event files in the store at `root`.

    Raises:
        LockError: another timeline command is writing to the store.
        StoreError: the ledger is damaged.
    """
    report = ImportReport(problems=list(batch.problems))
    report.failed = sum(1 for p in batch.problems if p.is_error)
    with StoreWriter(root, dry_run=dry_run, max_bytes=max_bytes) as store:
        for record in batch.records:
            _import_one(store, batch, record, report)
    return report


def _import_one(store: StoreWriter, batch: ImportBatch, record: ImportRecord,
                report: ImportReport) -> None:
    mapping = dict(record.mapping)
    given = mapping.pop("id", None)
    given = str(given).strip() if given is not None else None
    event, problems = validate(mapping, batch.path, lambda key: record.row, record.row,
                               PLACEHOLDER_ID, record.body)
    errors = [p for p in problems if p.is_error]
    report.problems += problems
    if event is None or errors:
        report.failed += 1
        return
    if given and id_problem(given):
        report.problems.append(Problem(batch.path, f"{id_problem(given)}; a new id is made "
                                                   "from the date and title", record.row,
                                       WARNING, "id"))
        given = None
    event_id, present = _place(given or new_event_id(event.date, event.title, ()), event,
                               store)
    if present:
        report.unchanged.append(event_id)
        return
    event = replace(event, id=event_id)
    try:
        path = store.add_hand_written(event)
    except RecordError:
        errors, _ = store.read_back(event, dumps(event))
        report.problems += errors or [
            Problem(batch.path, "this row does not read back as one event", record.row)]
        report.failed += 1
        return
    report.written.append(Written(record, event_id, path,
                                  given if given and given != event_id else None))


def _same(old: Event, new: Event, event_id: str) -> bool:
    """True when the new record says exactly what the stored event says."""
    return dumps(replace(new, id=event_id)) == dumps(old)


def _place(base: str, event: Event, store: StoreWriter) -> tuple[str, bool]:
    """The id for `event`: `base`, or `base-2`, `base-3` ... when taken; and whether an
    identical event already holds it (an earlier import of the same row)."""
    candidate, number = base, 1
    while store.is_taken(candidate):
        if candidate in store.events and _same(store.events[candidate], event, candidate):
            return candidate, True
        number += 1
        candidate = f"{base}-{number}"
    return candidate, False
