"""Golden cases: sentence + publication date -> exactly the expected time expressions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.extraction.tagger import tag

CASES = Path(__file__).parent / "cases"


def _load() -> list:
    params = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            dct = case.get("dct", data.get("dct"))
            params.append(pytest.param(case["text"], dct, case["expect"],
                                       id=f"{path.stem}-{i}"))
    return params


def _expected(item: dict) -> tuple:
    return item["text"], item["type"], str(item["value"]), item.get("mod")


@pytest.mark.parametrize("text,dct,expect", _load())
def test_case(text: str, dct: str | None, expect: list[dict]) -> None:
    got = [(t.text, t.type, t.timeml, t.mod) for t in tag(text, dct)]  # TimeML, as `timeline timex`
    assert got == [_expected(e) for e in expect]


def test_cases_cover_every_file() -> None:
    assert len(list(CASES.glob("*.yml"))) >= 9
