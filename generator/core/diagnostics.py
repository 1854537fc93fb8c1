"""Problems found in files, reported the way editors and CI logs can jump to them.

Every check in the project reports a `Problem` instead of raising, so that one run shows
all the problems of all the files, and the caller decides what is fatal.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding: where it is, how bad it is, and what to do about it."""

    path: Path
    message: str
    line: Optional[int] = None
    severity: str = ERROR
    field: Optional[str] = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self, relative_to: Optional[Path] = None) -> str:
        """`file:line: severity: field: message`, the form compilers and editors use."""
        where = display_path(self.path, relative_to)
        if self.line is not None:
            where += f":{self.line}"
        field = f"'{self.field}': " if self.field else ""
        return f"{where}: {self.severity}: {field}{self.message}"


def display_path(path: Path, relative_to: Optional[Path] = None) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    base = relative_to or Path.cwd()
    try:
        return os.path.relpath(path, base) if Path(path).is_absolute() and _inside(path, base) \
            else str(path)
    except ValueError:  # other drive on Windows
        return str(path)


def _inside(path: Path, base: Path) -> bool:
    try:
        Path(path).resolve().relative_to(Path(base).resolve())
    except ValueError:
        return False
    return True


def count(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings) in `problems`."""
    errors = warnings = 0
    for problem in problems:
        if problem.is_error:
            errors += 1
        else:
            warnings += 1
    return errors, warnings
