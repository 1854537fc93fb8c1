"""Settings -> the renderer's options: what the pages need to know about the site.

Kept apart from `generator.render`, which must not know about mkdocs settings, so the
renderer stays usable with another engine.
"""

from __future__ import annotations

from ..config import Settings
from ..exporters import get_exporter
from ..exporters.jsonfile import SCHEMA_PATH
from ..render import SiteOptions


def renderer_options(settings: Settings) -> SiteOptions:
    """The renderer's view of the settings."""
    return SiteOptions(name=settings.site_name, description=settings.site_description,
                       url=settings.site_url, directory_urls=settings.use_directory_urls,
                       home_max_events=settings.home_max_events,
                       key_events=settings.key_events,
                       month_pages_after=settings.month_pages_after,
                       downloads=downloads(settings),
                       interactive="timelinejs" in settings.exports,
                       event_pages_max=settings.event_pages_max,
                       facet_page_max_events=settings.facet_page_max_events,
                       header_search_max_events=settings.header_search_max_events,
                       explore=settings.explore)


def downloads(settings: Settings) -> tuple[tuple[str, str, str], ...]:
    """(file, title, what it holds) of each export, for the data page."""
    found = [(get_exporter(n).filename, get_exporter(n).title, get_exporter(n).description)
             for n in settings.exports]
    if "json" in settings.exports:
        found.append((SCHEMA_PATH, "JSON Schema", "the JSON Schema of events.json"))
    return tuple(found)
