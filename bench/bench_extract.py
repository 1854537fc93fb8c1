#!/usr/bin/env python3
"""Extraction speed on a generated corpus of realistic articles, 1 and N processes.

    .venv/bin/python bench/bench_extract.py [--articles 1000] [--runs 3] [--seed 1] [--jobs 2]

Generates the corpus with bench/corpus.py (same seed, same corpus), then reports the
median over several runs of: reading the articles, extracting and merging their events
(sentence splitting, tagging, names, merging), and writing the store; as articles per
second and MB of article text per second, in one process and with `--jobs` processes
(`timeline extract --jobs N`), measured in the same run, with the speed-up. The
tagger's rules load once per process, before the first run is timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_articles  # noqa: E402
from generator.store.writer import sync_generated  # noqa: E402
from generator.extraction.run import extract_events  # noqa: E402
from generator.ingest import read_paths  # noqa: E402
from generator.extraction.tagger import get_tagger  # noqa: E402


def measure(folder: Path, tmp: Path, runs: int, jobs: int) -> tuple[dict, int, int]:
    timings: dict[str, list[float]] = {"read": [], "extract": [], "write": []}
    events, candidates = [], 0
    for run in range(runs):
        start = time.perf_counter()
        articles, _ = read_paths([folder])
        timings["read"].append(time.perf_counter() - start)
        start = time.perf_counter()
        events, candidates = extract_events(articles, jobs=jobs)
        timings["extract"].append(time.perf_counter() - start)
        start = time.perf_counter()
        sync_generated(tmp / f"events-{jobs}-{run}", events)
        timings["write"].append(time.perf_counter() - start)
    timings["total"] = [sum(step) for step in zip(*timings.values())]
    return timings, len(events), candidates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    get_tagger("en")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        paths = write_articles(folder, args.articles, args.seed, jsonl=False)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        single, events, candidates = measure(folder, Path(tmp), args.runs, 1)
        parallel, _, _ = measure(folder, Path(tmp), args.runs, args.jobs)
    print(f"corpus: {args.articles} articles, {megabytes:.2f} MB, seed {args.seed}; "
          f"{events} events from {candidates} dated sentences")
    print(f"{'step':<9} {'1 process s':>12} {'articles/s':>11} {'MB/s':>6}   "
          f"{f'{args.jobs} processes s':>15} {'articles/s':>11} {'MB/s':>6} {'speed-up':>9}")
    for step in single:
        one, many = statistics.median(single[step]), statistics.median(parallel[step])
        print(f"{step:<9} {one:>12.2f} {args.articles / one:>11.1f} {megabytes / one:>6.2f}   "
              f"{many:>15.2f} {args.articles / many:>11.1f} {megabytes / many:>6.2f} "
              f"{one / many:>8.2f}x")
    print(f"(medians of {args.runs} runs each; both measured in this run)")


if __name__ == "__main__":
    main()
