#!/usr/bin/env python3
"""How fast the event store loads and re-syncs as it grows.

    .venv/bin/python bench/bench_store.py [--sizes 1000 10000] [--runs 5]

For each size it writes a synthetic store (reproducible: seeded random dates, titles,
sources), then reports medians over several runs of: loading and validating the whole
store; an unchanged re-run of `sync_generated` (what a repeated extraction costs); and,
as a baseline measured in the same run, reading the same files and parsing their front
matter with plain `yaml.safe_load` (so the ratio is our overhead for validation, line
numbers and safety checks).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.core.dates import parse_date  # noqa: E402
from generator.store.writer import sync_generated  # noqa: E402
from generator.store.folder import load_store  # noqa: E402
from generator.core.model import Event, Source  # noqa: E402

WORDS = ("trade talks tariffs soybeans summit ministers agree delay sanctions vote court "
         "ruling markets fall rally storm floods election protest strike deal").split()


def synthetic_events(count: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    events = []
    for number in range(count):
        year, month, day = rng.randint(1990, 2024), rng.randint(1, 12), rng.randint(1, 28)
        date = rng.choice([f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}", str(year)])
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))).capitalize()
        events.append(Event(
            id=f"e{number:06d}", date=parse_date(date), title=title,
            actors=rng.sample(["China", "United States", "Xi Jinping", "Donald Trump",
                               "European Union", "Reuters"], 2),
            tags=rng.sample(WORDS, 2), confidence=round(rng.random(), 2),
            sources=[Source(article=f"a{number // 5:05d}", publisher="Example News",
                            url=f"https://example.com/{number}", quote=title + ".")]))
    return events


def median_time(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_yaml(root: Path) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the parser the store uses
    for path in sorted(root.glob("*.md")):
        yaml.load(path.read_text(encoding="utf-8").split("---\n")[1], Loader=loader)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{'events':>8} {'load s':>8} {'events/s':>9} {'resync s':>9} "
          f"{'plain yaml s':>13} {'load/yaml':>10}")
    for size in args.sizes:
        events = synthetic_events(size)
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "events"
            sync_generated(root, events)
            load = median_time(lambda: load_store(root), args.runs)
            resync = median_time(lambda: sync_generated(root, events), args.runs)
            baseline = median_time(lambda: plain_yaml(root), args.runs)
        print(f"{size:>8} {load:>8.2f} {size / load:>9.0f} {resync:>9.2f} {baseline:>13.2f} "
              f"{load / baseline:>10.2f}")


if __name__ == "__main__":
    main()
