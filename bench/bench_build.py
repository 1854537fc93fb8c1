#!/usr/bin/env python3
"""Site build at scale: our build against mkdocs-material alone, serve rebuilds, sizes.

    .venv/bin/python bench/bench_build.py                       # 1,000 and 10,000 events
    .venv/bin/python bench/bench_build.py --sizes 1000 --runs 5
    .venv/bin/python bench/bench_build.py --with-100k --runs 1  # adds 100,000 (long)

For each size it writes the synthetic store of `bench/corpus.py` (seeded) and measures,
in the same run and each as a process of its own (wall time and peak memory):

- full: `mkdocs build` of a project using this repository's mkdocs.yml and templates
  (store loading, rendering, Markdown, theme, lunr index, Pagefind index);
- same pages: the Markdown pages our renderer makes, written to a docs folder and built
  by mkdocs-material alone with the same theme, plugins and nav (what our plugin adds);
- plain pages: as many plain Markdown pages as there are events, each the size of a
  median generated page (the issue's baseline);

then the sizes of the lunr and Pagefind indexes and of the largest HTML pages, the time
from saving an edited event until `mkdocs serve --dirty` serves the change (polling over
HTTP), and the first search on the Explore page and in the header in headless chromium.
Figures are medians over `--runs`. Prints Markdown tables, and the machine first.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import write_events  # noqa: E402
from bench.search_probe import first_searches  # noqa: E402
from bench.serve_probe import edit_to_visible  # noqa: E402
from bench.sites import (full_project, plain_project, same_pages_project,  # noqa: E402
                         site_sizes)

PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "jinja2", "pagefind", "pagefind-bin")


def machine() -> str:
    """CPU model, cores, memory, Python and package versions, as Markdown lines."""
    from importlib.metadata import PackageNotFoundError, version
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory = next((int(line.split()[1]) / 1024 ** 2 for line in
                   Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0.0)
    import os
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return (f"- CPU: {cpu}, {os.cpu_count()} cores; memory {memory:.1f} GiB\n"
            f"- {platform.system()} {platform.release()}; Python {platform.python_version()}\n"
            f"- {', '.join(versions)}")


def measure(project: Path, runs: int) -> dict[str, float]:
    """Median seconds and peak MB of `mkdocs build` in `project`, a fresh site each run."""
    seconds, memory = [], []
    for _ in range(runs):
        shutil.rmtree(project / "site", ignore_errors=True)
        out = subprocess.run([sys.executable, str(ROOT / "bench" / "measure.py"), "--",
                              sys.executable, "-m", "mkdocs", "build"], cwd=project,
                             capture_output=True, text=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        if result["returncode"]:
            sys.exit(f"build failed in {project}:\n{out.stderr}")
        seconds.append(result["seconds"])
        memory.append(result["max_rss_mb"])
    return {"seconds": statistics.median(seconds), "max_rss_mb": max(memory)}


def bench_size(size: int, args: argparse.Namespace, work: Path) -> dict:
    events = work / "events"
    write_events(events, size, seed=1)
    row: dict = {"events": size}
    full = full_project(work / "full", events)
    row["full"] = measure(full, args.runs)
    row.update(site_sizes(full / "site"))
    if size in args.search_sizes:
        row["search"] = first_searches(full / "site", args.search_runs)
    same, row["median_page_bytes"] = same_pages_project(work / "same", events)
    row["same"] = measure(same, args.runs)
    plain = plain_project(work / "plain", size, row["median_page_bytes"])
    row["plain"] = measure(plain, args.runs)
    if size in args.serve_sizes:
        row["serve"] = edit_to_visible(full, events, args.edits)
    for name in ("same", "plain"):
        shutil.rmtree(work / name, ignore_errors=True)
    return row


def tables(rows: list[dict]) -> str:
    lines = ["| events | pages | full build s | peak MB | same pages s | ratio | "
             "plain pages s | ratio | peak MB plain |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        f, s, p = r["full"], r["same"], r["plain"]
        lines.append(f"| {r['events']:,} | {r['pages']:,} | {f['seconds']:.1f} | "
                     f"{f['max_rss_mb']:,} | {s['seconds']:.1f} | "
                     f"{f['seconds'] / s['seconds']:.2f} | {p['seconds']:.1f} | "
                     f"{f['seconds'] / p['seconds']:.2f} | {p['max_rss_mb']:,} |")
    lines += ["", "| events | lunr index MB | Pagefind index MB (files) | largest page KB | "
              "largest home/period page KB | serve: edit shown s | first build s |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        serve = r.get("serve") or {}
        shown = f"{serve['median']:.2f} ({', '.join(f'{t:.2f}' for t in serve['all'])})" \
            if serve else "-"
        first = f"{serve['first_build']:.1f}" if serve else "-"
        lines.append(f"| {r['events']:,} | {r['lunr_mb']:.2f} | {r['pagefind_mb']:.1f} "
                     f"({r['pagefind_files']:,}) | {r['largest_kb']:,.0f} "
                     f"(`{r['largest']}`) | {r['largest_period_kb']:,.0f} "
                     f"(`{r['largest_period']}`) | {shown} | {first} |")
    searched = [r for r in rows if r.get("search")]
    if searched:
        lines += ["", "| events | Explore: first search s | KB loaded | header search: "
                  "first search s | KB loaded |", "| ---: | ---: | ---: | ---: | ---: |"]
        for r in searched:
            s = r["search"]
            lines.append(f"| {r['events']:,} | {s['explore_s']:.2f} | {s['explore_kb']:,.0f}"
                         f" | {s['header_s']:.2f} | {s['header_kb']:,.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--with-100k", action="store_true", help="add 100,000 events")
    parser.add_argument("--runs", type=int, default=3, help="builds per figure (median)")
    parser.add_argument("--serve-sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--search-sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--edits", type=int, default=3, help="edits per serve figure")
    parser.add_argument("--search-runs", type=int, default=3, help="fresh browser profiles")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    sizes = args.sizes + ([100_000] if args.with_100k else [])
    print(machine(), flush=True)
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as tmp:
            rows.append(bench_size(size, args, Path(tmp)))
        print(f"\n{size} events done: {json.dumps(rows[-1])}", file=sys.stderr, flush=True)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print()
    print(tables(rows))


if __name__ == "__main__":
    main()
