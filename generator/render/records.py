"""Plain records the page templates read: options, links to facet pages, event cards.

Everything a template shows is computed here once per build, so templates only lay
records out, and a page costs time in proportion to what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Optional

from markupsafe import Markup

from ..core.dates import DateValue, human_date
from ..core.model import Event, Source
from .escape import safe_url
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
    # Above this many events the pages of actors, places and tags (and their periods)
    # show each card as its date and title only: those pages repeat every event several
    # times over, and the summaries would multiply the size of the site.
    brief_cards_after: int = 10_000
    newest_events: int = 50  # how many events the newest-first page lists

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
    """One source article and the events taken from it, each event once with the
    sentences quoted from this article (an article may date one event twice)."""

    ref: Ref
    source: Source
    items: list[tuple[Event, list[Source]]] = field(default_factory=list)


def build_sources(events: list[Event]) -> dict[str, SourceGroup]:
    """Source key -> its page and events, keyed in the order of first citation; the
    count is of distinct events, so a page says as many as it shows."""
    found: dict[str, dict[str, tuple[Event, list[Source]]]] = {}
    for event in events:
        for source in event.sources:
            by_event = found.setdefault(source_key(source), {})
            by_event.setdefault(event.id, (event, []))[1].append(source)
    slugs = unique_slugs(_source_name(next(iter(items.values()))[1][0])
                         for items in found.values())
    groups = {}
    for key, by_event in found.items():
        items = list(by_event.values())
        first = _best([s for _, cited in items for s in cited])
        title = first.title or first.article or first.url or "untitled source"
        groups[key] = SourceGroup(
            Ref(title, f"sources/{slugs[_source_name(first)]}.md", len(items)), first, items)
    return groups


def _source_name(source: Source) -> str:
    """The name a source page's address is made from: the article, else the URL."""
    return source.article or _url_name(source.url)


def _url_name(url: Optional[str]) -> str:
    return (url or "source").split("://", 1)[-1]


def _best(citations: list[Source]) -> Source:
    """The citation with the most details names the source (titles vary by event file)."""
    def filled(source: Source) -> int:
        return sum(1 for v in (source.title, source.publisher, source.url, source.published)
                   if v)
    return max(citations, key=filled)


def cited_articles(event: Event) -> list[Source]:
    """The event's sources, each article once (the first citation of it), in order."""
    seen: dict[str, Source] = {}
    for source in event.sources:
        seen.setdefault(source_key(source), source)
    return list(seen.values())


@dataclass(frozen=True)
class SourceLink:
    """The line naming where a card's event was reported: "Bloomberg, 22 July 2019".

    It links to the article itself when its address is known, else to the source's
    page on this site."""

    label: str
    page: str
    url: Optional[Markup] = None


def source_link(source: Source, page: str) -> SourceLink:
    """The publisher (else the article's title) and publication date of a source."""
    name = (source.publisher or "").strip() or source.title or source.article or "source"
    label = f"{name}, {human_date(source.published)}" if source.published else name
    return SourceLink(label, page, safe_url(source.url))


@dataclass
class Card:
    """An event as every list shows it: date, title, summary, chips, its source."""

    event: Event
    path: str          # the page the title links to: the event's own, or its period page
    when: str
    uncertain: bool    # an approximate date: drawn dashed, in italics, with "≈"
    actors: list[Ref]
    places: list[Ref]
    tags: list[Ref]
    anchor: str = ""   # on `path`, when the event has no page of its own
    key: bool = False  # one of the key events the home page leads with
    source: Optional[SourceLink] = None  # the first article that reported it
    articles: int = 0  # distinct articles that reported it
    brief: bool = False  # date and title only (the list pages of very large sites)

    @property
    def text(self) -> Optional[str]:
        """What the card says of the event: its summary, else the sentence it came from."""
        return self.event.summary or next(
            (s.quote for s in self.event.sources if s.quote), None)

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
    """"reported by 3 articles from 2 publishers", or "" for an event without sources;
    an article cited twice (two of its sentences date the event) counts once."""
    articles = {source_key(s) for s in event.sources}
    publishers = {s.publisher.strip().casefold() for s in event.sources
                  if s.publisher and s.publisher.strip()}
    if not articles:
        return ""
    text = f"reported by {len(articles)} article{'' if len(articles) == 1 else 's'}"
    if publishers:
        text += f" from {len(publishers)} publisher{'' if len(publishers) == 1 else 's'}"
    return text


def is_approximate(event: Event) -> bool:
    """Dates to show as approximate: "about", "early/mid/late", "before/after".

    A range, a month or a year is exact at its own precision ("20–21 July 2019",
    "May 2019") and is shown as it is."""
    return event.qualifier is not None


def newest_source_date(events: list[Event]) -> Optional[DateValue]:
    """The publication date of the newest source article: how recent the record is.

    Taken from the events themselves, so the same store always says the same."""
    dates = [s.published for e in events for s in e.sources
             if s.published is not None and not s.published.unknown_year]
    return max(dates, key=lambda d: (d.stop, d.start)) if dates else None


def event_path(event: Event) -> str:
    return f"events/{event.id}.md"


def card_anchor(event: Event) -> str:
    return f"e-{event.id}"


def build_cards(events: list[Event], facets: dict[str, Facet],
                sources: dict[str, SourceGroup],
                home_of: Optional[Callable[[Event], str]] = None,
                key_ids: frozenset[str] = frozenset()) -> dict[str, Card]:
    """Event id -> card, linking each name to its facet page and the first source to
    its article.

    Without `home_of` the title links to the event's own page; with it (no event pages)
    to the card's anchor on the page `home_of(event)` names, its permalink.
    """
    cards = {}
    for event in events:
        refs = {key: [facets[key].refs[name] for name in dict.fromkeys(getattr(event, key))]
                for key in facets}
        path, anchor = (event_path(event), "") if home_of is None else \
            (home_of(event), card_anchor(event))
        articles = cited_articles(event)
        group = sources[source_key(articles[0])] if articles else None
        first = source_link(group.source, group.ref.path) if group else None
        cards[event.id] = Card(event, path, event.when, is_approximate(event),
                               refs["actors"], refs["places"], refs["tags"], anchor,
                               event.id in key_ids, first, len(articles))
    return cards


def brief_card(card: Card) -> Card:
    """The same card showing date and title only."""
    return replace(card, brief=True)
