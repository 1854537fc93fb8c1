"""Plain records shared by every step of the data flow; no I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .dates import DateValue, human_date, sort_key


@dataclass
class Article:
    """A news article as read from any input format, ready for extraction.

    `text` is the body the extractor reads (the title is kept apart); `published` is the
    document creation time that relative dates are resolved against, None when unknown.
    """

    id: str
    text: str
    path: Optional[Path] = None
    title: Optional[str] = None
    published: Optional[DateValue] = None
    publisher: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None
    language: str = "en"
    row: Optional[int] = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article with its character offsets in `Article.text`."""

    start: int
    end: int
    text: str


@dataclass
class Source:
    """Where an event was reported: an article of the archive, or any page with a URL."""

    article: Optional[str] = None
    title: Optional[str] = None
    publisher: Optional[str] = None
    url: Optional[str] = None
    published: Optional[DateValue] = None
    quote: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Event:
    """One dated happening: the unit of the store, one file (or list item) each.

    `extra` keeps fields this version does not know, so that a person's additions
    survive every read and write. `path` and `line` say where the record was read from.
    """

    id: str
    date: DateValue
    title: str
    end: Optional[DateValue] = None
    qualifier: Optional[str] = None
    summary: Optional[str] = None
    kind: str = "past"
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    confidence: Optional[float] = None
    extraction: dict[str, Any] = field(default_factory=dict)
    review: Optional[str] = None
    importance: Optional[float] = None
    key: Optional[bool] = None
    extra: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    path: Optional[Path] = field(default=None, compare=False)
    line: Optional[int] = field(default=None, compare=False)

    @property
    def when(self) -> str:
        """The date as readers see it ("late June 2019", "20–21 July 2019")."""
        return human_date(self.date, self.qualifier, self.end)

    @property
    def is_future(self) -> bool:
        return self.kind == "future"

    def order_key(self) -> tuple:
        """Total, stable timeline order: the date model's key, then title, then id."""
        return (*sort_key(self.date, self.qualifier, self.end), self.title.casefold(), self.id)


def sort_events(events: list[Event]) -> list[Event]:
    """The events in timeline order (see `generator.core.dates` for the rules)."""
    return sorted(events, key=Event.order_key)
