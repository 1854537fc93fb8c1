"""The `timeline` mkdocs plugin: a thin adapter that runs the library inside a build.

It reads the same settings as the CLI (its own options in mkdocs.yml), reports problems
of the event store as build warnings (so `mkdocs build --strict` fails on a bad record),
renders the store into pages once per build, and adds them, the stylesheet, the events
as JSON, the record's JSON Schema and the exports (`exports` option: TimelineJS with its
interactive page and self-hosted assets, iCalendar, CSV, feeds, JSON) as generated
files: nothing is written into the docs folder, and mkdocs copies and serves the
exports like any other file. During `mkdocs serve` it watches the store and the
templates, so editing an event file rebuilds the site and reloads the browser; there the
generated files are backed by a cache folder (`generator.site.pagecache`) whose files change
only with their text, so `mkdocs serve --dirty` rebuilds only the pages an edit touched.
A rebuild renders only the pages whose records changed (`generator.site.incremental`) and
leaves the files made from every event (events.json, the exports, the Explore page's
index) to a background job that follows the build, so the browser reloads first.
After the build it indexes the events for the Explore page with Pagefind.

A hand-written page in the docs folder wins over a generated page of the same path
(write your own `index.md` to replace the generated home page).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..config import Settings, TimelineConfig, engine_site_settings
from ..engine import BasePlugin, File, Files, PluginError, event_priority, get_plugin_logger
from ..exporters import ExportResult
from ..render.pages import STYLESHEET, SitePlan
from ..store.folder import Store, load_store
from .exports import feed_links, site_assets
from .guard import note_plugin_ran
from .incremental import PageRenderer
from .output import data_output, replace_file, serve_pages, site_output
from .output import short_nav as nav_of_pages
from .pagecache import PageCache
from .searchindex import SearchIndexError, write_index
from .searchkeeper import SearchIndexKeeper

log = get_plugin_logger(__name__)
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html")  # the generated pages use both


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Renders the event store into the site (see `generator.config` for its options)."""

    def __init__(self) -> None:
        self.settings: Optional[Settings] = None
        self.store: Optional[Store] = None
        self.serving = False
        self.cache: Optional[PageCache] = None
        self.records: dict[str, str] = {}
        self.indexed: Optional[tuple[str, int]] = None  # (site dir, hash of the records)
        self.indexing: Optional[threading.Thread] = None
        self.files_read: dict = {}  # event files parsed in earlier builds of `mkdocs serve`
        self.dirty = False
        self.search = SearchIndexKeeper()
        self.page_urls: set[str] = set()
        self.rendered: set[str] = set()  # pages this build rendered (a dirty build: a few)
        self.renderer = PageRenderer()  # while serving: the last build's pages
        self.data_paths: Optional[set[str]] = None  # the cached files `data_output` made
        self.follow_up: Optional[FollowUp] = None   # this rebuild's job, started after it
        self.job: Optional[threading.Thread] = None
        self.job_cancelled = threading.Event()
        self.data_settings: Optional[Settings] = None  # the settings data_paths were made with
        self.handwritten: set[str] = set()  # generated paths a docs file replaces

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also tells mkdocs to keep this instance across the
        # rebuilds of `mkdocs serve`, so the cache remembers what it wrote.
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config):  # noqa: ANN001, ANN201 - mkdocs' hook signature
        note_plugin_ran()
        project_dir = Path(config.config_file_path).resolve().parent
        self.settings = Settings.from_config(self.config, project_dir,
                                             Path(config.config_file_path), config.site_name,
                                             **engine_site_settings(config))
        if self.config.enabled:
            docs_dir = Path(config.docs_dir).resolve()
            if self.settings.cache_dir == docs_dir or docs_dir in self.settings.cache_dir.parents:
                raise PluginError(f"timeline: cache_dir {self.settings.cache_dir} lies in the "
                                  f"docs folder {docs_dir}; choose a folder outside it")
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
        self.rendered = set()
        self._stop_job()
        if not self.config.enabled:
            return
        settings = self.settings
        self.store = load_store(settings.events_dir, max_bytes=settings.max_event_file_bytes,
                                cache=self.files_read)
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
        if self.settings.exports and not self.settings.site_url:
            log.info("No site_url in %s: links in the feeds and exports are relative to "
                     "the site's root; set site_url for full addresses",
                     Path(config.config_file_path).name)
        if self.serving:
            generated, deferred = self._serve_output()
        else:
            output = site_output(self.settings, self.store.events)
            generated, deferred, self.records = output.files, set(), output.records
            _log_exports(output.exports)
        assets = {path: str(src) for path, src in site_assets(self.settings).items()}
        self.handwritten = {p for p in [*generated, *deferred, *assets]
                            if files.get_file_from_path(p)}
        for path in sorted(self.handwritten):
            log.info("Keeping the hand-written %s instead of the generated page", path)
            generated.pop(path, None)
            deferred.discard(path)
            assets.pop(path, None)
        kept = [*generated, *deferred, *assets]
        if self.serving:
            files_on_disk = self._cached(generated, deferred)
            for path in [*generated, *deferred]:
                files.append(File.generated(config, path, abs_src_path=files_on_disk[path]))
        else:
            for path, text in generated.items():
                files.append(File.generated(config, path, content=text))
        for path, source in assets.items():  # vendored files are copied as they are
            files.append(File.generated(config, path, abs_src_path=source))
        self.page_urls = {f.url for f in files.documentation_pages()}
        if self.config.nav and config.nav is None:
            config.nav = short_nav(files, set(kept))
        log.info("%d generated files added", len(kept))
        return files

    # Late, after the search plugin has written its index.
    @event_priority(-100)
    def on_post_build(self, *, config) -> None:  # noqa: ANN001
        """Index the events for the Explore page (again only when they changed).

        While serving, the index is written in the background: the browser reloads the
        edited page at once, and Explore catches up a moment later. A dirty rebuild's
        header search index is completed from the previous one (`searchkeeper`).
        """
        if self.serving:
            self.search.after_build(Path(config.site_dir), self.page_urls, self.rendered,
                                    self.dirty)
        if self.follow_up is not None:
            self._start_job(self.follow_up, Path(config.site_dir))
            self.follow_up = None
            return
        if not self.config.enabled:
            return
        if self.serving:
            self._index_in_background(self.records, Path(config.site_dir))
        elif self.settings.explore and self.records:
            self._index(self.records, Path(config.site_dir))

    def on_shutdown(self) -> None:
        self._stop_job()
        self._wait_for_index()

    # ------------------------------------------------------------------ serving

    def _serve_output(self) -> tuple[dict[str, str], set[str]]:
        """This build's generated files ({path: text}) and the paths of those the
        follow-up job writes, which an earlier build left in the cache.

        The first build (and one after the settings changed) makes everything at once;
        later ones render the pages that changed and leave the rest to the job that
        `on_post_build` starts.
        """
        plan, generated = serve_pages(self.settings, self.store.events, self.renderer)
        if self.data_paths is None or self.data_settings != self.settings:
            data = data_output(self.settings, plan)
            _log_exports(data.exports)
            generated.update(data.files)
            self.records = data.records
            self.data_paths, self.data_settings = set(data.files), self.settings
            return generated, set()
        log.info("%d of %d pages rendered", len(self.renderer.rendered),
                 len(self.renderer.texts))
        self.follow_up = FollowUp(plan, set(generated))
        return generated, self.data_paths - set(generated)

    def _start_job(self, follow_up: FollowUp, site_dir: Path) -> None:
        self.job_cancelled.clear()
        self.job = threading.Thread(target=self._run_job, args=(follow_up, site_dir),
                                    daemon=True)
        self.job.start()

    def _stop_job(self) -> None:
        """Before a rebuild: the running job would write files the rebuild is about to
        replace; it stops at its next step, and the rebuild's own job redoes its work."""
        if self.job is not None:
            self.job_cancelled.set()
            self.job.join()
            self.job = None

    def _run_job(self, follow_up: FollowUp, site_dir: Path) -> None:
        """Make the files of every event, write the changed ones into the cache and the
        served site (each replaced whole), then index the Explore page again."""
        try:
            data = data_output(self.settings, follow_up.plan, self.job_cancelled.is_set)
            if data is None:
                return
            _log_exports(data.exports)
            files = {p: t for p, t in data.files.items() if p not in self.handwritten}
            for path in self.cache.write(files):
                replace_file(site_dir / path, files[path].encode("utf-8"))
            self.cache.prune(follow_up.pages | set(files))
            self.data_paths = set(files)
            self.records = data.records
            self._index_in_background(data.records, site_dir)
        except Exception:  # a thread has no caller to raise to: say it in the log
            log.exception("timeline: writing the exports after the rebuild failed")

    def _index_in_background(self, records: dict[str, str], site_dir: Path) -> None:
        """Index `records` with Pagefind in a thread of its own, unless they are what
        the site's index already holds."""
        if not (self.settings.explore and records):
            return
        key = (str(site_dir), hash(tuple(records.items())))
        if key == self.indexed and (site_dir / "pagefind").is_dir():
            return
        self._wait_for_index()
        self.indexed = key
        self.indexing = threading.Thread(target=self._index_quietly, daemon=True,
                                          args=(records, site_dir))
        self.indexing.start()

    def _index(self, records: dict[str, str], site_dir: Path) -> None:
        try:
            write_index(records, site_dir)
        except SearchIndexError as exc:
            raise PluginError(f"timeline: {exc}") from exc
        log.info("Explore: %d events indexed with Pagefind", len(records))

    def _index_quietly(self, records: dict[str, str], site_dir: Path) -> None:
        try:
            self._index(records, site_dir)
        except PluginError as exc:
            self.indexed = None
            log.error(str(exc))

    def _wait_for_index(self) -> None:
        if self.indexing is not None:
            self.indexing.join()
            self.indexing = None

    def _cached(self, generated: dict[str, str], deferred: set[str]) -> dict[str, str]:
        """Write the changed files into the serve cache, delete those gone (but the
        `deferred` ones, which the follow-up job rewrites): {path: file on disk}."""
        folder = self.settings.cache_dir
        if self.cache is None or self.cache.folder != folder:
            self.cache = PageCache(folder)
        writes = self.cache.write(generated)
        self.cache.prune([*generated, *deferred])
        log.info("%d of %d generated files changed", len(writes), len(generated))
        return self.cache.paths([*generated, *deferred])

    def on_post_page(self, output: str, *, page, config) -> str:  # noqa: ANN001
        """Announce the feeds in every page's head, where feed readers look for them."""
        self.rendered.add(page.url)
        if not self.config.enabled or "</head>" not in output:
            return output
        links = feed_links(self.settings, page.url)
        return output.replace("</head>", links + "\n</head>", 1) if links else output


@dataclass
class FollowUp:
    """What the job after a serve rebuild needs: the build's plan and its pages."""

    plan: SitePlan
    pages: set[str]


def _log_exports(results: dict[str, ExportResult]) -> None:
    for name, result in results.items():
        log.info("Export %s: %s", name, result.summary())


def short_nav(files: Files, generated: set[str]) -> list[Any]:
    """The short nav (see `output.short_nav`) of the site's documentation pages."""
    return nav_of_pages((f.src_uri for f in files.documentation_pages()), generated)
