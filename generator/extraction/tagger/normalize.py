"""Fill a rule's value and mod templates from the text the rule matched.

Templates hold `{GROUP|filter|filter...}` slots: GROUP is a group number or name of the
rule's regex, each filter is a norm table (norms/NAME.yml) or one of the builtins
below. A group that did not take part in the match fills its slot with "" (so an
optional "early|late" group gives no mod), or with DEFAULT when the slot ends in
`|=DEFAULT` (`{2|=00}`: the minutes of "3 p.m." are 00). After the slots are filled, `dur(N,UNIT)`
is evaluated here, because a duration never depends on the publication date; every
other `name(...)` call is left for `anchor`.

Builtin filters:
    num     a number in digits or words ("21st", "twenty-one", "2 1/2", "a few" -> X)
    year    a year in digits or words ("nineteen ninety-six" -> 1996)
    pad2    zero-pad to two digits ("7" -> "07")
    year2   a two-digit year ("'98" -> 1998, "'05" -> 2005)
    minus1  one less, two digits ("19" for "the 20th century", whose years are 19xx)
"""

from __future__ import annotations

import re
from typing import Callable, Optional


_SLOT = re.compile(r"\{([^{}|]+)((?:\|[a-z0-9_]+)*)(?:\|=([^{}|]*))?\}")
_DUR = re.compile(r"dur\(([^(),]*),([^(),]*)\)")
_ORDINAL_SUFFIX = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_FRACTION = re.compile(r"^(?:(\d+) )?(\d+)/(\d+)$")
# How many of the next smaller unit make one of a unit, for fractional durations.
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24),
            "Q": ("M", 3), "TH": ("TM", 60), "TM": ("TS", 60)}
_MULTIPLE = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "FN": ("D", 14)}


def norm_key(text: str) -> str:
    """How norm tables are looked up: lower case, hyphens as spaces, no final dot."""
    return " ".join(text.lower().replace("-", " ").split()).rstrip(".")


class NormError(ValueError):
    """A slot's text has no entry in its norm table (the rule matched too much)."""


def fill(template: str, match: re.Match, norms: dict[str, dict[str, str]]) -> str:
    """The template with every slot filled and durations evaluated."""
    def slot(m: re.Match) -> str:
        ref = m.group(1)
        text = match.group(int(ref) if ref.isdigit() else ref)
        if text is None:
            return m.group(3) or ""
        for name in filter(None, m.group(2).split("|")):
            text = _apply(name, text, norms)
        return text
    return _DUR.sub(lambda m: duration(m.group(1), m.group(2)), _SLOT.sub(slot, template))


def template_problems(template: str, regex: re.Pattern,
                      norms: dict[str, dict[str, str]]) -> list[str]:
    """What is wrong with a template: slots naming no group of `regex`, unknown filters."""
    problems = []
    for m in _SLOT.finditer(template):
        ref = m.group(1)
        if not (ref.isdigit() and int(ref) <= regex.groups) and ref not in regex.groupindex:
            problems.append(f"slot {{{ref}}} names no group of the pattern")
        for name in filter(None, m.group(2).split("|")):
            if name not in BUILTINS and name not in norms:
                problems.append(f"unknown filter '{name}' (not a builtin or norms/{name}.yml)")
    leftover = _SLOT.sub("", template)
    if "{" in leftover or "}" in leftover:
        problems.append("unbalanced braces")
    return problems


def _apply(name: str, text: str, norms: dict[str, dict[str, str]]) -> str:
    builtin = BUILTINS.get(name)
    if builtin:
        return builtin(text, norms)
    table = norms.get(name)
    if table is None:
        raise NormError(f"unknown filter '{name}'")
    try:
        return table[norm_key(text)]
    except KeyError:
        raise NormError(f"'{text}' is not in norms/{name}.yml") from None


def number(text: str, norms: dict[str, dict[str, str]]) -> str:
    """A cardinal or ordinal number as digits ("2.5" for halves), or "X" for vague ones."""
    words = norms.get("number", {})
    key = norm_key(text).replace(",", "")
    if key in words:
        return words[key]
    m = _ORDINAL_SUFFIX.match(key)
    if m:
        return str(int(m.group(1)))
    m = _FRACTION.match(key)
    if m:
        return _decimal(int(m.group(1) or 0) + int(m.group(2)) / int(m.group(3)))
    try:
        return _decimal(float(key))
    except ValueError:
        pass
    total = _word_number(key.split(), words)
    if total is None:
        raise NormError(f"'{text}' is not a number")
    return _decimal(total)


def _word_number(parts: list[str], words: dict[str, str]) -> Optional[float]:
    total, current = 0.0, 0.0
    for part in parts:
        if part in ("and", "a", "an") and current + total:
            continue
        value = words.get(part)
        if value is None or value == "X":
            return None
        n = float(value)
        if n == 100:
            current = max(current, 1) * 100
        elif n >= 1000:
            total += max(current, 1) * n
            current = 0
        else:
            current += n
    return total + current


def _decimal(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration(amount: str, unit: str) -> str:
    """A TIMEX3 duration: dur(3,Y) -> P3Y, dur(10,TM) -> PT10M, dur(2.5,Y) -> P2Y6M,
    dur(2,DE) -> P20Y, dur(X,CE) -> PXC."""
    amount, unit = amount.strip(), unit.strip()
    if unit in _MULTIPLE and amount != "X":
        unit, factor = _MULTIPLE[unit]
        amount = _decimal(float(amount) * factor)
    elif unit in _MULTIPLE:
        # An unstated number of decades cannot become years; TimeML writes the unit
        # with one letter: E decade, C century, L millennium.
        unit = {"DE": "E", "CE": "C", "ML": "L", "FN": "W"}[unit]
    if amount == "X":
        return f"PTX{unit[1:]}" if unit.startswith("T") else f"PX{unit}"
    whole = int(float(amount))
    rest = float(amount) - whole
    parts = [(whole, unit)] if whole else []
    if rest and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        parts.append((round(rest * factor), smaller))
    elif not parts:
        parts = [(0, unit)]
    date = "".join(f"{n}{u}" for n, u in parts if not u.startswith("T"))
    time = "".join(f"{n}{u[1:]}" for n, u in parts if u.startswith("T"))
    return "P" + date + (f"T{time}" if time else "")


def _year(text: str, norms: dict) -> str:
    """A year in digits, or said in words: "nineteen ninety-six" -> 1996."""
    if text.isdigit():
        return text
    century, _, rest = norm_key(text).partition(" ")
    return number(century, norms) + number(rest, norms).zfill(2)


def _pad2(text: str, _norms: dict) -> str:
    return text.zfill(2)


def _year2(text: str, _norms: dict) -> str:
    digits = text.strip("'’‘ ")
    return ("19" if int(digits) >= 30 else "20") + digits


def _minus1(text: str, _norms: dict) -> str:
    """One less, as two digits: the first century's years begin with 00."""
    return str(int(text) - 1).zfill(2)


BUILTINS: dict[str, Callable[[str, dict], str]] = {
    "num": number, "pad2": _pad2, "year": _year, "year2": _year2, "minus1": _minus1,
}
