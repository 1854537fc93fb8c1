"""The `timeline` mkdocs plugin: a thin adapter that runs the library inside a build.

It reads the same settings as the CLI (its own options in mkdocs.yml), reports problems
of the event store as build warnings (so `mkdocs build --strict` fails on a bad record),
watches the store during `mkdocs serve`, and publishes the record's JSON Schema.
Generated files are added in memory; nothing is written into the docs folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .config import Settings, TimelineConfig
from .events.schema import json_schema
from .events.store import Store, load_store

log = get_plugin_logger(__name__)
SCHEMA_PATH = "schema/event.schema.json"


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Renders the event store into the site (see `generator.config` for its options)."""

    def __init__(self) -> None:
        self.settings: Optional[Settings] = None
        self.store: Optional[Store] = None

    def on_config(self, config):  # noqa: ANN001, ANN201 - mkdocs' hook signature
        project_dir = Path(config.config_file_path).resolve().parent
        self.settings = Settings.from_config(self.config, project_dir,
                                             Path(config.config_file_path), config.site_name)
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

    def on_files(self, files: Files, *, config) -> Files:  # noqa: ANN001
        """Add generated files; mkdocs then links, copies and serves them like any other."""
        if self.config.enabled:
            files.append(File.generated(
                config, SCHEMA_PATH,
                content=json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"))
        return files
