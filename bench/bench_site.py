#!/usr/bin/env python3
"""How long the site takes to render and build as the store grows.

    .venv/bin/python bench/bench_site.py [--sizes 1000 5000]

For each size it writes the synthetic store of bench_store.py (seeded, reproducible)
into a temporary project that uses this repository's mkdocs.yml and templates, then
reports: rendering every page in memory (`render_site`), and a full
`mkdocs build --strict` (store loading, rendering, Markdown, theme, search index),
with the number of HTML pages and the size of the built site.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_store import synthetic_events  # noqa: E402
from generator.store.writer import sync_generated  # noqa: E402
from generator.store.folder import load_store  # noqa: E402
from generator.render import SiteOptions, render_site  # noqa: E402


def project(folder: Path, events: Path) -> Path:
    """This repository's mkdocs.yml, pointed at `events` and a site folder in `folder`."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("events_dir: content/events", f"events_dir: {events}")
    text = text.replace("docs_dir: content/pages", f"docs_dir: {ROOT / 'content/pages'}")
    text = text.replace("templates_dir: templates", f"templates_dir: {ROOT / 'templates'}")
    text = text.replace("site_dir: site", f"site_dir: {folder / 'site'}")
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    return folder


def size_of(folder: Path) -> tuple[int, float]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    pages = sum(1 for p in files if p.name == "index.html")
    return pages, sum(p.stat().st_size for p in files) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    print(f"{'events':>7} {'render s':>9} {'build s':>8} {'pages':>7} {'site MB':>8}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            events_dir = folder / "events"
            sync_generated(events_dir, synthetic_events(size))
            events = load_store(events_dir).events
            start = time.perf_counter()
            render_site(events, SiteOptions())
            render = time.perf_counter() - start
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                                    cwd=project(folder, events_dir), capture_output=True,
                                    text=True)
            build = time.perf_counter() - start
            if result.returncode:
                sys.exit(result.stderr)
            pages, megabytes = size_of(folder / "site")
        print(f"{size:>7} {render:>9.2f} {build:>8.1f} {pages:>7} {megabytes:>8.1f}")


if __name__ == "__main__":
    main()
