"""Speed of the temporal tagger beside dateparser's `search_dates`, in one process.

    python bench/bench_tagger.py [--runs 5] [--dateparser-runs 3] [--no-dateparser]

Texts: the TempEval-3 training set (../shared/data/tempeval3-train, read with the shared
scorer's loader) and the seed article (seeds/). Both libraries run on one core, one
after the other, on the same texts; each figure is the median over several runs of
characters per second, after a warm-up call, so start-up and data loading are left out
(the one-time rule loading is reported on its own line). dateparser is an optional
bench dependency: `pip install -e ".[bench]"`.
"""

from __future__ import annotations

import argparse
import importlib.util
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


def median_rate(run: Callable[[list[Doc]], None], docs: list[Doc], runs: int) -> float:
    """Median characters per second of `run` over `docs`."""
    chars = sum(len(text) for text, _ in docs)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(docs)
        times.append(time.perf_counter() - start)
    return chars / statistics.median(times)


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
    ap.add_argument("--runs", type=int, default=5, help="timed runs of the tagger")
    ap.add_argument("--dateparser-runs", type=int, default=3, help="timed runs of dateparser")
    ap.add_argument("--no-dateparser", action="store_true", help="time the tagger only")
    args = ap.parse_args(argv)

    resources.load.cache_clear()
    get_tagger.cache_clear()
    start = time.perf_counter()
    get_tagger("en")
    print(f"rule loading (once per process): {time.perf_counter() - start:.3f} s")

    other = None if args.no_dateparser else dateparser_runner()
    if other is None and not args.no_dateparser:
        print("note: dateparser is not installed (pip install -e \".[bench]\"); "
              "timing the tagger only", file=sys.stderr)
    header = f"{'corpus':18} {'chars':>9} {'tagger MB/s':>12}"
    if other:
        header += f" {'dateparser MB/s':>16} {'ratio':>7}"
    print(header)
    for name, docs in corpora().items():
        chars = sum(len(text) for text, _ in docs)
        ours = median_rate(run_tagger, docs, args.runs)
        line = f"{name:18} {chars:>9,} {ours / 1e6:>12.3f}"
        if other:
            theirs = median_rate(other, docs, args.dateparser_runs)
            line += f" {theirs / 1e6:>16.3f} {ours / theirs:>6.1f}x"
        print(line, flush=True)
    print(f"(medians of {args.runs} tagger runs"
          + (f" and {args.dateparser_runs} dateparser runs" if other else "")
          + "; one process, one core; MB = 10^6 characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
