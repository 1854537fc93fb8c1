"""When each event file was added to the store and when it last changed.

The feed of changes and the calendar's timestamps need these times, and they must come
from the data, never from the clock, so that the same store gives the same exports.

The store lives in git, so git's history is the record: one `git log` over the events
folder gives, for every file, the commit that added it (the oldest that touched it)
and the one that last changed it (the newest), as commit times. A file that is
uncommitted (new, edited or staged since its last commit) has changed after its
history ends: its modification time says when. Without git, or outside a work tree,
every file's modification time serves for both (a fresh copy of the folder then
looks all new: commit the store to keep its history).
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterable, Optional

from .base import FileTimes

GIT_TIMEOUT = 120  # seconds; one pass over the whole history of the folder


def file_times(root: Path, paths: Iterable[Path]) -> dict[Path, FileTimes]:
    """Resolved path -> when it was added and last changed, for event files under `root`."""
    root = Path(root).resolve()
    history = git_history(root)
    dirty = git_dirty(root) if history is not None else set()
    times: dict[Path, FileTimes] = {}
    for path in paths:
        path = Path(path).resolve()
        try:
            relative = path.relative_to(root).as_posix()
        except ValueError:
            relative = None
        found = history.get(relative) if history is not None and relative else None
        if found is None or relative in dirty:
            modified = _mtime(path)
            found = FileTimes(found.added if found else modified, modified)
        times[path] = found
    return times


def git_history(root: Path) -> Optional[dict[str, FileTimes]]:
    """Path relative to `root` -> times from git, or None when git cannot tell."""
    output = _git(root, "log", "-z", "--format=%x1e%ct", "--name-only", "--no-renames",
                  "--relative", "--", ".")
    if output is None:
        return None
    history: dict[str, FileTimes] = {}
    for commit in output.split("\x1e"):  # newest commit first
        fields = commit.split("\0")
        if not fields[0].strip().isdigit():
            continue
        moment = _utc(int(fields[0]))
        for name in fields[1:]:
            name = name.strip("\n")
            if not name:
                continue
            known = history.get(name)
            history[name] = FileTimes(moment, known.changed if known else moment)
    return history


def git_dirty(root: Path) -> set[str]:
    """Files under `root` that differ from their last commit (or were never committed)."""
    prefix = _git(root, "rev-parse", "--show-prefix")
    status = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all",
                  "--no-renames", "--", ".")
    if prefix is None or status is None:
        return set()
    prefix = prefix.strip()
    dirty = set()
    for entry in status.split("\0"):
        name = entry[3:]
        if len(entry) > 3 and name.startswith(prefix):
            dirty.add(name[len(prefix):])
    return dirty


def _git(root: Path, *args: str) -> Optional[str]:
    """A git command's output in `root`, or None when git is missing or says no."""
    git = shutil.which("git")
    if git is None or not root.is_dir():
        return None
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run([git, "-C", str(root), "-c", "core.quotePath=false", *args],
                              capture_output=True, timeout=GIT_TIMEOUT, env=env, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="surrogateescape")


def _mtime(path: Path) -> _dt.datetime:
    try:
        return _utc(int(path.stat().st_mtime))
    except OSError:
        return _utc(0)


def _utc(seconds: int) -> _dt.datetime:
    return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc)
