"""Speed of the temporal tagger beside dateparser's `search_dates`, in one process.

    python bench/bench_tagger.py [--runs 5] [--no-dateparser]

Texts: the TempEval-3 training set (../shared/data/tempeval3-train, read with the shared
scorer's loader) and the seed article (seeds/). The two libraries take turns on the same
texts, round by round (tagger, dateparser, tagger, ...), so both meet the same load; each
round is timed in CPU seconds of this process (what a shared machine's load changes
least) and in wall seconds. The figures are medians over the rounds of characters per
second, after a warm-up call, so start-up and data loading are left out (the one-time
rule loading is reported on its own line); the ratio is the median of the rounds'
ratios. dateparser is an optional bench dependency: `pip install -e ".[bench]"`.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_7feccc1d5c9d4873.txt"
SEED_DCT = "2019-07-22"

sys.path.insert(0, str(ROOT))
from generator.extraction.tagger import get_tagger, tag  # noqa: E402
from generator.extraction.tagger import resources  # noqa: E402

Doc = tuple[str, Optional[str]]   # text, publication date


def corpora() -> dict[str, list[Doc]]:
    """The texts to time: the TempEval-3 training set (when ../shared is there) and the seed."""
    out: dict[str, list[Doc]] = {}
    scorer = SHARED / "tools" / "timex_eval.py"
    gold = SHARED / "data" / "tempeval3-train"
    if scorer.is_file() and gold.is_dir():
        spec = importlib.util.spec_from_file_location("timex_eval", scorer)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        out["tempeval3-train"] = [(d.text, d.dct) for d in module.load_gold(str(gold))]
    else:
        print(f"note: {gold} not found; timing the seed only", file=sys.stderr)
    out["seed"] = [(SEED.read_text(encoding="utf-8"), SEED_DCT)]
    return out


def timed(run: Callable[[list[Doc]], None], docs: list[Doc]) -> tuple[float, float]:
    """CPU and wall seconds of one `run` over `docs`."""
    cpu, wall = time.process_time(), time.perf_counter()
    run(docs)
    return time.process_time() - cpu, time.perf_counter() - wall


def rounds(runs: int, docs: list[Doc], *runners: Callable[[list[Doc]], None]
           ) -> list[list[tuple[float, float]]]:
    """(CPU, wall) seconds per runner per round, the runners taking turns."""
    found: list[list[tuple[float, float]]] = [[] for _ in runners]
    for _ in range(runs):
        for times, run in zip(found, runners):
            times.append(timed(run, docs))
    return found


def run_tagger(docs: list[Doc]) -> None:
    for text, dct in docs:
        tag(text, dct)


def dateparser_runner() -> Optional[Callable[[list[Doc]], None]]:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def run(docs: list[Doc]) -> None:
        for text, _ in docs:
            search_dates(text, languages=["en"])
    run([("Talks resumed on July 21.", None)])       # warm-up: loads language data
    return run


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="rounds (each library once a round)")
    ap.add_argument("--no-dateparser", action="store_true", help="time the tagger only")
    args = ap.parse_args(argv)
    print("load average before: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))

    resources.load.cache_clear()
    get_tagger.cache_clear()
    start = time.perf_counter()
    get_tagger("en")
    print(f"rule loading (once per process): {time.perf_counter() - start:.3f} s")

    other = None if args.no_dateparser else dateparser_runner()
    if other is None and not args.no_dateparser:
        print("note: dateparser is not installed (pip install -e \".[bench]\"); "
              "timing the tagger only", file=sys.stderr)
    header = f"{'corpus':18} {'chars':>9} {'tagger MB/s cpu':>16} {'wall':>7}"
    if other:
        header += f" {'dateparser MB/s cpu':>20} {'wall':>7} {'ratio cpu':>10} {'wall':>7}"
    print(header)
    for name, docs in corpora().items():
        chars = sum(len(text) for text, _ in docs)
        runners = [run_tagger] + ([other] if other else [])
        found = rounds(args.runs, docs, *runners)
        rate = [[chars / t[k] / 1e6 for t in times] for times in found for k in (0, 1)]
        line = (f"{name:18} {chars:>9,} {statistics.median(rate[0]):>16.3f} "
                f"{statistics.median(rate[1]):>7.3f}")
        if other:
            ratio_cpu = statistics.median(a / b for a, b in zip(rate[0], rate[2]))
            ratio_wall = statistics.median(a / b for a, b in zip(rate[1], rate[3]))
            line += (f" {statistics.median(rate[2]):>20.3f} {statistics.median(rate[3]):>7.3f}"
                     f" {ratio_cpu:>9.1f}x {ratio_wall:>6.1f}x")
        print(line, flush=True)
    print(f"(medians of {args.runs} interleaved rounds; one process, one core; "
          "MB = 10^6 characters)")
    print("load average after: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
