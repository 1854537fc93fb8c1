"""CSV and JSON exports, imported again, give records identical to the originals.

Checked on the store of every date form, the render fixture store, and events that
hypothesis makes up: each made-up event is first written and read as an event file
(so it is a record the store can hold), then exported, imported into an empty store
and read back.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.dates import QUALIFIERS, parse_date
from generator.store.codec import decode, dumps, loads
from generator.store.schema import FIELD_NAMES, id_problem, json_schema
from generator.store.folder import load_store
from generator.exporters import get_exporter
from generator.exporters.jsonfile import export_schema
from generator.importers import read_import
from generator.importers.writer import write_imported
from generator.core.model import Event, Source

from .conftest import context

SUFFIX = {"csv": "csv", "json": "json"}


def roundtrip(events: list[Event], fmt: str, folder: Path) -> list[Event]:
    text = get_exporter(fmt).run(events, context(events)).text
    source = folder / f"export.{SUFFIX[fmt]}"
    source.write_bytes(text.encode("utf-8"))
    report = write_imported(folder / "store", read_import(source))
    assert report.failed == 0, [p.format() for p in report.problems]
    assert len(report.written) == len(events)
    return load_store(folder / "store").events


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("store", ["forms", "fixture_events"])
def test_stores_round_trip(store, fmt, request, tmp_path):
    events = request.getfixturevalue(store)
    again = roundtrip(events, fmt, tmp_path)
    assert again == events  # every field; ids kept
    for old, new in zip(events, again):
        if old.path.suffix == ".md":  # the same file, byte for byte
            assert new.path.read_text(encoding="utf-8") == old.path.read_text(encoding="utf-8") \
                or dumps(new) == dumps(old)


def test_csv_has_a_spreadsheet_shape(forms):
    text = get_exporter("csv").run(forms, context(forms)).text
    rows = list(csv.DictReader(io.StringIO(text)))
    rich = next(r for r in rows if r["id"] == "rich")
    assert rich["actors"] == '["Chinese government", "Smith; Jones & Co", "[bracketed] name"]'
    assert rich["places"] == "China"
    assert rich["tags"] == "'=cmd; trade"  # never run as a formula
    assert rich["source_publisher"] == "Bloomberg" and rich["when"] == "19 July 2019"
    assert json.loads(rich["other_sources"]) == [
        {"url": "https://example.org/report?a=1&b=2", "title": "Second report", "checked": True}]
    assert json.loads(rich["extra"]) == {"colour": "red",
                                         "ratings": {"accuracy": 3, "sources": ["a", "b"]}}
    assert rich["page"] == "events/rich/"
    bce = next(r for r in rows if r["id"] == "bce")
    assert (bce["date"], bce["when"]) == ("-0044", "44 BCE")
    assert next(r for r in rows if r["id"] == "unknown-year")["date"] == "XXXX-07-21"


def test_json_is_valid_against_both_schemas(forms):
    document = json.loads(get_exporter("json").run(forms, context(forms)).text)
    jsonschema.validate(document, export_schema())
    jsonschema.validate({"events": document["events"]}, json_schema())
    rich = next(e for e in document["events"] if e["id"] == "rich")
    assert list(rich)[:4] == ["id", "date", "title", "summary"]
    assert rich["notes"].startswith("Notes in **Markdown**")
    assert document["$schema"] == "schema/events.schema.json"


# ---------------------------------------------------------------- made-up events

DATES = ["2019", "-0044", "2019-07", "2019-07-21", "2019-W29", "2019-W29-WE",
         "2019-07-22T15:30", "2019-07-22T15:30:45", "2019-07-22TMO", "2019-Q3", "2019-H2",
         "2019-SU", "2019-WI", "199X", "18XX", "-01XX", "XXXX-07-21", "XXXX-07", "0001-01-01"]
texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                max_size=40).map(str.strip).filter(bool)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
names = st.lists(texts, max_size=4, unique_by=str.casefold)
slugs = st.from_regex(r"[a-z0-9]{1,8}(?:[-_.][a-z0-9]{1,6}){0,3}", fullmatch=True).filter(
    lambda s: id_problem(s) is None)
json_values = st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | texts,
                           lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True),
                                             inner, max_size=3), max_leaves=6)
extra_keys = st.from_regex(r"[a-z][a-z_]{0,7}", fullmatch=True).filter(
    lambda k: k not in FIELD_NAMES and k != "notes")
sources = st.builds(
    Source, article=st.none() | slugs,
    url=st.none() | st.sampled_from(["https://example.org/a?x=1&y=2", "http://example.com/"]),
    title=st.none() | texts, publisher=st.none() | texts,
    published=st.none() | st.sampled_from(DATES[:6]).map(parse_date),
    quote=st.none() | texts,
    extra=st.dictionaries(extra_keys, json_values, max_size=2),
).filter(lambda s: s.article or s.url)


@st.composite
def events(draw) -> Event:
    date = parse_date(draw(st.sampled_from(DATES)))
    end = None
    if not date.unknown_year and draw(st.booleans()):
        end = parse_date(draw(st.sampled_from(["2020-01-01", "2025", "9999-12"])))
        if end.stop <= date.start:
            end = None
    return Event(
        id=draw(slugs), date=date, end=end, title=draw(texts),
        qualifier=draw(st.none() | st.sampled_from(QUALIFIERS)),
        summary=draw(st.none() | texts), kind=draw(st.sampled_from(["past", "future"])),
        actors=draw(names), places=draw(names), tags=draw(names),
        sources=draw(st.lists(sources, max_size=3)),
        confidence=draw(st.none() | st.floats(0, 1)),
        extraction=draw(st.dictionaries(st.sampled_from(["phrase", "anchor", "rule"]), texts,
                                        max_size=3)),
        review=draw(st.none() | texts),
        extra=draw(st.dictionaries(extra_keys, json_values, max_size=3)),
        body=draw(any_text))


def as_stored(event: Event) -> Event | None:
    """The event as the store reads it back from its file (None if it cannot hold it)."""
    path = Path(f"{event.id}.md")
    text, problems = decode(dumps(event).encode("utf-8"), path)
    if text is None:
        return None
    found, problems = loads(text, path)
    if len(found) != 1 or any(p.is_error for p in problems):
        return None
    return found[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events(), min_size=1, max_size=4, unique_by=lambda e: e.id),
       st.sampled_from(["csv", "json"]))
def test_made_up_events_round_trip(made_up, fmt):
    stored = [as_stored(e) for e in made_up]
    stored = sorted((e for e in stored if e is not None), key=Event.order_key)
    if not stored:
        return
    with tempfile.TemporaryDirectory() as folder:
        for event in stored:  # the importer reads paths only for messages
            event.path = Path(folder) / f"{event.id}.md"
        again = roundtrip(stored, fmt, Path(folder))
    assert again == stored
