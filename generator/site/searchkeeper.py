"""Keeps Material's header search index complete across dirty rebuilds.

A dirty rebuild renders only the pages whose sources changed, and the search plugin
then writes an index of just those pages: after one edit the search box would find only
the edited event. This keeps the last complete index and, after each dirty rebuild,
replaces the entries of the pages that were rebuilt, drops those of pages that are gone,
and writes the whole index back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from ..core.fsutil import atomic_write

INDEX = Path("search") / "search_index.json"


class SearchIndexKeeper:
    """The complete search index of the site being served."""

    def __init__(self) -> None:
        self.full: Optional[dict] = None

    def after_build(self, site_dir: Path, pages: set[str], rendered: set[str],
                    dirty: bool) -> None:
        """Fold this build's index into the complete one.

        `pages` are the URLs of every page the site has now, `rendered` those this build
        rendered. Only the entries of rendered pages are taken from this build's index
        (the last entry of each location, since some search plugins keep stale entries
        of a page beside its new ones); the others come from the complete index.
        """
        path = Path(site_dir) / INDEX
        if not path.is_file():
            return
        current = json.loads(path.read_text(encoding="utf-8"))
        if not dirty or self.full is None:
            self.full = current
            return
        pages, rendered = {_url(p) for p in pages}, {_url(p) for p in rendered}
        fresh: dict[str, dict] = {}
        for doc in current.get("docs", []):
            if _page(doc) in rendered:
                fresh.pop(doc.get("location"), None)
                fresh[doc.get("location")] = doc
        kept = [doc for doc in self.full.get("docs", [])
                if _page(doc) not in rendered and _page(doc) in pages]
        merged = {**current, "docs": kept + list(fresh.values())}
        self.full = merged
        atomic_write(path, json.dumps(merged, ensure_ascii=False, separators=(",", ":")))


def _page(doc: dict) -> str:
    return _url(str(doc.get("location", "")).split("#", 1)[0])


def _url(url: str) -> str:
    """Page URLs as the search index writes them: the home page is "" (mkdocs: "./")."""
    return "" if url in ("./", ".") else url
