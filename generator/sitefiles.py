"""Settings -> rendered site files: the one call the mkdocs plugin and `timeline render` share.

Kept apart from `generator.render`, which must not know about mkdocs settings, so the
renderer stays usable with another engine.
"""

from __future__ import annotations

from .config import Settings
from .model import Event
from .render import RenderedSite, SiteOptions, build_site, render_site
from .siteexports import downloads


def site_options(settings: Settings) -> SiteOptions:
    """The renderer's view of the settings."""
    return SiteOptions(name=settings.site_name, description=settings.site_description,
                       url=settings.site_url, directory_urls=settings.use_directory_urls,
                       home_max_events=settings.home_max_events,
                       month_pages_after=settings.month_pages_after,
                       downloads=downloads(settings),
                       interactive="timelinejs" in settings.exports,
                       event_pages_max=settings.event_pages_max,
                       facet_page_max_events=settings.facet_page_max_events,
                       header_search_max_events=settings.header_search_max_events,
                       explore=settings.explore)


def site_files(settings: Settings, events: list[Event]) -> dict[str, str]:
    """Every generated file (pages, stylesheet, data), overrides first in the template chain."""
    return render_site(events, site_options(settings),
                       (settings.overrides_dir, settings.templates_dir))


def build_files(settings: Settings, events: list[Event]) -> RenderedSite:
    """The generated files and the Explore page's search records, from one plan."""
    return build_site(events, site_options(settings),
                      (settings.overrides_dir, settings.templates_dir))
