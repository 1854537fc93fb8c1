#!/usr/bin/env python3
"""Build time of the engine routes on one synthetic store, taken in the same run.

    .venv/bin/python bench/engines.py                 # 1,000 events, 3 rounds
    .venv/bin/python bench/engines.py --events 10000 --runs 2

Routes, each a process of its own on a project using this repository's mkdocs.yml and
templates over the synthetic store of `bench/corpus.py` (seed 1):

- mkdocs: `mkdocs build` with the timeline plugin;
- properdocs: `properdocs build` on the same config (when ProperDocs is installed);
- zensical cold: `timeline build --engine zensical` with no work folder (render, Zensical
  with an empty cache, publish, feed links, Pagefind);
- zensical again: the same command once more with nothing changed (Zensical's cache warm).

Rounds are interleaved (every route once, then again), so a busy spell of the shared
machine touches all routes alike. Wall seconds and CPU seconds (user + system of the
build and every process it waited for, from getrusage) are medians over the rounds. The
load average is printed before and after: figures taken at a high load are not
comparable with a quiet run's.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import write_events  # noqa: E402


def project(folder: Path, events: Path) -> Path:
    """This repository's mkdocs.yml with the store at `events` and the site in `folder`."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in (("events_dir: content/events", f"events_dir: {events}"),
                     ("docs_dir: content/pages", f"docs_dir: {ROOT / 'content/pages'}"),
                     ("templates_dir: templates", f"templates_dir: {ROOT / 'templates'}")):
        config = config.replace(old, new)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def routes(folder: Path) -> dict[str, tuple[list[str], bool]]:
    """Route name -> (command, whether to start from an empty work folder and site)."""
    found = {"mkdocs": ([sys.executable, "-m", "mkdocs", "build"], True)}
    if importlib.util.find_spec("properdocs") is not None:
        found["properdocs"] = ([sys.executable, "-m", "properdocs", "build"], True)
    zensical = [sys.executable, "-m", "generator", "build", "--engine", "zensical"]
    found["zensical cold"] = (zensical, True)
    found["zensical again"] = (zensical, False)
    return found


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def pages(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.parts[len(site.parts)] not in
               ("assets", "pagefind"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as tmp:
        folder = project(Path(tmp) / "project", Path(tmp) / "events")
        write_events(Path(tmp) / "events", args.events, seed=1)
        found = routes(folder)
        figures: dict[str, list[tuple[float, float]]] = {name: [] for name in found}
        counted: dict[str, int] = {}
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for _ in range(args.runs):
            for name, (command, cold) in found.items():
                if cold:
                    shutil.rmtree(folder / "site", ignore_errors=True)
                    shutil.rmtree(folder / ".cache", ignore_errors=True)
                figures[name].append(timed(command, folder))
                counted[name] = pages(folder / "site")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
        print(f"| route ({args.events:,} events, median of {args.runs}) | pages | wall s "
              "| CPU s |")
        print("| --- | ---: | ---: | ---: |")
        for name, runs in figures.items():
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            print(f"| {name} | {counted[name]:,} | {wall:.1f} | {cpu:.1f} |")


if __name__ == "__main__":
    main()
