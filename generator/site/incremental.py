"""Render a site's pages again after an edit, only those whose inputs changed.

`mkdocs serve` rebuilds the whole site after every edit, and rendering every page of a
large store is most of our share of that rebuild. Each page is rendered from its own
planned record (`SitePlan.pages`: template, front matter, context), so a page whose
record is the same as in the previous build renders to the same text and need not be
rendered again. Comparing records rather than guessing what an edit could reach keeps
the rule simple: an event moved to another month changes the lists of both months and
its neighbours' "before/after" links, and all of them show up as changed records.

A page's record is compared through its *frame*, a plain value made from the context:
- a card stands for what a card shows: its event, links, date line, key mark and source
  (not the event counts of its names, which no card shows);
- an actor, place or tag facet stands for its names (a name's page shows its own count
  through its own `ref`); the pages that show whole facets or the whole store, listed
  by `SitePlan.summary_paths`, are rendered on every build;
- anything else stands for itself and is compared by equality (an event, a period
  page, a source group: as a whole).

Everything is rendered again when the options, the site-wide values or a template file
change. The first build renders everything and remembers the frames.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional

from ..core.model import Event
from ..render.environment import BUILTIN_TEMPLATES, make_environment
from ..render.pages import Page, SitePlan, render_pages
from ..render.records import Card, Facet, SiteOptions


class PageRenderer:
    """Keeps the last build's page frames and texts, so a rebuild renders only changes."""

    def __init__(self) -> None:
        self.basis: Optional[tuple] = None     # what every page depends on
        self.frames: dict[str, Any] = {}        # page path -> frame
        self.texts: dict[str, str] = {}         # page path -> rendered text
        self.rendered: set[str] = set()         # pages the last call rendered

    def render(self, events: list[Event], options: SiteOptions,
               folders: Iterable[Optional[Path]]) -> tuple[SitePlan, dict[str, str]]:
        """Plan the site and return ({page path: text} of every page); only pages whose
        frame changed (and the summary pages) are rendered."""
        folders = tuple(folders)
        env = make_environment(folders)
        plan = SitePlan(events, options)
        basis = (options, folders, _template_stamps(folders), _site_values(plan))
        frames = page_frames(plan)
        if basis != self.basis:
            todo = set(frames)
        else:
            todo = plan.summary_paths() | {path for path, frame in frames.items()
                                           if path not in self.texts or
                                           self.frames.get(path, _MISSING) != frame}
        fresh = render_pages(plan, env, only=todo)
        self.texts = {path: fresh[path] if path in fresh else self.texts[path]
                      for path in frames}
        self.basis, self.frames, self.rendered = basis, frames, set(fresh)
        return plan, dict(self.texts)


_MISSING = object()


def _site_values(plan: SitePlan) -> tuple:
    """The site-wide switches every page template sees (`render_pages`' `site`), except
    the event count, which only the summary pages show."""
    return (plan.options.name, plan.options.description, plan.home_lists_all,
            plan.event_pages, plan.explore, plan.lunr_everything, plan.brief_facets)


def _template_stamps(folders: tuple) -> tuple:
    """(path, modification time, size) of every template file the pages may use."""
    stamps = []
    for folder in (*folders, BUILTIN_TEMPLATES):
        if folder is None or not Path(folder).is_dir():
            continue
        for file in sorted(Path(folder).rglob("*.j2")):
            info = file.stat()
            stamps.append((str(file), info.st_mtime_ns, info.st_size))
    return tuple(stamps)


def page_frames(plan: SitePlan) -> dict[str, Any]:
    """Page path -> the frame of its record (see the module's docstring)."""
    memo: dict[int, tuple] = {}  # the plan holds the cards, so their ids stay theirs
    return {page.path: _page_frame(page, memo) for page in plan.pages}


def _page_frame(page: Page, memo: dict) -> tuple:
    return (page.template, page.title, page.description, tuple(page.tags), page.boost,
            page.searched, _frame(page.context, memo))


def _frame(value: Any, memo: dict) -> Any:
    """A comparable stand-in for `value`: containers are walked, a card or a facet is
    replaced by what pages show of it, anything else stands for itself (compared by
    equality: an event, a period, a source group, as a whole)."""
    kind = type(value)
    if kind is list or kind is tuple:
        return tuple(_frame(v, memo) for v in value)
    if kind is dict:
        return tuple((k, _frame(v, memo)) for k, v in value.items())
    if kind is Card:
        found = memo.get(id(value))  # a card is on several pages: framed once
        if found is None:
            found = memo[id(value)] = _card_frame(value)
        return found
    if kind is Facet:
        return ("facet", value.key, value.title, value.singular)
    return value


def _card_frame(card: Card) -> tuple:
    """What a card shows: its event, where it links, and its names by name and page."""
    names = tuple((ref.name, ref.path) for refs in (card.actors, card.places, card.tags)
                  for ref in refs)
    return ("card", card.event, card.path, card.when, card.uncertain, names, card.anchor,
            card.key, card.source, card.articles, card.brief)
