"""Tag one document: chunks -> rule matches -> filled values -> anchored `Timex`es.

Chunks are handled in text order with one `Anchor` per document, so an expression such
as "a year earlier" can lean on the date mentioned before it.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from dataclasses import replace
from typing import Iterable, Optional

from . import chunks
from .anchor import Anchor, Resolved
from .engine import Engine, Match
from .normalize import NormError, fill
from .resources import Resources
from .ranges import SET_RULE, RangeFinder, WeekdayRange, first_day, last_day, set_value
from .stamps import ClockStamp, StampFinder
from .tense import TenseCues, governed, nearest
from .timex import Timex

log = logging.getLogger(__name__)
_ANCHORED_TYPES = ("DATE", "TIME")
# The rule name of live-blog clock stamps, which the document step finds (stamps.py).
STAMP_RULE = "time_live_stamp"
_WEEK = re.compile(r"^\d{4}-W\d\d$")
# TIMEX3 mod values; a template with two modifier slots ("about two years or so") may
# fill both, and the first one is kept.
_MOD = re.compile(r"BEFORE|AFTER|ON_OR_BEFORE|ON_OR_AFTER|LESS_THAN|MORE_THAN|"
                  r"EQUAL_OR_LESS|EQUAL_OR_MORE|START|MID|END|APPROX")


class Tagger:
    """The rules, cue lists and splitter of one language, ready to tag documents."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.engine = Engine(resources.rules)
        self.cues = TenseCues(resources.patterns)
        self.abbreviation = re.compile(rf"(?:{resources.patterns['abbreviation']})$",
                                       re.IGNORECASE)
        self.stamps = StampFinder(resources.patterns["timezone"])
        self.ranges = RangeFinder(resources.patterns, resources.norms["weekday"])

    def split(self, text: str) -> list[tuple[int, int]]:
        """The chunks the tagger works on (roughly sentences)."""
        return chunks.split(text, self.abbreviation)

    def tag(self, text: str, dct: Optional[_dt.date],
            spans: Optional[Iterable[tuple[int, int]]] = None) -> list[Timex]:
        """Every time expression of `text`; `spans` limits the search to those chunks."""
        anchor = Anchor(dct)
        stamps = self.stamps.find(text, dct)
        out: list[Timex] = []
        for start, end in (self.split(text) if spans is None else spans):
            inside = [s for s in stamps if start <= s.start and s.end <= end]
            out.extend(self._sentence(text, start, end, anchor, inside))
        return out

    def _sentence(self, text: str, start: int, end: int, anchor: Anchor,
                  stamps: list[ClockStamp]) -> list[Timex]:
        """The expressions of one chunk: its live-blog stamps (which no rule may read as
        a year), then the rules' matches. Weekday ranges are read as a whole (ranges.py).
        Times of an unnamed day come last, so that they can take a day the sentence
        names after them ("at 0052 on 16 June")."""
        anchor.enter(start, end)
        found = [self._stamp(stamp, anchor) for stamp in stamps]
        matches, filled = self._matches(text, start, end, stamps)
        habits, once = self._ranges(text, start, end, matches, filled)
        waits = {id(m) for m, _ in matches
                 if m.rule.type in _ANCHORED_TYPES and anchor.needs_day(filled[id(m)][0])}
        for match, tense in matches:
            if id(match) in habits:
                found.append(self._weekly(text, match, habits[id(match)]))
            elif id(match) not in waits:
                found.append(self._timex(text, match, filled[id(match)], anchor, tense))
        found = self._one_off(found, once, anchor)
        found += [self._timex(text, match, filled[id(match)], anchor, tense)
                  for match, tense in matches if id(match) in waits]
        return sorted(found, key=lambda t: t.start)

    def _matches(self, text: str, start: int, end: int, stamps: list[ClockStamp]
                 ) -> tuple[list[tuple[Match, Optional[str]]], dict[int, tuple[str, str]]]:
        """The chunk's positive matches with their tense, and their filled values."""
        filled: dict[int, tuple[str, str]] = {}

        def viable(m: Match) -> bool:
            return not any(m.start < s.end and s.start < m.end for s in stamps) \
                and self._fill(m, filled) is not None
        found = [m for m in self.engine.run(text, start, end, viable) if not m.rule.reject]
        cues = self.cues.find(text, start, end) if found else []
        return [(m, governed(text, m.start) or nearest(cues, m.start, m.end))
                for m in found], filled

    def _ranges(self, text: str, start: int, end: int,
                matches: list[tuple[Match, Optional[str]]], filled: dict[int, tuple[str, str]]
                ) -> tuple[dict[int, int], list[WeekdayRange]]:
        """The chunk's weekday ranges: weekly ones as {id(match): weekday}, and the
        one-off ones."""
        tenses = {id(m): t for m, t in matches}
        values = [filled[id(m)][0] for m, _ in matches]
        habits: dict[int, int] = {}
        once: list[WeekdayRange] = []
        for pair in self.ranges.pairs(text, [m for m, _ in matches]):
            if self.ranges.habitual(text, start, end, pair, tenses[id(pair.first)], values):
                habits[id(pair.first)], habits[id(pair.last)] = pair.first_day, pair.last_day
            else:
                once.append(pair)
        return habits, once

    @staticmethod
    def _weekly(text: str, match: Match, weekday: int) -> Timex:
        """A day of a weekly range ("open Monday to Friday") as a SET."""
        return Timex(start=match.start, end=match.end, text=text[match.start:match.end],
                     type="SET", value=set_value(weekday), rule=SET_RULE)

    @staticmethod
    def _one_off(found: list[Timex], once: list[WeekdayRange], anchor: Anchor) -> list[Timex]:
        """`found` with each one-off range's days set: the first inside the week the
        sentence names, the last on or after the first."""
        by_start = {t.start: i for i, t in enumerate(found)}
        weeks = [t for t in found if _WEEK.match(t.value)]
        for pair in once:
            first, last = found[by_start[pair.first.start]], found[by_start[pair.last.start]]
            week = min(weeks, key=lambda w: abs(w.start - first.start)).value if weeks else None
            start_day = first_day(first.value, pair.first_day, week)
            end_day = last_day(start_day, pair.first_day, pair.last_day) or last.value
            for old, value in ((first, start_day), (last, end_day)):
                if value != old.value:
                    anchor.forget(old.start)
                    anchor.remember(old.start, Resolved(value))
                    found[by_start[old.start]] = replace(old, value=value)
        return found

    @staticmethod
    def _stamp(stamp: ClockStamp, anchor: Anchor) -> Timex:
        """A live-blog stamp as a TIME; its day is a day the entry may refer to."""
        anchor.remember(stamp.start, Resolved(stamp.value))
        return Timex(start=stamp.start, end=stamp.end, text=stamp.text, type="TIME",
                     value=stamp.value, rule=STAMP_RULE, anchor=stamp.anchor,
                     relative=stamp.anchor is not None)

    def _fill(self, match: Match, cache: dict[int, tuple[str, str]]) -> Optional[tuple[str, str]]:
        """The rule's value and mod filled from the match, or None when a slot's text has
        no entry (the rule matched more than its tables know); kept in `cache`."""
        rule = match.rule
        try:
            value = fill(rule.value, match.match, self.resources.norms)
            mod = fill(rule.mod, match.match, self.resources.norms) if rule.mod else ""
        except (NormError, ValueError) as exc:
            log.debug("rule %s skipped %r: %s", rule.name, match.match.group(), exc)
            return None
        cache[id(match)] = (value, mod)
        return value, mod

    def _timex(self, text: str, match: Match, filled: tuple[str, str], anchor: Anchor,
               tense: Optional[str]) -> Timex:
        rule = match.rule
        value, mod = filled
        if rule.type in _ANCHORED_TYPES:
            resolved = anchor.resolve(value, tense, match.start)
            anchor.remember(match.start, resolved)
        else:
            resolved = Resolved(value)
        first = _MOD.match(mod)
        return Timex(start=match.start, end=match.end, text=text[match.start:match.end],
                     type=resolved.type or rule.type, value=resolved.value,
                     mod=first.group() if first else None, rule=rule.name,
                     anchor=resolved.anchor, relative=resolved.relative)
