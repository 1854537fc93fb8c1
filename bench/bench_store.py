#!/usr/bin/env python3
"""How fast the event store loads, re-syncs and writes new events as it grows.

    .venv/bin/python bench/bench_store.py [--sizes 1000 10000] [--runs 5]
    .venv/bin/python bench/bench_store.py --write-ab BASE [--events 4357] [--rounds 3]
        [--stores DIR ...]
    .venv/bin/python bench/bench_store.py --count-declined DIR ...

For each size it writes a synthetic store (reproducible: seeded random dates, titles,
sources), then reports medians over several runs of: loading and validating the whole
store; an unchanged re-run of `sync_generated` (what a repeated extraction costs); and,
as a baseline measured in the same run, reading the same files and parsing their front
matter with plain `yaml.safe_load` (so the ratio is our overhead for validation, line
numbers and safety checks).

`--write-ab BASE` times writing `--events` new events into an empty store (what an
extraction's first run costs): the code in BASE (a checkout of an older revision) and
this checkout, each in its own process, interleaved (A B, then B A, ...) so a change in
the machine's load hits both. Each process reports the CPU seconds (user + sys, all its
threads) and wall seconds of `sync_generated` alone; the medians and the ratio new/base
are printed with the load average before and after. The events are synthetic, or with
`--stores` the events of existing stores (real records, written again into a new one).

`--count-declined` counts the records of existing stores that the store's own YAML
writer declines, so that PyYAML writes them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

# the code to time: this checkout, or the one a --write-one child is told to import
CODE = Path(os.environ.get("BENCH_STORE_CODE") or Path(__file__).resolve().parents[1])
sys.path.insert(0, str(CODE))

from generator.core.dates import parse_date  # noqa: E402
from generator.store.writer import sync_generated  # noqa: E402
from generator.store.folder import load_store  # noqa: E402
from generator.core.model import Event, Source  # noqa: E402

QUOTE = ("Chinese companies asked U.S. exporters about buying agricultural products and "
         "also applied for exemptions from China’s retaliatory tariffs, state-run Xinhua "
         "News Agency reported on {day}: “we will see”, an official said.")
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
                            url=f"https://example.com/{number}",
                            quote=QUOTE.format(day=date) if number % 2 else title + ".")],
            extraction={"phrase": date, "anchor": "2019-07-22", "rule": "date_month_day"}))
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


def write_one(count: int, stores: list[Path]) -> dict:
    """One timed first write of `count` events into an empty store (run in a child)."""
    import generator
    events = real_events(stores)[:count] if stores else synthetic_events(count)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_STORE_TMP")) as tmp:
        before = _cpu()
        start = time.perf_counter()
        report = sync_generated(Path(tmp) / "events", events)
        wall = time.perf_counter() - start
        cpu = _cpu() - before
    return {"code": str(Path(generator.__file__).parent.parent), "events": len(report.created),
            "cpu": cpu, "wall": wall}


def real_events(stores: list[Path]) -> list[Event]:
    events = []
    for root in stores:
        events.extend(load_store(root).events)
    return events


def _cpu() -> float:
    """CPU seconds of this process, all its threads, and its children."""
    own, kids = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                     resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def write_ab(base: Path, count: int, rounds: int, stores: list[Path]) -> None:
    """Interleaved timings of the first write in `base` and in this checkout."""
    print(f"load average before: {os.getloadavg()}")
    runs: dict[str, list[dict]] = {"base": [], "new": []}
    for number in range(rounds):
        order = ("base", "new") if number % 2 == 0 else ("new", "base")
        for name in order:
            code = base if name == "base" else Path(__file__).resolve().parents[1]
            command = [sys.executable, __file__, "--write-one", str(count),
                       "--stores", *map(str, stores)]
            done = subprocess.run(command, capture_output=True, text=True, check=True,
                                  env={**os.environ, "BENCH_STORE_CODE": str(code)})
            result = json.loads(done.stdout)
            assert Path(result["code"]).resolve() == code.resolve(), result["code"]
            runs[name].append(result)
            print(f"  round {number + 1} {name:4}: {result['events']} events, "
                  f"CPU {result['cpu']:.2f} s, wall {result['wall']:.2f} s")
    print(f"load average after: {os.getloadavg()}")
    medians = {name: {key: statistics.median(r[key] for r in found) for key in ("cpu", "wall")}
               for name, found in runs.items()}
    events = runs["new"][0]["events"]
    for name in ("base", "new"):
        cpu, wall = medians[name]["cpu"], medians[name]["wall"]
        print(f"{name:4}: CPU {cpu:.2f} s ({cpu / events * 1000:.2f} ms/event), "
              f"wall {wall:.2f} s ({wall / events * 1000:.2f} ms/event)")
    print(f"new/base: CPU {medians['new']['cpu'] / medians['base']['cpu']:.2f}x, "
          f"wall {medians['new']['wall'] / medians['base']['wall']:.2f}x")


def count_declined(stores: list[Path]) -> None:
    from generator.store.codec import to_mapping
    from generator.store.emit import emit_mapping
    events = real_events(stores)
    declined = [e.id for e in events if emit_mapping(to_mapping(e)) is None]
    print(f"{len(events)} records, {len(declined)} declined (written by PyYAML)")
    for event_id in declined:
        print(f"  {event_id}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write-ab", type=Path, metavar="BASE")
    parser.add_argument("--events", type=int, default=4357)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stores", type=Path, nargs="*", default=[])
    parser.add_argument("--count-declined", type=Path, nargs="+", metavar="DIR")
    parser.add_argument("--write-one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_one:
        print(json.dumps(write_one(args.write_one, args.stores)))
    elif args.write_ab:
        write_ab(args.write_ab, args.events, args.rounds, args.stores)
    elif args.count_declined:
        count_declined(args.count_declined)
    else:
        load_and_resync(args.sizes, args.runs)


def load_and_resync(sizes: list[int], runs: int) -> None:
    print(f"{'events':>8} {'load s':>8} {'events/s':>9} {'resync s':>9} "
          f"{'plain yaml s':>13} {'load/yaml':>10}")
    for size in sizes:
        events = synthetic_events(size)
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "events"
            sync_generated(root, events)
            load = median_time(lambda: load_store(root), runs)
            resync = median_time(lambda: sync_generated(root, events), runs)
            baseline = median_time(lambda: plain_yaml(root), runs)
        print(f"{size:>8} {load:>8.2f} {size / load:>9.0f} {resync:>9.2f} {baseline:>13.2f} "
              f"{load / baseline:>10.2f}")


if __name__ == "__main__":
    main()
