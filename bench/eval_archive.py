#!/usr/bin/env python3
"""Extraction on a real crawled archive (../shared/data/tls-dev), scored against the
publishers' own timelines of each story.

    .venv/bin/python bench/eval_archive.py [--units H1N1_bbc,MJ_bbc] [--jobs 2]
                                           [--keep DIR] [--sample N] [--json OUT]

For each story unit it runs what a user runs: `timeline extract UNIT/articles --events
DIR --jobs N`, then `timeline check DIR`, and scores the store with the shared scorer
`tools/tls_eval.py`. It prints per unit: articles, events, events per article, the share
dated to a day, internal errors (runs that died), articles that failed, records
`timeline check` rejects, the exit code, Date-F1 of the top-k days by distinct sources
(b) and by events (a) beside the baseline of the k busiest publication days, the wall and
CPU seconds of the extraction, Date-F1 by the product's own importance (c, from
`timeline list --format json`), and three sanity counts: events dated after the unit's
last publication day that are not `kind: future`, events before 1500 whose quote does
not state that year, and events citing a page skipped as not English. These are
development figures: the rules were written looking at this archive.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARCHIVE = SHARED / "data" / "tls-dev"
SCORER = SHARED / "tools" / "tls_eval.py"
TIMELINE = Path(sys.executable).with_name("timeline")

sys.path.insert(0, str(ROOT))
from generator.core.dates import parse_date  # noqa: E402
from generator.store.folder import load_store  # noqa: E402


def run(command: list[str], cwd: Path, env: Optional[dict] = None
        ) -> tuple[subprocess.CompletedProcess, float, float]:
    """The finished command, its wall seconds and its CPU seconds (user + sys)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, wall, cpu


def last_published(articles: Path) -> str:
    """The latest `published` date of the unit's articles (YYYY-MM-DD)."""
    latest = ""
    for path in articles.glob("*.txt"):
        head = path.read_text(encoding="utf-8", errors="replace")[:400]
        match = re.search(r"^published:\s*'?(\d{4}-\d\d-\d\d)", head, re.M)
        if match:
            latest = max(latest, match.group(1))
    return latest


def sanity(store: Path, latest: str, skipped: set[str]) -> dict[str, int]:
    """Counts of events that break the archive's date sanity rules."""
    counts = {"after_last_published": 0, "before_1500_unstated": 0, "from_skipped_pages": 0}
    last_day = parse_date(latest) if latest else None
    for event in load_store(store).events:
        date = str(event.date)
        if event.kind != "future" and last_day is not None and not event.date.unknown_year \
                and event.date.start >= last_day.stop:
            counts["after_last_published"] += 1
        year = date[:4]
        if year.isdigit() and int(year) < 1500 and not any(
                re.search(rf"\b{int(year)}\b", s.quote or "") for s in event.sources):
            counts["before_1500_unstated"] += 1
        if any(s.article in skipped for s in event.sources):
            counts["from_skipped_pages"] += 1
    return counts


def score(store: Path, unit: Path, sample: int, seed: int) -> tuple[dict, str]:
    out = store.with_suffix(".scores.json")
    command = [sys.executable, str(SCORER), str(store), *map(str, sorted(unit.glob("gold/*.yaml"))),
               "--articles", str(unit / "articles"), "--json", str(out)]
    if sample:
        command += ["--sample", str(sample), "--seed", str(seed)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(out.read_text(encoding="utf-8")), result.stdout


def score_importance(store: Path, unit: Path, folder: Path) -> float:
    """Date-F1 of ranking (c): the product's own `importance`, as `timeline list` prints it."""
    listed, _, _ = run([str(TIMELINE), "list", store.name, "--format", "json"], folder)
    events = store.with_suffix(".list.json")
    events.write_text(listed.stdout, encoding="utf-8")
    out = store.with_suffix(".importance.json")
    subprocess.run([sys.executable, str(SCORER), str(events),
                    *map(str, sorted(unit.glob("gold/*.yaml"))), "--json", str(out)],
                   capture_output=True, text=True, check=True)
    return json.loads(out.read_text(encoding="utf-8")).get("mean", {}).get("c_importance", 0.0)


def evaluate(unit: Path, folder: Path, jobs: int, sample: int, seed: int) -> dict:
    store = folder / unit.name
    # Run inside `folder`, so that messages name the store's files as UNIT/... and the
    # articles by their full path.
    extract, wall, cpu = run([str(TIMELINE), "extract", str(unit / "articles"), "--events",
                              unit.name, "--jobs", str(jobs), "--quiet"], folder)
    check, _, _ = run([str(TIMELINE), "check", unit.name], folder)
    lines = extract.stderr.splitlines()
    skipped = {Path(line.split(":")[0]).stem for line in lines if "skipped: " in line}
    figures = {
        "unit": unit.name, "exit": extract.returncode, "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "internal_errors": sum("internal error" in line for line in lines),
        "failed_articles": sum(": error: could not extract" in line for line in lines),
        "not_english": len(skipped),
        # Records the store refused to write (extract reports them under the store's
        # path) and records `timeline check` rejects in what was written.
        "rejected": sum(": error:" in line and line.startswith(f"{unit.name}/")
                        for line in lines) + sum(": error:" in line
                                                 for line in check.stderr.splitlines()),
    }
    if not store.is_dir():
        return figures
    scores, text = score(store, unit, sample, seed)
    mean = scores.get("mean", {})
    precision = scores.get("precision", {})
    figures.update(
        articles=scores.get("articles", 0), events=scores["events"],
        per_article=round(scores["events_per_article"] or 0, 2),
        day_share=round(precision.get("day", 0) / max(1, scores["events"]), 3),
        f1_importance=round(score_importance(store, unit, folder), 3),
        f1_sources=round(mean.get("b_sources", 0), 3), f1_events=round(mean.get("a_events", 0), 3),
        f1_pubcount=round(mean.get("pubcount", 0), 3), titles_cut=scores["titles_cut"],
        **sanity(store, last_published(unit / "articles"), skipped))
    figures["sample_text"] = text.split("random events", 1)[-1] if sample else ""
    return figures


COLUMNS = [("unit", 17), ("articles", 8), ("events", 7), ("per_article", 7), ("day_share", 6),
           ("internal_errors", 4), ("failed_articles", 4), ("not_english", 4), ("rejected", 4),
           ("exit", 4), ("f1_importance", 6), ("f1_sources", 6), ("f1_events", 6), ("f1_pubcount", 6),
           ("after_last_published", 5), ("before_1500_unstated", 5), ("wall_s", 6),
           ("cpu_s", 6)]
HEADERS = {"unit": "unit", "articles": "arts", "events": "events", "per_article": "ev/art",
           "day_share": "day", "internal_errors": "int", "failed_articles": "fail",
           "not_english": "!en", "rejected": "rej", "exit": "exit", "f1_importance": "F1(c)", "f1_sources": "F1(b)",
           "f1_events": "F1(a)", "f1_pubcount": "F1pub", "after_last_published": ">last",
           "before_1500_unstated": "<1500", "wall_s": "wall", "cpu_s": "cpu"}


def print_table(rows: list[dict]) -> None:
    print(" ".join(f"{HEADERS[key]:>{width}}" for key, width in COLUMNS))
    for row in rows:
        print(" ".join(f"{row.get(key, ''):>{width}}" for key, width in COLUMNS))
    scored = [r for r in rows if "f1_sources" in r]
    if scored:
        mean = {k: sum(r[k] for r in scored) / len(scored)
                for k in ("f1_importance", "f1_sources", "f1_events", "f1_pubcount",
                          "per_article")}
        lowest = min(r["f1_importance"] for r in scored)
        print(f"mean over {len(scored)} units: F1 by importance {mean['f1_importance']:.3f} "
              f"(lowest unit {lowest:.3f}), by sources {mean['f1_sources']:.3f}, by events "
              f"{mean['f1_events']:.3f}, publication-day baseline {mean['f1_pubcount']:.3f}; "
              f"events per article {mean['per_article']:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", help="comma-separated unit names (default: all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="write the event stores here and keep them")
    parser.add_argument("--sample", type=int, default=0,
                        help="print N random events per unit (tls_eval.py --sample)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args()
    if not SCORER.exists() or not ARCHIVE.is_dir():
        sys.exit("../shared/data/tls-dev and tools/tls_eval.py are not available")
    units = sorted(p for p in ARCHIVE.iterdir() if (p / "articles").is_dir())
    if args.units:
        wanted = set(args.units.split(","))
        units = [u for u in units if u.name in wanted]
    with tempfile.TemporaryDirectory() as tmp:
        folder = (args.keep or Path(tmp)).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for unit in units:
            rows.append(evaluate(unit, folder, args.jobs, args.sample, args.seed))
            print(f"{unit.name}: done", file=sys.stderr, flush=True)
    print_table(rows)
    for row in rows:
        if row.get("sample_text"):
            print(f"\n== {row['unit']}: random events{row['sample_text']}")
    if args.json:
        args.json.write_text(json.dumps([{k: v for k, v in r.items() if k != "sample_text"}
                                         for r in rows], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
