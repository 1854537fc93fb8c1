"""Importance: what makes an event matter, and a person's word over the computed one."""

from __future__ import annotations

import random

from generator.core.dates import parse_date
from generator.core.model import Event, Source
from generator.ranking.importance import (HAND_WRITTEN_FLOOR, default_key_count, importance,
                                          key_events, ranked)


def event(event_id: str, date: str, reports: list[tuple[str, str]], title: str = "",
          **fields) -> Event:
    """An extracted event reported by (article, published) pairs."""
    sources = [Source(article=a, published=parse_date(p), quote=f"{title} {a}")
               for a, p in reports]
    fields.setdefault("extraction", {"phrase": date})
    return Event(id=event_id, date=parse_date(date), title=title or event_id, sources=sources,
                 **fields)


def archive() -> list[Event]:
    """A month of coverage: a turning point that later articles keep recalling, a busy day
    nobody mentions again, and filler days."""
    events = [event("turning-point", "2020-03-02", [("a1", "2020-03-02")],
                    "Rebels took the port")]
    # later articles recall the turning point
    for n in range(8):
        events.append(event(f"recall-{n}", "2020-03-02",
                            [(f"later{n}", f"2020-03-{10 + n:02d}")], "Rebels took the port"))
    # a busy day: many same-day reports, never recalled
    events.append(event("busy", "2020-03-05", [(f"busy{n}", "2020-03-05") for n in range(15)],
                        "Officials held a briefing"))
    for n in range(12):
        events.append(event(f"filler-{n}", f"2020-03-{12 + n:02d}",
                            [(f"f{n}", f"2020-03-{12 + n:02d}")], "Talks went on"))
    return events


def test_a_day_the_story_keeps_recalling_outranks_a_busy_day_nobody_recalls():
    scores = importance(archive())
    assert scores["turning-point"] > scores["busy"] > scores["filler-3"]


def test_importance_is_from_zero_to_one_and_the_top_event_is_one():
    scores = importance(archive())
    assert max(scores.values()) == 1.0 and min(scores.values()) >= 0.0


def test_the_days_main_happening_ranks_above_its_side_events():
    events = archive() + [event("side", "2020-03-02", [("a1", "2020-03-02")],
                                "A spokesman commented")]
    scores = importance(events)
    main = max(scores[e.id] for e in events if e.id.startswith(("turning", "recall")))
    assert scores["side"] < main
    assert scores["side"] >= 0.5 * main  # a side event keeps at least half its day's score


def test_the_same_store_gives_the_same_importance_in_any_order():
    events = archive()
    shuffled = events[:]
    random.Random(4).shuffle(shuffled)
    assert importance(events) == importance(shuffled)


def test_background_long_before_the_archive_counts_less_than_the_story():
    events = archive() + [event("background", "1918", [(f"later{n}", f"2020-03-{10 + n:02d}")
                                                       for n in range(8)],
                                "The last great pandemic killed millions")]
    scores = importance(events)
    assert scores["background"] < scores["turning-point"] / 2


def test_a_persons_importance_and_key_override_the_computed_ones():
    events = archive() + [
        event("set-low", "2020-03-02", [("a1", "2020-03-02")], importance=0.1),
        event("pinned", "2020-03-20", [("p", "2020-03-20")], key=True),
        event("never", "2020-03-02", [(f"later{n}", "2020-03-15") for n in range(8)],
              key=False)]
    scores = importance(events)
    assert scores["set-low"] == 0.1 and scores["pinned"] == 1.0
    chosen = [r.event.id for r in key_events(events, 3)]
    assert chosen[0] == "pinned" and "never" not in chosen and len(chosen) == 3


def test_a_hand_written_event_is_never_ranked_low():
    written = Event(id="written", date=parse_date("2020-03-25"), title="A person's event")
    assert importance(archive() + [written])["written"] >= HAND_WRITTEN_FLOOR


def test_key_events_take_one_event_per_day_before_side_events():
    events = archive()
    chosen = key_events(events, 3)
    days = [r.event.date.text for r in chosen]
    assert len(set(days)) == 3
    assert [r.event.id for r in ranked(events)][0] in {r.event.id for r in chosen}


def test_the_default_number_of_key_events_grows_with_the_store():
    small = default_key_count(archive())
    big = default_key_count([event(f"e{n}", f"20{10 + n // 365:02d}-01-01", [])
                             for n in range(3000)] + [
        event(f"d{n}", f"2020-{1 + n // 28:02d}-{1 + n % 28:02d}", []) for n in range(300)])
    assert 5 <= small < big <= 60
