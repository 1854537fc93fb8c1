"""Weekday ranges: a weekly habit ("open Monday to Friday") or one stretch of days.

Two weekdays joined by a range word (patterns/weekday_range.txt: "to", "through",
"-") are either a timetable, which recurs every week, or one run of days. Anchored
one by one, "open Monday to Friday" in Thursday's paper became last Monday and last
Friday, a range that ends before it starts.

- Habitual: the sentence is not in the past, names no week ("next week") and the
  range does not follow "on", or a habit word (patterns/habitual_cue.txt: "every",
  "each") says so whatever the tense ("scheduled to broadcast Monday-Wednesday at 11pm
  for each of the four weeks"). Both days are then TIMEX3 SETs of that weekday
  (XXXX-WXX-1 ... XXXX-WXX-5), as TimeBank annotates a weekly timetable ("flights
  would leave Bombay on Monday and Tuesday nights ... each Thursday": SETs).
- One-off: the first day is anchored as a single weekday, inside the week the
  sentence names if it names one ("Monday to Friday next week"); the last day is the
  first such weekday on or after it, never before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .engine import Match
from .normalize import norm_key
from ...core.calendar import add_days, parse
from .tense import PAST

# The rule names the step reports for the days of a weekly range.
SET_RULE = "set_weekday_range"
_WEEK_VALUE = re.compile(r"^(?:dct|ref)\(week,|^weekof\(")
_BARE_WEEKDAY = "date_weekday"


@dataclass(frozen=True)
class WeekdayRange:
    """Two weekday matches joined by a range word, and their ISO weekday numbers."""

    first: Match
    last: Match
    first_day: int
    last_day: int


class RangeFinder:
    """Finds weekday ranges in a sentence's matches and tells habits from one-offs."""

    def __init__(self, patterns: dict[str, str], weekdays: dict[str, str]) -> None:
        self._joiner = re.compile(rf"\s*(?:{patterns['weekday_range']})\s*$", re.IGNORECASE)
        self._habit = re.compile(rf"(?<!\w)(?:{patterns['habitual_cue']})(?!\w)",
                                 re.IGNORECASE)
        self._on = re.compile(r"(?<!\w)on\s+$", re.IGNORECASE)
        self._weekdays = weekdays

    def pairs(self, text: str, matches: list[Match]) -> list[WeekdayRange]:
        """Neighbouring bare weekdays with only a range word between them."""
        out = []
        days = [m for m in matches if m.rule.name == _BARE_WEEKDAY]
        for first, last in zip(days, days[1:]):
            between = text[first.end:last.start]
            if "\n" not in between and self._joiner.match(between):
                out.append(WeekdayRange(first, last, self._day(text, first),
                                        self._day(text, last)))
        return out

    def habitual(self, text: str, start: int, end: int, pair: WeekdayRange,
                 tense: Optional[str], values: list[str]) -> bool:
        """Whether the range recurs weekly; `values` are the sentence's filled values."""
        if self._habit.search(text, start, end):
            return True
        if tense == PAST or self._on.search(text, max(start, pair.first.start - 4),
                                            pair.first.start):
            return False
        return tense is None and not any(_WEEK_VALUE.match(v) for v in values)

    def _day(self, text: str, match: Match) -> int:
        return int(self._weekdays[norm_key(text[match.start:match.end])])


def set_value(day: int) -> str:
    """The TIMEX3 SET value of a weekday that recurs every week."""
    return f"XXXX-WXX-{day}"


def first_day(resolved: str, day: int, week: Optional[str]) -> str:
    """The first day of a one-off range: that weekday of the week the sentence names,
    else the day as anchored alone."""
    period = parse(week) if week else None
    moved = add_days(period.start, day - 1) if period and period.unit == "week" else None
    return moved.isoformat() if moved else resolved


def last_day(first: str, first_weekday: int, last_weekday: int) -> Optional[str]:
    """The last day of a one-off range: the first such weekday on or after the first
    day (None when the first day is not known)."""
    start = parse(first)
    if start is None or start.unit != "day":
        return None
    moved = add_days(start.start, (last_weekday - first_weekday) % 7)
    return moved.isoformat() if moved else None
