"""Trigger keys: cheap substring tests that tell which rules can match a sentence.

Running a hundred-odd regexes over every sentence is what makes rule-based taggers
slow. For each compiled rule we derive, from the regex's own parse tree, a set of
lower-case literal strings of which every match must contain at least one (or the key
`DIGIT`, meaning "some digit"). A sentence that holds none of a rule's keys cannot
match it, so the engine skips that rule there. Rules whose regex guarantees no such
literal get no keys (None) and always run; the resource test reports them.
"""

from __future__ import annotations

from typing import Optional

try:  # Python >= 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

DIGIT = "\x00digit"
Keys = Optional[frozenset]

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT}
                                             if hasattr(_c, "POSSESSIVE_REPEAT") else set())


def rule_keys(pattern: str, flags: int) -> Keys:
    """The trigger keys of a regex: every match contains one of them (None: no such set)."""
    return _must(_p.parse(pattern, flags))


def _score(keys: frozenset) -> tuple:
    # Longer keys are rarer in text; fewer keys mean fewer substring tests.
    shortest = min(2 if k == DIGIT else min(len(k), 6) for k in keys)
    return (shortest, -len(keys))


def _better(best: Keys, cand: Keys) -> Keys:
    if cand is None:
        return best
    if best is None or _score(cand) > _score(best):
        return cand
    return best


def _must(items) -> Keys:
    """Keys for a sequence: the most selective of its mandatory parts."""
    best: Keys = None
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op in _ZERO_WIDTH:
            continue
        best = _better(best, _run_keys(run))
        run = []
        best = _better(best, _item(op, av))
    return _better(best, _run_keys(run))


def _run_keys(run: list[str]) -> Keys:
    text = "".join(run).lower().strip()
    return frozenset({text}) if len(text) >= 2 else None


def _item(op, av) -> Keys:
    if op is _c.SUBPATTERN:
        return _must(av[-1])
    if op is _c.BRANCH:
        alternatives = [_must(branch) or _single(branch) for branch in av[1]]
        if any(a is None for a in alternatives):
            return None
        return frozenset().union(*alternatives)
    if op in _REPEATS:
        low, _, item = av
        return _must(item) if low >= 1 else None
    if op is _c.IN and _digits_only(av):
        return frozenset({DIGIT})
    return None


def _single(branch) -> Keys:
    """A one-letter alternative ("a" in "a|two|three") is still a usable key."""
    items = list(branch)
    if len(items) == 1 and items[0][0] is _c.LITERAL and chr(items[0][1]).isalnum():
        return frozenset({chr(items[0][1]).lower()})
    return None


def _digits_only(av) -> bool:
    for op, arg in av:
        if op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            continue
        if op is _c.RANGE and "0" <= chr(arg[0]) and chr(arg[1]) <= "9":
            continue
        if op is _c.LITERAL and chr(arg).isdigit():
            continue
        return False
    return True
