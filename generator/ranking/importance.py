"""How much each event matters to the story the store tells, computed when it is loaded.

Importance is never written into event files: it depends on the whole archive, so it
would change every file each time new articles arrive. It is a number from 0 to 1,
comparable within one store (1 is its most important event).

A day is important when the story keeps coming back to it. Three signals, each divided
by its largest value in the store so that they weigh alike whatever the archive's size:

* **later mentions** (weight 1): of the articles published at least `LATER_DAYS` days
  after the day, the share that cite an event of that day, smoothed by `SMOOTHING`
  articles so that a day near the end of the archive needs more than one mention. Long
  stories look back at their turning points ("since the uprising began on 15 February");
  a busy day of coverage that nobody recalls later is not one.
* **reports** (weight 0.5): the distinct articles that report an event of the day.
* **coverage** (weight 0.5): the articles published on the day or the day after, the
  news the day made at the time.

Within a day, the event reported by most articles (then the most central one: its title
shares the words the archive repeats) carries the day's score; the others are scaled
down to between half and all of it, so the day's main happening ranks above its side
events and the days rank by their main happening.

Dates coarser than a day (a week, a month, a year) are scored the same way on their own
value, without coverage, and count half: they say less about when the story turned.
Background, what ended more than `BACKGROUND_DAYS` before the archive's first article,
counts a quarter: the story recalls it, it is not one of the story's happenings.
A person's word wins: `importance:` in a file is used as it is, `key: true` makes the
event a key event whatever its score, and a hand-written event (one without an
`extraction` record) is never ranked below `HAND_WRITTEN_FLOOR`.

The weights were set on the development archive (the publishers' timelines of seven
stories, tls-dev): halving or doubling any of them, the smoothing or the lag moves the
mean Date-F1 there between 0.71 and 0.76 (0.73 as set, on the stores the editorial
merge steps now write), so they sit on a plateau rather than on a peak fitted to it
(bench/importance_weights.py, bench/RESULTS.md).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

from ..core.dates import MINUTES_PER_DAY, Precision
from ..core.model import Event

LATER_DAYS = 2
SMOOTHING = 20
WEIGHTS = {"later": 1.0, "reports": 0.5, "coverage": 0.5}
COARSE_FACTOR = 0.5
# Background: what ended this many days before the archive's first article is context the
# story recalls ("the 1918 pandemic", "Bhopal in 1984"), not one of its happenings, however
# often articles mention it.
BACKGROUND_DAYS = 30
BACKGROUND_FACTOR = 0.25
SIDE_EVENT_FLOOR = 0.5
HAND_WRITTEN_FLOOR = 0.5
_WORD = re.compile(r"[a-z][a-z'-]{3,}")


@dataclass(frozen=True)
class Ranked:
    """An event with its importance and whether it is a key event by a person's word."""

    event: Event
    importance: float
    pinned: bool = False


def importance(events: Iterable[Event]) -> dict[str, float]:
    """Event id -> importance (0 to 1) for every event of a store."""
    events = list(events)
    published = _publication_days(events)
    later_since = sorted(published.values())
    by_date: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if not event.date.unknown_year:
            by_date[_date_key(event)].append(event)
    coverage = Counter(published.values())
    raw = {key: _signals(key, group, later_since, coverage) for key, group in by_date.items()}
    top = {name: max((s[name] for s in raw.values()), default=0.0) or 1.0 for name in WEIGHTS}
    day_score = {key: sum(WEIGHTS[n] * s[n] / top[n] for n in WEIGHTS) for key, s in raw.items()}
    central = _centrality(events)
    story_start = min(published.values(), default=0) - BACKGROUND_DAYS
    scores: dict[str, float] = {}
    for key, group in by_date.items():
        weight = {e.id: (len(_articles(e)), central.get(e.id, 0.0)) for e in group}
        best = max(weight.values())
        for event in group:
            share = _share(weight[event.id], best)
            factor = 1.0 if event.date.precision >= Precision.DAY else COARSE_FACTOR
            if published and (event.date.stop - 1) // MINUTES_PER_DAY < story_start:
                factor *= BACKGROUND_FACTOR
            scores[event.id] = day_score[key] * factor * share
    highest = max(scores.values(), default=0.0) or 1.0
    result = {}
    for event in events:
        value = scores.get(event.id, 0.0) / highest
        if event.importance is not None:
            value = event.importance
        elif event.key is True:
            value = 1.0
        elif not event.extraction:
            value = max(value, HAND_WRITTEN_FLOOR)
        result[event.id] = round(value, 4)
    return result


def ranked(events: Iterable[Event], scores: Optional[dict[str, float]] = None
           ) -> list[Ranked]:
    """Every event with its importance, most important first (key events first of all),
    ties in timeline order; `scores` when the caller has them already."""
    events = list(events)
    scores = importance(events) if scores is None else scores
    order = {e.id: n for n, e in enumerate(sorted(events, key=Event.order_key))}
    return sorted((Ranked(e, scores[e.id], e.key is True) for e in events),
                  key=lambda r: (not r.pinned, -r.importance, order[r.event.id]))


def key_events(events: Iterable[Event], count: Optional[int] = None,
               scores: Optional[dict[str, float]] = None) -> list[Ranked]:
    """The story in brief, most important first: events marked `key: true`, then the main
    happening of the most important days, then (when days run out) their side events, up
    to `count` in all (default: `default_key_count`); never one marked `key: false`."""
    events = list(events)
    wanted = default_key_count(events) if count is None else count
    candidates = [r for r in ranked(events, scores) if r.event.key is not False]
    pinned = [r for r in candidates if r.pinned]
    seen_days: set[str] = {_date_key(r.event) for r in pinned}
    mains, sides = [], []
    for r in candidates:
        if r.pinned:
            continue
        day = _date_key(r.event)
        (sides if day in seen_days else mains).append(r)
        seen_days.add(day)
    return (pinned + mains + sides)[:max(len(pinned), wanted)]


def default_key_count(events: list[Event]) -> int:
    """How many key events a timeline of this size needs: twice the square root of the
    number of days the store names, from 5 to 60, so that a reader sees the story on one
    or two screens (6 for 9 days, 20 for 100, 40 for 400)."""
    days = {_date_key(e) for e in events if e.date.precision >= Precision.DAY}
    return max(5, min(60, round(2 * math.sqrt(len(days)))))


def _date_key(event: Event) -> str:
    return event.date.text[:10] if event.date.precision >= Precision.DAY else event.date.text


def _articles(event: Event) -> set[str]:
    return {s.article or s.url or s.title or "" for s in event.sources} - {""}


def _publication_days(events: list[Event]) -> dict[str, int]:
    """Article -> the day number it was published, for every article the store cites."""
    found: dict[str, int] = {}
    for event in events:
        for source in event.sources:
            name = source.article or source.url
            if name and source.published is not None and not source.published.unknown_year:
                found[name] = source.published.start // MINUTES_PER_DAY
    return found


def _signals(key: str, group: list[Event], publication_days: list[int],
             coverage: Counter) -> dict[str, float]:
    date = group[0].date
    first_day = date.start // MINUTES_PER_DAY
    last_day = (date.stop - 1) // MINUTES_PER_DAY
    reports: set[str] = set()
    later: set[str] = set()
    for event in group:
        for source in event.sources:
            name = source.article or source.url
            if not name:
                continue
            reports.add(name)
            if source.published is not None and not source.published.unknown_year and \
                    source.published.start // MINUTES_PER_DAY >= last_day + LATER_DAYS:
                later.add(name)
    after = len(publication_days) - bisect.bisect_left(publication_days,
                                                       last_day + LATER_DAYS)
    news = coverage[first_day] + coverage[first_day + 1] \
        if date.precision >= Precision.DAY else 0
    return {"later": len(later) / (after + SMOOTHING), "reports": float(len(reports)),
            "coverage": float(news)}


def _centrality(events: list[Event]) -> dict[str, float]:
    """How much of the archive's vocabulary an event's title shares: the mean share of
    reporting articles that use each of its words (0 to 1)."""
    used_by: dict[str, set[str]] = defaultdict(set)
    articles: set[str] = set()
    for event in events:
        for source in event.sources:
            name = source.article or source.url
            if name:
                articles.add(name)
                for word in set(_WORD.findall((source.quote or "").lower())):
                    used_by[word].add(name)
    total = len(articles) or 1
    result = {}
    for event in events:
        words = set(_WORD.findall(event.title.lower()))
        result[event.id] = sum(len(used_by[w]) for w in words) / (total * len(words)) \
            if words else 0.0
    return result


def _share(weight: tuple[int, float], best: tuple[int, float]) -> float:
    """1 for the day's main event; between `SIDE_EVENT_FLOOR` and 1 for the others."""
    if weight >= best:
        return 1.0
    reports = weight[0] / best[0] if best[0] else 1.0
    central = weight[1] / best[1] if best[1] else 1.0
    return SIDE_EVENT_FLOOR + (1 - SIDE_EVENT_FLOOR) * min(0.999, (reports + central) / 2)
