"""The engine's prefilter (trigger keys and the key sets a rule also requires) may only
save work: it never skips a rule that would have matched, so the engine's choice is the
same as with every rule run on every chunk."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from generator.extraction.tagger import get_tagger
from generator.extraction.tagger.engine import Engine
from generator.extraction.tagger.triggers import DIGIT, DIGITS4, rule_key_sets

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_7feccc1d5c9d4873.txt"
# Sentences that hold keys without a match, or a match near its keys' edges.
SENTENCES = [
    "The camp opened at 9 am on Monday, Dec. 3, and closed at 10.30 p.m. on Tuesday.",
    "Sales rose 20 percent in the year to March; in the 1990s they fell for a decade.",
    "An April Fool's day prank: May be late. The three-year-old deal ended mid-2001.",
    "Every other week, 40 workers met each Monday morning, twice a day, at 0900 GMT.",
    "He was 52 years old, aged 7 months at the time, some 1,200 days after 2 pm Friday.",
    "Trading closed at 1432 (1232 GMT) on 21st June 2019 after a 15-minute halt.",
]


def _texts(shared_dir: Path | None) -> list[str]:
    """The seed, the sentences above, every rule example, and (when the shared data is
    there) the first TempEval-3 training documents."""
    tagger = get_tagger()
    texts = [SEED.read_text(encoding="utf-8"), *SENTENCES]
    texts += [ex.text.replace("[", "").replace("]", "")
              for rule in tagger.resources.rules for ex in rule.examples]
    if shared_dir is not None:
        spec = importlib.util.spec_from_file_location("timex_eval",
                                                      shared_dir / "tools" / "timex_eval.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        docs = module.load_gold(str(shared_dir / "data" / "tempeval3-train"))
        texts += [doc.text for doc in docs[:40]]
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    shared_dir = ROOT.parent / "shared"
    return _texts(shared_dir if (shared_dir / "data" / "tempeval3-train").is_dir() else None)


def test_no_matching_rule_is_skipped(texts: list[str]) -> None:
    tagger = get_tagger()
    engine = tagger.engine
    checked = 0
    for text in texts:
        for start, end in tagger.split(text):
            active = engine.active(" ".join(text[start:end].lower().split()))
            for index, rule in enumerate(engine.rules):
                if index not in active and rule.regex.search(text, start, end):
                    pytest.fail(f"rule {rule.name} skipped on {text[start:end]!r}")
            checked += 1
    assert checked > 100


def test_choice_is_the_same_without_the_prefilter(texts: list[str]) -> None:
    tagger = get_tagger()
    unfiltered = Engine(tagger.resources.rules, prefilter=False)
    def key(matches):
        return [(m.start, m.end, m.rule.name) for m in matches]
    for text in texts:
        for start, end in tagger.split(text):
            assert key(tagger.engine.run(text, start, end)) == \
                key(unfiltered.run(text, start, end))


def test_the_prefilter_skips_rules() -> None:
    """It does skip: a month name without a year leaves the rules that need both out."""
    engine = get_tagger().engine
    names = {engine.rules[i].name for i in engine.active("talks resumed on july 21.")}
    assert "date_month_day" in names and "date_month_day_year" not in names
    assert "date_month_day_year" in {engine.rules[i].name
                                     for i in engine.active("talks resumed on july 21, 2019.")}


def test_rule_key_sets() -> None:
    sets = rule_key_sets(r"(?:jan|feb)\s+(\d+)", re.I)
    assert frozenset({"jan", "feb"}) in sets and frozenset({DIGIT}) in sets
    assert rule_key_sets(r"(?:in (1[6-9][0-9]{2}))", re.I)[0] == frozenset({DIGITS4})
    # "00" holds a digit: with DIGIT in the same set it adds nothing.
    assert frozenset({DIGIT}) in rule_key_sets(r"(1[0-2]|00|0?[1-9]) ?am", re.I)
    # An optional part gives no set.
    assert all("may" not in s for s in rule_key_sets(r"(?:may )?(\d+)", re.I))
