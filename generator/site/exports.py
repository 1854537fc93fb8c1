"""Settings -> export files: the one call the plugin, `timeline export` and `timeline render`
share, so a file is the same whichever of them wrote it.

Exports sit at the root of the site (`timeline.json`, `events.ics`, ...). The store's
change times (git history, see `exporters.changes`) are read once, and only when an
export that shows them is asked for.
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path
from typing import Iterable

from ..config import Settings
from ..exporters import ExportContext, ExportResult, get_exporter, timelinejs
from ..exporters.changes import file_times
from ..exporters.jsonfile import SCHEMA_PATH, export_schema
from ..core.model import Event
from ..render import event_addresses
from ..render.environment import BUILTIN_TEMPLATES
from ..render.interactive import View
from ..render.pages import TIMELINEJS_ASSETS
from .options import renderer_options

TIMELINEJS_SCRIPT = "js/timeline.js"
# Feeds a page announces in its <head>, so feed readers find them from any page.
FEED_TYPES = {"atom": "application/atom+xml", "atom-updates": "application/atom+xml",
              "jsonfeed": "application/feed+json"}


def export_context(settings: Settings, events: list[Event], names: Iterable[str]
                   ) -> ExportContext:
    """What the exporters need to know about the site (and its history, when needed)."""
    changes = {}
    if any(get_exporter(name).uses_changes for name in names):
        changes = file_times(settings.events_dir, {e.path for e in events if e.path})
    return ExportContext(site_name=settings.site_name,
                         site_description=settings.site_description,
                         site_url=settings.site_url,
                         directory_urls=settings.use_directory_urls,
                         feed_entries=settings.feed_entries, changes=changes,
                         addresses=event_addresses(events, renderer_options(settings)))


def run_exports(settings: Settings, events: list[Event], names: Iterable[str]
                ) -> dict[str, ExportResult]:
    """Format name -> its export of `events` (in timeline order)."""
    names = list(dict.fromkeys(names))
    context = export_context(settings, events, names)
    return {name: get_exporter(name).run(events, context) for name in names}


def site_exports(settings: Settings, events: list[Event]
                 ) -> tuple[dict[str, str], dict[str, ExportResult]]:
    """The export files of the site ({path: text}) and each format's result."""
    results = run_exports(settings, events, settings.exports)
    files = {get_exporter(name).filename: result.text for name, result in results.items()}
    if "json" in results:
        files[SCHEMA_PATH] = json.dumps(export_schema(), indent=2, ensure_ascii=False) + "\n"
    return files, results


def view_files(settings: Settings, events: list[Event], views: list[View]) -> dict[str, str]:
    """The interactive page's views as TimelineJS files ({path: text}), when it is on."""
    if not views or "timelinejs" not in settings.exports:
        return {}
    context = export_context(settings, events, ["timelinejs"])
    return {v.path: timelinejs.view(list(v.events), context, v.label) for v in views}


def site_assets(settings: Settings) -> dict[str, Path]:
    """Static files the interactive page needs: {path in the site: file on disk}.

    TimelineJS comes from the first template folder that has it (overrides, the
    project's templates, the built-in ones), as a whole, so versions never mix.
    """
    if "timelinejs" not in settings.exports:
        return {}
    for folder in (settings.overrides_dir, settings.templates_dir, BUILTIN_TEMPLATES):
        assets = Path(folder) / TIMELINEJS_ASSETS if folder else None
        if assets is not None and (assets / TIMELINEJS_SCRIPT).is_file():
            return {TIMELINEJS_ASSETS + p.relative_to(assets).as_posix(): p
                    for p in sorted(assets.rglob("*")) if p.is_file()}
    return {}


def feed_links(settings: Settings, page_url: str) -> str:
    """`<link rel="alternate">` tags for the site's feeds, from a page at `page_url`
    (mkdocs' URL of the page, "" for the home page)."""
    tags = []
    for name in settings.exports:
        if name not in FEED_TYPES:
            continue
        exporter = get_exporter(name)
        if settings.site_url:
            href = settings.site_url.rstrip("/") + "/" + exporter.filename
        else:
            base = page_url if page_url.endswith("/") or not page_url \
                else posixpath.dirname(page_url)
            href = posixpath.relpath(exporter.filename, base.rstrip("/") or ".")
        title = f"{settings.site_name}: {exporter.title}"
        tags.append(f'<link rel="alternate" type="{FEED_TYPES[name]}" '
                    f'title="{html.escape(title, quote=True)}" '
                    f'href="{html.escape(href, quote=True)}">')
    return "\n".join(tags)
