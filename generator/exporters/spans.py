"""Event dates as calendar parts and day spans, for formats that need numbers, not words.

A `DateValue` knows the span of minutes it covers; calendars and TimelineJS want a
year, month, day (and time) instead. Every precision of the date model maps here:
coarse dates (a season, a decade) start at their first month or year, weeks at their
Monday, parts of a day at their first hour.
"""

from __future__ import annotations

from typing import Optional

from ..core.calendar import civil_from_days
from ..core.dates import MINUTES_PER_DAY, DateValue, Precision

# The parts a precision states: TimelineJS shows a date only as finely as it is given.
_PARTS = {
    Precision.CENTURY: ("year",), Precision.DECADE: ("year",), Precision.YEAR: ("year",),
    Precision.HALF: ("year", "month"), Precision.QUARTER: ("year", "month"),
    Precision.SEASON: ("year", "month"), Precision.MONTH: ("year", "month"),
    Precision.WEEK: ("year", "month", "day"), Precision.WEEKEND: ("year", "month", "day"),
    Precision.DAY: ("year", "month", "day"),
    Precision.DAY_PART: ("year", "month", "day", "hour"),
    Precision.MINUTE: ("year", "month", "day", "hour", "minute"),
}
# Precisions that name whole days (all-day in a calendar); finer ones are times of day.
TIMED = (Precision.DAY_PART, Precision.MINUTE)


def first_day(value: DateValue) -> int:
    """Day number (days since 1970-01-01) of the first day the date covers."""
    return value.start // MINUTES_PER_DAY


def day_after(value: DateValue) -> int:
    """Day number of the first day after the date's span (an exclusive end)."""
    return -(-value.stop // MINUTES_PER_DAY)


def date_parts(value: DateValue) -> dict[str, int]:
    """Year, month, day, hour, minute of where the date begins, as far as it is known.

    Years stay historical (-44 is 44 BCE), as people write them in TimelineJS sheets.
    A decade or century starts at its first year (the 1990s at 1990).
    """
    year, month, day = civil_from_days(first_day(value))
    minute_of_day = value.start % MINUTES_PER_DAY
    every = {"year": year, "month": month, "day": day, "hour": minute_of_day // 60,
             "minute": minute_of_day % 60}
    return {name: every[name] for name in _PARTS[value.precision]}


def is_timed(value: DateValue, end: Optional[DateValue] = None) -> bool:
    """True when the date (and its end) name times of day rather than whole days."""
    return value.precision in TIMED and (end is None or end.precision in TIMED)
