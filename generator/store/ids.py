"""Stable, readable ids for events: the date, then the title's words, as a URL-safe slug."""

from __future__ import annotations

import re
import unicodedata
from typing import Container

from ..core.dates import DateValue
from .schema import ID_MAX_LENGTH

SLUG_WORDS = 8


def slugify(text: str, max_words: int = SLUG_WORDS) -> str:
    """Lowercase ASCII words joined by '-': "Trump’s G-20 talks" -> "trumps-g-20-talks"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(words[:max_words])


def date_slug(date: DateValue) -> str:
    """The date part of an id; BCE years read "0044-bce" since ids cannot start with '-'."""
    text = date.text.lower().replace(":", "").replace("t", "-", 1) if "T" in date.text \
        else date.text.lower()
    if text.startswith("-"):
        year, _, rest = text[1:].partition("-")
        text = f"{year}-bce" + (f"-{rest}" if rest else "")
    return text


def new_event_id(date: DateValue, title: str, taken: Container[str]) -> str:
    """A fresh id not in `taken`: `<date>-<title words>`, with -2, -3 ... on collisions."""
    base = "-".join(part for part in (date_slug(date), slugify(title)) if part)
    base = base[:ID_MAX_LENGTH - 4].rstrip("-_.")
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
