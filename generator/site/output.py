"""Settings -> site files: the one call the mkdocs plugin and `timeline render` share.

Kept apart from `generator.render`, which must not know about mkdocs settings, so the
renderer stays usable with another engine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..store.schema import json_schema
from ..exporters import ExportResult
from ..core.model import Event
from ..render import build_site
from .exports import site_assets, site_exports, view_files
from .options import renderer_options


RECORD_SCHEMA = "schema/event.schema.json"


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
