"""Settings -> site files: the one call the mkdocs plugin and `timeline render` share.

Kept apart from `generator.render`, which must not know about mkdocs settings, so the
renderer stays usable with another engine.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from ..config import Settings
from ..store.schema import json_schema
from ..exporters import ExportResult
from ..core.model import Event
from ..render import build_site
from ..render.datafiles import DATA_FILE, events_json
from ..render.environment import make_environment, read_asset
from ..render.explore import SCRIPT as EXPLORE_SCRIPT, explore_records
from .exports import site_assets, site_exports, view_files
from .incremental import PageRenderer
from .options import renderer_options
from ..render.pages import (DATA_PAGE, EXPLORE_PAGE, INTERACTIVE_PAGE, NEWEST_PAGE,
                            STYLESHEET, SitePlan)


RECORD_SCHEMA = "schema/event.schema.json"
# The short navigation, in this order, of whichever of these pages the site has.
NAV = (("Timeline", "index.md"), ("Newest first", NEWEST_PAGE), ("Explore", EXPLORE_PAGE),
       ("Interactive timeline", INTERACTIVE_PAGE), ("Periods", "periods/index.md"),
       ("Actors", "actors/index.md"), ("Places", "places/index.md"),
       ("Tags", "tags/index.md"), ("Sources", "sources/index.md"), ("Data", DATA_PAGE))


@dataclass
class SiteOutput:
    """Everything the build adds to a site, as the plugin and `timeline render` share it."""

    files: dict[str, str]            # path in the site -> text (pages, data, exports)
    assets: dict[str, Path]          # path in the site -> vendored file copied as it is
    records: dict[str, str]          # the Explore page's search records (not published)
    exports: dict[str, ExportResult]


def site_output(settings: Settings, events: list[Event]) -> SiteOutput:
    """The generated pages, the record's JSON Schema, the exports and their assets."""
    rendered = build_site(events, renderer_options(settings),
                          (settings.overrides_dir, settings.templates_dir))
    files = dict(rendered.files)
    files[RECORD_SCHEMA] = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    exported, results = site_exports(settings, events)
    files.update(exported)
    files.update(view_files(settings, events, rendered.views))
    return SiteOutput(files, site_assets(settings), rendered.records, results)


def serve_pages(settings: Settings, events: list[Event], renderer: PageRenderer
                ) -> tuple[SitePlan, dict[str, str]]:
    """What a rebuild during `serve` needs before the browser reloads: the pages (only
    those whose record changed are rendered again, see `incremental`) and the small
    static files. The rest (`data_output`) depends on every event and can follow."""
    folders = (settings.overrides_dir, settings.templates_dir)
    plan, files = renderer.render(events, renderer_options(settings), folders)
    env = make_environment(folders)
    files[STYLESHEET] = read_asset(env, STYLESHEET)
    if plan.explore:
        files[EXPLORE_SCRIPT] = read_asset(env, EXPLORE_SCRIPT)
    files[RECORD_SCHEMA] = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    return plan, files


@dataclass
class DataOutput:
    """The files made from every event at once (events.json, the exports, the views of
    the interactive page) and the Explore page's search records."""

    files: dict[str, str]
    records: dict[str, str]
    exports: dict[str, ExportResult]


def data_output(settings: Settings, plan: SitePlan,
                cancelled: Callable[[], bool] = lambda: False) -> Optional[DataOutput]:
    """The files `serve_pages` leaves out: with them, the two make what `site_output`
    makes. None when `cancelled()` turns true between its steps (a newer build)."""
    files = {DATA_FILE: events_json(plan)}
    if cancelled():
        return None
    exported, results = site_exports(settings, plan.events)
    files.update(exported)
    if cancelled():
        return None
    files.update(view_files(settings, plan.events, plan.views))
    records = {}
    if plan.explore and not cancelled():
        env = make_environment((settings.overrides_dir, settings.templates_dir))
        records = explore_records(plan, env)
    return None if cancelled() else DataOutput(files, records, results)


def short_nav(pages: Iterable[str], generated: set[str]) -> list:
    """The generated sections, then every other page (hand-written ones), never the
    event, period or facet pages. `pages` are the site's Markdown source paths."""
    pages = set(pages)
    nav: list = [{title: path} for title, path in NAV if path in pages]
    listed = {path for _, path in NAV}
    nav.extend(sorted(p for p in pages if p not in generated and p not in listed))
    return nav


@dataclass
class WriteReport:
    """What `write_changed` did, path by path."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_changed(folder: Path, files: dict[str, Union[str, bytes, Path]]) -> WriteReport:
    """Write `files` ({path: text, bytes or a file to copy}) into `folder`, only those
    whose bytes differ from what is there.

    A build folder, not the store: each changed file is replaced atomically (readers such
    as a watching server never see half a page) but not synced to disk, and an unchanged
    file keeps its modification time, so a watching engine rebuilds only what changed.
    """
    report = WriteReport()
    for path in sorted(files):
        data = _as_bytes(files[path])
        target = folder / path
        if _same_bytes(target, data):
            report.unchanged += 1
            continue
        replace_file(target, data)
        report.written.append(path)
    return report


def _as_bytes(value: Union[str, bytes, Path]) -> bytes:
    if isinstance(value, Path):
        return value.read_bytes()
    return value.encode("utf-8") if isinstance(value, str) else value


def _same_bytes(target: Path, data: bytes) -> bool:
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except OSError:
        return False


def replace_file(target: Path, data: bytes) -> None:
    """Write beside the target, then rename over it (atomic within one file system)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
