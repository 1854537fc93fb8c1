"""The one settings schema, read from the `timeline` plugin entry of the site's config.

The config file is mkdocs.yml, or properdocs.yml under ProperDocs (see CONFIG_NAMES).
The plugin and the `timeline` CLI read the same options through this module, so a
folder set in the config is the folder both use. Relative paths are relative to the
folder holding the config file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml
from .core.errors import ConfigError
from .engine import config_base as base
from .engine import config_options as c
from .exporters import FORMAT_NAMES

# Looked for in this order, ProperDocs' own: a project that renamed its config for
# ProperDocs keeps the new name working even when the old file is still there.
CONFIG_NAMES = ("properdocs.yml", "properdocs.yaml", "mkdocs.yml", "mkdocs.yaml")
PLUGIN_NAME = "timeline"


class TimelineConfig(base.Config):
    """Options of the `timeline` entry under `plugins:` in the config file."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing its settings."""

    events_dir = c.Type(str, default="content/events")
    """The event store: one Markdown file (or YAML list) per event; the site's source of truth."""

    articles = c.ListOfItems(c.Type(str), default=["content/articles"])
    """Files or folders of news articles that `timeline extract` reads by default."""

    templates_dir = c.Type(str, default="templates")
    """The project's Jinja templates for generated pages."""

    overrides_dir = c.Optional(c.Type(str))
    """A folder of templates that take precedence over `templates_dir`, for local changes."""

    max_event_file_bytes = c.Type(int, default=1_000_000)
    """Event files larger than this are refused as not being event records."""

    home_max_events = c.Type(int, default=500)
    """The home page lists every event up to this many; beyond, it shows the chart and the
    periods, and the events stay on the period pages (one long page would be slow)."""

    key_events = c.Type(int, default=0)
    """How many key events the home page leads with (the story in brief, chosen by
    importance); 0 scales the number to the store (5 to 60, see the user guide)."""

    month_pages_after = c.Type(int, default=60)
    """A year with more events than this gets a page per month instead of one page."""

    event_pages_max = c.Type(int, default=20_000)
    """Every event gets a page (/events/<id>/) while the store has at most this many;
    above, the anchor of its card on its period page (#e-<id>) is its permalink, which
    keeps a build of 100,000 events within minutes."""

    facet_page_max_events = c.Type(int, default=200)
    """An actor, place or tag with more events than this lists its years (and months, for
    long years) on its page, each a page of its own, instead of one very long page."""

    header_search_max_events = c.Type(int, default=2_000)
    """Material's header search indexes event, period and list pages up to this many
    events; above, only the overview and hand-written pages (the browser loads the whole
    index before the first search), and the Explore page searches the events."""

    explore = c.Type(bool, default=True)
    """Add the Explore page: search every event with Pagefind and filter by tag, actor,
    place, year and source. Its index is written into the site after the build."""

    cache_dir = c.Type(str, default=".cache/timeline")
    """Where `mkdocs serve` keeps the generated pages as files that change only with their
    text, so `mkdocs serve --dirty` rebuilds just the pages an edit touched. Must lie
    outside the docs folder; safe to delete."""

    nav = c.Type(bool, default=True)
    """When mkdocs.yml has no `nav:`, set a short one: the timeline, periods, actors, places,
    tags, sources, data, then the hand-written pages. Event pages are never listed in it:
    the theme draws the whole navigation into every page."""

    exports = c.ListOfItems(c.Choice(FORMAT_NAMES), default=list(FORMAT_NAMES))
    """Export files the build writes at the root of the site: timelinejs (timeline.json and
    the interactive timeline page), ics, csv, atom, atom-updates, jsonfeed, json. All by
    default; `[]` for none."""

    feed_entries = c.Type(int, default=50)
    """How many entries each feed (feed.xml, updates.xml, feed.json) holds."""


@dataclass(frozen=True)
class Settings:
    """Validated options with paths resolved, as every command and the plugin use them."""

    project_dir: Path
    config_file: Optional[Path]
    enabled: bool
    events_dir: Path
    articles: tuple[Path, ...]
    templates_dir: Path
    overrides_dir: Optional[Path]
    max_event_file_bytes: int
    site_name: str = "Timeline"
    home_max_events: int = 500
    key_events: int = 0
    month_pages_after: int = 60
    nav: bool = True
    event_pages_max: int = 20_000
    facet_page_max_events: int = 200
    header_search_max_events: int = 2_000
    explore: bool = True
    cache_dir: Optional[Path] = None
    site_description: str = ""
    site_url: str = ""
    use_directory_urls: bool = True
    exports: tuple[str, ...] = FORMAT_NAMES
    feed_entries: int = 50

    @classmethod
    def from_config(cls, options: TimelineConfig, project_dir: Path,
                    config_file: Optional[Path] = None, site_name: str = "Timeline",
                    **site: Any) -> "Settings":
        """Resolve paths; `site` passes mkdocs' own site_description, site_url and
        use_directory_urls, which the pages need too."""
        def resolve(value: str) -> Path:
            return (project_dir / os.path.expanduser(value)).resolve()

        return cls(
            project_dir=project_dir,
            config_file=config_file,
            enabled=options.enabled,
            events_dir=resolve(options.events_dir),
            articles=tuple(resolve(a) for a in options.articles),
            templates_dir=resolve(options.templates_dir),
            overrides_dir=resolve(options.overrides_dir) if options.overrides_dir else None,
            max_event_file_bytes=options.max_event_file_bytes,
            site_name=site_name,
            home_max_events=options.home_max_events,
            key_events=options.key_events,
            month_pages_after=options.month_pages_after,
            nav=options.nav,
            exports=tuple(dict.fromkeys(options.exports)),
            feed_entries=options.feed_entries,
            event_pages_max=options.event_pages_max,
            facet_page_max_events=options.facet_page_max_events,
            header_search_max_events=options.header_search_max_events,
            explore=options.explore,
            cache_dir=resolve(options.cache_dir),
            **site,
        )


class ConfigLoader(yaml.SafeLoader):
    """Reads the config file without running anything: `!ENV` is honoured, other tags read
    as None."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = [node.value] if isinstance(node, yaml.ScalarNode) else [
        n.value for n in node.value]
    default = None
    if len(names) > 1:
        *names, default = names
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


ConfigLoader.add_constructor("!ENV", _env_tag)
ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/",
                                    lambda loader, suffix, node: None)


def find_config(start: Path) -> Optional[Path]:
    """The config file in `start`, the first of CONFIG_NAMES there (None without one)."""
    for name in CONFIG_NAMES:
        if (start / name).is_file():
            return start / name
    return None


def shadowed_configs_warning(found: Path) -> Optional[str]:
    """A warning when other config files sit beside the one read: each engine reads its
    own name first, so `mkdocs` and the `timeline` commands could read different files."""
    others = [name for name in CONFIG_NAMES
              if name != found.name and (found.parent / name).is_file()]
    if not others:
        return None
    return (f"{found}: read this config file; {', '.join(others)} beside it "
            f"{'is' if len(others) == 1 else 'are'} ignored. Keep one config file, or "
            "name it with `-f FILE`")


def missing_config_error(folder: Path) -> ConfigError:
    """Why a command that reads the settings cannot run in `folder`, and what to do."""
    names = ", ".join(CONFIG_NAMES)
    return ConfigError(f"no config file in {folder}: looked for {names}. Run the command "
                       "from the folder that holds your site's config, or name the file "
                       "with `timeline -f FILE ...`")


def plugin_options(config: dict) -> Optional[dict]:
    """The `timeline` entry of a parsed config file (None when the plugin is not listed)."""
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        return (plugins[PLUGIN_NAME] or {}) if PLUGIN_NAME in plugins else None
    for item in plugins or []:
        if item == PLUGIN_NAME:
            return {}
        if isinstance(item, dict) and PLUGIN_NAME in item:
            return item[PLUGIN_NAME] or {}
    return None


def validate_options(raw: Any, config_file: Optional[Path]) -> tuple[TimelineConfig, list[str]]:
    """Check the plugin options; returns them and warnings, raises `ConfigError` on errors."""
    where = str(config_file or "defaults")
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: the `{PLUGIN_NAME}` plugin entry must hold key: value "
                          f"options, got {raw!r}")
    options = TimelineConfig(config_file_path=str(config_file) if config_file else None)
    options.load_dict(raw)
    errors, warnings = options.validate()
    if errors:
        detail = "; ".join(f"option '{name}': {error}" for name, error in errors)
        raise ConfigError(f"{where}: plugins -> {PLUGIN_NAME}: {detail}")
    return options, [f"{where}: plugins -> {PLUGIN_NAME}: option '{name}': {message}"
                     for name, message in warnings]


def load_settings(config_file: Optional[Path] = None, cwd: Optional[Path] = None,
                  required: bool = True) -> tuple[Settings, list[str]]:
    """Settings from the config file (found in `cwd` when not given).

    Without a config file the defaults are used only when `required` is false: a
    command whose inputs are all on its command line needs no settings of the site.

    Raises:
        ConfigError: no config file was found (and one is required), the file cannot
            be read, or its `timeline` options are invalid.
    """
    cwd = Path(cwd or Path.cwd())
    if config_file:  # named by the user: read it, whatever else lies beside it
        return _read_settings(Path(config_file))
    found = find_config(cwd)
    if found is None:
        if required:
            raise missing_config_error(cwd.resolve())
        options, warnings = validate_options({}, None)
        return Settings.from_config(options, cwd.resolve()), warnings
    settings, warnings = _read_settings(found)
    shadowed = shadowed_configs_warning(found)
    return settings, warnings + ([shadowed] if shadowed else [])


def _read_settings(config_file: Path) -> tuple[Settings, list[str]]:
    """Settings from one config file, and the warnings about its `timeline` options."""
    try:
        with open(config_file, encoding="utf-8-sig") as handle:
            config = yaml.load(handle, Loader=ConfigLoader) or {}
    except OSError as exc:
        raise ConfigError(f"{config_file}: cannot read it: {exc.strerror}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{config_file}: not valid YAML: {exc}") from exc
    if not isinstance(config, dict):
        raise ConfigError(f"{config_file}: expected site settings (key: value pairs)")
    raw = plugin_options(config)
    options, warnings = validate_options(raw if raw is not None else {}, config_file)
    settings = Settings.from_config(options, config_file.resolve().parent, config_file,
                                    _text(config, "site_name") or "Timeline",
                                    **engine_site_settings(config))
    return settings, warnings


def _text(config: dict, key: str) -> str:
    value = config.get(key)
    return value if isinstance(value, str) else ""


def engine_site_settings(config: Any) -> dict[str, Any]:
    """The engine settings the generated pages depend on, from the config file or the
    engine's parsed config."""
    directory_urls = config.get("use_directory_urls", True)
    return {"site_description": _text(config, "site_description"),
            "site_url": _text(config, "site_url"),
            "use_directory_urls": directory_urls if isinstance(directory_urls, bool) else True}
