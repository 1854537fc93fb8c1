#!/usr/bin/env python3
"""One huge article: `timeline extract` on 4 MB of repeated sentences (target: under a
minute). Real archives hold such files (a page whose text repeats a template thousands
of times); every dated sentence of it is a candidate for the same few days.

    .venv/bin/python bench/bench_big_article.py [--mb 4] [--runs 3]

Writes two articles of about `--mb` MB each in a temporary folder: one repeats a single
dated sentence, one repeats a real-looking news report with several dates (relative,
explicit, clock times). Runs `timeline extract` on each as a separate process and prints
the median wall and CPU seconds (user + sys of the process and its children) over
`--runs` runs, with the number of candidates and events.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIMELINE = Path(sys.executable).with_name("timeline")
ONE_SENTENCE = "The minister resigned on Monday after protests in the capital, officials said. "
REPORT = """\
The central bank raised its main interest rate by half a point on Tuesday, the first \
increase in three years, as inflation reached its highest level since March 2008.

Governor Jane Smith said at 3 p.m. that the bank would meet again on June 12 and that \
prices had risen for a second straight month.

Last week, the finance ministry cut its growth forecast for the year, blaming the rise in \
oil prices that followed the strikes of early May.

Markets fell sharply in early trading and recovered by the end of the day, traders said.
"""


def article(unit: str, megabytes: float) -> str:
    """Front matter and `unit` repeated to about `megabytes` MB."""
    size = int(megabytes * 1_000_000)
    body = (unit * (size // len(unit) + 1))[:size]
    body = body[:body.rfind(".") + 1]
    return f"---\ntitle: Repeated\npublished: 2021-03-17\n---\n{body}\n"


def run(folder: Path, store: Path) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([str(TIMELINE), "extract", str(folder), "--events", str(store),
                             "--quiet"], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"timeline extract failed:\n{result.stderr[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    summary = re.search(r"(\d+) dated sentence\(s\) -> (\d+) event", result.stderr)
    return wall, cpu, f"{summary.group(1)} candidates -> {summary.group(2)} events"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'article':<22} {'MB':>5} {'wall s':>8} {'CPU s':>8}  result")
    with tempfile.TemporaryDirectory() as tmp:
        for name, unit in (("one sentence repeated", ONE_SENTENCE * 5 + "\n\n"),
                           ("a report repeated", REPORT + "\n")):
            folder = Path(tmp) / name.replace(" ", "-")
            folder.mkdir()
            path = folder / "big.md"
            path.write_text(article(unit, args.mb), encoding="utf-8")
            walls, cpus = [], []
            for number in range(args.runs):
                wall, cpu, summary = run(folder, Path(tmp) / f"store-{name}-{number}")
                walls.append(wall)
                cpus.append(cpu)
            megabytes = path.stat().st_size / 1e6
            print(f"{name:<22} {megabytes:>5.1f} {statistics.median(walls):>8.1f} "
                  f"{statistics.median(cpus):>8.1f}  {summary} (median of {args.runs})")


if __name__ == "__main__":
    main()
