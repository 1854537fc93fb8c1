"""Writing generated events without ever losing a person's work.

The ledger (`.timeline-ledger.json` in the store, committed with it) remembers each file
the generator wrote and the hash of what it wrote. That is enough to tell the four kinds
of file apart on the next run:

* generated and untouched (hash matches): the generator may rewrite it;
* generated, then edited by a person (hash differs): left alone for good;
* generated, then deleted by a person (file gone): its id is *rejected* and the event is
  never created again (remove the id from `rejected` to allow it back);
* not in the ledger: written by a person; never touched.

Writes are two-phase so that a crash at any moment leaves files the next run recognises:
the ledger first records the planned write as *pending* (accepting the old and the new
hash), then the files are replaced atomically, then the ledger is finalised.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..diagnostics import Problem
from ..errors import StoreError
from ..fsutil import atomic_write, remove_stale_temp_files, store_lock
from ..model import Event
from .codec import dumps, loads
from .store import load_store

LEDGER_NAME = ".timeline-ledger.json"
LEDGER_VERSION = 1


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
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(dict(data["generated"]), dict(data["rejected"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(
                f"{path}: the generator's record of the files it wrote is damaged ({exc}); "
                "restore it from git (`git checkout -- "
                f"{path.name}`) before running the generator again, so that hand edits "
                "stay recognised") from exc

    def save(self, root: Path) -> None:
        data = {"version": LEDGER_VERSION, "generated": self.generated,
                "rejected": self.rejected}
        atomic_write(Path(root) / LEDGER_NAME,
                     json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")

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


def sync_generated(root: Path, events: Iterable[Event]) -> SyncReport:
    """Write the generator's events into the store at `root`, respecting every person's edit.

    Raises:
        LockError: another timeline command is writing to the store.
        StoreError: the ledger is damaged.
    """
    root = Path(root)
    with store_lock(root):
        remove_stale_temp_files(root)
        ledger = Ledger.load(root)
        report = SyncReport()
        _notice_deletions(root, ledger, report)
        plan = _plan(root, ledger, events, report)
        if plan:
            for event_id, path, text, old in plan:
                entry = ledger.generated.setdefault(event_id, {})
                entry.update(path=path.relative_to(root).as_posix(), pending=True,
                             sha256=sorted({*old, text_hash(text.encode("utf-8"))}))
            ledger.save(root)
            for event_id, path, text, _ in plan:
                atomic_write(path, text)
                entry = ledger.generated[event_id]
                entry["sha256"] = [text_hash(text.encode("utf-8"))]
                del entry["pending"]
        if plan or report.newly_rejected:
            ledger.save(root)
        return report


def _notice_deletions(root: Path, ledger: Ledger, report: SyncReport) -> None:
    for event_id, entry in sorted(ledger.generated.items()):
        if (root / entry["path"]).exists():
            if entry.get("pending") and not ledger.is_ours(event_id, (root / entry["path"])
                                                          .read_bytes()):
                entry["sha256"] = []  # a pending write that never happened: a person's file
            entry.pop("pending", None)
            continue
        del ledger.generated[event_id]
        if entry.get("pending") and len(entry["sha256"]) == 1:
            continue  # the creation was interrupted before the file existed: not a deletion
        ledger.rejected[event_id] = entry.get("title", "")
        report.newly_rejected.append(event_id)


def _plan(root: Path, ledger: Ledger, events: Iterable[Event], report: SyncReport
          ) -> list[tuple[str, Path, str, list[str]]]:
    """(id, path, new text, accepted old hashes) of every file that must be written."""
    hand_ids = {e.id for e in load_store(root).events} - set(ledger.generated)
    plan = []
    seen: set[str] = set()
    for event in events:
        if event.id in seen:
            continue
        seen.add(event.id)
        text = dumps(event)
        if _unreadable(event, text, root, report):
            continue
        if event.id in ledger.rejected:
            report.skipped_rejected.append(event.id)
            continue
        entry = ledger.generated.get(event.id)
        if entry is None:
            path = root / f"{event.id}.md"
            if event.id in hand_ids or path.exists() or path.is_symlink():
                report.kept_hand_written.append(event.id)
                continue
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
        else:
            entry["title"] = event.title
            plan.append((event.id, path, text, list(entry["sha256"])))
            report.updated.append(event.id)
    return plan


def _unreadable(event: Event, text: str, root: Path, report: SyncReport) -> bool:
    """True when the generator's own output would not read back as valid: never write it."""
    path = root / f"{event.id}.md"
    events, problems = loads(text, path)
    errors = [p for p in problems if p.is_error]
    if errors or len(events) != 1:
        report.problems.extend(errors or [Problem(path, "generated event does not read back")])
        return True
    return False
