"""Apply the rules to a chunk of text and keep the best non-overlapping matches.

Overlap policy: negative (`reject`) matches come first and block every match they
overlap, whatever its length; that is how "May" in "May be" or "the fall" in "the fall
of the Wall" stay untagged. Among the rest the longest match wins (as in HeidelTime),
so "Friday, Oct. 23" beats "Friday" and "Oct. 23"; at equal length the higher priority
wins, then the earlier start.

Speed: a rule only runs on chunks that contain one of its trigger keys (see
`triggers`); one regex scan (a trie of all keys) tells which keys a chunk holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from .rules import Rule
from .trie import compile_words
from .triggers import DIGIT, DIGITS4

_DIGIT = re.compile(r"\d")
_DIGITS4 = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Match:
    """A rule's match: the extent to tag and the regex match to fill values from."""

    start: int
    end: int
    rule: Rule
    match: re.Match


class Engine:
    """The compiled rules of one language, indexed by their trigger keys."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        by_key: dict[str, set[int]] = {}
        self.always = frozenset(i for i, rule in enumerate(self.rules) if rule.keys is None)
        for index, rule in enumerate(self.rules):
            for key in rule.keys or ():
                by_key.setdefault(key, set()).add(index)
        self.digit_rules = frozenset(by_key.pop(DIGIT, ()))
        self.digits4_rules = frozenset(by_key.pop(DIGITS4, ()))
        # One scan finds the longest key starting at each position; the rules of every
        # key that is a prefix of it are switched on too.
        self.key_rules = {key: frozenset().union(*(by_key[k] for k in by_key if key.startswith(k)))
                          for key in by_key}
        self.key_regex = re.compile(compile_words(sorted(by_key))) if by_key else None

    def run(self, text: str, start: int, end: int,
            viable: Optional[Callable[[Match], bool]] = None) -> list[Match]:
        """The selected matches in text[start:end], negatives included, in text order.

        `viable` drops a positive match before the choice (one whose value cannot be
        filled), so that a shorter match that can be filled takes its place.
        """
        found = self._candidates(text, start, end)
        if viable is not None:
            found = [m for m in found if m.rule.reject or viable(m)]
        return sorted(select(found), key=lambda m: m.start) if found else []

    def active(self, low: str) -> set[int]:
        """The rules whose keys occur in `low` (lower case, whitespace collapsed)."""
        active = set(self.always)
        search, pos = self.key_regex.search if self.key_regex else None, 0
        while search is not None:
            m = search(low, pos)
            if m is None:
                break
            active |= self.key_rules[m.group()]
            pos = m.start() + 1
        if _DIGIT.search(low):
            active |= self.digit_rules
            if _DIGITS4.search(low):
                active |= self.digits4_rules
        return active

    def _candidates(self, text: str, start: int, end: int) -> list[Match]:
        found: list[Match] = []
        for index in sorted(self.active(" ".join(text[start:end].lower().split()))):
            _collect(self.rules[index], text, start, end, found)
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
