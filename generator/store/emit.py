"""The event record's front matter as YAML text, written by our own code.

PyYAML's pure-Python emitter walks every character of every value through an object per
event; writing a few thousand events spent most of its time there. An event record is a
small, known shape (a mapping of text, numbers, flags and lists), so this module writes
it directly, with the same rules PyYAML applies, and gives **the same bytes** as

    yaml.dump(mapping, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True,
              width=WIDTH, default_flow_style=False)

(tests/store/test_emit.py checks that over generated records). Whatever it cannot prove
identical it declines (`emit_mapping` returns None) and the caller asks PyYAML:

* a line that could reach `WIDTH` columns (PyYAML would fold it);
* a key that is not short one-line text (PyYAML writes it as a complex `? key`);
* a list or mapping object used twice (PyYAML writes an anchor and an alias);
* any value that is not exactly str, bool, int, float, None, list or dict.

How a text value is written, as PyYAML decides it: plain when it reads back as text and
nothing in it could be taken for YAML syntax; else in single quotes, unless it holds
characters only double quotes can carry (control characters, a BOM, astral-plane
characters, a space next to a line break); else in double quotes with escapes.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any, Optional

import yaml

WIDTH = 100_000  # the width the store writes at: no line of a real record comes near it
INDENT = 2
_MAX_KEY = 100  # PyYAML writes keys of about 123 characters and more as complex keys

_BREAK = "\n\x85\u2028\u2029"  # what YAML 1.1 counts as a line break
_BLANK = "\0 \t\r" + _BREAK    # what counts as white space around an indicator
_STR_TAG = "tag:yaml.org,2002:str"

# a character only a double-quoted scalar can carry (allow_unicode: all printable text
# of the basic plane and the astral planes, except the BOM)
_SPECIAL = re.compile(r"[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                      r"\U00010000-\U0010fffe]")
_HAS_BREAK = re.compile(f"[{_BREAK}]")
_BREAK_RUN = re.compile(f"[{_BREAK}]+")
_SPACE_THEN_BREAK = re.compile(f" [{_BREAK}]")
_BREAK_THEN_SPACE = re.compile(f"[{_BREAK}] ")
# what makes a plain scalar read as syntax: an indicator first, ': ' or ' #' inside
_LEADING_INDICATOR = re.compile(f"[#,\\[\\]{{}}&*!|>'\"%@`]|[-?:](?:[{_BLANK}]|\\Z)|---|\\.\\.\\.")
_INNER_INDICATOR = re.compile(f":(?:[{_BLANK}]|\\Z)|[{_BLANK}]#")

# characters a double-quoted scalar escapes: all but printable text, less '"' and '\'
_ESCAPED = re.compile(r"[^\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff"
                      r"\ue000-\ufefe\uff00-\ufffd]")
_SHORT_ESCAPES = {"\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v",
                  "\x0c": "f", "\r": "r", "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N",
                  "\xa0": "_", "\u2028": "L", "\u2029": "P"}


class _Declined(Exception):
    """The value is outside what this module proves identical to PyYAML's output."""


def emit_mapping(mapping: dict[str, Any]) -> Optional[str]:
    """The YAML text of a non-empty record mapping, or None where PyYAML must write it."""
    if type(mapping) is not dict or not mapping:
        return None
    try:
        return "\n".join(_mapping_lines(mapping, 0, set())) + "\n"
    except _Declined:
        return None


# --------------------------------------------------------------------------- collections


def _mapping_lines(mapping: dict, indent: int, seen: set[int]) -> list[str]:
    """A block mapping whose keys sit at column `indent`; the first line is unindented
    (the caller places it: at the margin, or after a list's '- ')."""
    _claim(mapping, seen)
    lines: list[str] = []
    pad = " " * indent
    for key, value in mapping.items():
        head = _key(key)
        first = not lines
        lead = "" if first else pad
        if type(value) is list and value:
            lines.append(f"{lead}{head}:")
            lines.extend(_sequence_lines(value, indent, seen, inline_first=False))
        elif type(value) is dict and value:
            lines.append(f"{lead}{head}:")
            nested = _mapping_lines(value, indent + INDENT, seen)
            lines.append(" " * (indent + INDENT) + nested[0])
            lines.extend(nested[1:])
        else:
            column = indent + len(head) + 2
            lines.append(f"{lead}{head}: {_node(value, indent + INDENT, column, seen)}")
    return lines


def _sequence_lines(items: list, indent: int, seen: set[int], inline_first: bool) -> list[str]:
    """A block sequence whose dashes sit at column `indent` (a list under a key is not
    indented further); with `inline_first` the first item has no margin of its own."""
    _claim(items, seen)
    lines: list[str] = []
    pad = " " * indent
    inner = indent + INDENT
    for number, item in enumerate(items):
        lead = "" if inline_first and number == 0 else pad
        if type(item) is dict and item:
            nested = _mapping_lines(item, inner, seen)
        elif type(item) is list and item:
            nested = _sequence_lines(item, inner, seen, inline_first=True)
        else:
            nested = [_node(item, inner, inner, seen)]
        lines.append(f"{lead}- {nested[0]}")
        lines.extend(nested[1:])
    return lines


def _node(value: Any, indent: int, column: int, seen: set[int]) -> str:
    """A scalar, or an empty collection (written in flow style), starting at `column`;
    continuation lines of a multi-line scalar start at `indent`."""
    kind = type(value)
    if kind is str:
        return _text(value, indent, column)
    if kind in (list, dict):  # only empty ones get here
        _claim(value, seen)
        return "[]" if kind is list else "{}"
    return _other_scalar(value)


def _claim(collection: Any, seen: set[int]) -> None:
    """PyYAML writes an object met twice as an anchor and an alias: leave that to it."""
    if id(collection) in seen:
        raise _Declined
    seen.add(id(collection))


# --------------------------------------------------------------------------- scalars


def _key(key: Any) -> str:
    """A mapping key, which must be short one-line text (a "simple key")."""
    if type(key) is not str or not key or len(key) > _MAX_KEY or _HAS_BREAK.search(key):
        raise _Declined
    return _text(key, 0, 0)


def _other_scalar(value: Any) -> str:
    """null, true/false, an integer or a float, as PyYAML's safe representer writes them."""
    kind = type(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        text, tag = str(value), "tag:yaml.org,2002:int"
    elif kind is float:
        text, tag = _float_text(value), "tag:yaml.org,2002:float"
    else:
        raise _Declined
    if _implicit_tag(text) != tag or not _plain_allowed(text):
        raise _Declined  # PyYAML would add an explicit tag
    return text


def _float_text(value: float) -> str:
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:  # 1e17 is not a YAML float; 1.0e17 is
        text = text.replace("e", ".0e", 1)
    return text


def _text(text: str, indent: int, column: int) -> str:
    """A text scalar in the style PyYAML chooses; declines if PyYAML could fold it."""
    if _plain_allowed(text) and _implicit_tag(text) == _STR_TAG:
        out = text
    elif _single_quote_allowed(text):
        out = _single_quoted(text, indent)
    else:
        out = _double_quoted(text)
    if column + len(out) > WIDTH:
        raise _Declined
    return out


def _implicit_tag(text: str) -> str:
    """What a plain scalar would read back as, by PyYAML's own resolver table."""
    table = yaml.SafeDumper.yaml_implicit_resolvers
    first = table.get(text[0] if text else "", [])
    for tag, pattern in chain(first, table.get(None, [])):
        if pattern.match(text):
            return tag
    return _STR_TAG


def _plain_allowed(text: str) -> bool:
    return bool(text) and text[0] not in " " + _BREAK and text[-1] not in " " + _BREAK \
        and not _SPECIAL.search(text) and not _HAS_BREAK.search(text) \
        and not _LEADING_INDICATOR.match(text) and not _INNER_INDICATOR.search(text)


def _single_quote_allowed(text: str) -> bool:
    return not (_SPECIAL.search(text) or _SPACE_THEN_BREAK.search(text)
                or _BREAK_THEN_SPACE.search(text))


def _single_quoted(text: str, indent: int) -> str:
    """'...' with quotes doubled; a run of line breaks is written with one more '\\n' when
    it starts with one (a single break would read back as a space), then the margin."""
    text = text.replace("'", "''")
    if _HAS_BREAK.search(text):
        margin = " " * indent
        text = _BREAK_RUN.sub(
            lambda run: ("\n" if run.group()[0] == "\n" else "") + run.group() + margin, text)
    return f"'{text}'"


def _double_quoted(text: str) -> str:
    return '"' + _ESCAPED.sub(_escape, text) + '"'


def _escape(match: re.Match) -> str:
    char = match.group()
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return "\\" + short
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else \
        f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"
