#!/usr/bin/env python3
"""Site build at scale: our build against mkdocs-material alone, serve rebuilds, sizes.

    .venv/bin/python bench/bench_build.py                       # 1,000 and 10,000 events
    .venv/bin/python bench/bench_build.py --sizes 1000 --runs 5
    .venv/bin/python bench/bench_build.py --with-100k --runs 1  # adds 100,000 (long)

For each size it writes the synthetic store of `bench/corpus.py` (seeded) and measures,
in the same rounds and each as a process of its own (CPU seconds of the build and its
children, wall time and peak memory), the three builds taking turns round by round:

- full: `mkdocs build` of a project using this repository's mkdocs.yml and templates
  (store loading, rendering, Markdown, theme, lunr index, Pagefind index);
- same pages: the Markdown pages our renderer makes, written to a docs folder and built
  by mkdocs-material alone with the same theme, plugins and nav (what our plugin adds);
- plain pages: as many plain Markdown pages as there are events, each the size of a
  median generated page (the issue's baseline);

then the sizes of the lunr and Pagefind indexes and of the largest HTML pages, the time
from saving an edited event until `mkdocs serve --dirty` serves the change (polling over
HTTP), and the first search on the Explore page and in the header in headless chromium.
Figures are medians over `--runs` rounds; a ratio is the median of the rounds' ratios,
so the three builds of one round met the same load. Prints the load average before and
after, the machine, and Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import os
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


def build_once(project: Path) -> dict[str, float]:
    """CPU and wall seconds and peak MB of one `mkdocs build` in `project`, from scratch."""
    shutil.rmtree(project / "site", ignore_errors=True)
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "measure.py"), "--",
                          sys.executable, "-m", "mkdocs", "build"], cwd=project,
                         capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["returncode"]:
        sys.exit(f"build failed in {project}:\n{out.stderr}")
    return result


def interleaved(projects: dict[str, Path], runs: int) -> dict[str, dict]:
    """Each project built once per round, in turn; medians, and ratios against "full"
    taken round by round."""
    found: dict[str, list[dict]] = {name: [] for name in projects}
    for _ in range(runs):
        for name, project in projects.items():
            found[name].append(build_once(project))
    summary = {}
    for name, results in found.items():
        summary[name] = {"seconds": statistics.median(r["seconds"] for r in results),
                         "cpu": statistics.median(r["cpu_seconds"] for r in results),
                         "max_rss_mb": max(r["max_rss_mb"] for r in results)}
        if name != "full":
            pairs = list(zip(found["full"], results))
            summary[name]["ratio_cpu"] = statistics.median(
                f["cpu_seconds"] / r["cpu_seconds"] for f, r in pairs)
            summary[name]["ratio_wall"] = statistics.median(
                f["seconds"] / r["seconds"] for f, r in pairs)
    return summary


def bench_size(size: int, args: argparse.Namespace, work: Path) -> dict:
    events = work / "events"
    write_events(events, size, seed=1)
    row: dict = {"events": size}
    full = full_project(work / "full", events)
    same, row["median_page_bytes"] = same_pages_project(work / "same", events)
    plain = plain_project(work / "plain", size, row["median_page_bytes"])
    row.update(interleaved({"full": full, "same": same, "plain": plain}, args.runs))
    build_once(full)  # the full site last, for its sizes and the probes
    row.update(site_sizes(full / "site"))
    if size in args.search_sizes:
        row["search"] = first_searches(full / "site", args.search_runs)
    if size in args.serve_sizes:
        row["serve"] = edit_to_visible(full, events, args.edits)
    for name in ("same", "plain"):
        shutil.rmtree(work / name, ignore_errors=True)
    return row


def tables(rows: list[dict]) -> str:
    lines = ["| events | pages | full build CPU s (wall) | peak MB | same pages CPU s (wall) | "
             "ratio CPU (wall) | plain pages CPU s (wall) | ratio CPU (wall) | "
             "peak MB plain |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        f, s, p = r["full"], r["same"], r["plain"]
        lines.append(f"| {r['events']:,} | {r['pages']:,} | {f['cpu']:.1f} ({f['seconds']:.1f}) | "
                     f"{f['max_rss_mb']:,} | {s['cpu']:.1f} ({s['seconds']:.1f}) | "
                     f"{s['ratio_cpu']:.2f} ({s['ratio_wall']:.2f}) | "
                     f"{p['cpu']:.1f} ({p['seconds']:.1f}) | "
                     f"{p['ratio_cpu']:.2f} ({p['ratio_wall']:.2f}) | {p['max_rss_mb']:,} |")
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
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(machine(), flush=True)
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as tmp:
            rows.append(bench_size(size, args, Path(tmp)))
        print(f"\n{size} events done: {json.dumps(rows[-1])}", file=sys.stderr, flush=True)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print(tables(rows))


if __name__ == "__main__":
    main()
