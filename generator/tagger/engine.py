"""Apply the rules to a chunk of text and keep the best non-overlapping matches.

Overlap policy: negative (`reject`) matches come first and block every match they
overlap, whatever its length; that is how "May" in "May be" or "the fall" in "the fall
of the Wall" stay untagged. Among the rest the longest match wins (as in HeidelTime),
so "Friday, Oct. 23" beats "Friday" and "Oct. 23"; at equal length the higher priority
wins, then the earlier start.

Speed: a rule only runs on chunks that contain one of its trigger keys (see
`triggers`), and rules with the same keys are tested together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .rules import Rule
from .triggers import DIGIT

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Match:
    """A rule's match: the extent to tag and the regex match to fill values from."""

    start: int
    end: int
    rule: Rule
    match: re.Match


class Engine:
    """The compiled rules of one language, grouped by trigger keys."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        groups: dict[frozenset, list[Rule]] = {}
        self.always: list[Rule] = []
        for rule in rules:
            if rule.keys is None:
                self.always.append(rule)
            else:
                groups.setdefault(rule.keys, []).append(rule)
        self.groups = [(keys, tuple(rules)) for keys, rules in groups.items()]
        self.words = tuple(sorted({k for keys in groups for k in keys if k != DIGIT}))

    def run(self, text: str, start: int, end: int) -> list[Match]:
        """The selected matches in text[start:end], negatives included, in text order."""
        found = self._candidates(text, start, end)
        return sorted(select(found), key=lambda m: m.start) if found else []

    def _candidates(self, text: str, start: int, end: int) -> list[Match]:
        low = text[start:end].lower()
        present = {w for w in self.words if w in low}
        if _DIGIT.search(low):
            present.add(DIGIT)
        found: list[Match] = []
        if not present and not self.always:
            return found
        for keys, rules in self.groups:
            if not keys.isdisjoint(present):
                for rule in rules:
                    _collect(rule, text, start, end, found)
        for rule in self.always:
            _collect(rule, text, start, end, found)
        return found


def _collect(rule: Rule, text: str, start: int, end: int, found: list[Match]) -> None:
    for m in rule.regex.finditer(text, start, end):
        s, e = m.span(rule.span) if rule.span is not None else m.span()
        if s < e:
            found.append(Match(s, e, rule, m))


def select(found: list[Match]) -> list[Match]:
    """Greedy choice of non-overlapping matches by the overlap policy above."""
    order = sorted(found, key=lambda m: (not m.rule.reject, m.start - m.end,
                                         -m.rule.priority, m.start, m.rule.name))
    kept: list[Match] = []
    for cand in order:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return kept
