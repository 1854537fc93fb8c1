"""The event store: every event file of a folder, read, checked and ordered.

The store is the source of truth for the site. Reading it never fails as a whole because
of one file: each bad file is skipped with its problems, and the rest loads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..core.diagnostics import WARNING, Problem
from ..core.model import Event, sort_events
from .codec import EVENT_SUFFIXES, MAX_FILE_BYTES, decode, loads


@dataclass
class Store:
    """The events of a folder in timeline order, and every problem met reading them."""

    root: Path
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    def by_id(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


FileCache = dict  # path -> ((mtime, size, inode), events, problems)


def load_store(root: Path, paths: Optional[Iterable[Path]] = None,
               max_bytes: int = MAX_FILE_BYTES, cache: Optional[FileCache] = None) -> Store:
    """Read the event files under `root` (or just `paths`, files or folders inside it).

    Duplicate ids are errors on the later file (in sorted path order), which is skipped
    for that event; the first one stays, so adding a file never hides an existing event.
    With a `cache` (kept by the caller between loads, as `mkdocs serve` does), files whose
    modification time, size and inode are unchanged are not read again.
    """
    root = Path(root)
    store = Store(root)
    if not root.exists() and paths is None:
        return store
    first_seen: dict[str, Event] = {}
    for path, problem in discover(root, paths):
        if problem:
            store.problems.append(problem)
            continue
        store.files += 1
        events, problems = _read_cached(path, max_bytes, cache)
        for event in events:
            earlier = first_seen.get(event.id)
            if earlier is not None:
                problems.append(Problem(
                    path, f"id '{event.id}' is already used by {_where(earlier, path, root)}; "
                          "ids must be unique, so give one of them another id",
                    event.line, field="id"))
                continue
            first_seen[event.id] = event
            store.events.append(event)
        store.problems.extend(sorted(problems, key=lambda p: p.line or 0))
    store.events = sort_events(store.events)
    return store


def _where(event: Event, path: Path, root: Path) -> str:
    """Where an earlier record is, said briefly: 'line 3' in the same file, else its path."""
    if event.path == path:
        return f"line {event.line or 1} of this file"
    try:
        name = event.path.relative_to(root).as_posix()
    except ValueError:
        name = str(event.path)
    return f"{name}:{event.line or 1}"


def discover(root: Path, paths: Optional[Iterable[Path]] = None
             ) -> Iterator[tuple[Path, Optional[Problem]]]:
    """Event files under `root` in sorted order, each with a problem if it must be skipped.

    Hidden files and folders (the generator's own bookkeeping) are not events. Links
    that lead out of the store are refused: the store must not read (and the site must
    not publish) files from elsewhere on the machine.
    """
    root = Path(root)
    targets = [Path(p) for p in paths] if paths is not None else [root]
    for target in targets:
        if not target.exists() and not target.is_symlink():
            yield target, Problem(target, "no such file or folder")
        elif target.is_dir() and not target.is_symlink():
            yield from _walk(target, root)
        else:
            yield target, _file_problem(target, root, explicit=paths is not None)


def _walk(folder: Path, root: Path) -> Iterator[tuple[Path, Optional[Problem]]]:
    for current, dirs, files in os.walk(folder):
        base = Path(current)
        for name in sorted(dirs):
            if (base / name).is_symlink():
                yield base / name, Problem(base / name, "linked folders are not followed; "
                                                        "move the files into the store",
                                           severity=WARNING)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (base / d).is_symlink())
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = base / name
            if path.suffix.lower() not in EVENT_SUFFIXES:
                yield path, Problem(path, "not an event file (.md, .yaml or .yml); ignored",
                                    severity=WARNING)
                continue
            yield path, _file_problem(path, root, explicit=False)


def _file_problem(path: Path, root: Path, explicit: bool) -> Optional[Problem]:
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return Problem(path, "broken link: it points to a file that does not exist")
        if not _within(target, root.resolve()):
            return Problem(path, f"link points outside the events folder ({target}); copy the "
                                 "file into the folder instead of linking to it")
        if not target.is_file():
            return Problem(path, "link does not point to a file")
    elif not path.is_file():
        return Problem(path, "not a regular file")
    if explicit and path.suffix.lower() not in EVENT_SUFFIXES:
        return Problem(path, "not an event file: event records end in .md, .yaml or .yml")
    return None


def _within(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _read_cached(path: Path, max_bytes: int, cache: Optional[FileCache]
                 ) -> tuple[list[Event], list[Problem]]:
    if cache is None:
        return read_event_file(path, max_bytes)
    try:
        info = path.stat()
        signature = (info.st_mtime_ns, info.st_size, info.st_ino, max_bytes)
    except OSError:
        return read_event_file(path, max_bytes)
    found = cache.get(path)
    if found is not None and found[0] == signature:
        return list(found[1]), list(found[2])
    events, problems = read_event_file(path, max_bytes)
    cache[path] = (signature, events, problems)
    return list(events), list(problems)


def read_event_file(path: Path, max_bytes: int = MAX_FILE_BYTES
                    ) -> tuple[list[Event], list[Problem]]:
    """The events of one file and its problems; never raises for a bad file."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [], [Problem(path, f"file is {size:,} bytes; event files are limited to "
                                      f"{max_bytes:,} bytes, so this is probably not an event "
                                      "record (split it or move it out of the folder)")]
        data = path.read_bytes()
    except OSError as exc:
        return [], [Problem(path, f"cannot read the file: {exc.strerror or exc}")]
    text, problems = decode(data, path)
    if text is None:
        return [], problems
    try:
        return loads(text, path)
    except Exception as exc:  # noqa: BLE001 - one odd file must never stop the whole store
        return [], [Problem(path, f"could not be read ({type(exc).__name__}: {exc}); this is "
                                  "a bug in Timeline Generator, please report it with the file")]
