"""`timeline import` writes hand-written event files: row errors, ids, dry runs, the ledger."""

from __future__ import annotations

import json

from generator.core.dates import parse_date
from generator.store.ledger import LEDGER_NAME
from generator.store.writer import sync_generated
from generator.store.folder import load_store
from generator.core.fsutil import store_lock
from generator.core.model import Event

from ..conftest import event_text
from .test_timelinejs_import import SHEET, SLIDES


def test_timelinejs_file_good_rows_kept_bad_rows_reported(run, project, events_dir):
    (project / "timeline.json").write_text(json.dumps(SLIDES, indent=1), encoding="utf-8")
    result = run("import", "timeline.json")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 4
    assert errors[0].startswith("timeline.json:") and "slide 5: has no start_date" in errors[0]
    assert ("10 event(s) read as timelinejs: 6 written, 0 already in the store, 4 with errors"
            "; left out: the title slide ('My timeline')") in result.stderr
    written = result.stdout.split()
    assert len(written) == 6 and all(p.endswith(".md") for p in written)
    store = load_store(events_dir)
    assert not store.errors
    talks = store.by_id()["talks-resume"]
    assert talks.title == "Talks resume & go on" and talks.tags == ["Trade"]
    assert talks.sources[0].url == "https://example.org/a?x=1&y=2"
    assert "2019-06-leaders-meet" in store.by_id()
    assert not (events_dir / LEDGER_NAME).exists()  # imported files are hand-written
    assert run("check").exit_code == 0


def test_reimport_changes_nothing_and_collisions_get_a_suffix(run, project, events_dir, write):
    write("talks-resume.md", event_text("talks-resume", "2019-07-21", "Another event"))
    (project / "t.json").write_text(json.dumps(SLIDES), encoding="utf-8")
    first = run("import", "t.json")
    assert "id talks-resume was taken" in first.stdout
    assert (events_dir / "talks-resume-2.md").is_file()
    assert "Another event" in (events_dir / "talks-resume.md").read_text()  # not overwritten
    before = sorted(p.name for p in events_dir.iterdir())
    again = run("import", "t.json")
    assert again.stdout == "" and "0 written, 6 already in the store" in again.stderr
    assert sorted(p.name for p in events_dir.iterdir()) == before


def test_dry_run_writes_nothing(run, project, events_dir):
    (project / "sheet.csv").write_text(SHEET, encoding="utf-8")
    result = run("import", "sheet.csv", "--dry-run")
    assert "would write" in result.stderr and result.stdout.strip()
    assert list(events_dir.iterdir()) == []
    assert result.exit_code == 1  # the sheet has a bad month and a bad time


def test_sheet_rows_with_errors_name_their_row(run, project):
    (project / "sheet.csv").write_text(SHEET, encoding="utf-8")
    result = run("import", "sheet.csv")
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [
        "sheet.csv:8: error: 'date': '2019-13': month 13 does not exist; use 01 to 12",
        "sheet.csv:9: error: row 8: 'Time' '25:00' is not a time of day (13:30 or 1:30 PM)",
    ]
    assert result.exit_code == 1


def test_our_csv_with_a_bad_row(run, project, events_dir):
    (project / "events.csv").write_text(
        "id,date,title,tags\ngood,2019-07-21,Talks resume,trade; talks\n"
        "bad,2019-02-30,Not a day,\n,2019-07-22,No id given,\n", encoding="utf-8")
    result = run("import", "events.csv")
    assert result.exit_code == 1
    assert "events.csv:3: error: 'date': '2019-02-30' is not a real date" in result.stderr
    assert sorted(e.id for e in load_store(events_dir).events) == [
        "2019-07-22-no-id-given", "good"]
    assert load_store(events_dir).by_id()["good"].tags == ["trade", "talks"]


def test_extraction_never_touches_imported_files(run, project, events_dir):
    (project / "e.csv").write_text("id,date,title\nx,2019-07-21,Imported\n", encoding="utf-8")
    assert run("import", "e.csv").exit_code == 0
    text = (events_dir / "x.md").read_text()
    report = sync_generated(events_dir, [Event(id="x", date=parse_date("2019-07-21"),
                                               title="Extracted")])
    assert report.kept_hand_written == ["x"]
    assert (events_dir / "x.md").read_text() == text


def test_a_busy_store_is_refused(run, project, events_dir):
    (project / "e.csv").write_text("id,date,title\nx,2019-07-21,Imported\n", encoding="utf-8")
    with store_lock(events_dir):
        result = run("import", "e.csv")
    assert result.exit_code == 1 and "another timeline command" in result.stderr
