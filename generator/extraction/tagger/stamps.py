"""Live-blog clock stamps: tell "2059 The minister says ..." from "1918: The war ends".

Live pages start each entry with the clock time it was posted ("2059", "1432 GMT:",
"0852", "18:00"), and a four-digit stamp looks like a year to the rules. Lists of
history start their paragraphs the same way ("1918:", "1957:", "1968:"). Which is
which is decided for the whole document, from the stamps together:

- A stamp is a paragraph's first word: four digits or H:MM, then maybe a zone
  (patterns/timezone.txt) and a colon, then the entry's first capital ("2300 The mayor",
  "1701The mayor" as crawls glue them, "1432 GMT: Rebels"). A year opening a sentence
  of prose is followed by a lower-case word ("2009 was hard") or digits ("2009 06 24").
- A stamp with a cue of its own is a clock time when it can be one (hours < 24,
  minutes < 60): a zone after it, a leading zero ("0852", no year has one), or a colon
  inside it ("18:00"; "1.20" opens numbered sections, so a full stop is no cue).
- Stamps no more than MAX_GAP paragraphs apart form a run (one page's entries).
- A run holding a number that cannot be a clock time ("1968": minute 68) is a list of
  years: its stamps without a cue stay years.
- A run of valid clock times is a live page when its stamps are in clock order, either
  way with at most one step over midnight, and it cannot be a list of history: one
  stamp has a cue, or it runs newest first with MIN_NEWEST_FIRST stamps or one after
  the DCT's year (no year of the story), or oldest first with MIN_OLDEST_FIRST stamps
  (history is told oldest first; six years in a row all ending below 60 happen by
  chance about once in twenty lists).

Stamps of a live page are TIMEs of the DCT's day; a run that steps over midnight puts
its smaller part on the day before or after (newest first, "0000" above "2346" is the
next day).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

from ...core.calendar import add_days

# tls-dev's BBC live pages run to a dozen paragraphs between two stamps at most.
MAX_GAP = 20
MIN_NEWEST_FIRST = 3
MIN_OLDEST_FIRST = 6
_DAY = 24 * 60
_PARAGRAPH = re.compile(r"(?:\A|\n[ \t\r]*\n)\s*")


@dataclass(frozen=True)
class Stamp:
    """A paragraph-opening number that may be a clock time."""

    start: int
    end: int                 # the extent: the number and its zone, without a colon
    paragraph: int           # index of its paragraph in the document
    hour: int
    minute: int
    cued: bool               # a zone, a leading zero or a separator says "clock"
    number: int              # the four digits read as a year (or -1 for "18:00")

    @property
    def valid(self) -> bool:
        """Whether it can be a clock time at all."""
        return self.hour < 24 and self.minute < 60

    @property
    def minutes(self) -> int:
        return self.hour * 60 + self.minute


@dataclass(frozen=True)
class ClockStamp:
    """A stamp found to be a clock time: where it is and its TIMEX3 value."""

    start: int
    end: int
    text: str
    value: str
    anchor: Optional[str]


class StampFinder:
    """Finds the live-blog clock stamps of a document (see the module docstring)."""

    def __init__(self, timezone: str) -> None:
        self._stamp = re.compile(
            r"(?P<stamp>(?:(?P<h>[0-2]?[0-9]):(?P<m>[0-5][0-9])|(?P<hh>[0-9]{2})(?P<mm>[0-9]{2}))"
            rf"(?:[ \t]*(?P<zone>{timezone}))?)(?![0-9])[ \t]*:?[ \t]*(?=[\"“‘'(]?[A-Z])")

    def find(self, text: str, dct: Optional[_dt.date]) -> list[ClockStamp]:
        """The clock stamps of `text`, in text order."""
        out: list[ClockStamp] = []
        for run in _runs(self._candidates(text)):
            for stamp, shift in _clocks(run, dct):
                moved = add_days(dct, shift) if dct else None
                day = moved.isoformat() if moved else "XXXX-XX-XX"
                out.append(ClockStamp(stamp.start, stamp.end, text[stamp.start:stamp.end],
                                      f"{day}T{stamp.hour:02d}:{stamp.minute:02d}",
                                      dct.isoformat() if dct else None))
        return out

    def _candidates(self, text: str) -> list[Stamp]:
        found = []
        for index, para in enumerate(_PARAGRAPH.finditer(text)):
            m = self._stamp.match(text, para.end())
            if m is None:
                continue
            if m.group("h"):
                hour, minute, number, cued = int(m.group("h")), int(m.group("m")), -1, True
            else:
                hour, minute = int(m.group("hh")), int(m.group("mm"))
                number = int(m.group("hh") + m.group("mm"))
                cued = bool(m.group("zone")) or m.group("hh").startswith("0")
            found.append(Stamp(m.start("stamp"), m.end("stamp"), index, hour, minute,
                               cued, number))
        return found


def _runs(stamps: list[Stamp]) -> list[list[Stamp]]:
    """Stamps grouped into runs: no more than MAX_GAP paragraphs between neighbours."""
    runs: list[list[Stamp]] = []
    for stamp in stamps:
        if runs and stamp.paragraph - runs[-1][-1].paragraph <= MAX_GAP:
            runs[-1].append(stamp)
        else:
            runs.append([stamp])
    return runs


def _clocks(run: list[Stamp], dct: Optional[_dt.date]) -> list[tuple[Stamp, int]]:
    """The stamps of a run that are clock times, each with its day's offset from the
    DCT."""
    if not all(s.valid for s in run):
        return [(s, 0) for s in run if s.cued and s.valid]
    order = _clock_order([s.minutes for s in run])
    if order is None:
        return [(s, 0) for s in run if s.cued]
    direction, wrap = order
    if not _is_live(run, direction, dct):
        return []
    return list(zip(run, _day_offsets(len(run), direction, wrap)))


def _clock_order(minutes: list[int]) -> Optional[tuple[int, Optional[int]]]:
    """(direction, wrap) when the times run one way (-1 newest first, 1 oldest first, 0
    a single time) with at most one step over midnight (the index after it), else None."""
    steps = [b - a for a, b in zip(minutes, minutes[1:])]
    for direction in (-1, 1):
        # Over midnight a clock that runs down jumps up by most of a day, and back.
        wraps = [i + 1 for i, d in enumerate(steps) if d * direction < 0]
        if len(wraps) <= 1 and all(abs(steps[i - 1]) > _DAY // 2 for i in wraps):
            return (direction if steps else 0), (wraps[0] if wraps else None)
    return None


def _is_live(run: list[Stamp], direction: int, dct: Optional[_dt.date]) -> bool:
    """Whether a run of valid clock times in clock order is a live page, not history."""
    if any(s.cued for s in run):
        return True
    if direction < 0:
        future = dct is not None and any(s.number > dct.year for s in run)
        return len(run) >= MIN_NEWEST_FIRST or future
    return direction > 0 and len(run) >= MIN_OLDEST_FIRST


def _day_offsets(count: int, direction: int, wrap: Optional[int]) -> list[int]:
    """Day of each stamp relative to the DCT. A run that steps over midnight has two
    parts: the larger is the DCT's day (on a tie the earlier one: a live page is dated
    by the day it began), the other the day after or before."""
    if wrap is None:
        return [0] * count
    above, below = wrap, count - wrap
    earlier_above = direction > 0             # oldest first: the top is earlier
    if above > below or (above == below and earlier_above):
        return [0] * above + [1 if earlier_above else -1] * below
    return [-1 if earlier_above else 1] * above + [0] * below
