"""Event files <-> records: safe decoding, YAML with line numbers, deterministic writing.

Event files are written by people, so reading them guards against everything a text
editor (or an attacker) can put in a file: wrong encodings, binary data, YAML tags that
would run code, alias bombs (refused before anything is built), and deep nesting. Each problem becomes a `Problem` with the
line it is on; nothing here raises on bad input.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

import frontmatter
import yaml

from ..core.diagnostics import Problem
from ..core.model import Event, Source
from .emit import WIDTH, emit_mapping
from .schema import FIELDS, SOURCE_FIELDS, Locate, validate

MARKDOWN_SUFFIXES = (".md", ".markdown")
YAML_SUFFIXES = (".yaml", ".yml")
EVENT_SUFFIXES = MARKDOWN_SUFFIXES + YAML_SUFFIXES
MAX_FILE_BYTES = 1_000_000
_FRONT_MATTER = frontmatter.YAMLHandler()


# libyaml's parser when PyYAML was built with it (about five times faster), else PyYAML's own.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML reading: no tags that run code, impossible dates kept as text."""

    def construct_yaml_timestamp(self, node):  # noqa: ANN001, ANN201
        """Keep impossible dates (2019-02-30) as text, so the date check can explain them."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _SafeLoader.construct_yaml_timestamp)


class _AliasFound(Exception):
    """A collection used twice through an alias (`*name`), the stuff of YAML bombs."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


@dataclass
class RawRecord:
    """One record as YAML gave it, with what is needed to report problems on it."""

    mapping: Any
    locate: Locate
    line: Optional[int]
    default_id: Optional[str]
    body: str = ""


def decode(data: bytes, path: Path) -> tuple[Optional[str], list[Problem]]:
    """Bytes of a text file -> str, or a problem saying why it is not UTF-8 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(path, "this file is UTF-16 text; save it as UTF-8")]
    if b"\0" in data[:8192]:
        return None, [Problem(path, "this is a binary file, not a text event record; move it "
                                    "out of the events folder")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(path, f"byte 0x{data[exc.start]:02x} at column {column} is not "
                                    "UTF-8 text; save the file as UTF-8", line)]
    if "\0" in text:
        line = text[:text.index("\0")].count("\n") + 1
        return None, [Problem(path, "contains a NUL character; remove it", line)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def parse_yaml(text: str, path: Path, first_line: int = 1) -> tuple[Any, dict, list[Problem]]:
    """YAML text -> (data, {key path: line}, problems); `first_line` is the text's line in the file."""
    loader = _SafeLoader(text)
    lines: dict[tuple, int] = {}
    try:
        node = loader.get_single_node()
        if node is not None:
            _map_lines(node, (), lines, first_line)  # before building: refuses alias bombs
        data = loader.construct_document(node) if node is not None else None
    except _AliasFound as exc:
        return None, {}, [Problem(path, "aliases (*name) are not allowed in event files; "
                                        "write the value out in full", exc.line)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        reason = f"{exc.problem} {exc.context or ''}".strip() if exc.problem else str(exc)
        hint = (" (custom tags such as !!python/object are not allowed)"
                if "constructor" in type(exc).__name__.lower() else "")
        return None, {}, [Problem(path, f"invalid YAML: {reason}{hint}", line)]
    except yaml.YAMLError as exc:
        return None, {}, [Problem(path, f"invalid YAML: {exc}")]
    except RecursionError:
        return None, {}, [Problem(path, "YAML is nested too deeply to be an event record")]
    except (TypeError, ValueError) as exc:  # e.g. a list used as a key ("? [a]: b")
        return None, {}, [Problem(path, f"invalid YAML: {exc}; keys must be plain words")]
    finally:
        loader.dispose()
    return data, lines, []


def _map_lines(node: yaml.Node, key: tuple, lines: dict, first_line: int) -> None:
    """Record the line of every key and item; raise `_AliasFound` on a reused collection.

    An alias is the same node object met twice. Its own mark is the anchor's, so the
    line reported is the one of the key (or list) that holds the reference.
    """
    queue = deque([(node, key)])
    seen = {id(node)}

    def visit(child: yaml.Node, where: tuple, line: int) -> None:
        lines[where] = line + first_line
        if isinstance(child, yaml.CollectionNode):
            if id(child) in seen:
                raise _AliasFound(line + first_line)
            seen.add(id(child))
            queue.append((child, where))

    while queue:
        current, where = queue.popleft()
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                visit(value_node, where + (key,), key_node.start_mark.line)
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                line = item.start_mark.line if id(item) not in seen else current.start_mark.line
                visit(item, where + (index,), line)


def split_records(text: str, path: Path) -> tuple[list[RawRecord], list[Problem]]:
    """The records of an event file's text (Markdown front matter, or YAML)."""
    if not text.strip():
        return [], [Problem(path, "empty file; an event needs at least `date:` and `title:` "
                                  "(delete the file if the event should go)")]
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        return _markdown_record(text, path)
    data, lines, problems = parse_yaml(text, path)
    if problems:
        return [], problems
    if isinstance(data, dict) and isinstance(data.get("events"), list) and "date" not in data:
        return _list_records(data["events"], lines, ("events",)), []
    if isinstance(data, list):
        return _list_records(data, lines, ()), []
    return [RawRecord(data, _locator(lines, ()), 1, path.stem)], []


def _markdown_record(text: str, path: Path) -> tuple[list[RawRecord], list[Problem]]:
    if not _FRONT_MATTER.detect(text):
        return [], [Problem(path, "no front matter: an event file starts with a line '---', "
                                  "then fields such as `date:` and `title:`, then '---'", 1)]
    try:
        fm, body = _FRONT_MATTER.split(text)
    except ValueError:
        return [], [Problem(path, "front matter is not closed: add a line '---' after the "
                                  "fields", 1)]
    opening = _FRONT_MATTER.FM_BOUNDARY.search(text)
    first_line = text[:opening.end()].count("\n") + 1  # fm starts with the rest of that line
    data, lines, problems = parse_yaml(fm, path, first_line)
    if problems:
        return [], problems
    return [RawRecord(data, _locator(lines, ()), 1, path.stem, body.strip("\n"))], []


def _list_records(items: list, lines: dict, prefix: tuple) -> list[RawRecord]:
    return [RawRecord(item, _locator(lines, prefix + (index,)), lines.get(prefix + (index,)), None)
            for index, item in enumerate(items)]


def _locator(lines: dict, prefix: tuple) -> Callable[[tuple], Optional[int]]:
    def locate(key: tuple) -> Optional[int]:
        while key:
            if prefix + key in lines:
                return lines[prefix + key]
            key = key[:-1]
        return lines.get(prefix) if prefix else None
    return locate


def loads(text: str, path: Path) -> tuple[list[Event], list[Problem]]:
    """The valid events of a file's text and the problems of all its records."""
    records, problems = split_records(text, path)
    events: list[Event] = []
    for record in records:
        event, found = validate(record.mapping, path, record.locate, record.line,
                                record.default_id, record.body)
        problems.extend(found)
        if event is not None:
            events.append(event)
    problems.sort(key=lambda p: p.line or 0)  # stable: a file's problems read top to bottom
    return events, problems


# --------------------------------------------------------------------------- writing


def to_mapping(event: Event) -> dict[str, Any]:
    """The event's front matter in the schema's fixed key order; unknown fields last."""
    out: dict[str, Any] = {}
    for spec in FIELDS:
        value = getattr(event, spec.name)
        if spec.name == "kind" and value == "past":
            continue
        if spec.name == "sources":
            value = [_source_mapping(s) for s in value]
        if value in (None, "", [], {}):
            continue
        out[spec.name] = str(value) if spec.kind == "date" else value
    out.update(event.extra)
    return out


def _source_mapping(source: Source) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in SOURCE_FIELDS:
        value = getattr(source, spec.name)
        if value not in (None, ""):
            out[spec.name] = str(value) if spec.kind == "date" else value
    out.update(source.extra)
    return out


def dumps(event: Event) -> str:
    """The Markdown file text of an event: same event, same bytes, every time.

    The front matter is the store's own writer (`store.emit`), byte for byte what PyYAML's
    pure-Python emitter writes; the rare record it declines goes to that emitter itself.
    Never libyaml's: the two differ on some characters (libyaml writes emoji as they are
    in double quotes, PyYAML escapes them), and a file must not change because one
    machine has libyaml and another has not.
    """
    mapping = to_mapping(event)
    front = emit_mapping(mapping)
    if front is None:
        front = yaml.dump(mapping, Dumper=yaml.SafeDumper, sort_keys=False,
                          allow_unicode=True, width=WIDTH, default_flow_style=False)
    body = event.body.strip("\n")
    return f"---\n{front.strip()}\n---\n\n{body}\n".strip() + "\n"


def read_back(event: Event, text: str, path: Path) -> tuple[list[Problem], bool]:
    """The errors that keep `text` from reading back as `event`, and whether it reads back
    as exactly the event's record.

    The text is parsed in memory as the store will read the file, checked against the
    schema, and its record compared with the one it was written from, value for value
    and type for type; whitespace around the body is not kept, so it is not compared.
    """
    records, problems = split_records(text, path)
    errors = [p for p in problems if p.is_error]
    if errors or len(records) != 1:
        return errors, False
    record = records[0]
    _, found = validate(record.mapping, path, record.locate, record.line,
                        record.default_id, record.body)
    errors = [p for p in found if p.is_error]
    if errors:
        return errors, True
    if not same_value(record.mapping, to_mapping(event)) \
            or record.body.strip() != event.body.strip():
        return [Problem(path, "does not read back as the record it was written from")], False
    return [], True


def same_value(a: Any, b: Any) -> bool:
    """Equal value for value, type for type and key order (True is not 1, 1 is not 1.0)."""
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        return list(a) == list(b) and all(same_value(a[key], b[key]) for key in a)
    if type(a) is list:
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return a == b
