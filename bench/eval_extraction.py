#!/usr/bin/env python3
"""Score the extractor on the development data, with the shared scorer.

    .venv/bin/python bench/eval_extraction.py

Prints, for the seed article and for events-dev: the scorer's event precision/recall/F1,
strict date accuracy and strict F1; for events-dev's story clusters: how many
happenings reported by several articles became one event (every group with members
extracted from two articles, optional members included), each group's outcome, and how
many events wrongly join two happenings; and the rule-based name finder's actors against the gold actors
(precision/recall, a name matching when one contains the other). Needs ../shared.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from generator.store.writer import sync_generated  # noqa: E402
from generator.extraction.run import extract_events  # noqa: E402
from generator.ingest import read_paths  # noqa: E402
from tests.eval.clusters import actor_figures, merge_figures  # noqa: E402


def scored(articles_dir: Path, gold: Path) -> tuple[dict, list]:
    articles, _ = read_paths([articles_dir])
    events, _ = extract_events(articles)
    with tempfile.TemporaryDirectory() as tmp:
        sync_generated(Path(tmp) / "events", events)
        out = Path(tmp) / "scores.json"
        subprocess.run([sys.executable, str(SHARED / "tools" / "event_eval.py"), "--gold",
                        str(gold), "--events", str(Path(tmp) / "events"), "--json", str(out)],
                       check=True, capture_output=True)
        return json.loads(out.read_text())["summary"], events


def main() -> None:
    if not (SHARED / "tools" / "event_eval.py").exists():
        sys.exit("../shared (gold data and scorer) is not available")
    dev = SHARED / "data" / "events-dev"
    print(f"{'data':<12} {'P':>6} {'R':>6} {'F1':>6} {'date strict':>12} {'strict F1':>10}")
    for name, articles, gold in (("seed", ROOT / "seeds", SHARED / "data" / "seed-gold.yaml"),
                                 ("events-dev", dev / "articles", dev / "gold")):
        summary, events = scored(articles, gold)
        print(f"{name:<12} {summary['precision']:>6.3f} {summary['recall']:>6.3f} "
              f"{summary['f1']:>6.3f} {summary['date_strict_acc']:>12.3f} "
              f"{summary['strict_f1']:>10.3f}")
    figures = merge_figures(events, dev / "merged.yaml", dev / "gold")
    print(f"story clusters: {figures.merged}/{figures.groups} multi-article happenings are one "
          f"event ({len(figures.dated_apart)} dated apart by extraction); "
          f"{figures.false_merges} events join two happenings")
    for title, outcome in figures.report:
        print(f"  {outcome:<45.45} {title}")
    precision, recall, total = actor_figures(events, sorted((dev / "gold").glob("*.yaml")))
    print(f"actors (rule-based finder) vs {total} gold actors: precision {precision:.3f}, "
          f"recall {recall:.3f}")


if __name__ == "__main__":
    main()
