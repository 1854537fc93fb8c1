"""The extractor scored against the gold events (seed and events-dev), with the targets
of the product: seed event F1 >= 0.9 and strict date accuracy >= 0.9; events-dev event
F1 >= 0.85 and strict F1 >= 0.75. Reads ../shared; skipped where it is absent."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from generator.store.writer import sync_generated
from generator.extraction.run import extract_events
from generator.ingest import read_paths

from ..conftest import ROOT, SHARED

SCORER = SHARED / "tools" / "event_eval.py"


def score(articles_dir, gold, tmp_path) -> dict:
    articles, _ = read_paths([articles_dir])
    events, _ = extract_events(articles)
    sync_generated(tmp_path / "events", events)
    out = tmp_path / "scores.json"
    subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--events",
                    str(tmp_path / "events"), "--json", str(out)], check=True,
                   capture_output=True, timeout=120)
    return json.loads(out.read_text())


def overall(result: dict) -> dict:
    return result["summary"]


@pytest.fixture(autouse=True)
def needs_shared():
    if not SCORER.exists():
        pytest.skip("../shared (gold data and scorer) is not available")


def test_seed_targets(tmp_path):
    result = score(ROOT / "seeds", SHARED / "data" / "seed-gold.yaml", tmp_path)
    figures = overall(result)
    assert figures["f1"] >= 0.9, figures
    assert figures["date_strict_acc"] >= 0.9, figures


def test_events_dev_targets(tmp_path):
    dev = SHARED / "data" / "events-dev"
    result = score(dev / "articles", dev / "gold", tmp_path)
    figures = overall(result)
    assert figures["f1"] >= 0.85, figures
    assert figures["strict_f1"] >= 0.75, figures
