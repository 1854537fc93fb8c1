"""What every reader shares: the result type, size limits, decoding, building an Article."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..core.dates import DateError
from ..core.diagnostics import WARNING, Problem
from ..core.model import Article
from . import metadata

MAX_ARTICLE_BYTES = 10_000_000


@dataclass
class ReadResult:
    """The articles of one input file and the problems met reading it."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def decode_text(data: bytes, path: Path, line_offset: int = 0
                ) -> tuple[Optional[str], Optional[Problem]]:
    """UTF-8 (or UTF-16 with a BOM) text, or a problem naming the bad byte's line."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\0" in data[:8192]:
        return None, Problem(path, "this is a binary file, not an article; move it out of the "
                                   "articles folder")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1 + line_offset
        return None, Problem(path, f"byte 0x{data[exc.start]:02x} is not UTF-8 text; convert "
                                   "the file to UTF-8 (for example `iconv -f latin1 -t utf-8`)",
                             line)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", ""), None


def read_limited(path: Path, limit: int = MAX_ARTICLE_BYTES
                 ) -> tuple[Optional[bytes], Optional[Problem]]:
    """The file's bytes, unless it is too big to be an article or cannot be read."""
    try:
        size = path.stat().st_size
        if size > limit:
            return None, Problem(path, f"file is {size / 1e6:.1f} MB; articles are limited to "
                                       f"{limit / 1e6:.0f} MB, so this is skipped (split a "
                                       "bundle into smaller files)")
        return path.read_bytes(), None
    except OSError as exc:
        return None, Problem(path, f"cannot read the file: {exc.strerror or exc}")


def build_article(record: dict[str, Any], text: str, path: Path, default_id: str,
                  line: Optional[int] = None) -> tuple[Optional[Article], list[Problem]]:
    """`line` is set for a row of a bundle; messages then say how to fix the row."""
    """An Article from metadata and body text, with warnings for what is missing or odd."""
    problems: list[Problem] = []
    text = text.strip("\n")
    if not text.strip():
        # An empty page is common in crawled archives and loses nothing: say so, go on.
        return None, [Problem(path, "no article text; nothing to extract", line, WARNING)]
    published = None
    raw_date = metadata.pick(record, "published")
    if raw_date is not None:
        try:
            published = metadata.parse_published(raw_date)
        except DateError as exc:
            problems.append(Problem(path, f"publication date: {exc}", line, WARNING))
    raw_url = metadata.pick(record, "url")
    url = metadata.clean_url(raw_url)
    if raw_url and not url:
        problems.append(Problem(path, f"url '{str(raw_url)[:60]}' is not an http(s) link; "
                                      "ignored", line, WARNING))
    raw_id = metadata.pick(record, "id")
    article = Article(
        id=metadata.article_id(raw_id if raw_id is not None else default_id), text=text,
        path=path, title=metadata.clean_text(metadata.pick(record, "title")),
        published=published, publisher=metadata.clean_text(metadata.pick(record, "publisher")),
        url=url, author=metadata.clean_text(metadata.pick(record, "author")),
        language=metadata.clean_text(metadata.pick(record, "language")) or "en", row=line)
    if published is None:
        fix = ("a `published` field (YYYY-MM-DD) to the row" if line is not None else
               f"`published: YYYY-MM-DD` to the front matter or to a sidecar file "
               f"{path.stem}.meta.yaml")
        problems.append(Problem(
            path, "no publication date: relative dates ('yesterday', 'last week') stay "
                  f"unresolved and are marked for review; add {fix}", line, WARNING))
    return article, problems
