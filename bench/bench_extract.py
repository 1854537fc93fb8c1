#!/usr/bin/env python3
"""Extraction speed on a generated corpus of realistic articles.

    .venv/bin/python bench/bench_extract.py [--articles 1000] [--runs 3] [--seed 1]

Generates the corpus with bench/corpus.py (same seed, same corpus), then reports the
median over several runs of: reading the articles, extracting and merging their events
(sentence splitting, tagging, names, merging), and writing the store; as articles per
second and MB of article text per second, in one process. The tagger's rules load once
per process, before the first run is timed.
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
from generator.events.ledger import sync_generated  # noqa: E402
from generator.pipeline import extract_events  # noqa: E402
from generator.readers import read_paths  # noqa: E402
from generator.tagger import get_tagger  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    get_tagger("en")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        paths = write_articles(folder, args.articles, args.seed, jsonl=False)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        timings: dict[str, list[float]] = {"read": [], "extract": [], "write": []}
        for run in range(args.runs):
            start = time.perf_counter()
            articles, _ = read_paths([folder])
            timings["read"].append(time.perf_counter() - start)
            start = time.perf_counter()
            events, candidates = extract_events(articles)
            timings["extract"].append(time.perf_counter() - start)
            start = time.perf_counter()
            sync_generated(Path(tmp) / f"events-{run}", events)
            timings["write"].append(time.perf_counter() - start)
    totals = [sum(step) for step in zip(*timings.values())]
    print(f"corpus: {args.articles} articles, {megabytes:.2f} MB, seed {args.seed}; "
          f"{len(events)} events from {candidates} dated sentences")
    print(f"{'step':<10} {'median s':>9} {'articles/s':>11} {'MB/s':>7}")
    for step, times in [*timings.items(), ("total", totals)]:
        median = statistics.median(times)
        print(f"{step:<10} {median:>9.2f} {args.articles / median:>11.1f} "
              f"{megabytes / median:>7.2f}")
    print(f"(medians of {args.runs} runs, one process)")


if __name__ == "__main__":
    main()
