"""Plain-text and Markdown articles, with front matter or a sidecar metadata file.

A plain file that must stay byte-for-byte as published (such as the seed) keeps its
metadata beside it in `NAME.meta.yaml`; a file with YAML front matter carries its own.
When both exist, the front matter wins field by field.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import frontmatter

from ..core.diagnostics import Problem
from .base import ReadResult, build_article, decode_text, read_limited
from .metadata import parse_metadata

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
_FRONT_MATTER = frontmatter.YAMLHandler()


def sidecar_path(path: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def read_sidecar(path: Path, result: ReadResult) -> dict[str, Any]:
    """The metadata of `path`'s sidecar file (empty without one); problems go to `result`."""
    sidecar = sidecar_path(path)
    if sidecar is None:
        return {}
    data, problem = read_limited(sidecar, 1_000_000)
    if problem is None:
        text, problem = decode_text(data, sidecar)
    if problem is not None:
        result.problems.append(problem)
        return {}
    found, problems = parse_metadata(text, sidecar)
    result.problems.extend(problems)
    return found


def read_text_article(path: Path) -> ReadResult:
    """A .txt or .md article: front matter if present, sidecar metadata, title fallback."""
    result = ReadResult()
    data, problem = read_limited(path)
    if problem is None:
        text, problem = decode_text(data, path)
    if problem is not None:
        result.problems.append(problem)
        return result
    record = read_sidecar(path, result)
    body = text
    if _FRONT_MATTER.detect(text):
        try:
            fm, body = _FRONT_MATTER.split(text)
        except ValueError:
            result.problems.append(Problem(path, "front matter is not closed: add a line '---' "
                                                 "after the metadata", 1))
            return result
        found, problems = parse_metadata(fm, path, 1)
        record.update(found)
        result.problems.extend(problems)
        if problems:
            return result
    if "title" not in {str(k).lower() for k in record}:
        heading = _markdown_heading(body) if path.suffix.lower() != ".txt" else None
        if heading:
            record["title"] = heading
    article, problems = build_article(record, body, path, path.stem)
    result.problems.extend(problems)
    if article is not None:
        result.articles.append(article)
    return result


def _markdown_heading(body: str) -> str | None:
    """The first `# Heading` of a Markdown article, used as its title when none is given."""
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", body, re.M)
    return match.group(1) if match else None
