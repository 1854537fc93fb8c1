"""Readers turn input files into `Article`s; the registry picks one by file suffix.

    read_paths([...]) -> (articles, problems)

Folders are read recursively in sorted order; hidden files, sidecar metadata files and
files no reader claims are skipped. One unreadable file never stops the others.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from ..core.diagnostics import WARNING, Problem
from ..core.model import Article
from .base import ReadResult
from .bundles import read_csv, read_jsonl
from .html import read_html_article
from .text import is_sidecar, read_text_article

Reader = Callable[[Path], ReadResult]

READERS: dict[str, Reader] = {
    ".txt": read_text_article,
    ".md": read_text_article,
    ".markdown": read_text_article,
    ".html": read_html_article,
    ".htm": read_html_article,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
}


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def article_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The input files under `paths`, sorted, with problems for paths that cannot be used."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in map(Path, paths):
        if path.is_dir():
            for current, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    candidate = Path(current) / name
                    if name.startswith(".") or is_sidecar(candidate):
                        continue
                    if reader_for(candidate) is None:
                        problems.append(Problem(candidate, "not an article format this tool "
                                                "reads (.txt, .md, .html, .jsonl, .csv); ignored",
                                                severity=WARNING))
                    else:
                        files.append(candidate)
        elif path.is_file():
            if reader_for(path) is None:
                problems.append(Problem(path, "not an article format this tool reads (.txt, .md, "
                                              ".html, .jsonl, .csv)"))
            else:
                files.append(path)
        else:
            problems.append(Problem(path, "no such file or folder"))
    return files, problems


def read_file(path: Path) -> ReadResult:
    """The articles of one file; an unexpected failure becomes a problem, not a crash."""
    try:
        return reader_for(path)(path)
    except Exception as exc:  # noqa: BLE001 - one odd file must never stop the run
        return ReadResult(problems=[Problem(path, f"could not be read ({type(exc).__name__}: "
                                                  f"{exc}); please report this with the file")])


def read_paths(paths: Iterable[Path]) -> tuple[list[Article], list[Problem]]:
    """Every article under `paths`; duplicate article ids keep the first file's article."""
    files, problems = article_files(paths)
    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for path in files:
        result = read_file(path)
        problems.extend(result.problems)
        for article in result.articles:
            if article.id in seen:
                problems.append(Problem(path, f"article id '{article.id}' is already used by "
                                              f"{seen[article.id]}; this one is skipped (rename "
                                              "the file or give it an `id:`)", article.row))
                continue
            seen[article.id] = path
            articles.append(article)
    return articles, problems
