"""Resolve underspecified values against the publication date (DCT) and earlier mentions.

A rule's filled value is either final ("2019-07-21", "P3Y", "PRESENT_REF") or needs
anchoring. Anchored forms (the rule files use them in `value`):

    XXXX-07-21, XXXX-08, XXXX-Q3, XXXX-SU   a date without its year: the occurrence the
                                            DCT and the tense make most likely
    XXXX-WXX-2, XXXX-WXX-WE                 a weekday / the weekend nearest the DCT by tense
    XXXX-XX-XXT15:00                        a time on the day in focus
    dct(UNIT,N)      the UNIT holding the DCT, N steps on ("last week" = dct(week,-1))
    ago(UNIT,N[,G])  N UNITs before the DCT ("two years ago"); N=X gives PAST_REF. "a year
                     ago" in a results story is the period just reported, a year back
                     (G names that period's granularity when the text does)
    ahead(UNIT,N)    N UNITs after the DCT ("three weeks from now"); N=X gives FUTURE_REF
    within(UNIT,N,CODE)  "in three weeks": ahead(UNIT,N) when the tense points ahead,
                     else the DURATION dur(N,CODE) ("the first drop in three years")
    ref(UNIT,N)      the UNIT holding the latest mentioned date, N steps on ("that year")
    latest(UNIT)     the latest finished UNIT mentioned, else the DCT's previous one
                     ("the latest quarter")
    shift(UNIT,N)    the latest mentioned date moved N UNITs ("a year earlier")
    inyear(YYYY)     the period under discussion, in year YYYY ("the 1988 quarter")
    last(V) / next(V) / this(V)   the occurrence of a year-less V before / after / around
                                  the DCT ("last May", "next spring", "this fall")
    weekof(V)        the week holding the year-less day V ("the week of March 6")
    weekday(D,N)     N=-1 "last Tuesday", 1 "next Tuesday", 0 by tense
    dayref(D,N)      the weekday D before (N=-1) / after (N=1) the day in focus
    weekend(N)       N=-1 "last weekend", 1 "next weekend", 0 by tense
    nth(M,D,N,O[,S]) the Nth weekday D of month M (N=-1: the last) moved O days: a
                     year-less holiday; S=-1 / 1 picks the one before / after the DCT
    easter(O[,S])    O days after Easter Sunday, likewise
    easterweek()     the week that ends on Easter Sunday

Counts (N) are numbers with an optional sign ("-2" from "two days earlier") or X, the
count of "a few", "several", "some": an unknown count never fails. "-X" back from a
date not after the DCT is PAST_REF, "X" ahead from one not before it FUTURE_REF, else
the unit's placeholder ("XXXX-XX"). Multiple units count in their calendar unit ("a
fortnight" is two weeks).

Text after a call is kept as a suffix ("dct(day,-1)TMO" is yesterday morning). The
tagger never reads the clock: without a DCT these come out as placeholders of the
right shape ("XXXX-XX-XX", "XXXX-WXX") and `relative` stays True.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, replace
from typing import Callable, Optional

from .normalize import duration
from ...core.calendar import PLACEHOLDERS, Period, distance, easter_sunday, nth_weekday, parse, rank
from .tense import FUTURE, PAST, SINCE

_CALL = re.compile(r"^(\w+)\(([^()]*)\)(.*)$")
_YEARLESS = re.compile(r"^XXXX(-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|SP|SU|FA|WI))(T.+)?$")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])(T.+)?$")
_TIME_ON = re.compile(r"^XXXX-XX-XX(T.+)$")
_DATE_PART = re.compile(r"^(\d{4}-\d\d-\d\d)T")
# "a year ago" borrows the granularity of a period mentioned this close before it
# ("third-quarter profit ... from $2 a share a year ago").
RECENT_CHARS = 400
# "that year", "the quarter" look back this far for the date they refer to.
REFERENCE_CHARS = 800
# A clock time belongs to the day its own sentence names (before or after it: "at 0052
# on 16 June", "on Tuesday at 1420"); without one, to the day last named this close
# before it, else to the DCT. Measured on the gold TIMEs' days: TempEval-3 train 169/177
# with this fallback, 168/177 with the DCT alone (0), 169/177 at 2000; MEANTIME 16/16.
FOCUS_CHARS = 400
# How much less likely a year-less date is when it lies against the tense ("Dec. 15"
# said in November is more likely next month than thirteen months back, whatever
# the verb): its distance from the DCT counts this many times over.
AGAINST_TENSE = 4
_PART_OF_YEAR = ("quarter", "half", "month", "season")
# Units that are a whole number of a calendar unit: "a fortnight ago" is two weeks ago.
_MULTIPLE_UNITS = {"fortnight": ("week", 2)}
_YEARS_IN = {"decade": 10, "century": 100}


@dataclass(frozen=True)
class Resolved:
    """An anchored value and how it was found.

    `anchor` is the date used (ISO date or value), `relative` whether one was needed,
    `type` a type that replaces the rule's, and `reference` whether later expressions
    may lean on this one (a comparison such as "a year earlier" may not).
    """

    value: str
    anchor: Optional[str] = None
    relative: bool = False
    type: Optional[str] = None
    reference: bool = True


class Anchor:
    """Resolves one document's values in text order, remembering the dates mentioned."""

    def __init__(self, dct: Optional[_dt.date]) -> None:
        self.dct = dct
        self.mentions: list[tuple[int, Period]] = []
        self.sentence: tuple[int, int] = (0, 0)

    def enter(self, start: int, end: int) -> None:
        """Start on the sentence (chunk) text[start:end]: its days are a clock time's own."""
        self.sentence = (start, end)

    @staticmethod
    def needs_day(value: str) -> bool:
        """Whether `value` is a time of an unnamed day, to be resolved after the other
        expressions of its sentence, whose day it takes ("at 0052 on 16 June")."""
        return bool(_TIME_ON.match(value))

    # -- public -------------------------------------------------------------------

    def resolve(self, value: str, tense: Optional[str], pos: int) -> Resolved:
        """Resolve `value` found at offset `pos` of the document, given its tense (PAST,
        FUTURE, None, or SINCE: strictly before the DCT)."""
        try:
            return self._resolve(value, tense, pos)
        except OverflowError:             # off the calendar (a DCT in year 1 or 9999)
            return Anchor(None)._resolve(value, tense, pos)

    def _resolve(self, value: str, tense: Optional[str], pos: int) -> Resolved:
        call = _CALL.match(value)
        if call:
            name, suffix = call.group(1), call.group(3)
            args = _in_base_unit(_args(call.group(2)))
            handler = getattr(self, f"_f_{name}", None)
            if handler is None:
                raise ValueError(f"unknown value function '{name}'")
            try:
                resolved = handler(tense, pos, *args)
            except (TypeError, ValueError) as exc:   # a rule filled in bad arguments
                raise ValueError(f"{name}({call.group(2)}): {exc}") from None
            return _suffixed(resolved, suffix)
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
            return _suffixed(self._focus_day(pos), m.group(1))
        return Resolved(value)

    def forget(self, pos: int) -> None:
        """Drop the mention recorded at `pos` (its value was corrected afterwards)."""
        self.mentions = [(at, period) for at, period in self.mentions if at != pos]

    def remember(self, pos: int, resolved: Resolved) -> None:
        """Record a resolved DATE/TIME as a possible reference for later expressions."""
        if not resolved.reference or resolved.type is not None:
            return
        m = _DATE_PART.match(resolved.value)
        period = parse(m.group(1) if m else resolved.value)
        if period is not None:       # in text order, also for times resolved last
            bisect.insort(self.mentions, (pos, period))

    # -- relative to the DCT --------------------------------------------------------

    def _f_dct(self, tense, pos, unit: str, n: str) -> Resolved:
        steps = _steps(n)
        if steps is None:
            return self._vague(_direction(n), unit, self.dct)
        return self._from_dct(unit, steps)

    def _f_ago(self, tense, pos, unit: str, n: str, granule: str = "") -> Resolved:
        steps = _size(n)
        if steps is None:
            return Resolved("PAST_REF", self._iso(), True)
        if unit in _YEARS_IN:
            unit, steps = "year", steps * _YEARS_IN[unit]
        if unit == "year" and steps == 1:     # a comparison: never a reference itself
            period = self._discussed(pos, granule)
            moved = period.moved("year", -1) if period is not None else None
            if moved is not None:
                return Resolved(moved.value, period.value, True, reference=False)
            return replace(self._from_dct(unit, -steps), reference=False)
        return self._from_dct(unit, -steps)

    def _f_ahead(self, tense, pos, unit: str, n: str) -> Resolved:
        steps = _size(n)
        if steps is None:
            return Resolved("FUTURE_REF", self._iso(), True)
        return self._from_dct(unit, steps)

    def _f_within(self, tense, pos, unit: str, n: str, code: str) -> Resolved:
        if tense == FUTURE:
            return self._f_ahead(tense, pos, unit, n)
        _size(n)                                  # refuses what is no count
        return Resolved(duration(n.lstrip("+-"), code), None, False, "DURATION")

    # -- relative to what the text mentioned ------------------------------------------

    def _f_ref(self, tense, pos, unit: str, n: str = "0") -> Resolved:
        ref = self._reference(pos, unit)
        steps = _steps(n)
        if steps is None:
            return self._vague(_direction(n), unit, ref.start if ref else self.dct)
        if ref is None:
            # With nothing mentioned, "the quarter" is the last finished one: reports
            # describe finished quarters.
            if unit == "quarter":
                return self._from_dct(unit, steps - 1)
            return self._from_dct(unit, steps)
        moved = Period.containing(unit, ref.start).shift(round(steps))
        return Resolved(moved.value if moved else PLACEHOLDERS[unit], ref.value, True)

    def _f_latest(self, tense, pos, unit: str) -> Resolved:
        """The latest finished UNIT mentioned ("the latest quarter"), else the DCT's last."""
        if self.dct is None:
            return Resolved(PLACEHOLDERS[unit], None, True)
        for _, period in reversed(self.mentions):
            if period.unit == unit and period.end() < self.dct:
                return Resolved(period.value, period.value, True)
        return self._from_dct(unit, -1)

    def _f_shift(self, tense, pos, unit: str, n: str) -> Resolved:
        ref = self.mentions[-1][1] if self.mentions else None
        steps = _steps(n)
        if steps is None:
            vague = self._vague(_direction(n), unit, ref.start if ref else self.dct)
            return replace(vague, anchor=ref.value if ref else vague.anchor, reference=False)
        if ref is None:
            # Nothing named before: count from the DCT. Neither TempEval-3 train nor
            # MEANTIME has such a case to measure another choice on.
            return replace(self._from_dct(unit, steps), reference=False)
        if unit in _YEARS_IN:
            unit, steps = "year", steps * _YEARS_IN[unit]
        # A finer reference keeps its granularity ("May 2016 ... a year earlier" is May
        # 2015), except that a year back from a day is a year: that day is mostly just
        # when something was reported. A coarser one keeps its own too: "in 2010 ... six
        # weeks later" names no week, so it must not become week 6 of 2010.
        finer = rank(ref.unit) > rank(unit) and not (unit == "year" and ref.unit == "day")
        base = ref if finer or rank(ref.unit) < rank(unit) else \
            Period.containing(unit, ref.start)
        moved = base.moved(unit, steps)
        return Resolved(moved.value if moved else PLACEHOLDERS[unit], ref.value, True,
                        reference=False)

    def _f_inyear(self, tense, pos, year: str) -> Resolved:
        period = self._discussed(pos, "")
        if period is None:
            return Resolved(year)
        moved = period.moved("year", int(year) - period.start.year)
        return Resolved(moved.value if moved else year, period.value, True, reference=False)

    # -- year-less and weekly values ---------------------------------------------------

    def _f_weekday(self, tense, pos, day: str, n: str) -> Resolved:
        if self.dct is None:
            return Resolved(f"XXXX-WXX-{day}", None, True)
        ahead = (int(day) - 1 - self.dct.weekday()) % 7   # days to the next such day
        back = (7 - ahead) % 7                             # days back to the last one
        step = _step(n)
        if step > 0 or (step == 0 and tense == FUTURE):
            days = ahead if step == 0 else (ahead or 7)
        else:
            days = -(back if step == 0 else (back or 7))
        return Resolved((self.dct + _dt.timedelta(days=days)).isoformat(), self._iso(), True)

    def _f_dayref(self, tense, pos, day: str, n: str) -> Resolved:
        """The weekday D before (N=-1) or after (N=1) the day in focus."""
        focus = self._focus_day(pos)
        base = parse(focus.value)
        if base is None:
            return Resolved(f"XXXX-WXX-{day}", None, True)
        step = _step(n)
        gap = ((int(day) - base.start.isoweekday()) * step) % 7 or 7
        return Resolved((base.start + _dt.timedelta(days=gap * step)).isoformat(),
                        focus.anchor, True)

    def _f_weekend(self, tense, pos, n: str) -> Resolved:
        if self.dct is None:
            return Resolved("XXXX-WXX-WE", None, True)
        # The weekend of the DCT's ISO week, still ahead from Monday to Friday.
        coming = Period.containing("weekend", self.dct)
        ahead = self.dct < coming.start
        step = _step(n)
        if step == 0 and ahead:
            before = (self.dct - coming.start).days + 7 - 1   # days since last Sunday
            after = (coming.start - self.dct).days
            step = -1 if tense in (PAST, SINCE) or (tense is None and before <= after) else 0
        elif step > 0 and ahead:
            step -= 1                                         # "next weekend" on a weekday
        moved = coming.shift(step)
        return Resolved(moved.value if moved else "XXXX-WXX-WE", self._iso(), True)

    def _f_this(self, tense, pos, value: str) -> Resolved:
        return self._yearless(value, lambda ps: _likeliest(ps, self.dct, tense))

    def _f_weekof(self, tense, pos, value: str) -> Resolved:
        day = parse(self._f_this(tense, pos, value).value)
        if day is None:
            return Resolved("XXXX-WXX", None, True)
        return Resolved(Period.containing("week", day.start).value, self._iso(), True)

    def _f_last(self, tense, pos, value: str) -> Resolved:
        return self._yearless(value, lambda ps: max(
            (p for p in ps if p.end() < Period.containing(p.unit, self.dct).start), default=None))

    def _f_next(self, tense, pos, value: str) -> Resolved:
        return self._yearless(value, lambda ps: min(
            (p for p in ps if p.start > Period.containing(p.unit, self.dct).end()), default=None))

    def _f_nth(self, tense, pos, month: str, weekday: str, n: str, offset: str = "0",
               step: str = "0") -> Resolved:
        return self._holiday(tense, _step(step), f"XXXX-{int(month):02d}-XX",
                             lambda year: nth_weekday(year, int(month), int(weekday), int(n))
                             + _dt.timedelta(days=int(offset)))

    def _f_easter(self, tense, pos, offset: str, step: str = "0") -> Resolved:
        return self._holiday(tense, _step(step), "XXXX-XX-XX",
                             lambda year: easter_sunday(year) + _dt.timedelta(days=int(offset)))

    def _f_easterweek(self, tense, pos) -> Resolved:
        day = parse(self._f_easter(tense, pos, "0").value)
        if day is None:
            return Resolved("XXXX-WXX", None, True)
        return Resolved(Period.containing("week", day.start).value, self._iso(), True)

    # -- helpers --------------------------------------------------------------------

    def _iso(self) -> Optional[str]:
        return self.dct.isoformat() if self.dct else None

    def _vague(self, direction: int, unit: str, base: Optional[_dt.date]) -> Resolved:
        """An unknown number of UNITs from `base` ("some months earlier"): before a day
        that is not after the DCT lies in the past (PAST_REF), after one that is not
        before it in the future (FUTURE_REF); otherwise only the granularity is known."""
        if base is not None and self.dct is not None:
            if direction < 0 and base <= self.dct:
                return Resolved("PAST_REF", self._iso(), True)
            if direction > 0 and base >= self.dct:
                return Resolved("FUTURE_REF", self._iso(), True)
        return Resolved(PLACEHOLDERS[unit], self._iso(), True)

    def _from_dct(self, unit: str, steps: float) -> Resolved:
        if self.dct is None:
            return Resolved(PLACEHOLDERS[unit], None, True)
        moved = Period.containing(unit, self.dct).moved(unit, steps)
        return Resolved(moved.value if moved else PLACEHOLDERS[unit], self._iso(), True)

    def _candidates(self, make: Callable[[int], Optional[Period]]) -> list[Period]:
        out = []
        for year in range(self.dct.year - 2, self.dct.year + 3):
            try:
                period = make(year)
            except ValueError:
                period = None
            if period is not None:
                out.append(period)
        return out

    def _yearless(self, value: str, choose) -> Resolved:
        tail = value[4:] if value.startswith("XXXX") else None
        if self.dct is None or tail is None:
            return Resolved(value, None, True)
        best = choose(self._candidates(lambda y: parse(f"{y:04d}{tail}")))
        return Resolved(best.value if best else value, self._iso(), True)

    def _holiday(self, tense, step: int, placeholder: str,
                 day_in: Callable[[int], _dt.date]) -> Resolved:
        if self.dct is None:
            return Resolved(placeholder, None, True)
        days = self._candidates(lambda y: Period(day_in(y), "day"))
        if step < 0:
            best = max((p for p in days if p.start < self.dct), default=None)
        elif step > 0:
            best = min((p for p in days if p.start > self.dct), default=None)
        else:
            best = _likeliest(days, self.dct, tense)
        return Resolved(best.value if best else placeholder, self._iso(), True)

    def _reference(self, pos: int, unit: str) -> Optional[Period]:
        """The date a reference to `unit` ("that year", "the quarter") points back to:
        the latest mention at least as fine as `unit` within REFERENCE_CHARS. Business
        periods (quarters, halves) prefer an exact mention over a later finer one
        ("third-quarter profit ... the company said Oct. 23. For the quarter ...")."""
        finer = None
        for at, period in reversed(self.mentions):
            if pos - at > REFERENCE_CHARS:
                break
            if period.unit == unit:
                return period
            if finer is None and rank(period.unit) > rank(unit):
                if unit not in ("quarter", "half"):
                    return period
                finer = period
        return finer

    def _discussed(self, pos: int, granule: str) -> Optional[Period]:
        """The part-of-year period a comparison refers to, within a year of the DCT: the
        latest one of granularity `granule` ("any": of any part-of-year granularity)
        anywhere before, or without a granule one mentioned just before `pos`."""
        if self.dct is None:
            return None
        for at, period in reversed(self.mentions):
            if not granule and pos - at > RECENT_CHARS:
                break
            wanted = period.unit in _PART_OF_YEAR if granule in ("", "any") else \
                period.unit == granule
            if wanted and -92 <= (self.dct - period.end()).days < 366:
                return period
        if granule == "quarter":                  # the quarter last reported on
            return Period.containing("quarter", self.dct).shift(-1)
        return None

    def _focus_day(self, pos: int) -> Resolved:
        """The day a clock time or part of a day belongs to: the day its own sentence
        names, else a day mentioned just before, else the DCT."""
        own = self._sentence_day(pos)
        if own is not None:
            return Resolved(own.value, own.value, True)
        for at, period in reversed(self.mentions):
            if at >= pos:
                continue
            if pos - at > FOCUS_CHARS:
                break
            if period.unit == "day":
                return Resolved(period.value, period.value, True)
        if self.dct is None:
            return Resolved("XXXX-XX-XX", None, True)
        return Resolved(self.dct.isoformat(), self.dct.isoformat(), True)

    def _sentence_day(self, pos: int) -> Optional[Period]:
        """The day named in the current sentence nearest to `pos`, before or after it."""
        start, end = self.sentence
        if not start <= pos < end:
            return None
        days = []
        # Mentions are kept in text order: only the last few can lie in this sentence,
        # so a long document does not make every clock time scan all its dates.
        for at, period in reversed(self.mentions):
            if at < start:
                break
            if at < end and at != pos and period.unit == "day":
                days.append((abs(at - pos), at > pos, period))
        return min(days, key=lambda d: d[:2])[2] if days else None


FUNCTIONS = frozenset(name[3:] for name in dir(Anchor) if name.startswith("_f_")) | {"dur"}


def _likeliest(periods: list[Period], dct: _dt.date, tense: Optional[str]) -> Optional[Period]:
    """The occurrence nearest the DCT, distances against the tense counting extra."""
    if tense == SINCE:
        return max((p for p in periods if p.start <= dct), default=None)

    def cost(p: Period) -> tuple[int, bool, bool]:
        against = (tense == PAST and p.start > dct) or (tense == FUTURE and p.end() < dct)
        return distance(p, dct) * (AGAINST_TENSE if against else 1), against, p.start > dct
    return min(periods, key=cost, default=None)


def _suffixed(resolved: Resolved, suffix: str) -> Resolved:
    if not suffix or resolved.value.endswith("REF") or resolved.value.startswith("P"):
        return resolved
    return replace(resolved, value=resolved.value + suffix)


def _args(text: str) -> list[str]:
    return [a.strip() for a in text.split(",")] if text.strip() else []


def _in_base_unit(args: list[str]) -> list[str]:
    """(UNIT, N, ...) with a multiple unit as its calendar unit: (fortnight, -3) ->
    (week, -6); an unknown count stays unknown."""
    if len(args) < 2 or args[0] not in _MULTIPLE_UNITS:
        return args
    unit, factor = _MULTIPLE_UNITS[args[0]]
    steps = _steps(args[1])
    count = args[1] if steps is None else f"{steps * factor:g}"
    return [unit, count] + args[2:]


# A count argument as rules fill it: an optional sign ("-" from "earlier"), then a
# number or X, the count of "a few", "several", "some" that the text does not give.
_COUNT = re.compile(r"^([+-]?)(X|\d+(?:\.\d+)?)$")


def _parse_count(text: str) -> tuple[int, Optional[float]]:
    """(direction, size) of a count: "-3" -> (-1, 3.0), "-X" -> (-1, None), "X" -> (0,
    None); ValueError for anything else (a rule filled in something that is no count)."""
    m = _COUNT.match(text.strip())
    if not m:
        raise ValueError(f"not a count: {text!r}")
    sign = {"-": -1, "+": 1}.get(m.group(1), 0)
    return sign, None if m.group(2) == "X" else float(m.group(2))


def _direction(text: str) -> int:
    """-1 back, 1 ahead (a count without a sign goes ahead, as "later" does), 0 for a
    count of zero."""
    sign, size = _parse_count(text)
    return sign or (0 if size == 0 else 1)


def _size(text: str) -> Optional[float]:
    """How many, without the direction; None when the text does not say."""
    return _parse_count(text)[1]


def _steps(text: str) -> Optional[float]:
    """The signed count ("-3" -> -3.0); None when the number is unknown."""
    sign, size = _parse_count(text)
    return None if size is None else (-size if sign < 0 else size)


def _step(text: str) -> int:
    """A whole number of steps; an unknown count keeps only its direction (-1, 0, 1)."""
    steps = _steps(text)
    return _direction(text) if steps is None else int(steps)
