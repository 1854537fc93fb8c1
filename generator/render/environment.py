"""The Jinja environment for generated pages: where templates come from, how values print.

Loader chain: the user's override folder, then the project's templates folder, then the
templates that come with Timeline Generator, so a project overrides one file and
inherits the rest. StrictUndefined makes a misspelt name fail the build.

Every `{{ value }}` is escaped for Markdown and HTML unless it is `Markup` (a link the
renderer built, pre-made SVG, notes already made inert): templates print untrusted
text safely without having to remember a filter, the discipline of autoescaping.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional

import jinja2
from markupsafe import Markup

from ..core.dates import human_date
from .escape import md_text, notes_markdown, safe_url, script_json
from .paths import page_url, relative_link, relative_url

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return md_text(value)


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, target: str, anchor: str = "") -> Markup:
    """A Markdown link target from the page being rendered to another generated page."""
    link = relative_link(context["page_path"], target)
    return Markup(link + (f"#{anchor}" if anchor else ""))


@jinja2.pass_context
def _href(context: jinja2.runtime.Context, target: str, anchor: str = "") -> Markup:
    """A final URL for raw HTML from the page being rendered to another generated page."""
    url = relative_url(context["page_path"], target, context["directory_urls"])
    return Markup(url + (f"#{anchor}" if anchor else ""))


def _under(target: str, root: str, directory_urls: bool, anchor: str = "") -> Markup:
    """A final URL for raw HTML reached through the page's way to the site root: the same
    text on every page at one depth, so a card is rendered once per depth, not per list."""
    return Markup(root + page_url(target, directory_urls) + (f"#{anchor}" if anchor else ""))


@jinja2.pass_context
def _cached_card(context: jinja2.runtime.Context, card: Any, quote: Any = None) -> Markup:
    """The card of an event as HTML, rendered once per build and page depth.

    An event's card appears on the home page, its period page and the page of each of
    its names; with links that go through the site root, all the pages at one depth
    show the same text, so it is rendered once and reused (`card_cache` is per build).
    """
    directory_urls = context["directory_urls"]
    root = relative_url(context["page_path"], "index.md", directory_urls)
    root = "" if root == "./" else root
    key = (id(card), quote, root, directory_urls)
    cache = context["card_cache"]
    found = cache.get(key)
    if found is None:
        macros = context.environment.get_template("partials/macros.md.j2").module
        found = cache[key] = macros.card_body(card, quote, root, directory_urls)
    return found


def _plural(count: int, noun: str, plural: Optional[str] = None) -> str:
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


_ENVIRONMENTS: dict[tuple[str, ...], jinja2.Environment] = {}


def make_environment(folders: Iterable[Optional[Path]] = ()) -> jinja2.Environment:
    """A Jinja environment reading from `folders` (first wins), then the built-in templates.

    One environment per folder list is kept for the process: `mkdocs serve` rebuilds
    after every edit, and compiling the templates again each time would cost half a
    second. Jinja reloads a template whose file changed (`auto_reload`).

    Raises:
        jinja2.TemplateNotFound: later, when a page needs a template none of them has.
    """
    paths = [str(p) for p in folders if p is not None and Path(p).is_dir()]
    if BUILTIN_TEMPLATES.is_dir() and str(BUILTIN_TEMPLATES) not in paths:
        paths.append(str(BUILTIN_TEMPLATES))
    key = tuple(paths)
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS[key] = _environment(paths)
    return _ENVIRONMENTS[key]


def _environment(paths: list[str]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters.update(md=md_text, link=_link, href=_href, under=_under, url=safe_url,
                       notes=notes_markdown, json=script_json, plural=_plural,
                       when=human_date)
    env.globals["cached_card"] = _cached_card
    return env


def read_asset(env: jinja2.Environment, name: str) -> str:
    """A static file from the template folders (the stylesheet), by the same override rules."""
    source, _, _ = env.loader.get_source(env, name)
    return source
