"""The calendar: the one place for date arithmetic and the spelling of date values.

Every room that reckons with dates uses this module: the event record's date model
(`core.dates`), the temporal tagger's anchoring (`Period`), the renderer's years and
months and the exporters' day spans. Two families of tools live here:

- day numbers (days since 1970-01-01) for any proleptic Gregorian date, BCE included,
  with ISO weeks and month lengths, because `datetime.date` stops at year 1;
- `Period`: a stretch of calendar with a granularity (a day, a week, a quarter, a
  decade ...), which the tagger moves and compares when it anchors "last quarter".

Values are spelled one way inside the product, the record's way: a decade is `199X`, a
century `18XX`. TimeML spells them `199` and `18`; `timeml_value` converts at the two
places that speak TimeML (`timeline timex` and the TempEval-3 scoring).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
# Season -> (first month, number of months); winter starts in December of its year.
SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}


# --------------------------------------------------------------------------- calendar


def _astronomical(year: int) -> int:
    """Historical year (no year 0, -1 = 1 BCE) to astronomical year (0 = 1 BCE)."""
    return year + 1 if year < 0 else year


def _historical(year: int) -> int:
    return year - 1 if year <= 0 else year


def is_leap(year: int) -> bool:
    """Leap year in the proleptic Gregorian calendar, for a historical year."""
    y = _astronomical(year)
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def day_number(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 for any proleptic Gregorian date (BCE included).

    Python's `datetime.date` stops at year 1, so BCE dates need our own arithmetic; this
    is the well-known civil-from-days inversion over 400-year eras.
    """
    y = _astronomical(year) - (1 if month <= 2 else 0)
    era = y // 400  # floor division: Python needs no C-style sign fix
    yoe = y - era * 400
    mp = (month + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """Inverse of `day_number`: (historical year, month, day)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    return _historical(year), month, day


def weekday(days: int) -> int:
    """Monday = 0 ... Sunday = 6 for a day number (1970-01-01 was a Thursday)."""
    return (days + 3) % 7


def iso_week_monday(year: int, week: int) -> int:
    """Day number of the Monday of ISO week `week` of `year` (week 1 holds 4 January)."""
    jan4 = day_number(year, 1, 4)
    return jan4 - weekday(jan4) + 7 * (week - 1)


def iso_weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week of 28 December, which always lies in the year's last week."""
    dec28 = day_number(year, 12, 28)
    return (dec28 - iso_week_monday(year, 1)) // 7 + 1


def iso_week_of(days: int) -> tuple[int, int]:
    """(ISO year, ISO week) of a day number."""
    year = civil_from_days(days)[0]
    for candidate in (year + 1, year, year - 1):
        if candidate == 0:
            continue
        monday = iso_week_monday(candidate, 1)
        if days >= monday:
            return candidate, (days - monday) // 7 + 1
    raise AssertionError("unreachable")  # pragma: no cover


# --------------------------------------------------------------------------- spelling


def decade_text(decade: int) -> str:
    """The value of a decade from its first three digits: 199 -> "199X" (BCE: -4 -> "-004X")."""
    return f"{'-' if decade < 0 else ''}{abs(decade):03d}X"


def century_text(century: int) -> str:
    """The value of a century from its first two digits: 18 -> "18XX"."""
    return f"{'-' if century < 0 else ''}{abs(century):02d}XX"


_DECADE_OR_CENTURY = re.compile(r"(-?\d{3})X|(-?\d{2})XX")


def timeml_value(value: str) -> str:
    """TimeML's spelling of a value: a decade "199X" is "199", a century "18XX" is "18";
    every other value is spelled the same."""
    m = _DECADE_OR_CENTURY.fullmatch(value)
    return (m.group(1) or m.group(2)) if m else value


# --------------------------------------------------------------------------- periods


# Granularities from coarse to fine; `rank` orders them.
UNITS = ("century", "decade", "year", "half", "season", "quarter", "month",
         "week", "weekend", "day")
MONTH_SPANS = {"year": 12, "half": 6, "quarter": 3, "season": 3, "month": 1}
SEASONS = tuple(SEASON_MONTHS)
# The placeholder value of each granularity when no anchor is known.
PLACEHOLDERS = {"century": "XX", "decade": "XXX", "year": "XXXX", "half": "XXXX-HX",
                "season": "XXXX-XX", "quarter": "XXXX-QX", "month": "XXXX-XX",
                "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "day": "XXXX-XX-XX"}

_VALUE = re.compile(
    r"^(?:(?P<century>\d{2})XX|(?P<decade>\d{3})X|(?P<year>\d{4})"
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
                day = day.replace(day=min(self.start.day, days_in_month(year, month + 1)))
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
        return decade_text(s.year // 10) if unit == "decade" else century_text(s.year // 100)


def add_days(day: _dt.date, n: int) -> Optional[_dt.date]:
    """`day` moved `n` days; None off the calendar (the DCT may be 9999-12-31)."""
    try:
        return day + _dt.timedelta(days=n)
    except OverflowError:
        return None


def parse(value: str) -> Optional[Period]:
    """The period a fully specified date value names (in our spelling), else None."""
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
            return Period(_dt.date(year, SEASON_MONTHS[g["season"]][0], 1), "season")
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
