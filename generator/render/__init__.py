"""The renderer: events + site options + Jinja templates -> Markdown pages and assets.

It has no mkdocs imports, so the same Markdown tree can feed another engine; the mkdocs
plugin and `timeline render` are both thin callers of `render_site`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from ..model import Event
from .datafiles import DATA_FILE, events_json
from .environment import make_environment, read_asset
from .pages import STYLESHEET, SitePlan, render_pages
from .records import SiteOptions


def render_site(events: list[Event], options: SiteOptions,
                template_folders: Iterable[Optional[Path]] = ()) -> dict[str, str]:
    """Every generated file of the site: {path inside the docs folder: text}.

    `events` must be in timeline order (as `load_store` returns them). The result holds
    the Markdown pages, the stylesheet and the machine-readable events file.
    """
    env = make_environment(template_folders)
    plan = SitePlan(events, options)
    files = render_pages(plan, env)
    files[STYLESHEET] = read_asset(env, STYLESHEET)
    files[DATA_FILE] = events_json(events, options)
    return files


__all__ = ["DATA_FILE", "STYLESHEET", "SiteOptions", "render_site"]
