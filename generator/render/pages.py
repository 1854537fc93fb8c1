"""Events + options + templates -> {page path: Markdown text}: the whole generated site.

This module plans every page (which template, which records, which front matter) and
renders it; it knows nothing about mkdocs, so any Markdown engine can build the result.
The plan is made once per build and each page renders from records computed in that
plan, so the cost grows with the number of events, not with their square.

Page front matter uses keys mkdocs-material understands (`title`, `description`,
`tags`, `search.boost`). The theme inserts those values into HTML without escaping, so
they are HTML-escaped here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Collection, Optional

import jinja2
from markupsafe import Markup

from ..core.dates import DateError, human_date, parse_date
from ..core.model import Event
from ..ranking.importance import key_events
from .chart import chart_bars, chart_html
from .escape import html_text, safe_url, script_json
from .interactive import View, plan_views
from .jsonld import event_jsonld
from .paths import file_url, page_url, relative_url
from .years_months import group_of, group_years, month_label
from .period_pages import PERIODS_INDEX, PeriodPage, PeriodPlan, plan_periods
from .records import (Card, Facet, SiteOptions, brief_card, build_cards, build_facets,
                      build_sources, cited_articles, newest_source_date, source_key)

EVENT_BOOST = 2.0   # an event's own page ranks above the lists that mention it
LIST_BOOST = 0.5
# A name's own page (actor, place, tag) ranks above the events that carry the name in
# their titles; a little above EVENT_BOOST, so a query with more words than the name
# still finds the events that match all of them first.
NAME_BOOST = 3.0
DESCRIPTION_LENGTH = 160
DATA_PAGE = "data.md"
EXPLORE_PAGE = "explore.md"
NEWEST_PAGE = "newest.md"
NEWEST_ON_HOME = 5  # the newest events the home page names, one line each
STYLESHEET = "assets/timeline.css"
INTERACTIVE_PAGE = "interactive.md"
TIMELINEJS_DATA = "timeline.json"
TIMELINEJS_ASSETS = "assets/timelinejs/"


@dataclass
class Page:
    """A page to render: where it goes, its template, its front matter and its records."""

    path: str
    template: str
    title: str
    description: str = ""
    context: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    boost: float = LIST_BOOST
    searched: bool = True   # in the header (lunr) search index

    def front_matter(self) -> str:
        meta: dict[str, Any] = {"title": html_text(self.title)}
        if self.description:
            meta["description"] = html_text(_shorten(self.description))
        if self.tags:
            meta["tags"] = [html_text(t) for t in self.tags]
        meta["search"] = {"boost": self.boost} if self.searched else {"exclude": True}
        # JSON values are valid YAML, and writing them is far quicker than a YAML dumper.
        lines = (f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
        return "---\n" + "\n".join(lines) + "\n---\n"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "\u2026"


class SitePlan:
    """Every generated page of a site, planned from the events in timeline order."""

    def __init__(self, events: list[Event], options: SiteOptions):
        self.events = events
        self.options = options
        self.event_pages = options.event_pages(len(events))
        self.explore = options.explore and bool(events)  # Pagefind needs a record
        # Material's header search loads its whole index into the browser: above this
        # size only the overview pages go into it, and the Explore page searches events.
        self.lunr_everything = len(events) <= options.header_search_max_events
        self.facets = build_facets(events)
        self.sources = build_sources(events)
        self.years = group_years(events)
        self.periods: PeriodPlan = plan_periods(self.years, options.month_pages_after)
        # The story in brief: the key events the home page leads with, most important
        # first as chosen, shown in timeline order.
        chosen = key_events(events, options.key_events if options.key_events > 0 else None)
        self.key_ids = frozenset(r.event.id for r in chosen)
        self.cards = build_cards(events, self.facets, self.sources,
                                 None if self.event_pages else self.period_path, self.key_ids)
        # Facet pages of very large stores list brief cards (see SiteOptions).
        self.brief_facets = len(events) > options.brief_cards_after
        self.brief_cards: dict[str, Card] = {}
        self.home_lists_all = len(events) <= options.home_max_events
        # The interactive page's views (none: it shows timeline.json whole).
        self.views: list[View] = plan_views(events, self.key_ids, self.periods) \
            if options.interactive else []
        self.pages: list[Page] = []
        self._plan()

    def summary_paths(self) -> set[str]:
        """The pages that show the store as a whole (counts, the chart, every name, the
        newest events): nearly any edit changes them."""
        paths = {"index.md", NEWEST_PAGE, PERIODS_INDEX, "sources/index.md", DATA_PAGE,
                 INTERACTIVE_PAGE, EXPLORE_PAGE}
        paths.update(facet.index_path for facet in self.facets.values())
        return paths

    def period_path(self, event: Event) -> str:
        """The period page that lists `event`."""
        return self.periods.where[group_of(event)][0]

    def _plan(self) -> None:
        self.pages.append(self._home())
        if self.events:
            self.pages.append(self._newest())
        self.pages.append(self._periods_index())
        self.pages.extend(self._period(p) for p in self.periods.pages)
        if self.event_pages:
            for index, event in enumerate(self.events):
                self.pages.append(self._event(index, event))
        for facet in self.facets.values():
            # No listing of Material's tags: event pages leave their tags to the facet
            # pages, so every tag link on the site goes to the tag's own page.
            self.pages.append(Page(facet.index_path, "facets.md.j2", facet.title,
                                   f"Every {facet.singular} in the timeline.",
                                   {"facet": facet, "listing": False}))
            for name, ref in facet.refs.items():
                self.pages.extend(self._facet(facet, name, ref))
        self.pages.append(Page("sources/index.md", "sources.md.j2", "Sources",
                               "The articles the events were taken from.",
                               {"groups": list(self.sources.values())}))
        for group in self.sources.values():
            self.pages.append(Page(group.ref.path, "source.md.j2", group.ref.name,
                                   f"Events reported in {group.ref.name}.",
                                   {"group": group, "source_url": safe_url(group.source.url),
                                    "items": [(self.cards[e.id], _quotes(cited))
                                              for e, cited in group.items]},
                                   searched=self.lunr_everything))
        downloads = [{"path": path, "title": title, "description": description}
                     for path, title, description in self.options.downloads]
        self.pages.append(Page(DATA_PAGE, "data.md.j2", "Data",
                               "Machine-readable files of this timeline.",
                               {"count": len(self.events), "downloads": downloads,
                                "explore": self.explore,
                                "lunr_everything": self.lunr_everything}))
        if self.options.interactive:
            self.pages.append(self._interactive())
        if self.explore:
            self.pages.append(Page(EXPLORE_PAGE, "explore.md.j2", "Explore",
                                   "Search the events and filter them by tag, actor, place, "
                                   "year and source.",
                                   {"root": relative_url(EXPLORE_PAGE, "index.md",
                                                         self.options.directory_urls)},
                                   boost=EVENT_BOOST))

    def _facet(self, facet: Facet, name: str, ref: Any) -> list[Page]:
        """A name's page; past `facet_page_max_events` it lists its periods, each a page."""
        events = facet.events[name]
        description = f"{ref.count} events with the {facet.singular} {name}."
        limit = self.options.facet_page_max_events
        if len(events) <= limit:
            return [Page(ref.path, "facet.md.j2", name, description,
                         {"facet": facet, "ref": ref, "parts": [],
                          "years": self._card_years(events, self.brief_facets)},
                         boost=NAME_BOOST, searched=self.lunr_everything)]
        parts = plan_periods(group_years(events), limit, ref.path[:-len(".md")])
        pages = [Page(ref.path, "facet.md.j2", name, description,
                      {"facet": facet, "ref": ref, "parts": parts.pages, "years": []},
                      boost=NAME_BOOST, searched=self.lunr_everything)]
        pages.extend(self._period(p, f"{name} · {p.label}", ref, self.brief_facets)
                     for p in parts.pages)
        return pages

    # ------------------------------------------------------------------ pages

    def _home(self) -> Page:
        o = self.options
        updated = newest_source_date(self.events)
        newest = self._newest_cards(NEWEST_ON_HOME) \
            if len(self.events) > NEWEST_ON_HOME else []
        return Page("index.md", "home.md.j2", o.name, o.description or
                    f"A timeline of {len(self.events)} events.",
                    {"years": self._card_years(self.events) if self.home_lists_all else [],
                     "updated": human_date(updated) if updated else None,
                     "newest": newest, "newest_page": NEWEST_PAGE,
                     # the brief only when it is briefer than the record
                     "key": [self.cards[e.id] for e in self.events if e.id in self.key_ids]
                     if len(self.key_ids) < len(self.events) else [],
                     "period_pages": self.periods.pages, "chart": self._chart("index.md"),
                     "first": self.cards[self.events[0].id] if self.events else None,
                     "last": self.cards[self.events[-1].id] if self.events else None,
                     "facets": self.facets, "sources": self.sources})

    def _newest(self) -> Page:
        """The end of the record, newest first: what a returning reader looks for."""
        cards = self._newest_cards(self.options.newest_events)
        return Page(NEWEST_PAGE, "newest.md.j2", "Newest first",
                    f"The {len(cards)} newest events of the timeline, newest first.",
                    {"cards": cards, "count": len(self.events)},
                    searched=self.lunr_everything)

    def _newest_cards(self, count: int) -> list[Card]:
        """The last `count` events of the timeline, newest first (a slice: cheap at any
        size)."""
        return [self.cards[e.id] for e in reversed(self.events[-count:])] if count > 0 else []

    def _periods_index(self) -> Page:
        return Page(PERIODS_INDEX, "periods.md.j2", "Periods",
                    "The timeline by year and month.",
                    {"period_pages": self.periods.pages, "chart": self._chart(PERIODS_INDEX)})

    def _period(self, period: PeriodPage, title: str = "", parent: Any = None,
                brief: bool = False) -> Page:
        """A period of the timeline, or of a long facet (`parent`, titled `title`)."""
        runs = [(run, self._list_cards(run.events, brief)) for run in period.runs]
        title = title or period.label
        return Page(period.path, "period.md.j2", title,
                    f"Events of {title}: {period.count}.",
                    {"period": period, "runs": runs, "parent": parent},
                    searched=self.lunr_everything)

    def _event(self, index: int, event: Event) -> Page:
        card = self.cards[event.id]
        before = self.cards[self.events[index - 1].id] if index > 0 else None
        after = self.cards[self.events[index + 1].id] if index + 1 < len(self.events) else None
        year, month = group_of(event)
        period_path = self.periods.where[(year, month)][0]
        url = self._absolute(card.path)
        sources = self._event_sources(event)
        # No `tags` in the front matter: Material would link them to its own listing,
        # while the page's Tags line and every card link a tag to the tag's page.
        return Page(card.path, "event.md.j2", event.title,
                    event.summary or f"{event.when}: {event.title}",
                    {"card": card, "event": event, "before": before, "after": after,
                     "period": {"label": month_label(year, month), "path": period_path,
                                "anchor": card.id_anchor},
                     "sources": sources, "reading": _date_reading(event, sources),
                     "review": _review(event),
                     "jsonld": script_json(event_jsonld(event, url))},
                    boost=EVENT_BOOST, searched=self.lunr_everything)

    def _event_sources(self, event: Event) -> list[dict[str, Any]]:
        """Each article that reported the event, once, with every sentence it was dated
        from, a link to the article (or to its page here) and to its page here."""
        out = []
        for first in cited_articles(event):
            key = source_key(first)
            group = self.sources[key]  # its best-described citation names the article
            out.append({"source": group.source, "url": safe_url(group.source.url),
                        "published": human_date(group.source.published)
                        if group.source.published else None,
                        "page": group.ref,
                        "quotes": _quotes(s for s in event.sources if source_key(s) == key)})
        return out

    def _interactive(self) -> Page:
        """The TimelineJS view: its assets and data are addressed from the page itself.
        The page starts on the first view and offers the others in a menu."""
        def url(path: str) -> str:  # built from constants and slugs: nothing to escape
            return file_url(INTERACTIVE_PAGE, path, self.options.directory_urls)
        views = [{"label": v.label, "source": url(v.path), "count": len(v.events)}
                 for v in self.views] or [{"label": "All events", "source": url(TIMELINEJS_DATA),
                                           "count": len(self.events)}]
        setup = {"views": views, "script": url(TIMELINEJS_ASSETS + "js/timeline.js"),
                 "script_path": url(TIMELINEJS_ASSETS + "js/"),
                 "stylesheet": url(TIMELINEJS_ASSETS + "css/timeline.css")}
        return Page(INTERACTIVE_PAGE, "interactive.md.j2", "Interactive timeline",
                    "The timeline on a zoomable, scrolling view (TimelineJS).",
                    {"count": len(self.events), "setup": script_json(setup),
                     "key_count": len(self.views[0].events) if self.views else 0,
                     "periods": len(self.views) - 1 if self.views else 0})

    # ------------------------------------------------------------------ helpers

    def _card_years(self, events: list[Event], brief: bool = False) -> list[tuple[Any, list]]:
        """Years -> month runs -> cards, for the list templates."""
        return [(year, [(run, self._list_cards(run.events, brief)) for run in year.months])
                for year in group_years(events)]

    def _list_cards(self, events: list[Event], brief: bool) -> list[Card]:
        """The cards of `events`: full, or date and title only (made once per event)."""
        if not brief:
            return [self.cards[e.id] for e in events]
        for event in events:
            if event.id not in self.brief_cards:
                self.brief_cards[event.id] = brief_card(self.cards[event.id])
        return [self.brief_cards[e.id] for e in events]

    def _chart(self, on_page: str) -> Markup:
        def href(year: int, month: Optional[int]) -> str:
            if on_page == "index.md" and self.home_lists_all:
                path, anchor = "index.md", self._home_anchor(year, month)
            else:
                path, anchor = self.periods.where[(year, month)] if (year, month) in \
                    self.periods.where else self.periods.where[(year, None)]
            link = relative_url(on_page, path, self.options.directory_urls)
            return link + (f"#{anchor}" if anchor else "")
        return Markup(chart_html(chart_bars(self.years, href)))

    def _home_anchor(self, year: int, month: Optional[int]) -> str:
        for group in self.years:
            if group.year == year:
                for run in group.months:
                    if month is None or run.month == month:
                        return f"m-{run.anchor}" if month else f"y-{group.key}"
        return ""

    def _absolute(self, path: str) -> Optional[str]:
        if not self.options.url:
            return None
        return self.options.url.rstrip("/") + "/" + page_url(path, self.options.directory_urls)


def _quotes(sources: Any) -> tuple[str, ...]:
    """The distinct sentences quoted from one article, in order (a tuple: a cache key)."""
    return tuple(dict.fromkeys(s.quote for s in sources if s.quote))


def _date_reading(event: Event, sources: list[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """How the date was read, for a sentence in plain words: the words, the article
    they were found in (the first whose quote holds them), and the date they were
    counted from when that is not the article's own."""
    info = event.extraction or {}
    phrase = info.get("phrase")
    if not phrase:
        return None
    found = next((s for s in sources if any(str(phrase).casefold() in q.casefold()
                                            for q in s["quotes"])), None)
    found = found or (sources[0] if sources else None)
    anchor = _date_label(info.get("anchor"))
    article = None
    if found:
        source = found["source"]
        article = "the " + (f"{source.publisher.strip()} article" if source.publisher and
                            source.publisher.strip() else "article")
        if found["published"]:
            article += f" of {found['published']}"
        if anchor == found["published"]:
            anchor = None
    return {"phrase": str(phrase), "article": article, "anchor": anchor,
            "url": found["url"] if found else None, "page": found["page"] if found else None}


def _date_label(value: Any) -> Optional[str]:
    """A date of the extraction record in words, or as written when it does not parse."""
    if not value:
        return None
    try:
        return human_date(parse_date(value))
    except DateError:
        return str(value)


def _review(event: Event) -> Optional[dict[str, Any]]:
    """What a reviewer checks: the stored date, the tagger rule that read it, the
    extractor's confidence and its note; None for an event with none of them."""
    info = event.extraction or {}
    if event.confidence is None and not info.get("rule") and not event.review:
        return None
    stored = f"date {event.date}"
    if event.end:
        stored += f", end {event.end}"
    if event.qualifier:
        stored += f", qualifier {event.qualifier}"
    confidence = round(event.confidence * 100) if event.confidence is not None else None
    return {"stored": stored, "rule": info.get("rule"), "confidence": confidence,
            "note": event.review}


def render_pages(plan: SitePlan, env: jinja2.Environment,
                 only: Optional[Collection[str]] = None) -> dict[str, str]:
    """Render every planned page (or those whose path is in `only`): {path: front matter
    + Markdown}."""
    site = {"name": plan.options.name, "description": plan.options.description,
            "count": len(plan.events), "home_lists_all": plan.home_lists_all,
            "event_pages": plan.event_pages, "explore": plan.explore}
    out: dict[str, str] = {}
    templates: dict[str, jinja2.Template] = {}
    card_cache: dict = {}  # cards rendered in this build, by page depth
    for page in plan.pages:
        if only is not None and page.path not in only:
            continue
        template = templates.get(page.template)
        if template is None:
            template = templates[page.template] = env.get_template(page.template)
        body = template.render(page_path=page.path, site=site, title=page.title,
                               directory_urls=plan.options.directory_urls,
                               card_cache=card_cache, **page.context)
        out[page.path] = page.front_matter() + "\n" + body.strip("\n") + "\n"
    return out
