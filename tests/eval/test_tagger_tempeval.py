"""Scored run: the tagger on the TempEval-3 training set, with the shared scorer.

It needs ../shared beside the project (the corpus and tools/timex_eval.py), is skipped
with the reason where that is absent, and checks the tagger's targets: relaxed-span
F1 >= 0.92, strict-span F1 >= 0.85, value F1 >= 0.82, type F1 >= 0.88. It takes a few
seconds, so it is part of the default suite.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from generator.extraction.tagger import tag

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
TARGETS = {"relaxed": 0.92, "strict": 0.85, "value": 0.82, "type": 0.88}


def _scorer():
    path = SHARED / "tools" / "timex_eval.py"
    if not path.is_file() or not (SHARED / "data" / "tempeval3-train").is_dir():
        pytest.skip(f"TempEval-3 data or scorer not found under {SHARED}")
    spec = importlib.util.spec_from_file_location("timex_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_tempeval3_train_targets() -> None:
    te = _scorer()
    docs = te.load_gold(str(SHARED / "data" / "tempeval3-train"))
    preds = {d.id: [te.Timex(t.start, t.end, t.type, t.timeml) for t in tag(d.text, d.dct)]
             for d in docs}
    result, _ = te.score(docs, preds)
    print(te.format_report(result, "tagger"))
    for measure, target in TARGETS.items():
        assert result[measure]["f1"] >= target, (measure, result[measure]["f1"])
