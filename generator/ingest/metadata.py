"""Article metadata from any source (front matter, sidecar file, bundle row, HTML page).

News exports name the same things in many ways (`published`, `date`, `pubDate` ...);
this module maps them onto the `Article` fields and parses publication dates in the
forms feeds and scrapers write, so each reader stays small.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import re
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from ..core.dates import DateError, DateValue, parse_date
from ..core.diagnostics import Problem
from ..store.codec import parse_yaml
from ..store.schema import id_problem

# Article field -> accepted keys, most usual first (compared case-insensitively).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "uuid", "guid", "slug"),
    "title": ("title", "headline", "name"),
    "published": ("published", "date", "pubdate", "published_at", "publication_date",
                  "publishedat", "datepublished", "pub_date", "created_at", "time"),
    "publisher": ("publisher", "source", "site_name", "sitename", "outlet", "source_name",
                  "publication"),
    "url": ("url", "link", "source_url", "canonical_url", "href"),
    "author": ("author", "authors", "byline", "creator"),
    "language": ("language", "lang"),
    "text": ("text", "body", "content", "article", "full_text", "maintext"),
}
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y",
                 "%B %d %Y", "%b. %d, %Y")


def pick(record: dict[str, Any], field: str) -> Any:
    """The value of `field` in `record` under any of its usual names, or None."""
    lowered = {str(k).lower().replace("-", "_"): v for k, v in record.items()}
    for key in ALIASES[field]:
        value = lowered.get(key)
        if value not in (None, "", []):
            return value
    return None


def parse_published(value: Any) -> DateValue:
    """A publication date (day precision) from what metadata usually holds.

    Raises:
        DateError: the value is not a date this module knows how to read.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return parse_date(value)
    text = str(value).strip()
    match = re.match(r"(-?\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", text)
    if match:
        return parse_date(match.group(1))
    parsed = _parse_words(text)
    if parsed is None:
        raise DateError(f"'{text[:60]}' is not a publication date this tool reads; write it "
                        "as YYYY-MM-DD")
    return parse_date(parsed)


def _parse_words(text: str) -> Optional[dt.date]:
    try:
        stamp = email.utils.parsedate_to_datetime(text)  # RSS: "Mon, 22 Jul 2019 10:00 GMT"
        if stamp is not None:
            return stamp.date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def clean_text(value: Any) -> Optional[str]:
    """One line of metadata text, or None when empty."""
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    text = " ".join(str(value).split())
    return text or None


def clean_url(value: Any) -> Optional[str]:
    """An http(s) URL or None: other schemes never reach the site."""
    text = clean_text(value)
    if text and urlsplit(text).scheme.lower() in ("http", "https") and urlsplit(text).netloc:
        return text
    return None


def article_id(raw: Any) -> str:
    """A valid article id from a file stem or bundle id: lowercase, URL-safe."""
    text = str(raw).strip()
    if not id_problem(text):
        return text
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:100].strip("-")
    if not slug or id_problem(slug):  # empty, or a device name such as "con"
        slug = f"article-{slug}".strip("-")
    return slug


def parse_metadata(text: str, path: Path, first_line: int = 1) -> tuple[dict, list[Problem]]:
    """Key: value metadata (front matter or a sidecar file), read as safely as event files:
    no tags that run code, no alias bombs, impossible dates kept as text."""
    data, _, problems = parse_yaml(text, path, first_line)
    if problems:
        return {}, [dataclasses.replace(p, message="metadata is not valid YAML: "
                                        + p.message.removeprefix("invalid YAML: "))
                    for p in problems]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem(path, "metadata must be key: value pairs (title:, published: ...)",
                            first_line)]
    return data, []
