"""The three projects bench_build.py builds, and what it measures in a built site.

All three share this repository's mkdocs.yml (theme, palette, plugins, Markdown
extensions), so the only difference between them is what the comparison is about.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("talks tariffs ministers agreed summit markets rally vote court ruling storm "
         "election protest strike deal exports review officials said week report").split()


def _config(extra: str = "", timeline: str = "") -> str:
    """The repository's mkdocs.yml with docs and site in the project folder; the
    timeline plugin's entry replaced by `timeline` (empty: no plugin)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: content/pages", "docs_dir: docs")
    text = re.sub(r"  - timeline:\n(?:      .*\n|        .*\n)*", timeline, text)
    return text + extra


def _write(folder: Path, config: str) -> Path:
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def full_project(folder: Path, events: Path) -> Path:
    """Our build: the timeline plugin renders the store at `events`."""
    plugin = (f"  - timeline:\n      events_dir: {events}\n"
              f"      templates_dir: {ROOT / 'templates'}\n")
    return _write(folder, _config(timeline=plugin))


def same_pages_project(folder: Path, events: Path) -> tuple[Path, int]:
    """Our rendered Markdown as plain files, built by mkdocs-material alone with the nav
    the plugin sets; returns the project and the median page size in bytes."""
    from generator.store.folder import load_store
    from generator.site.output import NAV
    from generator.render import SiteOptions, render_site

    files = render_site(load_store(events).events, SiteOptions(name="Bench"),
                        [ROOT / "templates"])
    docs = folder / "docs"
    for path, text in files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    nav = "".join(f"  - {title}: {path}\n" for title, path in NAV if path in files)
    config = _config(f"extra_css:\n  - assets/timeline.css\nnav:\n{nav}")
    sizes = [len(t.encode("utf-8")) for p, t in files.items() if p.endswith(".md")]
    return _write(folder, config), int(statistics.median(sizes))


def plain_page(number: int, size: int) -> str:
    """A plain Markdown page of about `size` bytes: heading, paragraphs, a list, a quote."""
    parts = [f"# Page {number}\n"]
    index = number
    while sum(len(p) for p in parts) < size:
        words = [WORDS[(index + k * 7) % len(WORDS)] for k in range(40)]
        parts.append(" ".join(words).capitalize() + ".\n")
        parts.append("".join(f"- {WORDS[(index + k) % len(WORDS)]} item {k}\n"
                             for k in range(4)))
        parts.append(f"> {' '.join(words[:15])}.\n")
        index += 1
    return "\n".join(parts)


def plain_project(folder: Path, count: int, size: int) -> Path:
    """`count` plain pages of `size` bytes, nav with the home page only."""
    project = _write(folder, _config("nav:\n  - Home: index.md\n"))
    pages = project / "docs" / "pages"
    pages.mkdir()
    (project / "docs" / "index.md").write_text("# Plain pages\n", encoding="utf-8")
    for number in range(count):
        (pages / f"{number:06d}.md").write_text(plain_page(number, size), encoding="utf-8")
    return project


def site_sizes(site: Path) -> dict:
    """Pages, index sizes and the largest HTML pages of a built site."""
    html = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    lists = {p: s for p, s in html.items() if p == "index.html" or p.startswith("periods/")}
    largest = max(html, key=html.get)
    largest_period = max(lists, key=lists.get)
    pagefind = [p for p in (site / "pagefind").rglob("*") if p.is_file()] \
        if (site / "pagefind").is_dir() else []
    lunr = site / "search" / "search_index.json"
    return {"pages": sum(1 for p in html if p != "404.html"),
            "largest": largest, "largest_kb": html[largest] / 1024,
            "largest_period": largest_period, "largest_period_kb": lists[largest_period] / 1024,
            "lunr_mb": lunr.stat().st_size / 1e6 if lunr.exists() else 0.0,
            "pagefind_mb": sum(p.stat().st_size for p in pagefind) / 1e6,
            "pagefind_files": len(pagefind)}
