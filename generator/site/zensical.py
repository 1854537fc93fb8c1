"""Build the site with Zensical, which does not run mkdocs plugins, through the renderer.

The route: render the pages (as `timeline render` does) and copy the hand-written pages
into a work folder, write a `zensical.toml` there that names the nav, our stylesheet and
the site's options, run `zensical build`, then publish the result into the site folder
and add what the mkdocs plugin adds after a build: the feed links in every page's head
and Explore's Pagefind index. The exports are files among the rendered ones, so Zensical
copies them like any other file. Lost against mkdocs: the header search's boost of
overview pages (a mkdocs search-plugin setting).

Zensical requires its docs and site folders to lie inside the folder of its config, so
it builds into the work folder and the site is then copied to the configured site
folder.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml

from ..config import PLUGIN_NAME, Settings, ConfigLoader
from ..core.errors import GeneratorError
from ..render.pages import STYLESHEET
from .exports import feed_links
from .output import SiteOutput, WriteReport, short_nav, site_output, write_changed
from .searchindex import BUNDLE, write_index
from ..store.folder import Store, load_store
from .tomlfile import toml_text

# Where the work folder goes, relative to the project (the plugin's cache_dir sits beside).
WORK_DIR = ".cache/timeline/zensical"
CONFIG_NAME = "zensical.toml"
INSTALL_HINT = "pip install 'zensical==0.0.73'"
GUARD_EXTENSION = "generator.site.guard"
# Settings of the user's config that mean the same to Zensical and are passed on as they are.
SITE_KEYS = ("site_name", "site_description", "site_author", "site_url", "copyright",
             "repo_url", "repo_name", "edit_uri", "use_directory_urls", "extra_javascript",
             "extra")
NEEDED_EXTENSIONS = ("attr_list", "md_in_html")  # the generated pages use both


class EngineError(GeneratorError):
    """Zensical is missing, or its build failed."""


@dataclass(frozen=True)
class WorkFolder:
    """The folders of one Zensical build: its config, its docs, its own site folder."""

    root: Path

    @property
    def config(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"


@dataclass
class Prepared:
    """What one render into the work folder produced."""

    store: Store
    output: SiteOutput
    pages: list[str]          # Markdown pages of the site (generated and hand-written)
    report: WriteReport       # which files of the work folder changed
    removed: list[str]        # files of an earlier render that are gone now
    engine_output: str = ""   # what `zensical build` printed


def engine_config(settings: Settings) -> dict[str, Any]:
    """The user's mkdocs.yml (or equivalent) as a mapping; empty without one."""
    if settings.config_file is None:
        return {}
    with open(settings.config_file, encoding="utf-8-sig") as handle:
        config = yaml.load(handle, Loader=ConfigLoader) or {}
    return config if isinstance(config, dict) else {}


def project_folder(settings: Settings, raw: dict[str, Any], key: str, default: str) -> Path:
    """A folder named in the user's config (docs_dir, site_dir), resolved."""
    value = raw.get(key) if isinstance(raw.get(key), str) else default
    return (settings.project_dir / value).resolve()


def hand_written(docs_dir: Path) -> dict[str, Path]:
    """The files of the user's docs folder ({path: file}), without hidden ones, which
    mkdocs leaves out of a site too."""
    if not docs_dir.is_dir():
        return {}
    found = {}
    for file in docs_dir.rglob("*"):
        relative = file.relative_to(docs_dir)
        if file.is_file() and not any(part.startswith(".") for part in relative.parts):
            found[relative.as_posix()] = file
    return found


def prepare(settings: Settings, raw: dict[str, Any], work: WorkFolder,
            serving: bool = False) -> Prepared:
    """Render the store and copy the hand-written pages into the work folder, writing
    only what changed, and write its zensical.toml. `serving` keeps the Explore index
    a watch put among the docs (a build indexes the published site instead)."""
    store = load_store(settings.events_dir, max_bytes=settings.max_event_file_bytes)
    output = site_output(settings, store.events)
    own = hand_written(project_folder(settings, raw, "docs_dir", "docs"))
    generated: dict[str, Any] = {**output.files, **output.assets}
    # A hand-written page wins over a generated one of the same path, as in the plugin.
    files = {**{p: v for p, v in generated.items() if p not in own}, **own}
    report = write_changed(work.docs, files)
    removed = prune(work.docs, set(files), keep_index=serving)
    pages = sorted(p for p in files if p.endswith(".md"))
    config = zensical_config(settings, raw, short_nav(pages, set(generated) - set(own)))
    write_changed(work.root, {CONFIG_NAME: toml_text({"project": config})})
    return Prepared(store, output, pages, report, removed)


def prune(folder: Path, keep: set[str], keep_index: bool) -> list[str]:
    """Delete files an earlier render wrote that are not in `keep` (nor, with
    `keep_index`, in the Explore index)."""
    removed = []
    for file in sorted(folder.rglob("*")) if folder.is_dir() else []:
        path = file.relative_to(folder).as_posix()
        if keep_index and path.startswith(BUNDLE + "/"):
            continue
        if file.is_file() and path not in keep:
            file.unlink()
            removed.append(path)
    return removed


def zensical_config(settings: Settings, raw: dict[str, Any], nav: list) -> dict[str, Any]:
    """The [project] table of the work folder's zensical.toml."""
    config: dict[str, Any] = {key: raw[key] for key in SITE_KEYS if raw.get(key) is not None}
    config["site_name"] = settings.site_name
    config.update(docs_dir="docs", site_dir="site")
    config["extra_css"] = [STYLESHEET, *[c for c in raw.get("extra_css") or [] if c != STYLESHEET]]
    config["nav"] = raw["nav"] if raw.get("nav") else (nav if settings.nav else None)
    config["theme"] = theme(settings, raw.get("theme"))
    config["plugins"] = plugins(raw.get("plugins"))
    config["markdown_extensions"] = markdown_extensions(raw.get("markdown_extensions"))
    config["validation"] = validation(raw.get("validation"))
    return config


def validation(value: Any) -> dict[str, Any]:
    """The user's link checks; a link to a missing anchor is not a warning unless asked
    for, as in mkdocs (which reports it at info level, below what --strict fails on)."""
    found = dict(value) if isinstance(value, dict) else {}
    links = found.get("links") if isinstance(found.get("links"), dict) else {}
    if not {"anchors", "invalid_link_anchors"} & (set(found) | set(links)):
        found["invalid_link_anchors"] = False
    return found


def theme(settings: Settings, value: Any) -> dict[str, Any]:
    """The user's theme settings, with the classic (Material) look unless another is set
    and its custom_dir made absolute (the config now lives in the work folder)."""
    found = dict(value) if isinstance(value, dict) else {"name": value} if value else {}
    found.setdefault("variant", "classic")
    if isinstance(found.get("custom_dir"), str):
        found["custom_dir"] = str((settings.project_dir / found["custom_dir"]).resolve())
    return found


def _entries(value: Any) -> dict[str, Any]:
    """A mkdocs list of names or one-key mappings (or a mapping) as {name: options}."""
    if isinstance(value, dict):
        return {str(k): v if isinstance(v, dict) else {} for k, v in value.items()}
    found: dict[str, Any] = {}
    for item in value or []:
        if isinstance(item, str):
            found[item] = {}
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            found[str(name)] = options if isinstance(options, dict) else {}
    return found


def plugins(value: Any) -> dict[str, Any]:
    """The user's plugins but ours, which Zensical cannot run (this route replaces it)."""
    found = _entries(value)
    found.pop(PLUGIN_NAME, None)
    return found


def markdown_extensions(value: Any) -> dict[str, Any]:
    """The user's Markdown extensions, with those the pages need and without the check
    that warns about a build without the plugin (this build has the pages)."""
    found = _entries(value)
    found.pop(GUARD_EXTENSION, None)
    for name in NEEDED_EXTENSIONS:
        found.setdefault(name, {})
    return found


def zensical_command() -> list[str]:
    """How to run Zensical with this Python; a clear error when it is not installed."""
    if importlib.util.find_spec("zensical") is None:
        raise EngineError(f"the Zensical route needs Zensical: {INSTALL_HINT}")
    return [sys.executable, "-m", "zensical"]


def run_zensical(work: WorkFolder, strict: bool) -> str:
    """`zensical build` on the work folder; returns what it printed (its warnings)."""
    command = [*zensical_command(), "build", "-f", str(work.config)]
    result = subprocess.run(command + (["--strict"] if strict else []), cwd=work.root,
                            capture_output=True, text=True)
    said = (result.stdout + result.stderr).strip()
    if result.returncode:
        raise EngineError(f"zensical build failed (exit code {result.returncode}):\n"
                          f"{said[-4000:]}")
    return said


def publish(work: WorkFolder, site_dir: Path, settings: Settings) -> None:
    """Replace the site folder by a copy of Zensical's output (a copy, not hard links:
    `zensical serve` on the work folder may rewrite its files in place)."""
    for kept, inside_ok in ((settings.project_dir, True), (settings.events_dir, False),
                            (work.root, False)):
        if _overlaps(site_dir, kept, inside_ok):
            raise EngineError(f"site_dir {site_dir} overlaps {kept}, which a build must not "
                              "delete; choose a folder of its own")
    shutil.rmtree(site_dir, ignore_errors=True)
    shutil.copytree(work.site, site_dir)


def _overlaps(site_dir: Path, kept: Path, inside_ok: bool = False) -> bool:
    """Would deleting `site_dir` delete `kept` (or lie inside it, unless that is fine)?"""
    return site_dir == kept or site_dir in kept.parents or \
        (not inside_ok and kept in site_dir.parents)


def page_url(page: str, directory_urls: bool) -> str:
    """The URL of a Markdown page in the site, by mkdocs' rules ("" for the home page)."""
    stem = page[:-len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-len("index")]
    return stem + "/"


def page_file(url: str) -> str:
    """The HTML file behind a page URL."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def add_feed_links(site_dir: Path, pages: list[str], settings: Settings) -> int:
    """Announce the feeds in every page's head, as the plugin does; returns pages changed."""
    changed = 0
    for page in pages:
        url = page_url(page, settings.use_directory_urls)
        links = feed_links(settings, url)
        target = site_dir / page_file(url)
        if not links or not target.is_file():
            continue
        text = target.read_text(encoding="utf-8")
        if "</head>" in text:
            text = text.replace("</head>", links + "\n</head>", 1)
            write_changed(site_dir, {page_file(url): text})
            changed += 1
    return changed


def build(settings: Settings, work: WorkFolder, site_dir: Path, strict: bool) -> Prepared:
    """The whole route: render, build, publish, add the feed links and the Explore index."""
    zensical_command()  # fail before rendering anything when Zensical is missing
    raw = engine_config(settings)
    prepared = prepare(settings, raw, work)
    prepared.engine_output = run_zensical(work, strict)
    publish(work, site_dir, settings)
    add_feed_links(site_dir, prepared.pages, settings)
    if settings.explore and prepared.output.records:
        write_index(prepared.output.records, site_dir)
    return prepared


_indexed: dict[Path, int] = {}  # work folder -> hash of the records it holds an index of


def render_for_serve(settings: Settings, raw: dict[str, Any], work: WorkFolder) -> Prepared:
    """Render into the work folder for `zensical serve`, with Explore's index among the
    docs (Zensical serves it as any other file), indexed again only when the records
    changed."""
    prepared = prepare(settings, raw, work, serving=True)
    records = prepared.output.records if settings.explore else {}
    key = hash(tuple(sorted(records.items())))
    if records and (_indexed.get(work.root) != key or not (work.docs / BUNDLE).is_dir()):
        write_index(records, work.docs)
        _indexed[work.root] = key
    return prepared


def default_work_folder(settings: Settings, given: Optional[Path]) -> WorkFolder:
    """The work folder asked for, or the default one in the project."""
    return WorkFolder((given or settings.project_dir / WORK_DIR).resolve())
