"""Event rules, one case file per phenomenon: an article in, the events that must come out.

Each file in extract_cases/ holds `published` (or null), the article `text`, and the
expected `events` in timeline order: date (or date_unknown_year), optional end,
qualifier, kind, the start of the event's first quote, how many quotes it cites, and
actors/places that must be among the event's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.extraction.run import extract_events
from generator.ingest import read_paths

CASES = sorted((Path(__file__).parent / "extract_cases").glob("*.yml"))


def article_file(folder: Path, case: dict) -> Path:
    meta = f"published: {case['published']}\n" if case["published"] else ""
    path = folder / "article.md"
    path.write_text(f"---\ntitle: Test article\n{meta}---\n{case['text']}", encoding="utf-8")
    return path


@pytest.mark.parametrize("case_file", CASES, ids=[p.stem for p in CASES])
def test_case(case_file, tmp_path):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    articles, _ = read_paths([article_file(tmp_path, case)])
    events, _ = extract_events(articles)
    summary = [_describe(e, want) for e, want in zip(events, case["events"])]
    assert len(events) == len(case["events"]), [(e.date.text, e.sources[0].quote) for e in events]
    assert summary == [_expected(want) for want in case["events"]]


def _describe(event, want: dict) -> dict:
    got = {"quote_starts": event.sources[0].quote[:len(want["quote_starts"])]}
    if "date_unknown_year" in want:
        got["date_unknown_year"] = event.date.unknown_year
    else:
        got["date"] = event.date.text
    for key in ("end", "qualifier", "kind"):
        if key in want:
            value = getattr(event, key)
            got[key] = value.text if hasattr(value, "text") else value
    if "quotes" in want:
        got["quotes"] = len(event.sources)
    if "review" in want:
        got["review"] = event.review is not None
    for key in ("actors", "places"):
        if key in want:
            got[key] = [name for name in want[key] if name in getattr(event, key)]
    return got


def _expected(want: dict) -> dict:
    return {k: v for k, v in want.items()}
