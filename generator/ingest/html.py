"""Saved web pages: the main text and metadata, pulled out by trafilatura (no network).

Pages carry navigation, ads and comments around the story; trafilatura finds the article
body and reads title, date, site name and canonical URL from the page's own metadata. A
sidecar `NAME.meta.yaml` overrides what the page says, for pages that say it wrongly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.diagnostics import Problem
from .base import ReadResult, build_article, decode_text, read_limited
from .text import read_sidecar


def read_html_article(path: Path) -> ReadResult:
    result = ReadResult()
    data, problem = read_limited(path)
    if problem is None:
        text, problem = _decode_html(data, path)
    if problem is not None:
        result.problems.append(problem)
        return result
    try:
        import trafilatura  # imported here: it is slow to load and only pages need it
        document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                               include_tables=False, favor_precision=True)
    except Exception as exc:  # noqa: BLE001 - a broken page must not stop the run
        result.problems.append(Problem(path, f"could not extract the article from this page "
                                             f"({type(exc).__name__}: {exc})"))
        return result
    if document is None or not (getattr(document, "text", None) or "").strip():
        result.problems.append(Problem(path, "no article text found in this page; save the "
                                             "article itself, or paste its text into a .txt file"))
        return result
    record: dict[str, Any] = {
        "title": document.title, "published": document.date, "publisher": document.sitename,
        "url": document.url, "author": document.author, "language": document.language}
    record.update(read_sidecar(path, result))
    body = "\n\n".join(line.strip() for line in document.text.splitlines() if line.strip())
    article, problems = build_article(record, body, path, path.stem)
    result.problems.extend(problems)
    if article is not None:
        result.articles.append(article)
    return result


def _decode_html(data: bytes, path: Path) -> tuple[str | None, Problem | None]:
    """Pages declare their own encoding; fall back to it when the bytes are not UTF-8."""
    text, problem = decode_text(data, path)
    if problem is None or b"\0" in data[:8192]:
        return text, problem
    head = data[:4096].decode("ascii", errors="ignore").lower()
    for marker in ("charset=", "encoding="):
        at = head.find(marker)
        if at >= 0:
            name = head[at + len(marker):].strip("\"' ").split('"')[0].split("'")[0]
            name = name.split(";")[0].split(">")[0].split()[0] if name else ""
            try:
                return data.decode(name), None
            except (LookupError, UnicodeDecodeError):
                break
    return None, problem
