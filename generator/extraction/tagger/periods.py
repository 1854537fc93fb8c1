"""Calendar periods (a day, a week, a quarter, a decade ...) and their TIMEX3 values.

Anchoring needs to ask "which quarter holds this day?", "the month before that one"
and "does this period start before the publication date?"; a `Period` answers those
for every granularity a TIMEX3 DATE value can have, so `anchor` never does calendar
arithmetic itself.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

# Granularities from coarse to fine; `rank` orders them.
UNITS = ("century", "decade", "year", "half", "season", "quarter", "month",
         "week", "weekend", "day")
MONTH_SPANS = {"year": 12, "half": 6, "quarter": 3, "season": 3, "month": 1}
SEASONS = ("SP", "SU", "FA", "WI")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# The placeholder value of each granularity when no anchor is known.
PLACEHOLDERS = {"century": "XX", "decade": "XXX", "year": "XXXX", "half": "XXXX-HX",
                "season": "XXXX-XX", "quarter": "XXXX-QX", "month": "XXXX-XX",
                "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "day": "XXXX-XX-XX"}

_VALUE = re.compile(
    r"^(?:(?P<century>\d{2})|(?P<decade>\d{3})|(?P<year>\d{4})"
    r"(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<season>SP|SU|FA|WI)"
    r"|W(?P<week>\d{1,2})(?P<weekend>-WE)?|(?P<month>\d\d)(?:-(?P<day>\d\d))?))?)$")


def rank(unit: str) -> int:
    """Fineness of a granularity: century 0 ... day 9."""
    return UNITS.index(unit)


@dataclass(frozen=True, order=True)
class Period:
    """A stretch of calendar with a granularity, identified by its first day."""

    start: _dt.date
    unit: str

    @classmethod
    def containing(cls, unit: str, day: _dt.date) -> Period:
        """The period of granularity `unit` that holds `day`."""
        if unit == "day":
            return cls(day, unit)
        if unit in ("week", "weekend"):
            monday = day - _dt.timedelta(days=day.weekday())
            return cls(monday + _dt.timedelta(days=5) if unit == "weekend" else monday, unit)
        if unit == "season":
            # Winter (December to February) belongs to the year of its December.
            month = day.month
            start_month = 12 if month in (12, 1, 2) else (month - 3) // 3 * 3 + 3
            year = day.year - 1 if month < 3 else day.year
            if year < 1:             # the winter before the calendar begins
                raise OverflowError("no season before year 1")
            return cls(_dt.date(year, start_month, 1), unit)
        if unit in MONTH_SPANS:
            span = MONTH_SPANS[unit]
            return cls(_dt.date(day.year, (day.month - 1) // span * span + 1, 1), unit)
        size = 10 if unit == "decade" else 100
        return cls(_dt.date(max(1, day.year // size * size), 1, 1), unit)

    def end(self) -> _dt.date:
        """The last day of the period."""
        if self.unit == "weekend":
            return self.start + _dt.timedelta(days=1)
        after = self.shift(1)
        return _dt.date.max if after is None else after.start - _dt.timedelta(days=1)

    def shift(self, n: int) -> Optional[Period]:
        """The period `n` steps later (earlier when negative); None off the calendar."""
        try:
            if self.unit == "day":
                return Period(self.start + _dt.timedelta(days=n), self.unit)
            if self.unit in ("week", "weekend"):
                return Period(self.start + _dt.timedelta(weeks=n), self.unit)
            if self.unit in MONTH_SPANS:
                months = self.start.year * 12 + self.start.month - 1 + n * MONTH_SPANS[self.unit]
                return Period(_dt.date(months // 12, months % 12 + 1, 1), self.unit)
            size = 10 if self.unit == "decade" else 100
            return Period(_dt.date(self.start.year + n * size, 1, 1), self.unit)
        except (OverflowError, ValueError):
            return None

    def moved(self, unit: str, n: float) -> Optional[Period]:
        """The same granularity `n` UNITs later: 1989-Q3 a year back is 1988-Q3."""
        try:
            if unit in ("day", "week"):
                day = self.start + _dt.timedelta(days=round(n * (7 if unit == "week" else 1)))
            else:
                months = round(n * {"decade": 120, "century": 1200}.get(unit, MONTH_SPANS.get(unit, 1)))
                total = self.start.year * 12 + self.start.month - 1 + months
                year, month = divmod(total, 12)
                day = _dt.date(year, month + 1, 1)
                day = day.replace(day=min(self.start.day, _month_days(day)))
        except (OverflowError, ValueError):
            return None
        return Period.containing(self.unit, day)

    @property
    def value(self) -> str:
        """The TIMEX3 value of the period."""
        s, unit = self.start, self.unit
        if unit == "day":
            return s.isoformat()
        if unit in ("week", "weekend"):
            year, week, _ = s.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
        if unit == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if unit == "quarter":
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if unit == "half":
            return f"{s.year:04d}-H{(s.month - 1) // 6 + 1}"
        if unit == "season":
            return f"{s.year:04d}-{SEASONS[(s.month // 3 - 1) % 4]}"
        if unit == "year":
            return f"{s.year:04d}"
        return f"{s.year // 10:03d}" if unit == "decade" else f"{s.year // 100:02d}"


def add_days(day: _dt.date, n: int) -> Optional[_dt.date]:
    """`day` moved `n` days; None off the calendar (the DCT may be 9999-12-31)."""
    try:
        return day + _dt.timedelta(days=n)
    except OverflowError:
        return None


def _month_days(day: _dt.date) -> int:
    following = day.replace(day=28) + _dt.timedelta(days=4)
    return (following - _dt.timedelta(days=following.day)).day


def parse(value: str) -> Optional[Period]:
    """The period a fully specified TIMEX3 DATE value names, else None."""
    m = _VALUE.match(value)
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["century"]:
            return Period(_dt.date(max(1, int(g["century"]) * 100), 1, 1), "century")
        if g["decade"]:
            return Period(_dt.date(max(1, int(g["decade"]) * 10), 1, 1), "decade")
        year = int(g["year"])
        if g["day"]:
            return Period(_dt.date(year, int(g["month"]), int(g["day"])), "day")
        if g["month"]:
            return Period(_dt.date(year, int(g["month"]), 1), "month")
        if g["quarter"]:
            return Period(_dt.date(year, int(g["quarter"]) * 3 - 2, 1), "quarter")
        if g["half"]:
            return Period(_dt.date(year, int(g["half"]) * 6 - 5, 1), "half")
        if g["season"]:
            return Period(_dt.date(year, SEASON_START[g["season"]], 1), "season")
        if g["week"]:
            monday = _dt.date.fromisocalendar(year, int(g["week"]), 1)
            return Period.containing("weekend" if g["weekend"] else "week", monday)
        return Period(_dt.date(year, 1, 1), "year")
    except ValueError:
        return None


def distance(period: Period, day: _dt.date) -> int:
    """Days between `day` and the nearest day of `period` (0 when inside)."""
    if day < period.start:
        return (period.start - day).days
    end = period.end()
    return 0 if day <= end else (day - end).days


def nth_weekday(year: int, month: int, weekday: int, n: int) -> _dt.date:
    """The Nth ISO `weekday` of a month (N=-1: the last one): Thanksgiving is (11, 4, 4)."""
    if n > 0:
        first = _dt.date(year, month, 1)
        return first + _dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = (_dt.date(year + month // 12, month % 12 + 1, 1) - _dt.timedelta(days=1))
    return last - _dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter_sunday(year: int) -> _dt.date:
    """Easter Sunday (Gregorian computus, anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return _dt.date(year, month, day + 1)
