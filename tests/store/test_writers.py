"""The three commands that write the store write the same bytes through the one writer.

`timeline new`, `timeline import` and `timeline extract` are run on fixed input and every
file they leave in the store (events and ledger) is compared byte for byte with golden
files. The goldens were made by the code before the writers were joined into
`store/writer.py`; after a deliberate change of the record format regenerate them with
`UPDATE_GOLDENS=1 python3 dev.py test tests/store` and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ..conftest import ROOT

GOLDENS = Path(__file__).parent / "goldens"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"

# Text that YAML treats specially, Unicode and line breaks, so quoting is exercised.
AWKWARD = {
    "title": "Yes: the \u201cno\u201d vote #2 passes",
    "summary": "null",
    "actor": "  Bj\u00f6rk Gu\u00f0mundsd\u00f3ttir ",
    "place": "S\u00e3o Paulo",
    "tag": "on",
    "quote": "He said: \"it's done\" \u2014 and left.\nThen 'nothing'.",
    "notes": "A *hand-written* note.\n\n- one\n- two\n",
}


def _store_files(events: Path) -> dict[str, bytes]:
    return {p.relative_to(events).as_posix(): p.read_bytes()
            for p in sorted(events.rglob("*")) if p.is_file() and p.name != ".timeline.lock"}


def _compare(case: str, events: Path) -> None:
    found = _store_files(events)
    expected_dir = GOLDENS / case
    if UPDATE:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for name, data in found.items():
            (expected_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / name).write_bytes(data)
    expected = _store_files(expected_dir)
    assert sorted(found) == sorted(expected)
    for name in expected:
        assert found[name] == expected[name], f"{case}/{name} differs"


def test_timeline_new_writes_the_same_bytes(run, project):
    result = run("new", "--date", "2019-07-21", "--title", AWKWARD["title"],
                 "--end", "2019-07-23", "--qualifier", "about", "--summary", AWKWARD["summary"],
                 "--kind", "past", "--actor", AWKWARD["actor"], "--actor", "UN",
                 "--place", AWKWARD["place"], "--tag", AWKWARD["tag"],
                 "--source-url", "https://example.org/a?b=1&c=2",
                 "--source-title", "Report", "--source-publisher", "Wire",
                 "--quote", AWKWARD["quote"], "--notes", AWKWARD["notes"])
    assert result.exit_code == 0, result.output
    again = run("new", "--date", "-0044-03-15", "--title", "Caesar is killed")
    assert again.exit_code == 0, again.output
    _compare("new", project / "content" / "events")


def test_timeline_import_writes_the_same_bytes(run, project, tmp_path):
    records = [
        {"id": "2019-07-21-first", "date": "2019-07-21", "title": AWKWARD["title"],
         "summary": AWKWARD["summary"], "actors": [AWKWARD["actor"]],
         "places": [AWKWARD["place"]], "tags": [AWKWARD["tag"]],
         "sources": [{"url": "https://example.org/x", "quote": AWKWARD["quote"]}],
         "notes": AWKWARD["notes"]},
        {"date": "199X", "title": "A decade of change"},
        {"date": "2019-W29-WE", "title": "A weekend", "qualifier": "late"},
    ]
    source = tmp_path / "events.json"
    source.write_text(json.dumps({"events": records}, ensure_ascii=False), "utf-8")
    result = run("import", str(source))
    assert result.exit_code == 0, result.output
    _compare("import", project / "content" / "events")


def test_timeline_extract_writes_the_same_bytes(run, project):
    articles = project / "content" / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for seed in sorted((ROOT / "seeds").iterdir()):
        shutil.copy(seed, articles / seed.name)
    result = run("extract")
    assert result.exit_code == 0, result.output
    _compare("extract", project / "content" / "events")
