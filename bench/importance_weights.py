#!/usr/bin/env python3
"""How much the importance weights matter: Date-F1 (ranking c) with each weight halved
and doubled, on event stores of the development archive.

    .venv/bin/python bench/eval_archive.py --keep STORES      # extract once
    .venv/bin/python bench/importance_weights.py STORES

For every story unit kept in STORES it loads the store, computes importance with the
product's weights and with each of them (and the smoothing, and the days a later mention
must lag) halved and doubled, and scores the days ranked by their most important event
with the shared scorer's Date-F1 (../shared/tools/tls_eval.py, as news-tls computes it).
A weight that moves the mean little either way is on a plateau, not fitted to this data.
These are development figures: the weights were chosen on this archive.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "data" / "tls-dev"
SCORER = ROOT.parent / "shared" / "tools" / "tls_eval.py"

sys.path.insert(0, str(ROOT))
from generator.core.dates import Precision  # noqa: E402
from generator.ranking import importance as ranking  # noqa: E402
from generator.store.folder import load_store  # noqa: E402


def scorer():  # noqa: ANN201
    spec = importlib.util.spec_from_file_location("tls_eval", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def date_f1(events: list, golds: list[Path], tls) -> float:  # noqa: ANN001
    """Mean-P/mean-R F1 over a unit's gold timelines, days ranked by (importance, sources)."""
    scores = ranking.importance(events)
    best: dict[str, tuple] = {}
    sources: dict[str, set] = defaultdict(set)
    for event in events:
        if event.date.precision >= Precision.DAY and not event.date.unknown_year:
            day = event.date.text[:10]
            sources[day].update(s.article for s in event.sources)
            best[day] = max(best.get(day, (0.0,)), (scores[event.id],))
    ranked = {day: (best[day][0], len(sources[day])) for day in best}
    precisions, recalls = [], []
    for gold_file in golds:
        gold = {g["date"][:10] for g in tls.load_gold(gold_file)}
        span = {d: s for d, s in ranked.items() if min(gold) <= d <= max(gold)}
        p, r, _ = tls.prf(tls.top_k(span, len(gold)), gold)
        precisions.append(p)
        recalls.append(r)
    p, r = statistics.mean(precisions), statistics.mean(recalls)
    return 2 * p * r / (p + r) if p + r else 0.0


def variants() -> list[tuple[str, dict]]:
    """(label, module settings) for the product's weights and each one halved and doubled."""
    found = [("as shipped", {})]
    for name in ranking.WEIGHTS:
        for factor in (0.5, 2.0):
            weights = dict(ranking.WEIGHTS, **{name: ranking.WEIGHTS[name] * factor})
            found.append((f"{name} x{factor:g}", {"WEIGHTS": weights}))
    for setting in ("SMOOTHING", "LATER_DAYS"):
        value = getattr(ranking, setting)
        found += [(f"{setting.lower()} x0.5", {setting: max(1, round(value / 2))}),
                  (f"{setting.lower()} x2", {setting: value * 2})]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", type=Path, help="folder of stores kept by eval_archive.py")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit("../shared/tools/tls_eval.py is not available")
    tls = scorer()
    units = sorted(p.name for p in args.stores.iterdir()
                   if p.is_dir() and (ARCHIVE / p.name / "gold").is_dir())
    stores = {u: load_store(args.stores / u).events for u in units}
    print(f"{'variant':22} {'mean':>6} {'lowest':>6}  " + " ".join(f"{u[:10]:>10}" for u in units))
    for label, settings in variants():
        saved = {k: getattr(ranking, k) for k in settings}
        for key, value in settings.items():
            setattr(ranking, key, value)
        try:
            scores = [date_f1(stores[u], sorted((ARCHIVE / u / "gold").glob("*.yaml")), tls)
                      for u in units]
        finally:
            for key, value in saved.items():
                setattr(ranking, key, value)
        print(f"{label:22} {statistics.mean(scores):6.3f} {min(scores):6.3f}  "
              + " ".join(f"{s:10.3f}" for s in scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
