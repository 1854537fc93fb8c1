"""Plain records the page templates read: options, links to facet pages, event cards.

Everything a template shows is computed here once per build, so templates only lay
records out, and a page costs time in proportion to what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from ..core.dates import Precision
from ..core.model import Event, Source
from .paths import unique_slugs


@dataclass(frozen=True)
class SiteOptions:
    """What the renderer needs to know about the site; filled from mkdocs.yml by callers."""

    name: str = "Timeline"
    description: str = ""
    url: str = ""
    directory_urls: bool = True
    home_max_events: int = 500
    month_pages_after: int = 60
    # Export files at the site root, as (file, title, what it holds), for the data page.
    downloads: tuple[tuple[str, str, str], ...] = ()
    interactive: bool = False  # add the TimelineJS page, which reads timeline.json
    event_pages_max: int = 20_000
    facet_page_max_events: int = 200
    header_search_max_events: int = 2_000
    explore: bool = True
    key_events: int = 0  # how many key events the home page leads with; 0: scaled to the store

    def event_pages(self, count: int) -> bool:
        """Whether a store of `count` events gets a page per event."""
        return count <= self.event_pages_max


@dataclass
class Ref:
    """A link to a generated page, with how many events it lists."""

    name: str
    path: str
    count: int = 0
    anchor: str = ""
    detail: str = ""


@dataclass
class Facet:
    """One kind of name events are listed by: actors, places or tags."""

    key: str
    title: str
    singular: str
    refs: dict[str, Ref] = field(default_factory=dict)
    events: dict[str, list[Event]] = field(default_factory=dict)

    @property
    def index_path(self) -> str:
        return f"{self.key}/index.md"


FACETS = (("actors", "Actors", "actor"), ("places", "Places", "place"), ("tags", "Tags", "tag"))


def build_facets(events: list[Event]) -> dict[str, Facet]:
    """Actors, places and tags -> their pages and events (in timeline order)."""
    facets = {}
    for key, title, singular in FACETS:
        facet = Facet(key, title, singular)
        for event in events:
            for name in dict.fromkeys(getattr(event, key)):
                facet.events.setdefault(name, []).append(event)
        slugs = unique_slugs(facet.events)
        for name in sorted(facet.events, key=lambda n: (n.casefold(), n)):
            facet.refs[name] = Ref(name, f"{key}/{slugs[name]}.md", len(facet.events[name]))
        facets[key] = facet
    return facets


def source_key(source: Source) -> str:
    """What makes two citations the same source: the archive article, else the URL."""
    return f"article:{source.article}" if source.article else f"url:{source.url}"


@dataclass
class SourceGroup:
    """One source article and the events taken from it, each with its quoted sentence."""

    ref: Ref
    source: Source
    items: list[tuple[Event, Source]] = field(default_factory=list)


def build_sources(events: list[Event]) -> dict[str, SourceGroup]:
    """Source key -> its page and events, keyed in the order of first citation."""
    found: dict[str, list[tuple[Event, Source]]] = {}
    for event in events:
        for source in event.sources:
            found.setdefault(source_key(source), []).append((event, source))
    slugs = unique_slugs(
        (items[0][1].article or _url_name(items[0][1].url)) for items in found.values())
    groups = {}
    for key, items in found.items():
        first = _best(items)
        name = first.article or _url_name(first.url)
        title = first.title or first.article or first.url or "untitled source"
        groups[key] = SourceGroup(Ref(title, f"sources/{slugs[name]}.md", len(items)),
                                  first, items)
    return groups


def _url_name(url: Optional[str]) -> str:
    return (url or "source").split("://", 1)[-1]


def _best(items: list[tuple[Event, Source]]) -> Source:
    """The citation with the most details names the source (titles vary by event file)."""
    def filled(source: Source) -> int:
        return sum(1 for v in (source.title, source.publisher, source.url, source.published)
                   if v)
    return max((s for _, s in items), key=filled)


@dataclass
class Card:
    """An event as every list shows it: date, title, summary, chips, source count."""

    event: Event
    path: str          # the page the title links to: the event's own, or its period page
    when: str
    uncertain: bool
    actors: list[Ref]
    places: list[Ref]
    tags: list[Ref]
    anchor: str = ""   # on `path`, when the event has no page of its own
    key: bool = False  # one of the key events the home page leads with

    @property
    def id_anchor(self) -> str:
        """The card's own anchor on every list page; the permalink without event pages."""
        return card_anchor(self.event)

    @property
    def future(self) -> bool:
        return self.event.is_future

    @property
    def reach(self) -> str:
        """How widely it was reported: "reported by 12 articles from 4 publishers"."""
        return reach(self.event)

    @property
    def label(self) -> str:
        """The date line of a card: "early August 2019 · expected" for future events."""
        return f"{self.when} · expected" if self.future else self.when

    @property
    def classes(self) -> str:
        names = ["tl-card"]
        if self.future:
            names.append("tl-future")
        if self.uncertain:
            names.append("tl-uncertain")
        if self.key:
            names.append("tl-key")
        return " ".join(names)


def reach(event: Event) -> str:
    """"reported by 3 articles from 2 publishers", or "" for an event without sources."""
    articles = {s.article or s.url or s.title or str(n) for n, s in enumerate(event.sources)}
    publishers = {s.publisher.strip().casefold() for s in event.sources
                  if s.publisher and s.publisher.strip()}
    if not articles:
        return ""
    text = f"reported by {len(articles)} article{'' if len(articles) == 1 else 's'}"
    if publishers:
        text += f" from {len(publishers)} publisher{'' if len(publishers) == 1 else 's'}"
    return text


def is_uncertain(event: Event) -> bool:
    """Dates that should look uncertain: qualified, coarser than a day, or a range."""
    return (event.qualifier is not None or event.date.precision < Precision.DAY
            or (event.end is not None and event.end != event.date))


def event_path(event: Event) -> str:
    return f"events/{event.id}.md"


def card_anchor(event: Event) -> str:
    return f"e-{event.id}"


def build_cards(events: list[Event], facets: dict[str, Facet],
                home_of: Optional[Callable[[Event], str]] = None,
                key_ids: frozenset[str] = frozenset()) -> dict[str, Card]:
    """Event id -> card, linking each name to its facet page.

    Without `home_of` the title links to the event's own page; with it (no event pages)
    to the card's anchor on the page `home_of(event)` names, its permalink.
    """
    cards = {}
    for event in events:
        refs = {key: [facets[key].refs[name] for name in dict.fromkeys(getattr(event, key))]
                for key in facets}
        path, anchor = (event_path(event), "") if home_of is None else \
            (home_of(event), card_anchor(event))
        cards[event.id] = Card(event, path, event.when, is_uncertain(event),
                               refs["actors"], refs["places"], refs["tags"], anchor,
                               event.id in key_ids)
    return cards
