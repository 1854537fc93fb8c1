"""The `timeline` mkdocs plugin: a thin adapter that runs the library inside a build.

It reads the same settings as the CLI (its own options in mkdocs.yml), reports problems
of the event store as build warnings (so `mkdocs build --strict` fails on a bad record),
renders the store into pages once per build, and adds them, the stylesheet, the events
as JSON, the record's JSON Schema and the exports (`exports` option: TimelineJS with its
interactive page and self-hosted assets, iCalendar, CSV, feeds, JSON) as generated
files: nothing is written into the docs folder, and mkdocs copies and serves the
exports like any other file. During `mkdocs serve` it watches the store and the templates, so editing
an event file rebuilds the site and reloads the browser.

A hand-written page in the docs folder wins over a generated page of the same path
(write your own `index.md` to replace the generated home page).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Optional

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from .config import Settings, TimelineConfig, site_options
from .events.schema import json_schema
from .events.store import Store, load_store
from .render.pages import DATA_PAGE, INTERACTIVE_PAGE, STYLESHEET
from .siteexports import feed_links, site_assets, site_exports
from .sitefiles import site_files

log = get_plugin_logger(__name__)
SCHEMA_PATH = "schema/event.schema.json"
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html")  # the generated pages use both
NAV = (("Timeline", "index.md"), ("Interactive timeline", INTERACTIVE_PAGE),
       ("Periods", "periods/index.md"),
       ("Actors", "actors/index.md"), ("Places", "places/index.md"),
       ("Tags", "tags/index.md"), ("Sources", "sources/index.md"), ("Data", DATA_PAGE))


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Renders the event store into the site (see `generator.config` for its options)."""

    def __init__(self) -> None:
        self.settings: Optional[Settings] = None
        self.store: Optional[Store] = None

    def on_config(self, config):  # noqa: ANN001, ANN201 - mkdocs' hook signature
        project_dir = Path(config.config_file_path).resolve().parent
        self.settings = Settings.from_config(self.config, project_dir,
                                             Path(config.config_file_path), config.site_name,
                                             **site_options(config))
        if self.config.enabled:
            for name in MARKDOWN_EXTENSIONS:
                if name not in config.markdown_extensions:
                    config.markdown_extensions.append(name)
            if STYLESHEET not in config.extra_css:
                config.extra_css.append(STYLESHEET)
            # Event pages stay out of the nav on purpose; listing them all at INFO level
            # on every build would bury the messages that matter.
            if config.validation.nav.omitted_files == logging.INFO:
                config.validation.nav.omitted_files = logging.DEBUG
        return config

    def on_pre_build(self, *, config) -> None:  # noqa: ANN001
        if not self.config.enabled:
            return
        settings = self.settings
        self.store = load_store(settings.events_dir,
                                max_bytes=settings.max_event_file_bytes)
        for problem in self.store.problems:
            log.warning(problem.format(settings.project_dir))
        log.info("%d events loaded from %s", len(self.store.events), settings.events_dir)

    def on_serve(self, server, *, config, builder):  # noqa: ANN001, ANN201
        if self.config.enabled:
            for folder in (self.settings.events_dir, self.settings.templates_dir,
                           self.settings.overrides_dir):
                if folder is not None and folder.exists():
                    server.watch(str(folder))
        return server

    # Late, so that files other plugins add count as hand-written and win.
    @event_priority(-50)
    def on_files(self, files: Files, *, config) -> Files:  # noqa: ANN001
        """Add generated files; mkdocs then links, copies and serves them like any other."""
        if not self.config.enabled:
            return files
        generated = site_files(self.settings, self.store.events)
        generated[SCHEMA_PATH] = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
        exports, results = site_exports(self.settings, self.store.events)
        generated.update(exports)
        for name, result in results.items():
            log.info("Export %s: %s", name, result.summary())
        if self.settings.exports and not self.settings.site_url:
            log.info("No site_url in mkdocs.yml: links in the feeds and exports are relative "
                     "to the site's root; set site_url for full addresses")
        sources = {path: {"content": text} for path, text in generated.items()}
        sources.update({path: {"abs_src_path": str(src)}
                        for path, src in site_assets(self.settings).items()})
        kept = []
        for path, source in sources.items():
            if files.get_file_from_path(path) is not None:
                log.info("Keeping the hand-written %s instead of the generated page", path)
                continue
            files.append(File.generated(config, path, **source))
            kept.append(path)
        if self.config.nav and config.nav is None:
            config.nav = short_nav(files, set(kept))
        log.info("%d generated files added", len(kept))
        return files


    def on_post_page(self, output: str, *, page, config) -> str:  # noqa: ANN001
        """Announce the feeds in every page's head, where feed readers look for them."""
        if not self.config.enabled or "</head>" not in output:
            return output
        links = feed_links(self.settings, page.url)
        return output.replace("</head>", links + "\n</head>", 1) if links else output


def short_nav(files: Files, generated: set[str]) -> list[Any]:
    """The generated sections, then every other page (hand-written ones), never the
    event, period or facet pages."""
    nav: list[dict[str, Any]] = [{title: path} for title, path in NAV
                                 if files.get_file_from_path(path) is not None]
    listed = {path for _, path in NAV}
    for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
        if file.src_uri not in generated and file.src_uri not in listed:
            nav.append(file.src_uri)
    return nav
