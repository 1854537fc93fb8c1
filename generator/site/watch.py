"""Re-run a step whenever files under some folders change, by polling modification times.

Polling needs no dependency and behaves the same on every platform and file system
(network and container mounts included); one scan of a store of 10,000 event files
costs a few milliseconds, well below the pause between scans.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Iterable, Optional

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """{file: (mtime in ns, size)} of every file under `paths` (files or folders)."""
    found: Snapshot = {}
    for path in paths:
        if path.is_file():
            _add(found, path)
        elif path.is_dir():
            for folder, _, names in os.walk(path):
                for name in names:
                    _add(found, Path(folder) / name)
    return found


def _add(found: Snapshot, file: Path) -> None:
    try:
        info = file.stat()
    except OSError:  # deleted between listing and looking
        return
    found[str(file)] = (info.st_mtime_ns, info.st_size)


def watch(paths: list[Path], step: Callable[[], None], ready: Callable[[], None],
          interval: float = 0.5, rounds: Optional[int] = None) -> None:
    """Call `step` now, then `ready`, then `step` again after each change under `paths`,
    checking every `interval` seconds, until interrupted (or for `rounds` checks).

    The files are looked at before the first step, so an edit made while it runs, or
    right after `ready`, is never mistaken for the starting state.
    """
    seen = snapshot(paths)
    step()
    ready()
    while rounds is None or rounds > 0:
        time.sleep(interval)
        now = snapshot(paths)
        if now != seen:
            seen = now
            step()
        rounds = None if rounds is None else rounds - 1
