"""Finding the groups a candidate may join without trying every group of its day.

Merging compares a candidate only with groups whose dates can agree with its date and
whose representative sentences share an informative word with it. Two indexes answer
that: `DateKeys` names the dates present in the run that can agree with an event's date,
and `WordIndex` lists, for one such date and one content word, the groups that use it.

A word that more than COMMON_GROUPS groups of the candidate's dates already use is
common there ("flu" in a flu archive, a wire service's name in every dateline): it says
nothing about which happening a sentence tells, so merging neither counts it as shared
nor reads its list. Because the count of shared words ignores common words, a group
reached only through them could not score, and skipping their lists loses no match.
"""

from __future__ import annotations

from typing import Iterable, Optional

from ..core.dates import MINUTES_PER_DAY, Precision
from ..core.model import Event

MAX_CONTAINER_DAYS = 31
BEFORE_WINDOW_DAYS = 7
# A word used by more than this many groups on a candidate's dates is common there.
# Evidence (development figures): on events-dev no word reaches 4 groups on one date,
# but summed over a candidate's agreeing dates one does, and a cap of 4 loses one of
# its merges; from 8 up every events-dev merge stays. On tls-dev the words past 8 are
# the story's and the page's own ("flu", "pandemic" on 1918 in H1N1 Reuters; "haiti",
# "earthquake" on 12 January 2010 in Haiti BBC; "reply", "wrote" under comments), and
# raising the cap to 16 or removing it joins at most 3% more of the events of a unit
# (H1N1 BBC 1237 -> 1204) while every list read grows with it. The price: on a day one
# happening dominates, its own words become common too, and its later reports must
# share other words to join it.
COMMON_GROUPS = 8

DateKey = tuple[str, Optional[str], Optional[str]]


def date_key(event: Event) -> DateKey:
    """What makes two event dates the same date: value, end and qualifier."""
    return (event.date.text, event.end.text if event.end else None, event.qualifier)


def filed_days(event: Event) -> range:
    """The days a short date is filed under (none for long dates and ranges).

    Dates agree when equal, or (for spans of at most a month) when one lies inside the
    other, a "before" date follows within a week or an "after" date precedes within a
    week; two such dates share a filed day,
    so only dates filed under a common day need a closer look.
    """
    if event.end is not None or \
            event.date.stop - event.date.start > MAX_CONTAINER_DAYS * MINUTES_PER_DAY:
        return range(0)
    first = event.date.start // MINUTES_PER_DAY
    last = (event.date.stop - 1) // MINUTES_PER_DAY
    if event.qualifier == "before":
        first -= BEFORE_WINDOW_DAYS
    if event.qualifier == "after":
        last += BEFORE_WINDOW_DAYS
    return range(first, last + 1)


def dates_agree(a: Event, b: Event) -> bool:
    """Whether two events' dates can be the date of one happening."""
    if (a.date, a.end, a.qualifier) == (b.date, b.end, b.qualifier):
        return True
    if {a.qualifier, b.qualifier} == {"before", None} and a.end is None and b.end is None:
        # "closed until Friday" and "closed for a third day" on Thursday: a state that
        # lasts until a day, seen on a day shortly before it
        until, seen = (a, b) if a.qualifier == "before" else (b, a)
        gap = until.date.start - seen.date.stop
        return seen.date.precision >= Precision.DAY and \
            0 <= gap < BEFORE_WINDOW_DAYS * MINUTES_PER_DAY
    if {a.qualifier, b.qualifier} == {"after", None} and a.end is None and b.end is None:
        # "introduced less than two weeks ago" (after a week) and "unveiled yesterday"
        # (a day shortly after it): events-dev wn-20100616-iphone4-preorders and
        # wn-20100608-iphone4-unveiled
        since, seen = (a, b) if a.qualifier == "after" else (b, a)
        gap = seen.date.start - since.date.stop
        return seen.date.precision >= Precision.DAY and \
            0 <= gap < BEFORE_WINDOW_DAYS * MINUTES_PER_DAY
    if a.qualifier != b.qualifier or (a.end is None) != (b.end is None):
        return False
    outer, inner = (a, b) if a.date.contains(b.date) else (b, a)
    if not outer.date.contains(inner.date):
        return False
    return (outer.date.stop - outer.date.start) <= MAX_CONTAINER_DAYS * MINUTES_PER_DAY


class DateKeys:
    """The distinct dates of a run, filed by day, to find those agreeing with an event.

    There are far fewer distinct dates than groups, so even a month-long date filed
    under its 31 days costs little.
    """

    def __init__(self) -> None:
        self.exact: dict[DateKey, Event] = {}
        self.days: dict[int, dict[DateKey, Event]] = {}

    def add(self, event: Event) -> None:
        key = date_key(event)
        if key in self.exact:
            return
        self.exact[key] = event
        for day in filed_days(event):
            self.days.setdefault(day, {})[key] = event

    def agreeing(self, event: Event) -> list[DateKey]:
        """Keys of the run's dates that agree with `event`'s, in a fixed order."""
        found: dict[DateKey, Event] = {}
        own = date_key(event)
        if own in self.exact:
            found[own] = self.exact[own]
        for day in filed_days(event):
            found.update(self.days.get(day, {}))
        return [key for key, other in found.items() if dates_agree(event, other)]


class WordIndex:
    """For each (date key, content word), the numbers of the groups using the word there."""

    def __init__(self) -> None:
        self.postings: dict[tuple[DateKey, str], dict[int, None]] = {}
        self.reads = 0  # posting entries read by lookups, for tests of the work done

    def add(self, number: int, entries: Iterable[tuple[DateKey, str]]) -> None:
        for entry in entries:
            self.postings.setdefault(entry, {})[number] = None

    def remove(self, number: int, entries: Iterable[tuple[DateKey, str]]) -> None:
        for entry in entries:
            users = self.postings.get(entry)
            if users is not None:
                users.pop(number, None)
                if not users:
                    del self.postings[entry]

    def users(self, keys: list[DateKey], word: str) -> int:
        """How many groups use `word` on the dates `keys` (a group on two dates counts
        twice: an upper bound is enough to call a word common)."""
        return sum(len(self.postings.get((key, word), ())) for key in keys)

    def common(self, keys: list[DateKey], words: Iterable[str]) -> frozenset[str]:
        """The words of `words` that more than COMMON_GROUPS groups use on `keys`."""
        return frozenset(w for w in words if self.users(keys, w) > COMMON_GROUPS)

    def groups(self, keys: list[DateKey], words: Iterable[str], least: int = 1
               ) -> list[int]:
        """Numbers of the groups using at least `least` of `words` on `keys`, in
        creation order. Callers pass informative words only, so every list read is
        short; asking for the least a rule needs (the all-pairs count filter) spares
        scoring the many groups that share one word by chance."""
        shared: dict[int, int] = {}
        for word in words:
            users: set[int] = set()
            for key in keys:
                found = self.postings.get((key, word))
                if found:
                    self.reads += len(found)
                    users.update(found)
            for number in users:
                shared[number] = shared.get(number, 0) + 1
        return sorted(n for n, count in shared.items() if count >= least)
