"""The event record's declared schema: its fields, their checks, and the JSON Schema.

One declaration serves three readers: the validator that turns a YAML mapping into an
`Event` (reporting every problem with its line), the writer's fixed key order, and the
JSON Schema published for editors. Change a field here and all three follow.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

from ..core.dates import QUALIFIERS, DateError, DateValue, parse_date
from ..core.diagnostics import ERROR, WARNING, Problem
from ..core.model import Event, Source

ID_PATTERN = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
ID_MAX_LENGTH = 120
# Names Windows reserves for devices: a file called `con.md` cannot be created there.
RESERVED_IDS = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)])
KINDS = ("past", "future")
URL_SCHEMES = ("http", "https")
JSON_DATE_PATTERN = (
    r"^(-?\d{1,4}(-(H[12]|Q[1-4]|SP|SU|FA|WI|W\d{2}(-WE)?|\d{2}(-\d{2}"
    r"(T(MO|AF|EV|NI|\d{2}:\d{2}(:\d{2})?))?)?))?|-?\d{1,3}X|-?\d{1,3}0s|-?\d{1,2}XX"
    r"|XXXX(-(\d{2}|XX)(-(\d{2}|XX))?)?)$")
# Characters that change how text around them is displayed without being visible.
INVISIBLE_CATEGORIES = ("Cf",)


@dataclass(frozen=True)
class Field:
    """One front-matter field: its name, what it holds, and a sentence for the docs."""

    name: str
    kind: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()


FIELDS: tuple[Field, ...] = (
    Field("id", "id", "Stable slug naming the event's file and page (defaults to the file "
          "name); lowercase letters, digits and - _ . between them.", required=False),
    Field("date", "date", "When it happened: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, "
          "YYYY-MM-DDTHH:MM, YYYY-Qn, YYYY-Hn, YYYY-SU, 199X, 18XX; negative years are BCE.",
          required=True),
    Field("end", "date", "Last date of a range, in the same forms as `date`."),
    Field("qualifier", "enum", "How the date is meant: early, mid, late, about, before, after.",
          choices=QUALIFIERS),
    Field("title", "line", "Short headline-style title.", required=True),
    Field("summary", "text", "One or two sentences for the timeline card."),
    Field("kind", "enum", "past, or future for scheduled and expected events.", choices=KINDS),
    Field("actors", "strings", "People, organisations and governments involved."),
    Field("places", "strings", "Places where it happened."),
    Field("tags", "strings", "Topic keywords."),
    Field("sources", "sources", "Where it was reported."),
    Field("confidence", "number", "How sure the extractor was, from 0 to 1."),
    Field("extraction", "mapping", "How the extractor dated it: `phrase` (the words the date "
          "came from), `anchor` (the date relative words were resolved against), `rule`."),
    Field("review", "text", "Why a person should check this event (set by the extractor)."),
    Field("importance", "number", "How much the event matters, from 0 to 1, set by a person; "
          "without it the importance is computed from the archive when the store is loaded."),
    Field("key", "flag", "true: always a key event of the timeline; false: never one."),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)

SOURCE_FIELDS: tuple[Field, ...] = (
    Field("article", "id", "Id of the article in the archive (its file name without suffix)."),
    Field("title", "line", "Headline of the article."),
    Field("publisher", "line", "Who published it."),
    Field("url", "url", "Link to the article (http or https)."),
    Field("published", "date", "Publication date of the article."),
    Field("quote", "text", "The sentence(s) the event was taken from."),
)
SOURCE_FIELD_NAMES = tuple(f.name for f in SOURCE_FIELDS)

Locate = Callable[[tuple], Optional[int]]


class _Checker:
    """Collects the problems of one record while converting its fields."""

    def __init__(self, path: Path, locate: Locate, record_line: Optional[int]):
        self.path = path
        self.locate = locate
        self.record_line = record_line
        self.problems: list[Problem] = []

    def report(self, key: tuple, message: str, severity: str = ERROR) -> None:
        line = self.locate(key) or self.record_line
        name = ".".join(str(k) for k in key) if key else None
        self.problems.append(Problem(self.path, message, line, severity, name))

    # ---------------------------------------------------------------- field kinds

    def text(self, key: tuple, value: Any, single_line: bool = False) -> Optional[str]:
        if isinstance(value, bool) or not isinstance(value, (str, int, float, _dt.date)):
            hint = " (YAML reads yes/no/true/false as booleans: put the text in quotes)" \
                if isinstance(value, bool) else ""
            self.report(key, f"expected text, got {_type_name(value)}{hint}")
            return None
        text = value if isinstance(value, str) else str(value)
        if single_line and "\n" in text.strip():
            self.report(key, "expected one line of text; move longer notes to the body "
                             "below the front matter", WARNING)
        if not text.isascii() and any(unicodedata.category(ch) in INVISIBLE_CATEGORIES
                                      for ch in text):
            self.report(key, "contains invisible formatting characters (zero-width or "
                             "text-direction marks); remove them unless they are intended",
                        WARNING)
        return text.strip()

    def slug(self, key: tuple, value: Any) -> Optional[str]:
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.report(key, f"expected a slug such as 2019-07-21-talks-resume, "
                             f"got {_type_name(value)}")
            return None
        problem = id_problem(str(value))
        if problem:
            self.report(key, problem)
            return None
        return str(value)

    def date(self, key: tuple, value: Any) -> Optional[DateValue]:
        try:
            date = parse_date(value)
        except DateError as exc:
            self.report(key, str(exc))
            return None
        if date.unknown_year:
            self.report(key, f"'{date}' has no year (its article had no publication date); "
                             "replace the X's with the real date", WARNING)
        return date

    def choice(self, key: tuple, value: Any, choices: tuple[str, ...]) -> Optional[str]:
        if isinstance(value, str) and value.strip().lower() in choices:
            return value.strip().lower()
        self.report(key, f"expected one of {', '.join(choices)}; got {value!r}")
        return None

    def strings(self, key: tuple, value: Any) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(key, f"expected a list, got {_type_name(value)}: write "
                             f"`{key[-1]}: [{value}]` or one `- item` per line")
            return []
        items: list[str] = []
        for index, item in enumerate(value):
            text = self.text(key + (index,), item, single_line=True)
            if text is None:
                continue
            if not text:
                self.report(key + (index,), "empty item; remove it", WARNING)
            elif text.casefold() in (i.casefold() for i in items):
                self.report(key + (index,), f"'{text}' is listed twice", WARNING)
            else:
                items.append(text)
        return items

    def number(self, key: tuple, value: Any) -> Optional[float]:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            self.report(key, f"expected a number from 0 to 1, got {value!r}")
            return None
        return float(value)

    def flag(self, key: tuple, value: Any) -> Optional[bool]:
        if not isinstance(value, bool):
            self.report(key, f"expected true or false, got {_type_name(value)}")
            return None
        return value

    def mapping(self, key: tuple, value: Any) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.report(key, f"expected key: value pairs, got {_type_name(value)}")
            return {}
        return dict(value)

    def url(self, key: tuple, value: Any) -> Optional[str]:
        text = self.text(key, value, single_line=True)
        if text is None:
            return None
        parts = urlsplit(text)
        if parts.scheme.lower() not in URL_SCHEMES or not parts.netloc:
            self.report(key, f"'{text[:80]}' is not a web link; only http:// and https:// "
                             "links are allowed")
            return None
        return text

    # ---------------------------------------------------------------- records

    def unknown(self, key: tuple, name: str, known: tuple[str, ...]) -> None:
        close = difflib.get_close_matches(str(name), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else " (kept as is)"
        self.report(key + (name,), f"unknown field{hint}", WARNING)

    def sources(self, key: tuple, value: Any) -> list[Source]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(key, f"expected a list of sources (`- url: ...`), got {_type_name(value)}")
            return []
        result = []
        for index, item in enumerate(value):
            where = key + (index,)
            if not isinstance(item, dict):
                self.report(where, f"expected a source with fields such as article, url, quote; "
                                   f"got {_type_name(item)}")
                continue
            result.append(self.source(where, item))
        return result

    def source(self, where: tuple, item: dict) -> Source:
        source = Source()
        for name, raw in item.items():
            key = where + (name,)
            if name not in SOURCE_FIELD_NAMES:
                self.unknown(where, name, SOURCE_FIELD_NAMES)
                source.extra[str(name)] = raw
            elif raw is None:
                continue
            elif name == "article":
                source.article = self.slug(key, raw)
            elif name == "url":
                source.url = self.url(key, raw)
            elif name == "published":
                source.published = self.date(key, raw)
            else:
                setattr(source, name, self.text(key, raw, single_line=name != "quote"))
        if source.article is None and source.url is None and "article" not in item \
                and "url" not in item:
            self.report(where, "a source needs an `article` (id of an archived article) "
                               "or a `url`")
        return source


def id_problem(value: str) -> Optional[str]:
    """Why `value` cannot be an event or article id, or None when it can."""
    if not ID_PATTERN.fullmatch(value):
        if ID_PATTERN.fullmatch(value.lower()):
            return f"'{value}' is not a valid id: ids are lowercase, so write '{value.lower()}'"
        return (f"'{value[:80]}' is not a valid id: use lowercase letters and digits joined by "
                "single - _ or . (for example 2019-07-21-talks-resume); ids name files and "
                "web addresses, so they cannot hold spaces, '/', '\\' or '..'")
    if len(value) > ID_MAX_LENGTH:
        return f"id is {len(value)} characters long; keep it under {ID_MAX_LENGTH}"
    if value.split(".")[0] in RESERVED_IDS:
        return f"'{value}' is a reserved device name on Windows; choose another id"
    return None


def validate(mapping: Any, path: Path, locate: Locate, record_line: Optional[int] = None,
             default_id: Optional[str] = None, body: str = "") -> tuple[Optional[Event],
                                                                         list[Problem]]:
    """Check one record and build its `Event`, reporting every problem it has.

    Args:
        mapping: what YAML gave for the record.
        path: the file, for messages.
        locate: key path (such as ("sources", 0, "url")) -> line in the file.
        record_line: line of the record itself, used when a key has no line.
        default_id: id to use when the record has none (the file name of a one-event file).
        body: the Markdown notes below the front matter.

    Returns:
        The event (None when an error makes it unusable) and the problems, errors and
        warnings alike.
    """
    check = _Checker(path, locate, record_line)
    if not isinstance(mapping, dict):
        check.report((), f"expected an event (`date:`, `title:` ...), got {_type_name(mapping)}")
        return None, check.problems
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for name, raw in mapping.items():
        if name not in FIELD_NAMES:
            check.unknown((), name, FIELD_NAMES)
            extra[str(name)] = raw
        else:
            values[name] = raw
    for spec in FIELDS:
        if spec.required and values.get(spec.name) in (None, ""):
            check.report((), f"missing required field '{spec.name}': {spec.doc}")
    event_id = _event_id(check, values, default_id)
    fields = {spec.name: _convert(check, spec, values[spec.name])
              for spec in FIELDS if values.get(spec.name) is not None and spec.name != "id"}
    date, end = fields.get("date"), fields.get("end")
    if date is not None and end is not None and end.stop <= date.start \
            and not date.unknown_year and not end.unknown_year:
        check.report(("end",), f"range ends ({end}) before it starts ({date}); swap them")
    if any(p.is_error for p in check.problems) or not event_id:
        return None, check.problems
    event = Event(id=event_id, body=body, extra=extra, path=path, line=record_line,
                  **{k: v for k, v in fields.items() if v is not None})
    return event, check.problems


def _event_id(check: _Checker, values: dict, default_id: Optional[str]) -> Optional[str]:
    if values.get("id") is not None:
        return check.slug(("id",), values["id"])
    if default_id is None:
        check.report((), "missing field 'id': events in a list each need their own id")
        return None
    problem = id_problem(default_id)
    if problem:
        check.report((), f"this file has no `id:` and its name cannot serve as one: {problem}")
        return None
    return default_id


def _convert(check: _Checker, spec: Field, raw: Any) -> Any:
    key = (spec.name,)
    if spec.kind == "date":
        return check.date(key, raw)
    if spec.kind == "enum":
        return check.choice(key, raw, spec.choices)
    if spec.kind in ("line", "text"):
        return check.text(key, raw, single_line=spec.kind == "line")
    if spec.kind == "strings":
        return check.strings(key, raw)
    if spec.kind == "sources":
        return check.sources(key, raw)
    if spec.kind == "number":
        return check.number(key, raw)
    if spec.kind == "flag":
        return check.flag(key, raw)
    return check.mapping(key, raw)


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, dict):
        return "key: value pairs"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, _dt.date):
        return f"a date ({value})"
    return f"text ('{str(value)[:40]}')"


# --------------------------------------------------------------------------- JSON Schema

def _json_type(spec: Field) -> dict[str, Any]:
    text = {"type": "string"}
    if spec.kind == "id":
        return {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$",
                "maxLength": ID_MAX_LENGTH}
    if spec.kind == "date":
        return {"anyOf": [{"type": "string", "pattern": JSON_DATE_PATTERN},
                          {"type": "integer", "minimum": -9999, "maximum": 9999}]}
    if spec.kind == "enum":
        return {"enum": list(spec.choices)}
    if spec.kind == "strings":
        return {"type": "array", "items": {"type": "string", "minLength": 1}}
    if spec.kind == "number":
        return {"type": "number", "minimum": 0, "maximum": 1}
    if spec.kind == "flag":
        return {"type": "boolean"}
    if spec.kind == "mapping":
        return {"type": "object"}
    if spec.kind == "url":
        return {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]+"}
    if spec.kind == "sources":
        source = {"type": "object", "properties": {
            f.name: {**_json_type(f), "description": f.doc} for f in SOURCE_FIELDS},
            "anyOf": [{"required": ["article"]}, {"required": ["url"]}]}
        return {"type": "array", "items": source}
    return text


def json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of an event file: one event, or a list of events."""
    event = {
        "type": "object",
        "description": "One timeline event. Fields not listed here are kept but warned about.",
        "properties": {f.name: {**_json_type(f), "description": f.doc} for f in FIELDS},
        "required": [f.name for f in FIELDS if f.required],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Timeline Generator event record",
        "description": "Front matter of an event Markdown file, or the content of a YAML "
                       "event file (one event, a list of events, or {events: [...]}).",
        "$defs": {"event": event},
        "anyOf": [
            {"$ref": "#/$defs/event"},
            {"type": "array", "items": {"$ref": "#/$defs/event", "required": ["id"]}},
            {"type": "object", "required": ["events"], "properties": {"events": {
                "type": "array", "items": {"$ref": "#/$defs/event", "required": ["id"]}}}},
        ],
    }
