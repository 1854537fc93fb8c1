"""The renderer: events + site options + Jinja templates -> Markdown pages and assets.

It has no mkdocs imports, so the same Markdown tree can feed another engine; the mkdocs
plugin and `timeline render` are both thin callers of `render_site`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..core.model import Event
from .datafiles import DATA_FILE, events_json
from .environment import make_environment, read_asset
from .explore import SCRIPT as EXPLORE_SCRIPT, explore_records
from .interactive import View
from .pages import STYLESHEET, SitePlan, render_pages
from .years_months import group_of, group_years
from .period_pages import plan_periods
from .records import SiteOptions, card_anchor


@dataclass
class RenderedSite:
    """The docs files of a site, the Explore page's search records (never published) and
    the interactive page's views (their files are TimelineJS documents, which the
    exporters write)."""

    files: dict[str, str]
    records: dict[str, str] = field(default_factory=dict)
    views: list[View] = field(default_factory=list)


def build_site(events: list[Event], options: SiteOptions,
               template_folders: Iterable[Optional[Path]] = ()) -> RenderedSite:
    """Every generated file, planned once, plus the search records when `explore` is on."""
    env = make_environment(template_folders)
    plan = SitePlan(events, options)
    files = render_pages(plan, env)
    files[STYLESHEET] = read_asset(env, STYLESHEET)
    files[DATA_FILE] = events_json(plan)
    records = {}
    if plan.explore:
        files[EXPLORE_SCRIPT] = read_asset(env, EXPLORE_SCRIPT)
        records = explore_records(plan, env)
    return RenderedSite(files, records, plan.views)


def event_addresses(events: list[Event], options: SiteOptions
                    ) -> Optional[dict[str, tuple[str, str]]]:
    """Where each event is shown when the site has no page per event (a big store):
    {id: (period page, anchor of its card)}; None when every event has its own page."""
    if options.event_pages(len(events)):
        return None
    periods = plan_periods(group_years(events), options.month_pages_after)
    return {event.id: (periods.where[group_of(event)][0], card_anchor(event))
            for event in events}


def render_site(events: list[Event], options: SiteOptions,
                template_folders: Iterable[Optional[Path]] = ()) -> dict[str, str]:
    """Every generated file of the site: {path inside the docs folder: text}.

    `events` must be in timeline order (as `load_store` returns them). The result holds
    the Markdown pages, the stylesheet and the machine-readable events file.
    """
    return build_site(events, options, template_folders).files


__all__ = ["DATA_FILE", "STYLESHEET", "RenderedSite", "SiteOptions", "build_site",
           "event_addresses", "render_site"]
