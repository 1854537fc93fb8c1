"""TimelineJS JSON and the TimelineJS sheet template become our records, safely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.core.errors import ImportFileError
from generator.importers import detect, read_import

SLIDES = {
    "title": {"text": {"headline": "My <b>timeline</b>", "text": "<p>About it</p>"}},
    "events": [
        {"start_date": {"year": "2019", "month": "7", "day": "21"},
         "text": {"headline": "Talks <i>resume</i> &amp; go on",
                  "text": "<p>The two sides <b>met</b>. See "
                          "<a href='https://example.org/a?x=1&amp;y=2'>the report</a>.</p>"
                          "<p>Second <a href='javascript:alert(1)'>paragraph</a>."
                          "<script>alert(1)</script></p><ul><li>one</li></ul>"},
         "group": "Trade", "unique_id": "talks-resume",
         "media": {"url": "https://example.org/photo.jpg", "caption": "A photo",
                   "credit": "Someone"}},
        {"start_date": {"year": 2019, "month": 6}, "display_date": "late June 2019",
         "text": {"headline": "Leaders meet"}, "unique_id": "Not A Valid Id"},
        {"start_date": {"year": -44}, "text": {"headline": "Caesar"},
         "display_date": "Ides of March, 44 BC"},
        {"start_date": {"year": 2019, "month": 7, "day": 22, "hour": 15, "minute": 30},
         "end_date": {"year": 2019, "month": 7, "day": 22, "hour": 17},
         "text": {"headline": "A meeting"}},
        {"text": {"headline": "No date"}},
        {"start_date": {"year": 2019, "day": 3}, "text": {"headline": "A day, no month"}},
        {"start_date": {"year": 2019}, "text": {"text": "no headline"}},
        {"start_date": {"year": "twenty"}, "text": {"headline": "Bad year"}},
        {"start_date": {"year": "2019.0", "month": 7.0}, "text": {"headline": "Floats"}},
    ],
    "eras": [{"start_date": {"year": 2003}, "end_date": {"year": 2004},
              "text": {"headline": "The talks era"}}],
}


def write_json(tmp_path: Path, data: object, name: str = "timeline.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def test_slides_become_records(tmp_path):
    batch = read_import(write_json(tmp_path, SLIDES))
    assert batch.format == "timelinejs"
    by_title = {r.mapping["title"]: r for r in batch.records}
    talks = by_title["Talks resume & go on"]
    assert talks.mapping == {
        "id": "talks-resume", "date": "2019-07-21", "title": "Talks resume & go on",
        "summary": "The two sides met. See the report.", "tags": ["Trade"],
        "sources": [{"url": "https://example.org/a?x=1&y=2", "title": "the report"}]}
    assert talks.body == ("Second paragraph.\n\n- one\n\n"
                          "Media: [A photo](https://example.org/photo.jpg) (credit: Someone)")
    assert by_title["Leaders meet"].mapping == {"date": "2019-06", "qualifier": "late",
                                                "title": "Leaders meet"}
    caesar = by_title["Caesar"]
    assert caesar.mapping["date"] == "-0044"
    assert caesar.body == "Date as TimelineJS showed it: Ides of March, 44 BC"
    assert by_title["A meeting"].mapping["end"] == "2019-07-22T17:00"
    era = by_title["The talks era"]
    assert (era.mapping["date"], era.mapping["end"], era.mapping["tags"]) == \
        ("2003", "2004", ["era"])
    assert batch.left_out == ["the title slide ('My timeline')"]
    assert by_title["Floats"].mapping["date"] == "2019-07"  # numbers as spreadsheets write them


def test_bad_slides_are_reported_with_their_line_and_the_rest_kept(tmp_path):
    path = write_json(tmp_path, SLIDES)
    batch = read_import(path)
    lines = path.read_text().splitlines()
    messages = {p.line: p.message for p in batch.problems}
    assert len(batch.records) == 6 and len(batch.problems) == 4
    for line, message in messages.items():
        assert lines[line - 1].strip() == "{", (line, message)
    assert sorted(messages.values()) == [
        "slide 5: has no start_date (an object with at least a year)",
        "slide 6: start_date has a day but no month",
        "slide 7: has no headline (text.headline), and an event needs a title",
        "slide 8: 'year' must be a number, got 'twenty'",
    ]


def test_file_level_errors(tmp_path):
    with pytest.raises(ImportFileError, match="not valid JSON"):
        read_import(_text(tmp_path, "bad.json", "{nope"))
    with pytest.raises(ImportFileError, match="expected an object with an `events` list"):
        read_import(write_json(tmp_path, {"slides": []}), "timelinejs")
    with pytest.raises(ImportFileError, match="is not UTF-8 text"):
        read_import(_bytes(tmp_path, "latin.csv", b"date,title\n2019,caf\xe9\n"))
    with pytest.raises(ImportFileError, match="neither a TimelineJS sheet"):
        read_import(_text(tmp_path, "other.csv", "a,b\n1,2\n"))


def _text(folder: Path, name: str, text: str) -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def _bytes(folder: Path, name: str, data: bytes) -> Path:
    (folder / name).write_bytes(data)
    return folder / name


def test_format_is_found_from_the_file(tmp_path):
    assert detect(Path("t.json"), json.dumps(SLIDES)) == "timelinejs"
    assert detect(Path("e.json"), json.dumps({"events": [{"date": "2019", "title": "x"}]})) \
        == "json"
    assert detect(Path("s.csv"), "Year,Month,Day,Time,Headline,Text\n") == "sheets"
    assert detect(Path("e.csv"), "id,date,title\n") == "csv"


SHEET = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
    "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
    ",,,,,,,,,My sheet,<p>Intro</p>,,,,,title,,\n"
    "2019,7,21,,,,,,,Talks resume,\"<p>They met.</p>\n<p><a href=\"\"https://example.org\"\">"
    "Source</a></p>\",,,,,,Trade,\n"
    "2019,7,22,1:30 PM,2019,7,22,3:00 PM,,A meeting,,,,,,,,\n"
    ",,,,,,,,,,,,,,,,,\n"
    "2003,,,,2004,,,,,The talks era,,,,,,era,,\n"
    "2019,13,,,,,,,,Bad month,,,,,,,,\n"
    "2019,7,22,25:00,,,,,,Bad time,,,,,,,,\n"
    "-500,,,,,,,,c. 500 BCE,Long ago,,,,,,,,\n"
)


def test_google_sheet_template(tmp_path):
    path = _text(tmp_path, "sheet.csv", SHEET)
    batch = read_import(path)
    assert batch.format == "sheets"
    by_title = {r.mapping["title"]: r for r in batch.records}
    talks = by_title["Talks resume"]
    assert (talks.row, talks.label) == (3, "row 3")
    assert talks.mapping["date"] == "2019-07-21" and talks.mapping["tags"] == ["Trade"]
    assert talks.mapping["sources"] == [{"url": "https://example.org", "title": "Source"}]
    assert talks.body == "[Source](https://example.org)"
    meeting = by_title["A meeting"].mapping
    assert (meeting["date"], meeting["end"]) == ("2019-07-22T13:30", "2019-07-22T15:00")
    assert by_title["The talks era"].mapping["tags"] == ["era"]
    long_ago = by_title["Long ago"].mapping
    assert (long_ago["date"], long_ago["qualifier"]) == ("-0500", "about")
    assert batch.left_out == ["the title slide (row 2)"]
    problems = [(p.line, p.message) for p in batch.problems]  # line 9: row 3 has two lines
    assert problems == [(9, "row 8: 'Time' '25:00' is not a time of day (13:30 or 1:30 PM)")]
    # the bad month is found when the record is checked against the schema (writer)
    assert by_title["Bad month"].mapping["date"] == "2019-13"
