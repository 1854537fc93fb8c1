"""File-system primitives that keep a person's files safe: atomic writes and a store lock."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

from .errors import LockError, StoreError

TEMP_PREFIX = ".tl-"
TEMP_SUFFIX = ".tmp"
LOCK_NAME = ".timeline.lock"


def atomic_write(path: Path, text: str | bytes, sync_folder: bool = True) -> None:
    """Write `text` (or bytes) to `path` so that readers see the old file or the new one,
    never a part.

    The text goes to a temporary file in the same folder, is flushed to disk, and then
    renamed over the target (a rename within one file system is atomic); the folder is
    synced so the rename itself survives a crash. A caller writing many files of one
    folder passes `sync_folder=False` and calls `sync_folder` once at the end.
    """
    path = Path(path)
    tmp = write_temp(path, text)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_folder:
        sync_folder_of(path.parent)


def write_temp(path: Path, text: str | bytes, sync: bool = True) -> str:
    """A new temporary file beside `path` holding `text`, with the permissions `path` will
    have; its name is returned for the caller to rename over `path`.

    With `sync=False` the caller flushes it to disk (`os.fsync`) before the rename: many
    files are then flushed together instead of one after the other.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        os.chmod(tmp, _mode_for(path))
        handle = os.fdopen(fd, "wb") if isinstance(text, bytes) else \
            os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with handle:
            handle.write(text)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or the usual ones for a new file (0666 less the
    umask), instead of the private 0600 of a temporary file: exports are served by web
    servers running as another user."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def sync_folder_of(folder: Path) -> None:
    """Flush a folder's entries (new names, renames) to disk."""
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete temporary files an interrupted write left behind; they never hold user data."""
    removed = []
    if folder.is_dir():
        for tmp in folder.rglob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed


@contextlib.contextmanager
def store_lock(folder: Path) -> Iterator[None]:
    """Hold the store's write lock; a second writer gets a `LockError` at once.

    An OS lock (flock) on a file in the store: it is released when the process ends,
    however it ends, so a crash never leaves a stale lock behind.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / LOCK_NAME, "a+", encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"cannot write to {folder}: {exc.strerror}") from exc
    try:
        _acquire(handle, folder)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()


def _acquire(handle, folder: Path) -> None:  # noqa: ANN001
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: msvcrt locks the first byte instead
        import msvcrt
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            raise _busy(folder, "") from exc
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        handle.seek(0)
        raise _busy(folder, handle.read().strip()) from exc


def _busy(folder: Path, pid: str) -> LockError:
    who = f" (process {pid})" if pid else ""
    return LockError(f"another timeline command{who} is writing to {folder}; wait for it to "
                     "finish and run this command again")
