"""Resolve underspecified values against the publication date (DCT) and earlier mentions.

A rule's filled value is either final ("2019-07-21", "P3Y", "PRESENT_REF") or needs
anchoring. Anchored forms (all documented in the header of rules/date.yml):

    XXXX-07-21, XXXX-08, XXXX-Q3, XXXX-SU   a date without its year: the year the DCT and
                                            the tense make most likely
    XXXX-WXX-2, XXXX-WXX-WE                 a weekday / the weekend nearest the DCT by tense
    XXXX-XX-XXT15:00                        a time on the day in focus
    dct(UNIT,N)      the UNIT holding the DCT, N steps on ("last week" = dct(week,-1))
    ago(UNIT,N)      N UNITs before the DCT ("two years ago"); N=X gives PAST_REF
    ahead(UNIT,N)    N UNITs after the DCT ("three weeks from now"); N=X gives FUTURE_REF
    within(UNIT,N,CODE)  "in three weeks": ahead(UNIT,N) when the tense points ahead,
                     else the DURATION dur(N,CODE) ("the first drop in three years")
    ref(UNIT,N)      the UNIT holding the latest mentioned date, N steps on ("that year")
    shift(UNIT,N)    the latest mentioned date moved N UNITs ("a year earlier")
    last(V) / next(V) / this(V)   the occurrence of a year-less V before / after / around
                                  the DCT ("last May", "next spring", "this fall")
    weekday(D,N)     N=-1 "last Tuesday", 1 "next Tuesday", 0 by tense

Text after a call is kept as a suffix ("dct(day,-1)TMO" is yesterday morning). The
tagger never reads the clock: without a DCT these come out as placeholders of the
right shape ("XXXX-XX-XX", "XXXX-WXX") and `relative` stays True.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

from .normalize import duration
from .periods import PLACEHOLDERS, Period, distance, parse, rank
from .tense import FUTURE, PAST

_CALL = re.compile(r"^(\w+)\(([^()]*)\)(.*)$")
_YEARLESS = re.compile(r"^XXXX(-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|SP|SU|FA|WI))(T.+)?$")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])(T.+)?$")
_TIME_ON = re.compile(r"^XXXX-XX-XX(T.+)$")
_DATE_PART = re.compile(r"^(\d{4}-\d\d-\d\d)T")
# A comparison such as "a year ago" borrows the granularity of a period mentioned this
# close before it ("third-quarter profit ... from $2 a share a year ago").
RECENT_CHARS = 400


@dataclass(frozen=True)
class Resolved:
    """An anchored value, the anchor used (ISO date or value) and whether it was needed."""

    value: str
    anchor: Optional[str] = None
    relative: bool = False
    type: Optional[str] = None      # set when anchoring changes the rule's type


class Anchor:
    """Resolves one document's values in text order, remembering the dates mentioned."""

    def __init__(self, dct: Optional[_dt.date]) -> None:
        self.dct = dct
        self.mentions: list[tuple[int, Period]] = []

    # -- public -------------------------------------------------------------------

    def resolve(self, value: str, tense: Optional[str], pos: int, sentence: int) -> Resolved:
        """Resolve `value` found at `pos` (in the chunk starting at `sentence`)."""
        call = _CALL.match(value)
        if call:
            name, args, suffix = call.group(1), _args(call.group(2)), call.group(3)
            handler = getattr(self, f"_f_{name}", None)
            if handler is None:
                raise ValueError(f"unknown value function '{name}'")
            return _suffixed(handler(tense, pos, *args), suffix)
        m = _WEEKDAY.match(value)
        if m:
            return _suffixed(self._f_weekday(tense, pos, m.group(1), "0"), m.group(2) or "")
        if value == "XXXX-WXX-WE":
            return self._f_weekend(tense, pos, "0")
        m = _YEARLESS.match(value)
        if m:
            return _suffixed(self._f_this(tense, pos, "XXXX" + m.group(1)), m.group(2) or "")
        m = _TIME_ON.match(value)
        if m:
            return _suffixed(self._focus_day(sentence), m.group(1))
        return Resolved(value)

    def remember(self, pos: int, value: str) -> None:
        """Record a resolved DATE/TIME value as a possible reference for later ones."""
        m = _DATE_PART.match(value)
        period = parse(m.group(1) if m else value)
        if period is not None:
            self.mentions.append((pos, period))

    # -- value functions ------------------------------------------------------------

    def _f_dct(self, tense, pos, unit: str, n: str) -> Resolved:
        return self._from_dct(unit, _int(n))

    def _f_ago(self, tense, pos, unit: str, n: str) -> Resolved:
        if n == "X":
            return Resolved("PAST_REF", self._iso(), True)
        recent = self._recent(pos) if unit == "year" else None
        if recent is not None:
            moved = recent.moved(unit, -_num(n))
            if moved is not None:
                return Resolved(moved.value, recent.value, True)
        return self._from_dct(unit, -_num(n))

    def _f_ahead(self, tense, pos, unit: str, n: str) -> Resolved:
        if n == "X":
            return Resolved("FUTURE_REF", self._iso(), True)
        return self._from_dct(unit, _num(n))

    def _f_within(self, tense, pos, unit: str, n: str, code: str) -> Resolved:
        if tense == FUTURE:
            return self._f_ahead(tense, pos, unit, n)
        return Resolved(duration(n, code), None, False, "DURATION")

    def _f_ref(self, tense, pos, unit: str, n: str = "0") -> Resolved:
        ref = self._reference(unit)
        if ref is None:
            # With nothing mentioned, "the quarter" is not the DCT's quarter (reports
            # describe a finished one), so it stays a placeholder.
            if unit == "quarter":
                return Resolved(PLACEHOLDERS[unit], None, True)
            return self._from_dct(unit, _int(n))
        moved = Period.containing(unit, ref.start).shift(_int(n))
        return Resolved(moved.value if moved else PLACEHOLDERS[unit], ref.value, True)

    def _f_shift(self, tense, pos, unit: str, n: str) -> Resolved:
        ref = self.mentions[-1][1] if self.mentions else None
        if n == "X":
            return Resolved(PLACEHOLDERS[unit], ref.value if ref else self._iso(), True)
        if ref is None:
            return self._from_dct(unit, _num(n))
        if rank(ref.unit) > rank(unit):
            moved = ref.moved(unit, _num(n))      # keep the finer granularity
        else:
            moved = Period.containing(unit, ref.start).moved(unit, _num(n))
        return Resolved(moved.value if moved else PLACEHOLDERS[unit], ref.value, True)

    def _f_weekday(self, tense, pos, day: str, n: str) -> Resolved:
        if self.dct is None:
            return Resolved(f"XXXX-WXX-{day}", None, True)
        offset = (int(day) - 1 - self.dct.weekday()) % 7      # days to the next such day
        step = _int(n)
        if step > 0 or (step == 0 and tense == FUTURE):
            days = offset if step == 0 else (offset or 7)
        else:
            back = (7 - offset) % 7                            # days back to the last one
            days = -(back if step == 0 else (back or 7))
        return Resolved((self.dct + _dt.timedelta(days=days)).isoformat(), self._iso(), True)

    def _f_weekend(self, tense, pos, n: str) -> Resolved:
        if self.dct is None:
            return Resolved("XXXX-WXX-WE", None, True)
        # The weekend of the DCT's ISO week: still ahead from Monday to Friday.
        coming = Period.containing("weekend", self.dct)
        ahead = self.dct < coming.start
        step = _int(n)
        if step == 0:
            step = -1 if ahead and tense != FUTURE else 0
        elif step > 0:
            step = 0 if ahead else step
        moved = coming.shift(step)
        return Resolved(moved.value if moved else "XXXX-WXX-WE", self._iso(), True)

    def _f_this(self, tense, pos, value: str) -> Resolved:
        return self._yearless(value, lambda ps: _by_tense(ps, self.dct, tense))

    def _f_last(self, tense, pos, value: str) -> Resolved:
        return self._yearless(value, lambda ps: max(
            (p for p in ps if p.end() < Period.containing(p.unit, self.dct).start), default=None))

    def _f_next(self, tense, pos, value: str) -> Resolved:
        return self._yearless(value, lambda ps: min(
            (p for p in ps if p.start > Period.containing(p.unit, self.dct).end()), default=None))

    # -- helpers --------------------------------------------------------------------

    def _iso(self) -> Optional[str]:
        return self.dct.isoformat() if self.dct else None

    def _from_dct(self, unit: str, steps: float) -> Resolved:
        if self.dct is None:
            return Resolved(PLACEHOLDERS[unit], None, True)
        moved = Period.containing(unit, self.dct).moved(unit, steps)
        return Resolved(moved.value if moved else PLACEHOLDERS[unit], self._iso(), True)

    def _yearless(self, value: str, choose) -> Resolved:
        tail = value[4:] if value.startswith("XXXX") else None
        if self.dct is None or tail is None:
            return Resolved(value, None, True)
        candidates = [p for y in range(self.dct.year - 2, self.dct.year + 3)
                      if (p := parse(f"{y:04d}{tail}")) is not None]
        best = choose(candidates) if candidates else None
        return Resolved(best.value if best else value, self._iso(), True)

    def _reference(self, unit: str) -> Optional[Period]:
        """The latest mention of exactly `unit`, else the latest finer one."""
        finer = None
        for _, period in reversed(self.mentions):
            if period.unit == unit:
                return period
            if finer is None and rank(period.unit) > rank(unit):
                finer = period
        return finer

    def _recent(self, pos: int) -> Optional[Period]:
        """A part-of-year period mentioned just before `pos` and within a year of the DCT."""
        if self.dct is None:
            return None
        for at, period in reversed(self.mentions):
            if pos - at > RECENT_CHARS:
                break
            if period.unit in ("quarter", "half", "month", "season") and \
                    -92 <= (self.dct - period.end()).days < 366:
                return period
        return None

    def _focus_day(self, sentence: int) -> Resolved:
        for at, period in reversed(self.mentions):
            if at < sentence:
                break
            if period.unit == "day":
                return Resolved(period.value, period.value, True)
        if self.dct is None:
            return Resolved("XXXX-XX-XX", None, True)
        return Resolved(self.dct.isoformat(), self.dct.isoformat(), True)


def _by_tense(periods: list[Period], dct: _dt.date, tense: Optional[str]) -> Optional[Period]:
    if tense == PAST:
        return max((p for p in periods if p.start <= dct), default=None)
    if tense == FUTURE:
        return min((p for p in periods if p.end() >= dct), default=None)
    return min(periods, key=lambda p: (distance(p, dct), p.start > dct))


def _suffixed(resolved: Resolved, suffix: str) -> Resolved:
    if not suffix or resolved.value.endswith("REF") or resolved.value.startswith("P"):
        return resolved
    return Resolved(resolved.value + suffix, resolved.anchor, resolved.relative, resolved.type)


def _args(text: str) -> list[str]:
    return [a.strip() for a in text.split(",")] if text.strip() else []


def _num(text: str) -> float:
    return float(text)


def _int(text: str) -> int:
    return int(float(text))
