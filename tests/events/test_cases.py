"""Golden cases for reading event files: each case file beside the result it must give.

`cases/NAME` is read as one event file; `cases/NAME.expected.yaml` holds the ids of the
events it yields and every problem, as `timeline check` prints them. Regenerate after a
deliberate change with `UPDATE_GOLDENS=1 pytest tests/events/test_cases.py` and review
the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from generator.store.codec import EVENT_SUFFIXES
from generator.store.folder import load_store

CASES = Path(__file__).parent / "cases"
CASE_FILES = sorted(p for p in CASES.iterdir()
                    if p.suffix in EVENT_SUFFIXES and ".expected." not in p.name)


def _result(path: Path) -> dict:
    store = load_store(CASES, [path])
    return {"events": sorted(e.id for e in store.events),
            "problems": [p.format(relative_to=CASES) for p in store.problems]}


@pytest.mark.parametrize("case", CASE_FILES, ids=[p.name for p in CASE_FILES])
def test_case(case: Path):
    expected_path = case.with_name(case.name + ".expected.yaml")
    actual = _result(case)
    if os.environ.get("UPDATE_GOLDENS"):
        expected_path.write_text(yaml.safe_dump(actual, allow_unicode=True, sort_keys=False,
                                                width=1000), encoding="utf-8")
    assert expected_path.exists(), f"run with UPDATE_GOLDENS=1 to create {expected_path.name}"
    assert actual == yaml.safe_load(expected_path.read_text(encoding="utf-8"))


def test_every_bad_case_reports_an_error_and_every_good_case_none():
    for case in CASE_FILES:
        result = _result(case)
        errors = [p for p in result["problems"] if ": error: " in p]
        if case.name.startswith("bad"):
            assert errors, case.name
        else:
            assert not errors, (case.name, errors)
            assert result["events"], case.name


def test_problems_name_the_file_and_line():
    for case in CASE_FILES:
        for problem in _result(case)["problems"]:
            assert problem.startswith(case.name), problem
