"""A folder of generated files whose modification times change only with their text.

mkdocs 1.6 treats an in-memory generated file as always modified, so `mkdocs serve
--dirty` would rebuild every generated page after any edit. Backed by real files that
are rewritten only when their text changes, an unchanged page keeps its old mtime and
the dirty build skips it: editing one event rebuilds the handful of pages that show it.

The folder lives outside the docs folder (mkdocs must never see it as hand-written
pages) and holds nothing but what the last build generated.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class PageCache:
    """Mirror of the generated files on disk, rewritten file by file only on change."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._written: dict[str, bytes] = {}   # path -> digest of the text on disk

    def sync(self, files: dict[str, str]) -> tuple[dict[str, str], int]:
        """Write what changed, delete what is gone; returns ({path: file on disk}, writes)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if not self._written:
            self._written = self._scan()
        writes = 0
        for path, text in files.items():
            digest = _digest(text)
            if self._written.get(path) != digest:
                self._write(path, text)
                self._written[path] = digest
                writes += 1
        for path in set(self._written) - set(files):
            (self.folder / path).unlink(missing_ok=True)
            del self._written[path]
        return {path: str(self.folder / path) for path in files}, writes

    def _write(self, path: str, text: str) -> None:
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_text(text, encoding="utf-8", newline="")
        os.replace(temporary, target)

    def _scan(self) -> dict[str, bytes]:
        """Digests of what an earlier run left, so a restarted server rewrites nothing."""
        found = {}
        for file in self.folder.rglob("*"):
            if file.is_file():
                path = file.relative_to(self.folder).as_posix()
                found[path] = _digest(file.read_text(encoding="utf-8", errors="replace"))
        return found

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self._written = {}
