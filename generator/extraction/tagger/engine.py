"""Apply the rules to a chunk of text and keep the best non-overlapping matches.

Overlap policy: negative (`reject`) matches come first and block every match they
overlap, whatever its length; that is how "May" in "May be" or "the fall" in "the fall
of the Wall" stay untagged. Among the rest the longest match wins (as in HeidelTime),
so "Friday, Oct. 23" beats "Friday" and "Oct. 23"; at equal length the higher priority
wins, then the earlier start.

Speed: a rule only runs on chunks that contain one of its trigger keys and one key
of each further set its regex requires (see `triggers`); one regex scan (a trie of all
keys) tells which keys a chunk holds.
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
_NONE: frozenset = frozenset()


@dataclass(frozen=True)
class Match:
    """A rule's match: the extent to tag and the regex match to fill values from."""

    start: int
    end: int
    rule: Rule
    match: re.Match


class Engine:
    """The compiled rules of one language, indexed by their trigger keys."""

    def __init__(self, rules: Iterable[Rule], prefilter: bool = True) -> None:
        self.rules = tuple(rules)
        self.prefilter = prefilter
        by_key: dict[str, set[int]] = {}
        self.always = frozenset(i for i, rule in enumerate(self.rules) if rule.keys is None)
        for index, rule in enumerate(self.rules):
            for key in rule.keys or ():
                by_key.setdefault(key, set()).add(index)
        self.requires = {i: rule.requires for i, rule in enumerate(self.rules) if rule.requires}
        words = {k for rule in self.rules for keys in (rule.keys or (), *rule.requires)
                 for k in keys} - {DIGIT, DIGITS4}
        # One scan finds the longest key starting at each position; every key that is a
        # prefix of it is in the text too, and switches on the rules it triggers.
        self.held = {key: frozenset(key[:n] for n in range(1, len(key) + 1)) & words
                     for key in words}
        self.key_rules = {key: frozenset().union(*(by_key.get(k, ()) for k in held))
                          for key, held in self.held.items()}
        self.digit_rules = frozenset(by_key.get(DIGIT, ()))
        self.digits4_rules = frozenset(by_key.get(DIGITS4, ()))
        self.key_regex = re.compile(f"(?=({compile_words(sorted(words))}))") if words else None

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
        """The rules that can match `low` (lower case, whitespace collapsed): one of
        their trigger keys is there, and one key of each set they also require."""
        if not self.prefilter:
            return set(range(len(self.rules)))
        found = set(self.key_regex.findall(low)) if self.key_regex is not None else set()
        active = set(self.always)
        for key in found:
            active |= self.key_rules[key]
        digits = ()
        if _DIGIT.search(low):
            active |= self.digit_rules
            digits = (DIGIT,)
            if _DIGITS4.search(low):
                active |= self.digits4_rules
                digits = (DIGIT, DIGITS4)
        checked = [i for i in active if i in self.requires]
        if checked:
            held = set(digits).union(*(self.held[key] for key in found))
            for i in checked:
                if any(held.isdisjoint(keys) for keys in self.requires[i]):
                    active.discard(i)
        return active

    def _candidates(self, text: str, start: int, end: int) -> list[Match]:
        found: list[Match] = []
        rules = self.rules
        for index in sorted(self.active(" ".join(text[start:end].lower().split()))):
            rule = rules[index]
            span = rule.span
            for m in rule.regex.finditer(text, start, end):
                s, e = m.span(span) if span is not None else m.span()
                if s < e:
                    found.append(Match(s, e, rule, m))
        return found


def select(found: list[Match]) -> list[Match]:
    """Greedy choice of non-overlapping matches by the overlap policy above."""
    order = sorted(found, key=lambda m: (not m.rule.reject, m.start - m.end,
                                         -m.rule.priority, m.start, m.rule.name))
    kept: list[Match] = []
    for cand in order:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return kept
