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
from typing import Iterable


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class PageCache:
    """Mirror of the generated files on disk, rewritten file by file only on change."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._written: dict[str, bytes] = {}   # path -> digest of the text on disk
        self._texts: dict[str, str] = {}       # path -> the text last passed to `write`

    def sync(self, files: dict[str, str]) -> tuple[dict[str, str], int]:
        """Write what changed, delete what is gone; returns ({path: file on disk}, writes)."""
        written = self.write(files)
        self.prune(files)
        return self.paths(files), len(written)

    def write(self, files: dict[str, str]) -> list[str]:
        """Write those of `files` whose text differs from what is on disk; returns their
        paths. Other files are left alone (a serve rebuild passes what it rendered)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if not self._written:
            self._written = self._scan()
        written = []
        for path, text in files.items():
            if self._texts.get(path) is text:
                continue  # the very text written last time (a page not rendered again)
            digest = _digest(text)
            if self._written.get(path) != digest:
                self._write(path, text)
                self._written[path] = digest
                written.append(path)
            self._texts[path] = text
        return written

    def prune(self, present: Iterable[str]) -> None:
        """Delete the files that are not in `present` any more."""
        for path in set(self._written).difference(present):
            (self.folder / path).unlink(missing_ok=True)
            del self._written[path]
            self._texts.pop(path, None)

    def paths(self, files: Iterable[str]) -> dict[str, str]:
        """{path: its file in the cache}."""
        return {path: str(self.folder / path) for path in files}

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
        self._written, self._texts = {}, {}
