"""The published JSON Schema is current and agrees with the validator on real files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.store.codec import split_records
from generator.store.schema import json_schema

from .conftest import ROOT

SCHEMA_FILE = ROOT / "generator" / "store" / "event.schema.json"
CASES = Path(__file__).parent / "events" / "cases"


def test_committed_schema_is_current():
    """Regenerate with `timeline schema -o generator/store/event.schema.json`."""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json_schema())


def _as_json(value):
    """What a YAML-aware editor hands the schema: dates become strings."""
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize("name", ["good-full.md", "good-minimal.md", "good-list.yaml",
                                  "good-events-key.yaml", "warn-unknown-fields.md"])
def test_good_files_validate(name):
    path = CASES / name
    data = _file_data(path)
    jsonschema.validate(data, json_schema())


@pytest.mark.parametrize("name", ["bad-types.md", "bad-url.md", "bad-id-escape.md",
                                  "bad-missing-required.md", "bad-yes-title.md"])
def test_bad_files_are_rejected_by_the_schema_too(name):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_file_data(CASES / name), json_schema())


def _file_data(path: Path):
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".md":
        (record,), _ = split_records(text, path)
        return _as_json(record.mapping)
    return _as_json(yaml.safe_load(text))
