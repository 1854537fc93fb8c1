#!/usr/bin/env python3
"""Merging speed as the input doubles, and whether big groups snowball.

    .venv/bin/python bench/bench_merge.py [--rounds 3] [--seed 1] [--old REV] [--quick]

Feeds synthetic candidates (bench/merge_corpus.py: story vocabulary shared by every
sentence, a different person and action for each happening, some happenings reported
again in similar words) to merging and reports, per size, the median over the rounds
of CPU seconds (this process's user + system time) and wall seconds, the ratio to the
size before (the target: at most 2.5 when the input doubles), the events made, the
largest event's sources, and group comparisons per candidate (groups scored, after
the index has set aside those sharing too few informative words):

- one day: 5,000, 10,000, 20,000 sentences from articles of five sentences each;
- three days: 500, 1,000, 2,000 articles of six dated sentences each.

With `--old REV` the merge module of that commit (e.g. the one before this benchmark)
runs too, interleaved round by round with the current one on the same candidates; a
size whose predicted old time passes `--budget` seconds is skipped. Then the snowball
check: N happenings of one day by N different people stay about N events, and one
happening reported by many articles becomes one event. `--quick` runs the smallest
sizes only.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import merge_corpus  # noqa: E402
from generator.extraction import merge as current  # noqa: E402

TARGET_RATIO = 2.5
SCENARIOS: dict[str, tuple[Callable[..., list], tuple[int, ...], str]] = {
    "one day": (merge_corpus.same_day, (5_000, 10_000, 20_000), "sentences"),
    "three days": (merge_corpus.three_days, (500, 1_000, 2_000), "articles"),
}


# Where modules the old merge module imports live now (the layout moved after it).
OLD_IMPORTS = {"from ..dates import": "from ..core.dates import",
               "from ..model import": "from ..core.model import"}
# What old revisions imported from events/extract.py now lives in one of these modules.
EXTRACTION_MODULES = ("candidates", "cues", "words", "topics")


def old_module(revision: str) -> ModuleType:
    """The merge module as it was at `revision`, imported beside the current one.

    Revisions before the layout by step keep it at generator/events/merge.py; its imports
    are pointed at where those modules live now."""
    source = None
    for path in ("generator/extraction/merge.py", "generator/events/merge.py"):
        found = subprocess.run(["git", "show", f"{revision}:{path}"], cwd=ROOT,
                               capture_output=True, text=True)
        if found.returncode == 0:
            source = found.stdout
            break
    if source is None:
        sys.exit(f"no merge module at {revision}")
    for before, after in OLD_IMPORTS.items():
        source = source.replace(before, after)
    source = re.sub(r"^from \.(?:extract|candidates) import (.+)$", _from_where_they_live,
                    source, flags=re.M)
    name = "generator.extraction._merge_at_revision"
    spec = importlib.util.spec_from_loader(name, loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "generator.extraction"
    sys.modules[name] = module
    exec(compile(source, f"{revision}:merge.py", "exec"), module.__dict__)
    return module


def _from_where_they_live(match: re.Match) -> str:
    """`from .extract import a, b` -> one import per name, from the module that has it."""
    lines = []
    for name in (n.strip() for n in match.group(1).split(",")):
        home = next(m for m in EXTRACTION_MODULES
                    if hasattr(importlib.import_module(f"generator.extraction.{m}"), name))
        lines.append(f"from .{home} import {name}")
    return "\n".join(lines)


def timed(module: ModuleType, candidates: list) -> tuple[float, float, list, int]:
    """(CPU seconds, wall seconds, events, comparisons) of one merge of `candidates`."""
    gc.collect()
    # Both versions run under the collector settings extraction uses for merging.
    with current.fewer_collections():
        cpu, wall = time.process_time(), time.perf_counter()
        merger = module.Merger()
        for candidate in candidates:
            merger.add(candidate)
        events = merger.events()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return cpu, wall, events, getattr(merger, "comparisons", 0)


def run_scenario(name: str, rounds: int, seed: int, old: Optional[ModuleType],
                 budget: float, quick: bool) -> None:
    make, sizes, unit = SCENARIOS[name]
    print(f"\n== {name}: merge time, median of {rounds} rounds")
    print(f"{unit:>10} {'candidates':>10} {'version':>8} {'CPU s':>8} {'wall s':>8} "
          f"{'x prev':>7} {'events':>7} {'largest':>8} {'cmp/cand':>9}")
    before: dict[str, float] = {}
    first: dict[str, float] = {}
    for size in sizes[:1] if quick else sizes:
        gc.unfreeze()
        candidates = make(size, seed=seed)
        # The input is built before timing and kept out of the collector's walks, so the
        # figure is merging's own work (its groups and indexes are still walked).
        gc.collect()
        gc.freeze()
        versions = {"current": current}
        if old is not None and before.get("old", 0.0) * 4 <= budget:
            versions["old"] = old
        results: dict[str, list] = {v: [] for v in versions}
        for _ in range(rounds):
            for version, module in versions.items():  # interleaved: load hits both alike
                results[version].append(timed(module, candidates))
        for version, runs in results.items():
            cpu = statistics.median(r[0] for r in runs)
            wall = statistics.median(r[1] for r in runs)
            events = runs[-1][2]
            ratio = f"{cpu / before[version]:.2f}" if version in before else "-"
            before[version] = cpu
            first.setdefault(version, cpu)
            per = f"{runs[-1][3] / len(candidates):.1f}" if version == "current" else "-"
            print(f"{size:>10,} {len(candidates):>10,} {version:>8} {cpu:>8.2f} "
                  f"{wall:>8.2f} {ratio:>7} {len(events):>7,} "
                  f"{max(len(e.sources) for e in events):>8} {per:>9}")
        if old is not None and "old" not in versions:
            print(f"{size:>10,} {len(candidates):>10,} {'old':>8} skipped: predicted past "
                  f"the {budget:.0f} s budget")
    # One doubling of a sub-second run swings by a third on a shared machine; the
    # growth per doubling over the whole range (geometric mean) is the steadier figure.
    if not quick and "current" in before:
        overall = (before["current"] / first["current"]) ** (1 / (len(sizes) - 1))
        print(f"per doubling over {sizes[0]:,} -> {sizes[-1]:,}: {overall:.2f} "
              f"(geometric mean of the {len(sizes) - 1} doublings)")
    print(f"target: doubling the input multiplies CPU time by at most {TARGET_RATIO}")


def snowball_check(seed: int) -> None:
    print("\n== snowball check (current version)")
    for count in (500, 2_000):
        events = current.merge(merge_corpus.distinct_people(count, seed=seed))
        print(f"{count:,} happenings of one day by {count:,} different people -> "
              f"{len(events):,} events, largest cites {max(len(e.sources) for e in events)}")
    for count in (50, 500):
        events = current.merge(merge_corpus.one_happening(count, seed=seed))
        print(f"one happening reported by {count:,} articles in similar words -> "
              f"{len(events):,} event(s), largest cites {max(len(e.sources) for e in events)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--old", metavar="REV", help="also time the merge module of REV")
    parser.add_argument("--budget", type=float, default=120.0,
                        help="skip an old run predicted to take longer (seconds)")
    parser.add_argument("--quick", action="store_true", help="smallest sizes only")
    args = parser.parse_args()
    old = old_module(args.old) if args.old else None
    for name in SCENARIOS:
        run_scenario(name, args.rounds, args.seed, old, args.budget, args.quick)
    snowball_check(args.seed)


if __name__ == "__main__":
    main()
