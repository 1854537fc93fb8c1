"""The ledger: how generated events are written without ever losing a person's work.

The store writer (`store.writer`) runs these steps under the store's lock.

The ledger (`.timeline-ledger.json` in the store, committed with it) remembers each file
the generator wrote and the hash of what it wrote. That is enough to tell the four kinds
of file apart on the next run:

* generated and untouched (hash matches): the generator may rewrite it;
* generated, then edited by a person (hash differs): left alone for good;
* generated, then deleted by a person (file gone): its id is *rejected* and the event is
  never created again (remove the id from `rejected` to allow it back);
* not in the ledger: written by a person; never touched.

Writes are journalled so that a run killed at any moment leaves files the next run
recognises: the ledger first records the planned writes as *pending* (accepting the old
and the new hash), then each file is replaced atomically (a batch of files is written
and flushed to disk together, then renamed one by one) and a line appended to the
journal, then the ledger is saved with the journal folded in. A pending creation whose
file is missing and has no journal line was never written, so it is not a deletion.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..core.diagnostics import Problem
from ..core.errors import StoreError
from ..core.fsutil import atomic_write, sync_folder_of, write_temp
from ..core.model import Event
from .codec import dumps

LEDGER_NAME = ".timeline-ledger.json"
JOURNAL_NAME = ".timeline-ledger.journal"
WRITE_BATCH = 200  # files written, flushed together, renamed and journalled at a time
FSYNC_THREADS = 8  # flushes waiting on the disk at once (threads wait, they do not compute)
LEDGER_VERSION = 1
# (event, its file text) -> (errors that keep the text from reading back, read back whole)
ReadBack = Callable[[Event, str], tuple[list[Problem], bool]]


def text_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Ledger:
    """What the generator wrote (`generated`: id -> entry) and what people deleted."""

    generated: dict[str, dict[str, Any]] = field(default_factory=dict)
    rejected: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> "Ledger":
        path = Path(root) / LEDGER_NAME
        ledger = cls()
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                ledger = cls(dict(data["generated"]), dict(data["rejected"]))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise StoreError(
                    f"{path}: the generator's record of the files it wrote is damaged ({exc}); "
                    "restore it from git (`git checkout -- "
                    f"{path.name}`) before running the generator again, so that hand edits "
                    "stay recognised") from exc
        ledger._replay(Path(root) / JOURNAL_NAME)
        return ledger

    def _replay(self, journal: Path) -> None:
        """Fold in the writes an interrupted run finished (a torn last line is ignored)."""
        if not journal.exists():
            return
        for line in journal.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                done = json.loads(line)
                entry = self.generated.setdefault(done["id"], {})
                entry.update(path=done["path"], sha256=[done["sha256"]], title=done["title"])
            except (ValueError, KeyError, TypeError):
                continue
            entry.pop("pending", None)

    def save(self, root: Path) -> None:
        """Write the ledger atomically; the journal is then folded in and can go."""
        data = {"version": LEDGER_VERSION, "generated": self.generated,
                "rejected": self.rejected}
        atomic_write(Path(root) / LEDGER_NAME,
                     json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
        (Path(root) / JOURNAL_NAME).unlink(missing_ok=True)

    def is_ours(self, event_id: str, data: bytes) -> bool:
        return text_hash(data) in self.generated[event_id]["sha256"]


@dataclass
class SyncReport:
    """What one write of generated events did, id by id."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)
    kept_hand_written: list[str] = field(default_factory=list)
    skipped_rejected: list[str] = field(default_factory=list)
    newly_rejected: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def write_planned(root: Path, ledger: Ledger, plan: list, report: SyncReport) -> None:
    """Mark the planned files pending in the ledger, write them, then settle the ledger."""
    if plan:
        for event_id, path, text, old in plan:
            entry = ledger.generated.setdefault(event_id, {})
            entry.update(path=path.relative_to(root).as_posix(), pending=True,
                         sha256=sorted({*old, text_hash(text.encode("utf-8"))}))
        ledger.save(root)
        _write_files(root, ledger, plan)
        for folder in sorted({path.parent for _, path, _, _ in plan}):
            sync_folder_of(folder)
    if plan or report.newly_rejected:
        ledger.save(root)


def _write_files(root: Path, ledger: Ledger, plan: list) -> None:
    """Write the planned files a batch at a time, journalling each one as it lands.

    A batch's texts all go to temporary files first and are flushed to disk together by a
    pool of threads (the file system commits concurrent flushes in one go, where one
    after the other each waits for its own); only then is each renamed over its file and
    journalled. So a file is whole on disk before its name points to it, as with one
    `atomic_write` per file, and a crash leaves at most temporary files, which the next
    run removes.
    """
    with open(root / JOURNAL_NAME, "a", encoding="utf-8") as journal, \
            ThreadPoolExecutor(FSYNC_THREADS) as pool:
        for start in range(0, len(plan), WRITE_BATCH):
            batch = plan[start:start + WRITE_BATCH]
            temps = _write_temps(batch)
            renamed = 0
            try:
                list(pool.map(_fsync, temps))
                for (event_id, path, text, _), tmp in zip(batch, temps):
                    _land(tmp, path, text, event_id, ledger, journal)
                    renamed += 1
            except BaseException:
                _remove_left(temps[renamed:])
                raise
            _flush(journal)


def _land(tmp: str, path: Path, text: str, event_id: str, ledger: Ledger,
          journal) -> None:  # noqa: ANN001
    """One file lands: the flushed temporary file is renamed over it, and its ledger
    entry is settled to the new hash and journalled."""
    os.replace(tmp, path)
    entry = ledger.generated[event_id]
    entry["sha256"] = [text_hash(text.encode("utf-8"))]
    del entry["pending"]
    _journal(journal, event_id, entry)


def _write_temps(batch: list) -> list[str]:
    """Each planned text in a temporary file beside its target, not yet flushed."""
    temps: list[str] = []
    try:
        for _, path, text, _ in batch:
            temps.append(write_temp(path, text, sync=False))
    except BaseException:
        _remove_left(temps)
        raise
    return temps


def _fsync(name: str) -> None:
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_left(temps: list[str]) -> None:
    """Temporary files not renamed (a write failed): they never hold anything of value."""
    for tmp in temps:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _journal(journal, event_id: str, entry: dict[str, Any]) -> None:  # noqa: ANN001
    journal.write(json.dumps({"id": event_id, "path": entry["path"], "title": entry["title"],
                              "sha256": entry["sha256"][0]}, ensure_ascii=False) + "\n")


def _flush(journal) -> None:  # noqa: ANN001
    """Journal lines reach the disk once a batch: a crash loses at most the last batch's
    lines, and their files are still recognised through the pending hashes."""
    journal.flush()
    os.fsync(journal.fileno())


def notice_deletions(root: Path, ledger: Ledger, report: SyncReport) -> None:
    """Generated files a person deleted: their ids are rejected from now on."""
    for event_id, entry in sorted(ledger.generated.items()):
        path = root / entry["path"]
        if path.exists():
            if entry.pop("pending", False):  # settle an interrupted write to what is there
                current = text_hash(path.read_bytes())
                entry["sha256"] = [current] if current in entry["sha256"] else []
            continue
        del ledger.generated[event_id]
        if entry.get("pending") and len(entry["sha256"]) == 1:
            continue  # an interrupted creation that never reached the disk: not a deletion
        ledger.rejected[event_id] = entry.get("title", "")
        report.newly_rejected.append(event_id)


def plan_writes(root: Path, ledger: Ledger, events: Iterable[Event], report: SyncReport,
                read_back: ReadBack, store_ids: Callable[[], set[str]]
                ) -> list[tuple[str, Path, str, list[str]]]:
    """(id, path, new text, accepted old hashes) of every file that must be written.

    `read_back(event, text)` gives the errors that keep `text` from reading back as the
    event (the store writer's check); `store_ids()` the ids of the store's events."""
    plan = []
    seen: set[str] = set()
    hand_ids: set[str] | None = None  # read the store only if a new event needs the check
    for event in events:
        if event.id in seen:
            continue
        seen.add(event.id)
        if event.id in ledger.rejected:
            report.skipped_rejected.append(event.id)
            continue
        text = dumps(event)
        entry = ledger.generated.get(event.id)
        if entry is None:
            if hand_ids is None:
                hand_ids = store_ids() - set(ledger.generated)
            path = root / f"{event.id}.md"
            if event.id in hand_ids or path.exists() or path.is_symlink():
                report.kept_hand_written.append(event.id)
            elif not _unreadable(event, text, root, report, read_back):
                ledger.generated[event.id] = {"title": event.title}
                plan.append((event.id, path, text, []))
                report.created.append(event.id)
            continue
        path = root / entry["path"]
        current = path.read_bytes()
        if not ledger.is_ours(event.id, current):
            report.kept_edited.append(event.id)
        elif current == text.encode("utf-8"):
            report.unchanged.append(event.id)
        elif not _unreadable(event, text, root, report, read_back):
            entry["title"] = event.title
            plan.append((event.id, path, text, list(entry["sha256"])))
            report.updated.append(event.id)
    return plan


def _unreadable(event: Event, text: str, root: Path, report: SyncReport,
                read_back: ReadBack) -> bool:
    """True when the generator's own output would not read back as valid: never write it."""
    errors, whole = read_back(event, text)
    if errors or not whole:
        report.problems.extend(errors or [Problem(root / f"{event.id}.md",
                                                  "generated event does not read back")])
        return True
    return False
