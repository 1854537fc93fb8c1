"""Make a range the text gives consistent: its end never precedes its start.

The tagger resolves each end of "Wednesday to Friday last week" or "between August and
September 2005" on its own, so a year-less or weekday end can land on the wrong side
of the other ("2009-04-29 .. 2009-04-24", "2010-08 .. 2005-09"), and the store rejects
such a record. Where the text allows, the end that carries no year of its own is moved
by whole cycles (a week for a weekday, a year for a month or a day of a month) until
the range is in order: the start back in a report of the past, the end forward in a
report of what is expected. Otherwise the end is dropped, with a note for review.
"""

from __future__ import annotations

import re
from typing import Optional

from ..core import dates
from ..core.dates import DateError, DateValue, Precision

# Moving an end further than this many cycles is a guess, not a repair.
MAX_CYCLES = 3
_YEAR_IN_TEXT = re.compile(r"\b\d{4}\b|'\d\d\b")
_MONTH_IN_TEXT = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_WEEKDAY_IN_TEXT = re.compile(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b")


def in_order(start: DateValue, end: Optional[DateValue]) -> bool:
    """Whether the range is one the store accepts (as `timeline check` tests it)."""
    return end is None or end.stop > start.start or start.unknown_year or end.unknown_year


def settle(start: DateValue, end: DateValue, start_text: str, end_text: str,
           ahead: bool) -> tuple[DateValue, Optional[DateValue], Optional[str]]:
    """(start, end, review note): the range's ends in one calendar and in order, or its
    end dropped with a note.

    Args:
        start, end: the two resolved dates.
        start_text, end_text: the words each date was read from.
        ahead: the sentence tells of something expected (move the end forward first).
    """
    start_year, end_year = _YEAR_IN_TEXT.search(start_text), _YEAR_IN_TEXT.search(end_text)
    if end_year and not start_year:
        # "between August and September 2005": a year named once holds for both ends
        options = [("start", _in_year(start, end.year, -1))]
    elif start_year and not end_year:
        options = [("end", _in_year(end, start.year, 1))]
    elif in_order(start, end):
        return start, end, None
    else:
        options = [("start", _shifted(start, start_text, -1)),
                   ("end", _shifted(end, end_text, 1))]
        options = options[::-1] if ahead else options
    for which, moves in options:
        for moved in moves:
            candidate = (moved, end) if which == "start" else (start, moved)
            if in_order(*candidate):
                return candidate[0], candidate[1], None
    if in_order(start, end):
        return start, end, None
    note = (f"the text gives a range from '{start_text}' ({start}) to '{end_text}' ({end}), "
            "which ends before it starts; the end was dropped: check the dates")
    return start, None, note


def _in_year(value: DateValue, year: int, direction: int) -> list[DateValue]:
    """`value` in `year`, then one year further in `direction` ("December to March 2005"
    starts in December 2004)."""
    found = []
    for candidate in (year, year + direction):
        try:
            found.append(_other_year(value, candidate))
        except (DateError, ValueError):
            continue
    return found


def _shifted(value: DateValue, text: str, direction: int) -> list[DateValue]:
    """`value` moved 1..MAX_CYCLES cycles in `direction`, when its text names no year."""
    if _YEAR_IN_TEXT.search(text):
        return []
    moved = []
    for cycles in range(1, MAX_CYCLES + 1):
        step = direction * cycles
        try:
            if _WEEKDAY_IN_TEXT.search(text) and not _MONTH_IN_TEXT.search(text) \
                    and value.precision == Precision.DAY:
                first = value.start // dates.MINUTES_PER_DAY
                moved.append(dates.from_day_number(first + 7 * step))
            elif value.precision >= Precision.MONTH or value.precision in (
                    Precision.SEASON, Precision.QUARTER, Precision.HALF):
                moved.append(_other_year(value, value.year + step))
        except (DateError, ValueError):
            continue
    return moved


def _other_year(value: DateValue, year: int) -> DateValue:
    """The same month, day, season or quarter in another year (years of the era only)."""
    if year < 1 or value.is_bce or not re.match(r"\d{4}-", value.text):
        raise ValueError("only dates of the common era are moved")
    return dates.parse_date(f"{year:04d}{value.text[4:]}")
