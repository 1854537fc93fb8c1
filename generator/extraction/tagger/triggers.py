"""Trigger keys: cheap substring tests that tell which rules can match a sentence.

Running a hundred-odd regexes over every sentence is what makes rule-based taggers
slow. For each compiled rule we derive, from the regex's own parse tree, a set of
lower-case literal strings of which every match must contain at least one (or the key
`DIGIT`, meaning "some digit", or `DIGITS4`, "four digits in a row"). Whitespace in a key stands for any run of whitespace:
chunks are tested in lower case with whitespace collapsed to single spaces. A sentence that holds none of a rule's keys cannot
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
DIGITS4 = "\x00digits4"     # four digits in a row, as in a year
Keys = Optional[frozenset]

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT}
                                             if hasattr(_c, "POSSESSIVE_REPEAT") else set())


def rule_keys(pattern: str, flags: int) -> Keys:
    """The trigger keys of a regex: every match contains one of them (None: no such set)."""
    return _must(_p.parse(pattern, flags))


# Punctuation rare enough in prose to be a key on its own (as in "7/21", "3:30", "'80s").
RARE_MARKS = frozenset("/:'’")
# Substrings so common in English that a rule keyed on them would run on every sentence.
COMMON = frozenset("the and for that with from this was are his her its in on of to at an "
                   "as be by or is it re st er ed es ing ion ent".split())


def _cost(keys: frozenset) -> float:
    """Estimated share of sentences holding one of the keys (lower is better): a key is
    rarer the longer it is, a digit is in about half of news sentences."""
    def one(key: str) -> float:
        if key == DIGIT:
            return 0.5
        if key == DIGITS4:
            return 0.15
        if key in RARE_MARKS:
            return 0.1
        if all(word in COMMON for word in key.split()):
            return 1.0
        return 20.0 ** -(min(len(key), 6) - 1)
    return sum(one(k) for k in keys)


def _better(best: Keys, cand: Keys) -> Keys:
    if cand is None:
        return best
    if best is None or _cost(cand) < _cost(best):
        return cand
    return best


def _must(items) -> Keys:
    """Keys for a sequence: the most selective of its mandatory parts (see `_options`)."""
    best: Keys = None
    for keys in _options(items):
        best = _better(best, keys)
    return best


def _options(items) -> list[frozenset]:
    """Every key set a sequence guarantees, in the order of its parts: each set alone
    is a valid trigger, since the part it comes from is in every match. A literal run
    followed by a group joins the group's literal prefixes (" day", "-year"), which is
    far more selective than either part alone."""
    items = list(items)
    found: list[frozenset] = [frozenset({DIGITS4})] if _digit_run(items) >= 4 else []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if _is_space(op, av):
            run.append(" ")                 # chunks are tested with spaces normalised
            continue
        if op in _ZERO_WIDTH:
            continue
        prefixes = _prefixes(op, av) if run else None
        if prefixes:
            joined = "".join(run).lower()
            found.append(frozenset(joined + p for p in prefixes))
        found.extend(_keep(_run_keys(run)))
        run = []
        found.extend(_keep(_item(op, av)))
    return found + _keep(_run_keys(run))


def _keep(keys: Keys) -> list[frozenset]:
    return [] if keys is None else [keys]


def rule_key_sets(pattern: str, flags: int) -> tuple[frozenset, ...]:
    """All the key sets of a regex that every match must hold one key of each, most
    selective first: the engine indexes a rule by the first and checks the others
    (a month name and a digit, say) before running the rule. Mandatory groups are
    looked into, so a whole pattern in one group gives its parts' sets too."""
    return _sorted_sets(list(_p.parse(pattern, flags)))


def keys_and_sets(pattern: str, flags: int) -> tuple[Keys, tuple[frozenset, ...]]:
    """`rule_keys` and `rule_key_sets` of a regex, parsed once."""
    items = list(_p.parse(pattern, flags))
    return _must(items), _sorted_sets(items)


def _sorted_sets(items) -> tuple[frozenset, ...]:
    sets = {_digits_folded(keys) for keys in _nested(items)}
    return tuple(sorted(sets, key=lambda keys: (_cost(keys), sorted(keys))))


def _digits_folded(keys: frozenset) -> frozenset:
    """With DIGIT among the keys, a key holding a digit ("00") adds nothing."""
    if DIGIT not in keys:
        return keys
    return frozenset(k for k in keys if k in (DIGIT, DIGITS4) or not any(c.isdigit() for c in k))


def worth_checking(keys: frozenset) -> bool:
    """Whether testing a key set before running a rule can save the run: a set held by
    most sentences (a common word, a single letter) would only slow the key scan."""
    return _cost(keys) <= CHECK_COST


# Key sets estimated to be in more than this share of sentences are not checked (a
# digit, in about half, still is).
CHECK_COST = 0.5


def _nested(items) -> list[frozenset]:
    """`_options` of a sequence and of the groups it always goes through."""
    found = _options(items)
    for op, av in items:
        if op is _c.SUBPATTERN:
            found += _nested(list(av[-1]))
        elif op in _REPEATS and av[0] >= 1:
            found += _nested(list(av[2]))
    return found


def _prefixes(op, av) -> Optional[set[str]]:
    """The literal text every alternative of a group starts with (None if one has none)."""
    if op is _c.SUBPATTERN:
        items = list(av[-1])
        return _prefixes(*items[0]) if len(items) == 1 else _sequence_prefix(items)
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _sequence_prefix(list(branch))
            if not found:
                return None
            out |= found
        return out
    return None


def _sequence_prefix(items) -> Optional[set[str]]:
    text = []
    for op, av in items:
        if op is not _c.LITERAL:
            if not text and op in (_c.SUBPATTERN, _c.BRANCH):
                return _prefixes(op, av)
            break
        text.append(chr(av))
    return {"".join(text).lower()} if len(text) >= 2 else None


def _run_keys(run: list[str]) -> Keys:
    # Spaces stay: they stand for whitespace the match really has around the words.
    text = "".join(run).lower()
    core = text.strip()
    if len(core) >= 2 or core in RARE_MARKS:
        return frozenset({text if len(core) >= 2 else core})
    return None


def _is_space(op, av) -> bool:
    """`\\s+`: one or more whitespace characters, a single space once normalised."""
    if op not in _REPEATS or av[0] < 1:
        return False
    item = list(av[2])
    return len(item) == 1 and item[0][0] is _c.IN and \
        list(item[0][1]) == [(_c.CATEGORY, _c.CATEGORY_SPACE)]


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


def _digit_run(items) -> int:
    """The longest run of digits a sequence (or every branch of its single item)
    always matches."""
    if len(items) == 1 and items[0][0] in (_c.SUBPATTERN, _c.BRANCH):
        op, av = items[0]
        branches = [list(av[-1])] if op is _c.SUBPATTERN else [list(b) for b in av[1]]
        return min(_digit_run(b) for b in branches)
    longest = count = 0
    for op, av in items:
        if (op is _c.LITERAL and chr(av).isdigit()) or (op is _c.IN and _digits_only(av)):
            count += 1
        elif op in _REPEATS and av[0] >= 1 and len(av[2]) == 1 and \
                av[2][0][0] is _c.IN and _digits_only(av[2][0][1]):
            count += av[0]
            if av[1] != av[0]:
                longest, count = max(longest, count), 0
        elif op is _c.SUBPATTERN:
            inner = _digit_run(list(av[-1]))
            count, longest = (count + inner, longest) if inner else (0, max(longest, count))
        elif op not in _ZERO_WIDTH:
            longest, count = max(longest, count), 0
    return max(longest, count)


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
