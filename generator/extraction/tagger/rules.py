"""Rules as data: the `Rule` record, `%pattern` expansion and regex compilation.

A rule file entry names a regex written with `%name` references to pattern lists;
expansion turns each reference into a non-capturing group of the list's alternatives,
so rule authors number only their own groups. Every rule is anchored so that a match
neither starts nor ends inside a word. A plain space in a rule or pattern means
"one or more whitespace characters" (and " ?" "maybe some"), which keeps the files
readable while matching text that breaks lines inside an expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from .trie import compile_words, is_literal
from .triggers import Keys, keys_and_sets, worth_checking

TYPES = ("DATE", "TIME", "DURATION", "SET")
FLAGS = re.IGNORECASE
_REF = re.compile(r"%(%|[a-z_][a-z0-9_]*)")
# A match may not stop inside a word (after a word character and before another).
_END = r"(?!(?<=\w)\w)"
RULE_FIELDS = {"name", "type", "pattern", "value", "mod", "span", "priority", "reject",
               "examples", "why"}


class RuleError(ValueError):
    """A rule or pattern list is malformed; the message names the rule and the cause."""


@dataclass(frozen=True)
class Example:
    """An example sentence of a rule: the bracketed span must come out with `value`."""

    text: str
    value: Optional[str] = None
    mod: Optional[str] = None
    dct: Optional[str] = None


@dataclass(frozen=True)
class Rule:
    """One compiled rule; see the header of any rule file for the meaning of the fields."""

    name: str
    type: str
    pattern: str
    regex: re.Pattern
    value: str = ""
    mod: Optional[str] = None
    span: Optional[int | str] = None
    priority: int = 0
    reject: bool = False
    why: str = ""
    source: str = ""
    keys: Keys = None
    requires: tuple[frozenset, ...] = ()
    examples: tuple[Example, ...] = field(default_factory=tuple)


def expand(pattern: str, patterns: dict[str, str], where: str) -> str:
    """Replace `%name` by the named pattern list and spaces by `\\s+`."""
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name == "%":
            return "%"
        if name not in patterns:
            raise RuleError(f"{where}: unknown pattern '%{name}'; known: "
                            f"{', '.join(sorted(patterns))}")
        return patterns[name]
    return _REF.sub(sub, spaces(pattern))


def spaces(pattern: str) -> str:
    """Turn literal spaces into `\\s+` (and " ?" or " *", "maybe a space", into
    `\\s*`, so "3 ?pm" matches "3pm"), except in character classes and look-behinds
    (which must keep a fixed width)."""
    out: list[str] = []
    groups: list[bool] = []          # for each open group: is it a look-behind?
    in_class = escaped = skip = False
    for i, ch in enumerate(pattern):
        if skip:                     # the quantifier of an optional space
            skip = False
            continue
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            groups.append(pattern.startswith(("?<=", "?<!"), i + 1))
        elif ch == ")" and groups:
            groups.pop()
        elif ch == " " and not any(groups):
            skip = pattern[i + 1:i + 2] in ("?", "*")
            space = r"\s*" if skip else r"\s+"
            if out and out[-1] in (r"\s+", r"\s*"):
                out[-1] = r"\s+" if r"\s+" in (out[-1], space) else space
            else:
                out.append(space)
            continue
        out.append(ch)
    return "".join(out)


def alternatives(lines: list[str], case_sensitive: bool, fast: bool = True) -> str:
    """A pattern list as one group, longest alternatives first so none is cut short.

    With `fast`, plain words are folded into a trie (see `trie`) after the regex lines;
    without, every line stays one alternative, which is what trigger keys are read from.
    """
    literal = [x if case_sensitive else x.lower() for x in lines if is_literal(x)] if fast else []
    regexes = sorted((spaces(x) for x in lines if not fast or not is_literal(x)),
                     key=lambda x: (-len(x), x))
    body = "|".join(regexes + ([compile_words(sorted(set(literal)))] if literal else []))
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def build_rule(raw: Any, defaults: dict[str, Any], patterns: dict[str, str],
               source: str, key_patterns: Optional[dict[str, str]] = None) -> Rule:
    """Check one raw rule mapping and compile it; RuleError says what is wrong.

    `patterns` are the pattern lists as matched, `key_patterns` the same lists with one
    alternative per line, from which trigger keys are read (default: `patterns`).
    """
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise RuleError(f"{source}: every rule needs a 'name' (got {raw!r:.80})")
    name = raw["name"]
    where = f"{source}: rule '{name}'"
    unknown = set(raw) - RULE_FIELDS
    if unknown:
        raise RuleError(f"{where}: unknown field(s) {sorted(unknown)}; expected some of "
                        f"{sorted(RULE_FIELDS)}")
    reject = bool(raw.get("reject", False))
    rtype = raw.get("type", defaults.get("type"))
    if not reject and rtype not in TYPES:
        raise RuleError(f"{where}: type must be one of {TYPES}, got {rtype!r}")
    for key in ("pattern", "why") + (() if reject else ("value",)):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RuleError(f"{where}: '{key}' must be a non-empty string")
    expanded = expand(raw["pattern"], patterns, where)
    try:
        regex = re.compile(rf"(?<!\w)(?:{expanded}){_END}", FLAGS)
    except re.error as exc:
        raise RuleError(f"{where}: bad regex ({exc}): {raw['pattern']}") from None
    span = raw.get("span")
    if span is not None and span not in regex.groupindex and not (
            isinstance(span, int) and 0 <= span <= regex.groups):
        raise RuleError(f"{where}: span {span!r} is not a group of the pattern")
    keys, requires = _keys(raw["pattern"], key_patterns or patterns, where)
    return Rule(name=name, type=rtype or "DATE", pattern=raw["pattern"], regex=regex,
                value=str(raw.get("value", "")), mod=raw.get("mod"), span=span,
                priority=int(raw.get("priority", 0)), reject=reject, why=raw["why"],
                source=source, keys=keys, requires=requires,
                examples=_examples(raw.get("examples"), defaults, where))


def _keys(pattern: str, key_patterns: dict[str, str], where: str
          ) -> tuple[Keys, tuple[frozenset, ...]]:
    """The rule's trigger keys, and the other key sets worth checking before it runs."""
    expanded = expand(pattern, key_patterns, where)
    keys, sets = keys_and_sets(expanded, FLAGS)
    if keys is None:
        return None, ()
    kept: list[frozenset] = []
    for found in sets:
        if worth_checking(found) and not any(_implies(k, found) for k in [keys, *kept]):
            kept.append(found)
    return keys, tuple(kept)


def _implies(keys: frozenset, other: frozenset) -> bool:
    """Whether a text holding one of `keys` always holds one of `other` (each key of
    `keys` contains a key of `other`), which makes checking `other` useless."""
    return all(any(o in k for o in other) for k in keys)


def _examples(raw: Any, defaults: dict[str, Any], where: str) -> tuple[Example, ...]:
    if not isinstance(raw, list) or not raw:
        raise RuleError(f"{where}: 'examples' must be a non-empty list")
    out = []
    for item in raw:
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise RuleError(f"{where}: an example must be a text or a mapping with 'text'")
        if item["text"].count("[") != 1 or item["text"].count("]") != 1:
            raise RuleError(f"{where}: example must bracket exactly one span: {item['text']}")
        value = item.get("value")
        out.append(Example(text=item["text"], value=None if value is None else str(value),
                           mod=item.get("mod"), dct=str(item.get("dct", defaults.get("dct")))))
    return tuple(out)
