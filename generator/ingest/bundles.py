"""Bundles of many articles, one a row: JSON Lines and CSV, as news APIs and scrapers export.

Rows are read one at a time, so a bundle of any size streams; a broken row is reported
with its line number and the rest of the bundle is still read.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Iterator

from ..core.diagnostics import Problem
from . import metadata
from .base import MAX_ARTICLE_BYTES, ReadResult, build_article

# A CSV field may hold a whole article; the csv module's default limit is 128 KB.
csv.field_size_limit(MAX_ARTICLE_BYTES)


def _add_row(result: ReadResult, record: Any, path: Path, line: int, seen: set[str]) -> None:
    if not isinstance(record, dict):
        result.problems.append(Problem(path, "row is not an object with fields (id, title, "
                                             "published, url, text); skipped", line))
        return
    text = metadata.pick(record, "text")
    if not isinstance(text, str):
        result.problems.append(Problem(path, "row has no `text` field with the article body; "
                                             "skipped", line))
        return
    if len(text) > MAX_ARTICLE_BYTES:
        result.problems.append(Problem(path, "row text is over 10 MB; skipped", line))
        return
    article, problems = build_article(record, text, path, f"{path.stem}-{line}", line)
    result.problems.extend(problems)
    if article is None:
        return
    if article.id in seen:
        result.problems.append(Problem(path, f"article id '{article.id}' appears twice in this "
                                             "bundle; the later row is skipped", line))
        return
    seen.add(article.id)
    result.articles.append(article)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield number, "\0undecodable"


def read_jsonl(path: Path) -> ReadResult:
    result = ReadResult()
    seen: set[str] = set()
    try:
        for line, text in _lines(path):
            if not text.strip():
                continue
            if text.startswith("\0"):
                result.problems.append(Problem(path, "row is not UTF-8 text; skipped", line))
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                result.problems.append(Problem(path, f"row is not valid JSON ({exc.msg} at "
                                                     f"column {exc.colno}); skipped", line))
                continue
            _add_row(result, record, path, line, seen)
    except OSError as exc:
        result.problems.append(Problem(path, f"cannot read the file: {exc.strerror or exc}"))
    return result


def read_csv(path: Path) -> ReadResult:
    result = ReadResult()
    seen: set[str] = set()
    try:
        with open(path, encoding="utf-8-sig", errors="strict", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or metadata.pick(dict.fromkeys(reader.fieldnames, "x"),
                                                      "text") is None:
                result.problems.append(Problem(path, "CSV needs a header row with a `text` "
                                                     "column (and id, title, published, url)", 1))
                return result
            while True:
                line = reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except (csv.Error, UnicodeDecodeError) as exc:
                    result.problems.append(Problem(path, f"unreadable row ({exc}); the rest of "
                                                         "the file is skipped", line))
                    break
                if None in row:
                    result.problems.append(Problem(path, "row has more fields than the header; "
                                                         "skipped", line))
                    continue
                _add_row(result, row, path, line, seen)
    except (OSError, UnicodeDecodeError) as exc:
        result.problems.append(Problem(path, f"cannot read the file as UTF-8 CSV ({exc})"))
    return result
