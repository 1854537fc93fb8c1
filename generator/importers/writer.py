"""Imported records -> hand-written event files in the store, one function, under the lock.

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

import contextlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

from ..core.diagnostics import WARNING, Problem
from ..store.codec import MAX_FILE_BYTES, dumps, loads
from ..store.ids import new_event_id
from ..store.ledger import Ledger
from ..store.schema import id_problem, validate
from ..store.folder import load_store
from ..core.fsutil import atomic_write, store_lock, sync_folder_of
from ..core.model import Event
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


class _Taken:
    """Ids that a new file must not use: the store's, the ledger's, and existing names."""

    def __init__(self, root: Path, ids: set[str]):
        self.root, self.ids = root, ids

    def __contains__(self, event_id: object) -> bool:
        path = self.root / f"{event_id}.md"
        return event_id in self.ids or path.exists() or path.is_symlink()


def write_imported(root: Path, batch: ImportBatch, dry_run: bool = False,
                   max_bytes: int = MAX_FILE_BYTES) -> ImportReport:
    """Write the batch's records as new event files in the store at `root`.

    Raises:
        LockError: another timeline command is writing to the store.
        StoreError: the ledger is damaged.
    """
    root = Path(root)
    report = ImportReport(problems=list(batch.problems))
    report.failed = sum(1 for p in batch.problems if p.is_error)
    lock = contextlib.nullcontext() if dry_run else store_lock(root)
    with lock:
        existing = load_store(root, max_bytes=max_bytes).by_id() if root.is_dir() else {}
        ledger = Ledger.load(root) if root.is_dir() else Ledger()
        taken = _Taken(root, set(existing) | set(ledger.generated))
        for record in batch.records:
            _import_one(root, batch, record, existing, taken, report, dry_run)
        if report.written and not dry_run:
            sync_folder_of(root)
    return report


def _import_one(root: Path, batch: ImportBatch, record: ImportRecord,
                existing: dict[str, Event], taken: _Taken, report: ImportReport,
                dry_run: bool) -> None:
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
                               existing, taken)
    if present:
        report.unchanged.append(event_id)
        return
    event = replace(event, id=event_id)
    path = root / f"{event_id}.md"
    text = dumps(event)
    read_back, found = loads(text, path)
    if len(read_back) != 1 or any(p.is_error for p in found):
        report.problems += [p for p in found if p.is_error] or [
            Problem(batch.path, "this row does not read back as one event", record.row)]
        report.failed += 1
        return
    if not dry_run:
        atomic_write(path, text, sync_folder=False)
    taken.ids.add(event_id)
    existing[event_id] = event
    report.written.append(Written(record, event_id, path,
                                  given if given and given != event_id else None))


def _same(old: Event, new: Event, event_id: str) -> bool:
    """True when the new record says exactly what the stored event says."""
    return dumps(replace(new, id=event_id)) == dumps(old)


def _place(base: str, event: Event, existing: dict[str, Event], taken: _Taken
           ) -> tuple[str, bool]:
    """The id for `event`: `base`, or `base-2`, `base-3` ... when taken; and whether an
    identical event already holds it (an earlier import of the same row)."""
    candidate, number = base, 1
    while candidate in taken:
        if candidate in existing and _same(existing[candidate], event, candidate):
            return candidate, True
        number += 1
        candidate = f"{base}-{number}"
    return candidate, False
