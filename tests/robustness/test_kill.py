"""Crash safety: `timeline extract` killed with SIGKILL at random moments, in a loop.

After every kill each event file must be complete (the old text or the new one, never a
part), and the next uninterrupted run must recover: the store it leaves is exactly the
store that one uninterrupted run leaves from the same starting store, and the file a
person edited is untouched throughout.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.store.folder import load_store

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_articles  # noqa: E402

KILLS = int(os.environ.get("TIMELINE_KILLS", "6"))


def extract(news: Path, events: Path, wait: bool = True) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "extract", "--quiet", "--events", str(events),
         str(news)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    if wait:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    return process


def snapshot(events: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(events.glob("*.md"))}


def wait_for_writing(events: Path, process: subprocess.Popen, timeout: float) -> bool:
    """Poll until the run starts writing event files (its journal appears)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if (events / ".timeline-ledger.journal").exists():
            return True
        time.sleep(0.002)
    return False


@pytest.mark.slow
def test_sigkill_at_random_moments_never_leaves_a_partial_file(tmp_path):
    news = tmp_path / "news"
    write_articles(news, 60, seed=11, jsonl=False)
    write_articles(tmp_path / "older", 20, seed=11, jsonl=False)
    start_state = tmp_path / "start"
    extract(tmp_path / "older", start_state)
    edited_name = sorted(start_state.glob("*.md"))[3].name
    edited = start_state / edited_name
    edited.write_text(edited.read_text("utf-8").replace("title:", "title: EDITED", 1), "utf-8")
    edited_bytes = edited.read_bytes()
    clean = tmp_path / "clean"
    shutil.copytree(start_state, clean)
    began = time.monotonic()
    extract(news, clean)
    duration = time.monotonic() - began
    expected = snapshot(clean)
    rng = random.Random(7)
    during_writes = 0
    for attempt in range(KILLS):
        events = tmp_path / f"events-{attempt}"
        shutil.copytree(start_state, events)
        process = extract(news, events, wait=False)
        if attempt % 2 == 0 and wait_for_writing(events, process, 3 * duration):
            time.sleep(rng.uniform(0, 0.05))  # somewhere in the middle of the writes
            during_writes += 1
        else:
            time.sleep(rng.uniform(0.2, 1.0) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        store = load_store(events)
        assert not store.errors, [p.format() for p in store.errors]
        assert (events / edited_name).read_bytes() == edited_bytes
        extract(news, events)
        assert (events / edited_name).read_bytes() == edited_bytes
        assert snapshot(events) == expected
        assert not list(events.glob(".tl-*.tmp"))
    assert during_writes >= KILLS // 4, "the kills never hit the writing phase"
