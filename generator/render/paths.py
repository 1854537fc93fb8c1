"""Where generated pages live and how one page links to another.

Pages are named by their Markdown source path inside the docs folder ("events/x.md").
Links written as Markdown use those paths, relative to the page, so mkdocs (or another
engine) resolves and checks them; raw HTML (the chart) needs the final URL instead,
which depends on whether the site uses directory URLs.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from typing import Iterable

_NOT_WORD = re.compile(r"[^\w]+")
RESERVED_SLUGS = frozenset({"index"})


def slugify(name: str) -> str:
    """A URL path segment for a name: lowercase words joined by '-', letters of any script."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("'", "").replace("’", "")
    slug = _NOT_WORD.sub("-", text).strip("-_")
    return slug[:80].rstrip("-_") or "x"


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """Name -> slug, distinct for distinct names ("U.S." and "US" get "u-s" and "us").

    Names are taken in sorted order, so a name keeps its slug when unrelated names
    come and go; a clash gets -2, -3 in that order.
    """
    taken: set[str] = set(RESERVED_SLUGS)
    result: dict[str, str] = {}
    for name in sorted(set(names), key=lambda n: (n.casefold(), n)):
        base = slugify(name)
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        result[name] = slug
    return result


def relative_link(from_page: str, to_page: str) -> str:
    """A Markdown link from one page source to another ("../tags/trade.md").

    Plain string work on the two paths (no file system), as it runs for every link of
    every page.
    """
    here = from_page.split("/")[:-1]
    there = to_page.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:])


def page_url(page: str, directory_urls: bool = True) -> str:
    """The site-relative URL mkdocs gives a page source ("periods/2019/" or ".html")."""
    stem = page[:-3] if page.endswith(".md") else page
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def relative_url(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """A URL for raw HTML on `from_page` that reaches `to_page` (no engine rewrites it).

    String work on the two URLs, like `relative_link`: it runs for every card's links.
    """
    base = page_url(from_page, directory_urls).split("/")[:-1]
    parts = page_url(to_page, directory_urls).split("/")
    common = 0
    while common < len(base) and common < len(parts) - 1 and base[common] == parts[common]:
        common += 1
    return "../" * (len(base) - common) + "/".join(parts[common:]) or "./"


def file_url(from_page: str, path: str, directory_urls: bool = True) -> str:
    """A URL for raw HTML on `from_page` that reaches a file that is not a page (a script,
    a JSON file); a `path` ending in '/' names a folder and keeps the '/'."""
    here = page_url(from_page, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    link = posixpath.relpath(path.rstrip("/") or ".", base.rstrip("/") or ".")
    return link + "/" if path.endswith("/") else link
