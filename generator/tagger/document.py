"""Tag one document: chunks -> rule matches -> filled values -> anchored `Timex`es.

Chunks are handled in text order with one `Anchor` per document, so an expression such
as "a year earlier" can lean on the date mentioned before it.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from typing import Iterable, Optional

from . import chunks
from .anchor import Anchor, Resolved
from .engine import Engine, Match
from .normalize import NormError, fill
from .resources import Resources
from .stamps import ClockStamp, StampFinder
from .tense import TenseCues, governed, nearest
from .timex import Timex

log = logging.getLogger(__name__)
_ANCHORED_TYPES = ("DATE", "TIME")
# The rule name of live-blog clock stamps, which the document step finds (stamps.py).
STAMP_RULE = "time_live_stamp"
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
        a year), then the rules' matches. Times of an unnamed day come last, so that
        they can take a day the sentence names after them ("at 0052 on 16 June")."""
        anchor.enter(start, end)
        found = [self._stamp(stamp, anchor) for stamp in stamps]
        cues, filled = None, {}
        now, last = [], []

        def viable(m: Match) -> bool:
            return not any(m.start < s.end and s.start < m.end for s in stamps) \
                and self._fill(m, filled) is not None
        for match in self.engine.run(text, start, end, viable):
            if match.rule.reject:
                continue
            if cues is None:
                cues = self.cues.find(text, start, end)
            tense = governed(text, match.start) or nearest(cues, match.start, match.end)
            wait = match.rule.type in _ANCHORED_TYPES and anchor.needs_day(filled[id(match)][0])
            (last if wait else now).append((match, tense))
        found += [self._timex(text, match, filled[id(match)], anchor, tense)
                  for match, tense in now + last]
        return sorted(found, key=lambda t: t.start)

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
