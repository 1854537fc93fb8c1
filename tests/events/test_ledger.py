"""Hand edits are sacred: generated files are rewritten only while nobody has touched them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

import generator.store.ledger as ledger_module
from generator.core.dates import parse_date
from generator.core.errors import LockError, StoreError
from generator.store.codec import dumps
from generator.store.ledger import LEDGER_NAME, Ledger
from generator.store.writer import sync_generated
from generator.store.folder import load_store
from generator.core.fsutil import store_lock
from generator.core.model import Event

from ..conftest import event_text


def generated(event_id: str, version: int = 1, date: str = "2019-07-21") -> Event:
    return Event(id=event_id, date=parse_date(date), title=f"Event {event_id} version {version}",
                 tags=["test"], confidence=0.5)


def test_first_run_creates_second_run_changes_nothing(events_dir):
    report = sync_generated(events_dir, [generated("a"), generated("b")])
    assert report.created == ["a", "b"]
    before = {p.name: p.read_bytes() for p in events_dir.iterdir()}
    again = sync_generated(events_dir, [generated("a"), generated("b")])
    assert again.unchanged == ["a", "b"] and not again.created and not again.updated
    assert {p.name: p.read_bytes() for p in events_dir.iterdir()} == before


def test_untouched_generated_file_follows_new_extraction(events_dir):
    sync_generated(events_dir, [generated("a", 1)])
    report = sync_generated(events_dir, [generated("a", 2)])
    assert report.updated == ["a"]
    assert "version 2" in (events_dir / "a.md").read_text()


def test_hand_edited_file_is_never_overwritten(events_dir):
    sync_generated(events_dir, [generated("a", 1)])
    path = events_dir / "a.md"
    path.write_text(path.read_text().replace("version 1", "fixed by a person"))
    edited = path.read_bytes()
    report = sync_generated(events_dir, [generated("a", 2)])
    assert report.kept_edited == ["a"]
    assert path.read_bytes() == edited


def test_deleted_event_is_not_recreated(events_dir):
    sync_generated(events_dir, [generated("a"), generated("b")])
    (events_dir / "a.md").unlink()
    report = sync_generated(events_dir, [generated("a", 2), generated("b")])
    assert report.newly_rejected == ["a"]
    assert not (events_dir / "a.md").exists()
    again = sync_generated(events_dir, [generated("a", 3)])
    assert again.skipped_rejected == ["a"]
    ledger = json.loads((events_dir / LEDGER_NAME).read_text())
    assert ledger["rejected"] == {"a": "Event a version 1"}


def test_rejected_id_can_be_allowed_back_by_editing_the_ledger(events_dir):
    sync_generated(events_dir, [generated("a")])
    (events_dir / "a.md").unlink()
    sync_generated(events_dir, [])
    data = json.loads((events_dir / LEDGER_NAME).read_text())
    data["rejected"] = {}
    (events_dir / LEDGER_NAME).write_text(json.dumps(data))
    assert sync_generated(events_dir, [generated("a")]).created == ["a"]


def test_hand_written_events_are_never_touched(write, events_dir):
    path = write("a.md", event_text("a", title="Written by a person"))
    listed = write("list.yaml", "- id: b\n  date: 2019\n  title: Also by hand\n")
    report = sync_generated(events_dir, [generated("a"), generated("b")])
    assert report.kept_hand_written == ["a", "b"]
    assert "Written by a person" in path.read_text()
    assert not (events_dir / "b.md").exists()
    assert "Also by hand" in listed.read_text()


def test_generator_never_writes_a_record_it_cannot_read_back(events_dir):
    bad = Event(id="../escape", date=parse_date("2019"), title="x")
    report = sync_generated(events_dir, [bad, generated("ok")])
    assert report.created == ["ok"]
    assert report.problems and "not a valid id" in report.problems[0].message
    assert not (events_dir.parent / "escape.md").exists()


def test_damaged_ledger_stops_the_run_with_advice(events_dir):
    sync_generated(events_dir, [generated("a")])
    (events_dir / LEDGER_NAME).write_text("{not json")
    with pytest.raises(StoreError, match="restore it from git"):
        sync_generated(events_dir, [generated("a", 2)])


def test_second_writer_gets_a_clear_lock_error(events_dir):
    with store_lock(events_dir):
        with pytest.raises(LockError, match="is writing to"):
            sync_generated(events_dir, [generated("a")])
    assert sync_generated(events_dir, [generated("a")]).created == ["a"]


def test_lock_held_by_another_process(events_dir):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from generator.core.fsutil import store_lock
            with store_lock({str(events_dir)!r}):
                print("locked", flush=True)
                sys.stdin.readline()
            """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockError, match=f"process {holder.pid}"):
            sync_generated(events_dir, [generated("a")])
    finally:
        holder.communicate("\n", timeout=10)
    assert sync_generated(events_dir, [generated("a")]).created == ["a"]


# --------------------------------------------------------------------------- crash safety


class Crash(Exception):
    pass


def failing_after(writes: int, *reals):
    """Stand-ins for `reals` (the ledger's atomic writes, and the landing of each event
    file) that fail, counting their calls together, after `writes` successful ones: a
    killed run."""
    count = {"n": 0}

    def flaky(real):
        def call(*args, **options):
            if count["n"] >= writes:
                raise Crash()
            count["n"] += 1
            return real(*args, **options)
        return call
    return [flaky(real) for real in reals]


def crash_after(monkeypatch, writes: int) -> None:
    """Make the ledger's writes fail after `writes` successful ones."""
    save, land = failing_after(writes, ledger_module.atomic_write, ledger_module._land)
    monkeypatch.setattr(ledger_module, "atomic_write", save)
    monkeypatch.setattr(ledger_module, "_land", land)


@pytest.mark.parametrize("writes", [0, 1, 2, 3])
def test_run_killed_mid_write_is_recovered_by_the_next_run(events_dir, monkeypatch, writes):
    sync_generated(events_dir, [generated("a", 1)])
    crash_after(monkeypatch, writes)
    with pytest.raises(Crash):
        sync_generated(events_dir, [generated("a", 2), generated("b", 2), generated("c", 2)])
    monkeypatch.undo()
    report = sync_generated(events_dir, [generated("a", 2), generated("b", 2), generated("c", 2)])
    assert not report.kept_edited and not report.newly_rejected and not report.kept_hand_written
    store = load_store(events_dir)
    assert not store.problems
    assert {e.id: e.title for e in store.events} == {
        i: f"Event {i} version 2" for i in ("a", "b", "c")}


def test_a_write_that_fails_mid_batch_leaves_no_temporary_file(events_dir, monkeypatch):
    crash_after(monkeypatch, 2)  # the ledger's pending save, then file a lands, then b fails
    with pytest.raises(Crash):
        sync_generated(events_dir, [generated("a", 2), generated("b", 2), generated("c", 2)])
    assert not list(events_dir.glob(".tl-*"))
    assert "version 2" in (events_dir / "a.md").read_text(encoding="utf-8")
    assert not (events_dir / "b.md").exists()


def test_every_file_is_flushed_to_disk_before_it_is_renamed(events_dir, monkeypatch):
    flushed: set[str] = set()
    fsync, land = ledger_module._fsync, ledger_module._land

    def record(name):
        fsync(name)
        flushed.add(name)

    def checked(tmp, *args):
        assert tmp in flushed
        land(tmp, *args)
    monkeypatch.setattr(ledger_module, "_fsync", record)
    monkeypatch.setattr(ledger_module, "_land", checked)
    monkeypatch.setattr(ledger_module, "WRITE_BATCH", 2)
    sync_generated(events_dir, [generated(i, 1) for i in "abcde"])
    assert len(flushed) == 5 and len(list(events_dir.glob("*.md"))) == 5


# --------------------------------------------------------------------------- properties

IDS = ["e0", "e1", "e2", "e3", "e4"]


class EditSessions(RuleBasedStateMachine):
    """Random sequences of extract / edit / delete / hand-write / re-extract / crash.

    The model remembers what people did; after every step the files must agree: human
    files byte for byte, deleted events absent, untouched ones equal to the last run.
    """

    @initialize()
    def setup(self):
        self.root = Path(tempfile.mkdtemp()) / "events"
        self.human: dict[str, bytes] = {}      # id -> exact bytes a person left
        self.deleted: set[str] = set()
        self.latest: dict[str, str] = {}       # id -> text of the last extraction

    def teardown(self):
        shutil.rmtree(self.root.parent, ignore_errors=True)

    def _path(self, event_id: str) -> Path:
        return self.root / f"{event_id}.md"

    @rule(ids=st.lists(st.sampled_from(IDS), unique=True), version=st.integers(1, 3))
    def extract(self, ids, version):
        events = [generated(i, version) for i in ids]
        sync_generated(self.root, events)
        for event in events:
            if event.id not in self.human and event.id not in self.deleted:
                self.latest[event.id] = dumps(event)

    @rule(ids=st.lists(st.sampled_from(IDS), unique=True, min_size=1), version=st.integers(4, 5),
          writes=st.integers(0, 2))
    def crashed_extract(self, ids, version, writes):
        reals = ledger_module.atomic_write, ledger_module._land
        ledger_module.atomic_write, ledger_module._land = failing_after(writes, *reals)
        try:
            sync_generated(self.root, [generated(i, version) for i in ids])
        except Crash:
            pass
        finally:
            ledger_module.atomic_write, ledger_module._land = reals
        for event_id in ids:  # a crashed run may or may not have reached each file
            path = self._path(event_id)
            if event_id not in self.human and event_id not in self.deleted and path.exists():
                self.latest[event_id] = path.read_text(encoding="utf-8")

    def _generated_ids(self):
        return [i for i in IDS if self._path(i).exists() and i not in self.human]

    @precondition(lambda self: self._generated_ids())
    @rule(data=st.data())
    def edit(self, data):
        event_id = data.draw(st.sampled_from(self._generated_ids()))
        path = self._path(event_id)
        path.write_text(path.read_text(encoding="utf-8") + "\nA person's note.\n",
                        encoding="utf-8")
        self.human[event_id] = path.read_bytes()
        self.latest.pop(event_id, None)

    @precondition(lambda self: self._generated_ids())
    @rule(data=st.data())
    def delete(self, data):
        event_id = data.draw(st.sampled_from(self._generated_ids()))
        self._path(event_id).unlink()
        self.deleted.add(event_id)
        self.latest.pop(event_id, None)

    @rule(event_id=st.sampled_from(IDS))
    def hand_write(self, event_id):
        path = self._path(event_id)
        if path.exists():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        path.write_text(event_text(event_id, title="Written by hand"), encoding="utf-8")
        self.human[event_id] = path.read_bytes()
        self.latest.pop(event_id, None)

    @invariant()
    def human_work_is_intact(self):
        if not hasattr(self, "root"):
            return
        for event_id, data in self.human.items():
            assert self._path(event_id).read_bytes() == data
        for event_id in self.deleted - set(self.human):
            assert not self._path(event_id).exists()
        for event_id, text in self.latest.items():
            assert self._path(event_id).read_text(encoding="utf-8") == text
        if self.root.exists():
            assert not load_store(self.root).errors
            Ledger.load(self.root)


EditSessions.TestCase.settings = settings(max_examples=int(os.environ.get("EDIT_SESSIONS", 60)), stateful_step_count=25,
                                          deadline=None)
test_edit_sessions = EditSessions.TestCase
