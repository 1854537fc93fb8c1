"""Write a settings mapping as TOML, for the config file Zensical reads.

Only what an engine config holds: tables, strings, booleans, numbers and lists (of those,
or of small tables written inline). Keys whose value is None are left out, as TOML has
no null. The standard library reads TOML but does not write it, and this is small
enough not to need a dependency.
"""

from __future__ import annotations

import json
from typing import Any


def toml_text(data: dict[str, Any], table: str = "") -> str:
    """`data` as a TOML document; its nested mappings become [tables] under `table`."""
    lines: list[str] = []
    _write_table(data, table, lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def _write_table(data: dict[str, Any], name: str, lines: list[str]) -> None:
    """Plain keys first: in TOML every key after a [header] belongs to that table."""
    if name:
        lines.extend(["", f"[{name}]"])
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    for key, value in data.items():
        if value is not None and key not in tables:
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in tables.items():
        _write_table(value, f"{name}.{_key(key)}" if name else _key(key), lines)


def _key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)
    return key if bare else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON's escapes are TOML's too
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value if v is not None) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()
                               if v is not None) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML: {value!r}")
