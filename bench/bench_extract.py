#!/usr/bin/env python3
"""Extraction speed on a generated corpus of realistic articles, 1 and N processes.

    .venv/bin/python bench/bench_extract.py [--articles 1000] [--runs 3] [--seed 1] [--jobs 2]
    .venv/bin/python bench/bench_extract.py --old REV [--articles 1000] [--rounds 3]

Generates the corpus with bench/corpus.py (same seed, same corpus), then reports the
median over several runs of: reading the articles, extracting and merging their events
(sentence splitting, tagging, names, merging), and writing the store; as articles per
second and MB of article text per second, in one process and with `--jobs` processes
(`timeline extract --jobs N`), measured in the same run, with the speed-up. Each step is
timed in CPU seconds (user + sys of this process and its finished children) beside
wall seconds: on a shared machine the CPU figure is the one to compare. The tagger's
rules load once per process, before the first run is timed.

With `--old REV` it compares the extraction step of this checkout with that of REV
instead, interleaved: each round extracts the corpus in one fresh process per revision
(one process, the tagger loaded before timing), the order alternating by round, so a
change in the machine's load hits both.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_articles  # noqa: E402


def cpu_seconds() -> float:
    """User + sys seconds of this process and of its children that have finished."""
    own, children = (resource.getrusage(who) for who in
                     (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Clock:
    """Wall and CPU seconds of one step."""

    def __enter__(self) -> "Clock":
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, cpu_seconds() - self.cpu


def measure(folder: Path, tmp: Path, runs: int, jobs: int) -> tuple[dict, int, int]:
    """{step: [(wall, cpu), ...]} over `runs` runs, the events and the candidates."""
    from generator.extraction.run import extract_events
    from generator.ingest import read_paths
    from generator.store.writer import sync_generated

    timings: dict[str, list[tuple[float, float]]] = {"read": [], "extract": [], "write": []}
    events, candidates = [], 0
    for run in range(runs):
        with Clock() as read:
            articles, _ = read_paths([folder])
        with Clock() as extract:
            events, candidates = extract_events(articles, jobs=jobs)
        with Clock() as write:
            sync_generated(tmp / f"events-{jobs}-{run}", events)
        for step, clock in zip(timings, (read, extract, write)):
            timings[step].append((clock.wall, clock.cpu))
    timings["total"] = [tuple(map(sum, zip(*steps))) for steps in zip(*timings.values())]
    return timings, len(events), candidates


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def median(values: list[tuple[float, float]], which: int) -> float:
    return statistics.median(v[which] for v in values)


def report_processes(args: argparse.Namespace) -> None:
    """One process against `--jobs` processes, in this checkout."""
    sys.path.insert(0, str(ROOT))
    from generator.extraction.tagger import get_tagger

    get_tagger("en")
    print(f"load average before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        paths = write_articles(folder, args.articles, args.seed, jsonl=False)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        single, events, candidates = measure(folder, Path(tmp), args.runs, 1)
        parallel, _, _ = measure(folder, Path(tmp), args.runs, args.jobs)
    print(f"corpus: {args.articles} articles, {megabytes:.2f} MB, seed {args.seed}; "
          f"{events} events from {candidates} dated sentences")
    print(f"{'step':<9} {'1 proc CPU s':>12} {'wall s':>7} {'MB/s CPU':>8} {'MB/s wall':>9}   "
          f"{f'{args.jobs} procs CPU s':>14} {'wall s':>7} {'MB/s wall':>9} {'speed-up':>9}")
    for step in single:
        one_cpu, one_wall = median(single[step], 1), median(single[step], 0)
        many_cpu, many_wall = median(parallel[step], 1), median(parallel[step], 0)
        print(f"{step:<9} {one_cpu:>12.2f} {one_wall:>7.2f} {megabytes / one_cpu:>8.2f} "
              f"{megabytes / one_wall:>9.2f}   {many_cpu:>14.2f} {many_wall:>7.2f} "
              f"{megabytes / many_wall:>9.2f} {one_wall / many_wall:>8.2f}x")
    print(f"(medians of {args.runs} runs each; both measured in this run; "
          f"speed-up in wall time)")
    print(f"load average after: {load()}")


def child(folder: Path) -> None:
    """Time the extraction step of the corpus in `folder` with the code on sys.path and
    print {"wall", "cpu"} as JSON (the process a round of `--old` starts)."""
    from generator.extraction.run import extract_events
    from generator.extraction.tagger import get_tagger
    from generator.ingest import read_paths

    get_tagger("en")
    articles, _ = read_paths([folder])
    with Clock() as clock:
        extract_events(articles, jobs=1)
    print(json.dumps({"wall": clock.wall, "cpu": clock.cpu}))


def timed_child(code: Path, folder: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of the extraction step in a fresh process running `code`."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(code)})
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return figures["wall"], figures["cpu"]


def report_against(args: argparse.Namespace) -> None:
    """This checkout's extraction step against REV's, interleaved round by round."""
    print(f"load average before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        subprocess.run(["git", "worktree", "add", "--detach", str(old), args.old], cwd=ROOT,
                       check=True, capture_output=True)
        try:
            folder = Path(tmp) / "articles"
            paths = write_articles(folder, args.articles, args.seed, jsonl=False)
            megabytes = sum(p.stat().st_size for p in paths) / 1e6
            runs: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
            for number in range(args.rounds):
                order = ("old", "new") if number % 2 == 0 else ("new", "old")
                for name in order:
                    runs[name].append(timed_child(old if name == "old" else ROOT, folder))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT,
                           capture_output=True)
    print(f"corpus: {args.articles} articles, {megabytes:.2f} MB, seed {args.seed}; "
          f"extraction step, one process, medians of {args.rounds} interleaved rounds")
    print(f"{'code':<10} {'CPU s':>7} {'wall s':>7} {'MB/s CPU':>9} {'MB/s wall':>9}")
    for name, label in (("old", args.old[:10]), ("new", "this")):
        cpu, wall = median(runs[name], 1), median(runs[name], 0)
        print(f"{label:<10} {cpu:>7.2f} {wall:>7.2f} {megabytes / cpu:>9.2f} "
              f"{megabytes / wall:>9.2f}")
    print(f"speed-up (old / new): CPU {median(runs['old'], 1) / median(runs['new'], 1):.2f}x, "
          f"wall {median(runs['old'], 0) / median(runs['new'], 0):.2f}x")
    print(f"load average after: {load()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--old", metavar="REV", help="compare with this revision instead")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the --old comparison")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
    elif args.old:
        report_against(args)
    else:
        report_processes(args)


if __name__ == "__main__":
    main()
