"""The date model of an event: parse, check, order and display the dates a timeline holds.

Event dates come from news text and from people, so they are often less precise than a
day ("late June 2019", "the 1990s"). A `DateValue` keeps the precision the source gave
and knows the span of time it covers, which is what ordering and display need.

Accepted forms (TIMEX3-style, as the tagger writes them and as people type them):

    YYYY            2019        a year; negative years are BCE (-44 = 44 BCE, no year 0)
    YYYX / YYXX     199X, 18XX  a decade (the 1990s) / a century (the 1800s)
    YYYY-Hn         2019-H2     a half year
    YYYY-Qn         2019-Q3     a quarter
    YYYY-SS         2019-SU     a season: SP, SU, FA, WI (winter runs into the next year)
    YYYY-MM         2019-07     a month
    YYYY-Www        2019-W29    an ISO week (Monday to Sunday)
    YYYY-Www-WE     2019-W29-WE the weekend of an ISO week
    YYYY-MM-DD      2019-07-21  a day
    YYYY-MM-DDTxx   2019-07-21TMO  part of a day: MO, AF, EV, NI (morning ... night)
    YYYY-MM-DDTHH:MM[:SS]       a time of day
    XXXX-MM-DD, XXXX-MM, XXXX   TIMEX3 placeholders: the year is not known (an article
                                without a publication date); shown as such, sorted last

Ordering (see `sort_key`): events are ordered by the moment their (qualified) span
starts; at equal starts a coarser date comes first (a whole year before its first day),
then the one that ends first; callers break remaining ties by title and id, so the order
is total and stable.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from dataclasses import dataclass
from typing import Optional

from .calendar import (MONTH_NAMES, SEASON_MONTHS, SEASON_NAMES, century_text, civil_from_days,
                       day_number, days_in_month, decade_text, iso_week_monday,
                       iso_weeks_in_year)

MINUTES_PER_DAY = 24 * 60
MAX_YEAR = 9999

QUALIFIERS = ("early", "mid", "late", "about", "before", "after")
# TIMEX3 `mod` values and the qualifier each one maps to.
TIMEX_MODS = {
    "START": "early", "MID": "mid", "END": "late", "APPROX": "about",
    "BEFORE": "before", "ON_OR_BEFORE": "before", "LESS_THAN": "before",
    "AFTER": "after", "ON_OR_AFTER": "after", "MORE_THAN": "after",
}
DAY_PARTS = {"MO": ("morning", 6, 12), "AF": ("afternoon", 12, 18),
             "EV": ("evening", 18, 22), "NI": ("night", 22, 30)}
ORDINALS = ("first", "second", "third", "fourth")


class DateError(ValueError):
    """Raised by `parse_date` for text that is not a valid date, with advice on the fix."""


class Precision(enum.IntEnum):
    """How finely a date is known, coarsest first (the order is used for sorting)."""

    CENTURY = 0
    DECADE = 1
    YEAR = 2
    HALF = 3
    QUARTER = 4
    SEASON = 5
    MONTH = 6
    WEEK = 7
    WEEKEND = 8
    DAY = 9
    DAY_PART = 10
    MINUTE = 11


# --------------------------------------------------------------------------- value

_YEAR = r"(?P<year>-?\d{1,6})"  # wider than valid, so 99999 gets a clear range error
_PATTERNS: list[tuple[Precision, re.Pattern[str]]] = [
    (Precision.CENTURY, re.compile(r"(?P<cent>-?\d{1,2})XX")),
    (Precision.DECADE, re.compile(r"(?P<dec>-?\d{1,3})X|(?P<dec0>-?\d{1,3})0s")),
    (Precision.YEAR, re.compile(_YEAR)),
    (Precision.HALF, re.compile(_YEAR + r"-H(?P<part>[12])")),
    (Precision.QUARTER, re.compile(_YEAR + r"-Q(?P<part>[1-4])")),
    (Precision.SEASON, re.compile(_YEAR + r"-(?P<part>SP|SU|FA|WI)")),
    (Precision.MONTH, re.compile(_YEAR + r"-(?P<month>\d{2})")),
    (Precision.WEEK, re.compile(_YEAR + r"-W(?P<week>\d{2})")),
    (Precision.WEEKEND, re.compile(_YEAR + r"-W(?P<week>\d{2})-WE")),
    (Precision.DAY, re.compile(_YEAR + r"-(?P<month>\d{2})-(?P<day>\d{2})")),
    (Precision.DAY_PART, re.compile(
        _YEAR + r"-(?P<month>\d{2})-(?P<day>\d{2})T(?P<part>MO|AF|EV|NI)")),
    (Precision.MINUTE, re.compile(
        _YEAR + r"-(?P<month>\d{2})-(?P<day>\d{2})[T ](?P<hour>\d{2}):(?P<minute>\d{2})"
        r"(?::(?P<second>\d{2}))?")),
]

FORMS_HELP = ("YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-MM-DDTHH:MM, YYYY-Qn, YYYY-Hn, "
              "YYYY-SU (season), 199X (decade) or 18XX (century); negative years are BCE")


@dataclass(frozen=True)
class DateValue:
    """A calendar date at some precision, with the span of time it covers.

    `start` and `stop` are minutes since 1970-01-01T00:00 (negative before), half-open,
    so every value, BCE or not, orders on one number line.
    """

    text: str
    precision: Precision
    year: int
    start: int
    stop: int
    month: Optional[int] = None
    day: Optional[int] = None
    week: Optional[int] = None
    part: Optional[str] = None
    hour: Optional[int] = None
    minute: Optional[int] = None
    unknown_year: bool = False

    def __str__(self) -> str:
        return self.text

    @property
    def is_bce(self) -> bool:
        return self.start < day_number(1, 1, 1) * MINUTES_PER_DAY

    def contains(self, other: "DateValue") -> bool:
        return self.start <= other.start and other.stop <= self.stop

    def overlaps(self, other: "DateValue") -> bool:
        return self.start < other.stop and other.start < self.stop


def _year_text(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _check_year(year: int, raw: str) -> None:
    if year == 0:
        raise DateError(f"'{raw}': there is no year 0; 1 BCE is written -1")
    if abs(year) > MAX_YEAR:
        raise DateError(f"'{raw}': year {year} is out of range (-{MAX_YEAR} to {MAX_YEAR})")


def _days_span(first: int, last_inclusive: int) -> tuple[int, int]:
    return first * MINUTES_PER_DAY, (last_inclusive + 1) * MINUTES_PER_DAY


def _month_span(year: int, month: int, count: int = 1) -> tuple[int, int]:
    first = day_number(year, month, 1)
    end_month = month + count - 1
    end_year = year + (end_month - 1) // 12
    if year < 0 <= end_year:  # crossing from 1 BCE into 1 CE skips the missing year 0
        end_year += 1
    end_month = (end_month - 1) % 12 + 1
    last = day_number(end_year, end_month, days_in_month(end_year, end_month))
    return _days_span(first, last)


def _year_span(first_year: int, count: int) -> tuple[int, int]:
    last_year = first_year + count - 1
    if first_year < 0 <= last_year:
        last_year += 1
    return _days_span(day_number(first_year, 1, 1), day_number(last_year, 12, 31))


def _parse_match(precision: Precision, m: re.Match[str], raw: str) -> DateValue:
    groups = m.groupdict()
    if precision is Precision.CENTURY:
        cent = int(groups["cent"])
        first = cent * 100 if cent >= 0 else cent * 100 - 99
        first = first or 1  # the 00XX century starts in year 1
        _check_year(first, raw)
        return DateValue(century_text(cent), precision, first,
                         *_year_span(first, 100 if cent != 0 else 99))
    if precision is Precision.DECADE:
        text = groups["dec"] if groups["dec"] is not None else groups["dec0"]
        dec = int(text)
        first = dec * 10 if dec >= 0 else dec * 10 - 9
        first = first or 1
        _check_year(first, raw)
        return DateValue(decade_text(dec), precision, first,
                         *_year_span(first, 10 if dec != 0 else 9))
    year = int(groups["year"])
    _check_year(year, raw)
    ytext = _year_text(year)
    part = groups.get("part")
    if precision is Precision.YEAR:
        return DateValue(ytext, precision, year, *_year_span(year, 1))
    if precision is Precision.HALF:
        return DateValue(f"{ytext}-H{part}", precision, year,
                         *_month_span(year, 1 + 6 * (int(part) - 1), 6), part=f"H{part}")
    if precision is Precision.QUARTER:
        return DateValue(f"{ytext}-Q{part}", precision, year,
                         *_month_span(year, 1 + 3 * (int(part) - 1), 3), part=f"Q{part}")
    if precision is Precision.SEASON:
        first_month, count = SEASON_MONTHS[part]
        return DateValue(f"{ytext}-{part}", precision, year,
                         *_month_span(year, first_month, count), part=part)
    if precision in (Precision.WEEK, Precision.WEEKEND):
        week = int(groups["week"])
        if not 1 <= week <= iso_weeks_in_year(year):
            raise DateError(f"'{raw}': {ytext} has ISO weeks 01 to "
                            f"{iso_weeks_in_year(year)}, not {week:02d}")
        monday = iso_week_monday(year, week)
        if precision is Precision.WEEK:
            return DateValue(f"{ytext}-W{week:02d}", precision, year,
                             *_days_span(monday, monday + 6), week=week)
        return DateValue(f"{ytext}-W{week:02d}-WE", precision, year,
                         *_days_span(monday + 5, monday + 6), week=week, part="WE")
    month = int(groups["month"])
    if not 1 <= month <= 12:
        raise DateError(f"'{raw}': month {month:02d} does not exist; use 01 to 12")
    if precision is Precision.MONTH:
        return DateValue(f"{ytext}-{month:02d}", precision, year, *_month_span(year, month),
                         month=month)
    day = int(groups["day"])
    if not 1 <= day <= days_in_month(year, month):
        raise DateError(f"'{raw}' is not a real date: {MONTH_NAMES[month - 1]} {ytext} has "
                        f"{days_in_month(year, month)} days")
    dn = day_number(year, month, day)
    base = f"{ytext}-{month:02d}-{day:02d}"
    if precision is Precision.DAY:
        return DateValue(base, precision, year, *_days_span(dn, dn), month=month, day=day)
    if precision is Precision.DAY_PART:
        _, first_hour, last_hour = DAY_PARTS[part]
        start = dn * MINUTES_PER_DAY + first_hour * 60
        return DateValue(f"{base}T{part}", precision, year, start,
                         dn * MINUTES_PER_DAY + last_hour * 60, month=month, day=day, part=part)
    hour, minute = int(groups["hour"]), int(groups["minute"])
    second = int(groups["second"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(f"'{raw}': {hour:02d}:{minute:02d} is not a time of day; "
                        "use 00:00 to 23:59")
    start = dn * MINUTES_PER_DAY + hour * 60 + minute
    text = f"{base}T{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    return DateValue(text, precision, year, start, start + 1, month=month, day=day,
                     hour=hour, minute=minute)


def parse_date(value: object) -> DateValue:
    """Parse a date as written in an event record.

    Accepts the strings listed in the module docstring and what YAML makes of unquoted
    dates (`date: 2019-07-21` is a `datetime.date`, `date: 2019` an int).

    Raises:
        DateError: with the reason and the accepted forms.
    """
    if isinstance(value, bool):
        raise DateError(f"'{value}' is not a date; use {FORMS_HELP}")
    if isinstance(value, _dt.datetime):
        value = value.strftime("%Y-%m-%dT%H:%M:%S").removesuffix(":00")
    elif isinstance(value, _dt.date):
        value = value.isoformat()
    elif isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise DateError(f"expected a date as text, got {type(value).__name__}; use {FORMS_HELP}")
    raw = value.strip()
    if raw.startswith("XXXX"):
        return _parse_placeholder(raw)
    for precision, pattern in _PATTERNS:
        m = pattern.fullmatch(raw)
        if m:
            return _parse_match(precision, m, raw)
    raise DateError(f"'{raw}' is not a date this tool reads; use {FORMS_HELP}")


# Placeholders sort after every real date, in a fixed order among themselves.
UNKNOWN_START = day_number(MAX_YEAR + 1, 1, 1) * MINUTES_PER_DAY
_PLACEHOLDER = re.compile(r"XXXX(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?")


def _parse_placeholder(raw: str) -> DateValue:
    """`XXXX-07-21`: a date whose year is unknown, kept as the source gave it."""
    m = _PLACEHOLDER.fullmatch(raw)
    if not m:
        raise DateError(f"'{raw}' is not a date this tool reads; use {FORMS_HELP}")
    month = int(m["month"]) if m["month"] and m["month"] != "XX" else None
    day = int(m["day"]) if m["day"] and m["day"] != "XX" else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"'{raw}': month {month:02d} does not exist; use 01 to 12")
    if day is not None and (month is None or not 1 <= day <= days_in_month(2000, month)):
        raise DateError(f"'{raw}' is not a real date")
    precision = Precision.DAY if m["day"] else Precision.MONTH if m["month"] else Precision.YEAR
    start = UNKNOWN_START + ((month or 0) * 32 + (day or 0)) * MINUTES_PER_DAY
    return DateValue(raw, precision, 0, start, start + MINUTES_PER_DAY, month=month, day=day,
                     unknown_year=True)


def from_day_number(days: int) -> DateValue:
    year, month, day = civil_from_days(days)
    return parse_date(f"{_year_text(year)}-{month:02d}-{day:02d}")


# --------------------------------------------------------------------------- ordering


def qualified_span(value: DateValue, qualifier: Optional[str]) -> tuple[int, int]:
    """The part of `value`'s span a qualifier points at: early = first third, and so on.

    `before` and `after` become a point just outside the span, so "before May 2019" sorts
    ahead of everything in May and "after 2019" behind everything in 2019.
    """
    start, stop = value.start, value.stop
    third = (stop - start) // 3
    if qualifier == "early":
        return start, start + third
    if qualifier == "mid":
        return start + third, stop - third
    if qualifier == "late":
        return stop - third, stop
    if qualifier == "before":
        return start - 1, start
    if qualifier == "after":
        return stop, stop + 1
    return start, stop


def sort_key(value: DateValue, qualifier: Optional[str] = None,
             end: Optional[DateValue] = None) -> tuple[int, int, int]:
    """Chronological, precision-aware key: (qualified start, precision, last moment)."""
    start, stop = qualified_span(value, qualifier)
    if end is not None:
        stop = max(stop, end.stop)
    return start, int(value.precision), stop


# --------------------------------------------------------------------------- display


def _year_label(year: int) -> str:
    return f"{-year} BCE" if year < 0 else str(year)


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _day_label(days: int) -> str:
    year, month, day = civil_from_days(days)
    return f"{day} {MONTH_NAMES[month - 1]} {_year_label(year)}"


def plain_label(value: DateValue) -> str:
    """The date in words, without a qualifier: "21 July 2019", "week of 15 July 2019"."""
    p = value.precision
    if value.unknown_year:
        if value.month is None:
            return "date unknown"
        day = f"{value.day} " if value.day else ""
        return f"{day}{MONTH_NAMES[value.month - 1]}, year unknown"
    if p is Precision.CENTURY:
        n = abs(int(value.text[:-2]))
        number = n + 1
        return f"{number}{_ordinal_suffix(number)} century" + (" BCE" if value.year < 0 else "")
    if p is Precision.DECADE:
        return f"{value.year}s" if value.year > 0 else f"{-value.year - 9}s BCE"
    year = _year_label(value.year)
    if p is Precision.YEAR:
        return year
    if p is Precision.HALF:
        return f"{ORDINALS[int(value.part[1]) - 1]} half of {year}"
    if p is Precision.QUARTER:
        return f"{ORDINALS[int(value.part[1]) - 1]} quarter of {year}"
    if p is Precision.SEASON:
        return f"{SEASON_NAMES[value.part]} {year}"
    if p is Precision.MONTH:
        return f"{MONTH_NAMES[value.month - 1]} {year}"
    first_day = value.start // MINUTES_PER_DAY
    if p is Precision.WEEK:
        return f"week of {_day_label(first_day)}"
    if p is Precision.WEEKEND:
        return f"weekend of {_range_of_days(first_day, first_day + 1)}"
    if p is Precision.DAY:
        return _day_label(first_day)
    if p is Precision.DAY_PART:
        return f"{_day_label(first_day)}, {DAY_PARTS[value.part][0]}"
    return f"{_day_label(first_day)}, {value.hour:02d}:{value.minute:02d}"


def _range_of_days(first: int, last: int) -> str:
    y1, m1, d1 = civil_from_days(first)
    y2, m2, d2 = civil_from_days(last)
    if (y1, m1) == (y2, m2):
        return f"{d1}\u2013{d2} {MONTH_NAMES[m1 - 1]} {_year_label(y1)}"
    if y1 == y2:
        return (f"{d1} {MONTH_NAMES[m1 - 1]} \u2013 {d2} {MONTH_NAMES[m2 - 1]} "
                f"{_year_label(y1)}")
    return f"{_day_label(first)} \u2013 {_day_label(last)}"


def _range_label(value: DateValue, end: DateValue) -> str:
    p, q = value.precision, end.precision
    if p is q is Precision.DAY:
        return _range_of_days(value.start // MINUTES_PER_DAY, end.start // MINUTES_PER_DAY)
    if p is q is Precision.MONTH and value.year == end.year:
        return (f"{MONTH_NAMES[value.month - 1]}\u2013{MONTH_NAMES[end.month - 1]} "
                f"{_year_label(value.year)}")
    if p is q is Precision.YEAR and value.year > 0:
        return f"{value.year}\u2013{end.year}"
    return f"{plain_label(value)} \u2013 {plain_label(end)}"


_COARSE = (Precision.CENTURY, Precision.DECADE, Precision.YEAR)


def human_date(value: DateValue, qualifier: Optional[str] = None,
               end: Optional[DateValue] = None) -> str:
    """The date as a reader expects it: "late June 2019", "c. 2005", "20–21 July 2019"."""
    label = _range_label(value, end) if end is not None and end != value else plain_label(value)
    if qualifier is None:
        return label
    fine = value.precision >= Precision.DAY
    if qualifier == "about":
        return f"c. {label}" if value.precision in _COARSE else f"about {label}"
    if qualifier in ("before", "after"):
        return f"{qualifier} {label}"
    if fine:
        return {"early": "early on", "mid": "around the middle of", "late": "late on"}[
            qualifier] + f" {label}"
    if qualifier == "mid":
        return f"mid-{label}"
    if value.precision in (Precision.WEEK, Precision.WEEKEND):
        return f"{qualifier} in the {label}"
    return f"{qualifier} {label}"
