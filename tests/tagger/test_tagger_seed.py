"""The seed article: every dated event in ../shared/data/seed-gold.yaml is found, with the
date normalised as the gold says, in the event's own sentence."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.extraction.tagger import tag

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_7feccc1d5c9d4873.txt"
MODS = {"early": "START", "mid": "MID", "late": "END", "about": "APPROX",
        "before": "BEFORE", "after": "AFTER"}


def _expected(event: dict) -> tuple[str, str | None]:
    """The TIMEX3 value and mod the gold's date, end and qualifier stand for."""
    date, end = str(event["date"]), event.get("end")
    if end:   # a two-day range Saturday..Sunday is that ISO week's weekend
        from datetime import date as day
        first = day.fromisoformat(date)
        assert first.isoweekday() == 6 and (day.fromisoformat(str(end)) - first).days == 1
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}-WE", None
    return date, MODS.get(event.get("qualifier"))


def test_seed_gold_dates(shared: Path) -> None:
    gold = yaml.safe_load((shared / "data" / "seed-gold.yaml").read_text(encoding="utf-8"))
    text = SEED.read_text(encoding="utf-8")
    timexes = tag(text, str(gold["published"]))
    for event in gold["events"]:
        if event.get("optional"):
            continue
        start = text.index(event["sentence"])
        end = start + len(event["sentence"])
        found = {(t.value, t.mod) for t in timexes if start <= t.start and t.end <= end}
        assert _expected(event) in found, (event["title"], found)


def test_seed_expressions() -> None:
    """The seed's expressions that the issue names, independent of the shared gold."""
    got = {(t.text, t.value, t.mod) for t in tag(SEED.read_text(encoding="utf-8"), "2019-07-22")}
    for item in [("this past week", "2019-W29", None), ("the weekend", "2019-W29-WE", None),
                 ("July 21", "2019-07-21", None), ("early August", "2019-08", "START"),
                 ("late June", "2019-06", "END"), ("May", "2019-05", None),
                 ("last week", "2019-W29", None), ("July 22", "2019-07-22", None),
                 ("10-minute", "PT10M", None), ("July 17", "2019-07-17", None)]:
        assert item in got
