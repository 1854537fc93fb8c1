"""Cut the ordered timeline into years and months for headings, period pages and the chart.

Every event belongs to one year and, when its date says which month, to one month:
the month of the moment it sorts by ("late June 2019" sorts in late June). Two
exceptions read better: a year, half, quarter, season, decade or century that is not
narrowed by early/mid/late belongs to its year only ("c. 2005" is not a January event),
and "before X" / "after X" belong to X itself, where they sort first and last. Within a year the events keep the
timeline order; a rare run such as June, "third quarter", "after June" gives June two
headings, each with its own anchor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..core.calendar import MONTH_NAMES, civil_from_days
from ..core.dates import MINUTES_PER_DAY, Precision, qualified_span
from ..core.model import Event

_COARSE = Precision.MONTH  # precisions below this belong to a year, not a month


def group_of(event: Event) -> tuple[int, Optional[int]]:
    """(year, month or None) the event is listed under."""
    date = event.date
    plain = event.qualifier in (None, "about", "before", "after")
    if date.precision < _COARSE and plain:
        return date.year, None
    start = date.start if plain else qualified_span(date, event.qualifier)[0]
    year, month, _ = civil_from_days(start // MINUTES_PER_DAY)
    return year, month


def year_label(year: int) -> str:
    return f"{-year} BCE" if year < 0 else str(year)


def year_key(year: int) -> str:
    """A page name for a year; BCE years read "44-bce" ("-44" would look like an option)."""
    return f"{-year}-bce" if year < 0 else f"{year:04d}"


def month_label(year: int, month: Optional[int]) -> str:
    return f"{MONTH_NAMES[month - 1]} {year_label(year)}" if month else year_label(year)


def month_key(year: int, month: Optional[int]) -> str:
    return f"{year_key(year)}-{month:02d}" if month else year_key(year)


@dataclass
class MonthGroup:
    """Consecutive events of one month (or of the year as a whole, when month is None)."""

    year: int
    month: Optional[int]
    events: list[Event] = field(default_factory=list)
    anchor: str = ""

    @property
    def label(self) -> str:
        return month_label(self.year, self.month) if self.month else \
            f"Sometime in {year_label(self.year)}"

    @property
    def key(self) -> str:
        return month_key(self.year, self.month) if self.month else f"{year_key(self.year)}-year"


@dataclass
class YearGroup:
    """The events of one year, in order, as runs of months."""

    year: int
    months: list[MonthGroup] = field(default_factory=list)

    @property
    def label(self) -> str:
        return year_label(self.year)

    @property
    def key(self) -> str:
        return year_key(self.year)

    @property
    def count(self) -> int:
        return sum(len(m.events) for m in self.months)


def group_years(events: Iterable[Event]) -> list[YearGroup]:
    """Ordered events -> years in order -> consecutive month runs, each with an anchor."""
    years: dict[int, YearGroup] = {}
    for event in events:
        year, month = group_of(event)
        months = years.setdefault(year, YearGroup(year)).months
        if not months or months[-1].month != month:
            months.append(MonthGroup(year, month))
        months[-1].events.append(event)
    for group in years.values():
        seen: dict[str, int] = {}
        for run in group.months:
            seen[run.key] = seen.get(run.key, 0) + 1
            run.anchor = run.key if seen[run.key] == 1 else f"{run.key}-{seen[run.key]}"
    return [years[y] for y in sorted(years)]
