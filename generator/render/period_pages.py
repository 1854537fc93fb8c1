"""Period pages: one per year, and one per month for years too long to read on one page.

The pages form one chain in time order (a split year's own page, then its months), and
each links to the one before and after, so a timeline of any length can be walked.
`where` tells every other page where a month's events are listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .years_months import MonthGroup, YearGroup, month_key, month_label
from .records import Ref

PERIODS_INDEX = "periods/index.md"


@dataclass
class PeriodPage:
    """One period page: its runs of events, and for a split year the links to its months."""

    path: str
    label: str
    year: YearGroup
    runs: list[MonthGroup]
    month: Optional[int] = None
    month_refs: list[Ref] = field(default_factory=list)
    previous: Optional[Ref] = None
    next: Optional[Ref] = None

    @property
    def count(self) -> int:
        return sum(len(r.events) for r in self.runs) + sum(r.count for r in self.month_refs)


@dataclass
class PeriodPlan:
    pages: list[PeriodPage]
    # (year, month or None) -> (page path, anchor on it)
    where: dict[tuple[int, Optional[int]], tuple[str, str]]


def plan_periods(years: list[YearGroup], month_pages_after: int,
                 folder: str = "periods") -> PeriodPlan:
    """Year pages, split into month pages when a year has more than `month_pages_after`.

    `folder` holds the pages: the timeline's own, or a long facet's ("tags/trade").
    """
    pages: list[PeriodPage] = []
    where: dict[tuple[int, Optional[int]], tuple[str, str]] = {}
    for year in years:
        year_path = f"{folder}/{year.key}.md"
        where[(year.year, None)] = (year_path, "")
        split = year.count > month_pages_after and any(r.month for r in year.months)
        if not split:
            pages.append(PeriodPage(year_path, year.label, year, year.months))
            for run in year.months:
                where.setdefault((year.year, run.month), (year_path, f"m-{run.anchor}"))
            continue
        whole = [r for r in year.months if r.month is None]
        months: dict[int, list[MonthGroup]] = {}
        for run in year.months:
            if run.month is not None:
                months.setdefault(run.month, []).append(run)
        page = PeriodPage(year_path, year.label, year, whole)
        pages.append(page)
        for month, runs in months.items():
            path = f"{folder}/{month_key(year.year, month)}.md"
            merged = MonthGroup(year.year, month, [e for r in runs for e in r.events],
                                anchor=runs[0].anchor)
            page.month_refs.append(Ref(month_label(year.year, month), path,
                                       len(merged.events)))
            pages.append(PeriodPage(path, month_label(year.year, month), year, [merged],
                                    month=month))
            where[(year.year, month)] = (path, "")
    for before, after in zip(pages, pages[1:]):
        before.next = Ref(after.label, after.path, after.count)
        after.previous = Ref(before.label, before.path, before.count)
    return PeriodPlan(pages, where)
