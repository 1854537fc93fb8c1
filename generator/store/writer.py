"""The one way to write the event store: lock, checked text, atomic files, ledger rules.

Three commands write event files: `timeline new` (one hand-written event), `timeline
import` (many hand-written events) and `timeline extract` (generated events, through the
ledger). All of them open a `StoreWriter`, which

* holds the store's lock for the whole write, so two commands never interleave;
* knows which ids are taken: by an event of the store, by a generated event the ledger
  remembers, or by a file of that name (a person's file is never overwritten);
* writes only text that reads back as the very record it was written from;
* writes each file atomically and flushes the folder once at the end;
* leaves generated files to the ledger, which never rewrites what a person edited.

A dry run takes no lock and writes nothing, but answers every question the same way.
"""

from __future__ import annotations

import contextlib
from functools import cached_property
from pathlib import Path
from typing import Iterable, Optional

from ..core.diagnostics import Problem
from ..core.errors import RecordError, StoreError
from ..core.fsutil import atomic_write, remove_stale_temp_files, store_lock, sync_folder_of
from ..core.model import Event
from .codec import MAX_FILE_BYTES, dumps, read_back
from .folder import load_store
from .ledger import Ledger, SyncReport, notice_deletions, plan_writes, write_planned


class StoreWriter:
    """An open store, for one command's writes; use it as a context manager."""

    def __init__(self, root: Path, dry_run: bool = False, max_bytes: int = MAX_FILE_BYTES):
        self.root = Path(root)
        self.dry_run = dry_run
        self.max_bytes = max_bytes
        self._lock: Optional[contextlib.AbstractContextManager] = None
        self._unsynced = False

    def __enter__(self) -> "StoreWriter":
        self._lock = contextlib.nullcontext() if self.dry_run else store_lock(self.root)
        self._lock.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            if self._unsynced:
                sync_folder_of(self.root)
        finally:
            assert self._lock is not None
            self._lock.__exit__(*exc_info)

    # ----------------------------------------------------------------- what is there

    @cached_property
    def events(self) -> dict[str, Event]:
        """The store's events by id (read once, when first asked)."""
        return load_store(self.root, max_bytes=self.max_bytes).by_id() \
            if self.root.is_dir() else {}

    @cached_property
    def ledger(self) -> Ledger:
        return Ledger.load(self.root) if self.root.is_dir() else Ledger()

    def path_of(self, event_id: str) -> Path:
        return self.root / f"{event_id}.md"

    def is_taken(self, event_id: str) -> bool:
        """True when a new file must not use `event_id`."""
        path = self.path_of(event_id)
        return (event_id in self.events or event_id in self.ledger.generated
                or path.exists() or path.is_symlink())

    def read_back(self, event: Event, text: str) -> tuple[list[Problem], bool]:
        """The errors that keep `text` from reading back as `event`, and whether it reads
        back as exactly its record: nothing is written that the store could not read."""
        return read_back(event, text, self.path_of(event.id))

    # ----------------------------------------------------------------- writing

    def add_hand_written(self, event: Event) -> Path:
        """Write `event` as a new file that belongs to a person from now on.

        Raises:
            RecordError: the id is taken, or the text would not read back as the event.
        """
        if self.is_taken(event.id):
            raise RecordError(f"an event with id '{event.id}' already exists; "
                              "choose another --id")
        text = dumps(event)
        errors, whole = self.read_back(event, text)
        if not errors and not whole:
            errors = [Problem(self.path_of(event.id), "does not read back as one event")]
        if errors:
            raise RecordError("; ".join(p.message if not p.field else f"{p.field}: {p.message}"
                                        for p in errors))
        path = self.path_of(event.id)
        if not self.dry_run:
            atomic_write(path, text, sync_folder=False)
            self._unsynced = True
        self.events[event.id] = event
        return path

    def sync_generated(self, events: Iterable[Event]) -> SyncReport:
        """Write the generator's events through the ledger (see `store.ledger`).

        Raises:
            StoreError: the ledger is damaged, or a file cannot be written (disk full,
                read-only folder); files already written are whole.
        """
        if not self.dry_run:
            remove_stale_temp_files(self.root)
        ledger = self.ledger
        report = SyncReport()
        notice_deletions(self.root, ledger, report)
        plan = plan_writes(self.root, ledger, events, report, self.read_back,
                           lambda: set(self.events))
        if self.dry_run:
            return report
        try:
            write_planned(self.root, ledger, plan, report)
        except OSError as exc:  # a full disk, a read-only folder: not a bug
            raise StoreError(
                f"cannot write the event store {self.root}: {exc.strerror or exc} "
                f"({exc.filename or self.root}); every file is whole and the next run "
                "finishes the job once the cause is fixed") from exc
        return report


def sync_generated(root: Path, events: Iterable[Event], dry_run: bool = False) -> SyncReport:
    """Write the generator's events into the store at `root`, respecting every person's edit.

    With `dry_run` the report says what would be written and nothing is.

    Raises:
        LockError: another timeline command is writing to the store.
        StoreError: the ledger is damaged, or a file cannot be written.
    """
    with StoreWriter(root, dry_run=dry_run) as store:
        return store.sync_generated(events)
