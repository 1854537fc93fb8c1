#!/usr/bin/env python3
"""Extraction time per article, this checkout against an older revision, interleaved.

    .venv/bin/python bench/ab_extract.py --old REV [--units H1N1_bbc,MJ_bbc] [--rounds 3]

Checks REV out into a temporary git worktree, then for each round and each story unit
of ../shared/data/tls-dev runs `timeline extract UNIT/articles --jobs 1 --quiet` into a
fresh store with the old code and with the current code, one right after the other (the
order alternates by round), so that a change in the machine's load hits both. Prints
the median CPU seconds (user + sys of the child) and wall seconds per article of each,
and the ratio new/old, with the load average before and after. CPU seconds are the
figure to compare on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "data" / "tls-dev"

sys.path.insert(0, str(ROOT / "bench"))
from eval_archive import run  # noqa: E402  (the same CPU + wall timing of a command)


def timed_extract(code: Path, articles: Path, store: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one `timeline extract` run with the code at `code`."""
    command = [sys.executable, "-m", "generator", "extract", str(articles), "--events",
               str(store), "--jobs", "1", "--quiet"]
    _, wall, cpu = run(command, store.parent, {**os.environ, "PYTHONPATH": str(code)})
    return cpu, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True, metavar="REV")
    parser.add_argument("--units", default="H1N1_bbc,MJ_bbc,LibyaWar_reuters")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not ARCHIVE.is_dir():
        sys.exit("../shared/data/tls-dev is not available")
    print("load average before: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        subprocess.run(["git", "worktree", "add", "--detach", str(old), args.old], cwd=ROOT,
                       check=True, capture_output=True)
        try:
            print(f"{'unit':18} {'articles':>8} {'old CPU ms/art':>15} {'new CPU ms/art':>15} "
                  f"{'CPU new/old':>11} {'old wall':>9} {'new wall':>9}")
            for unit in args.units.split(","):
                articles = ARCHIVE / unit / "articles"
                count = sum(1 for p in articles.iterdir() if p.suffix in (".txt", ".md"))
                runs: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
                for number in range(args.rounds):
                    order = ("old", "new") if number % 2 == 0 else ("new", "old")
                    for name in order:
                        store = Path(tmp) / f"{name}-{unit}-{number}"
                        store.mkdir()
                        code = old if name == "old" else ROOT
                        runs[name].append(timed_extract(code, articles, store / "events"))
                cpu = {k: statistics.median(c for c, _ in v) for k, v in runs.items()}
                wall = {k: statistics.median(w for _, w in v) for k, v in runs.items()}
                print(f"{unit:18} {count:8} {1000 * cpu['old'] / count:15.1f} "
                      f"{1000 * cpu['new'] / count:15.1f} {cpu['new'] / cpu['old']:11.2f} "
                      f"{wall['old']:9.1f} {wall['new']:9.1f}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT,
                           capture_output=True)
    print("load average after: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
