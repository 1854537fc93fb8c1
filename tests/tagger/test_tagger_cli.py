"""`timeline timex`: the JSON Lines contract, bad input lines, and the readable table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

GOOD = {"id": "a", "dct": "2019-07-22", "text": "Talks resumed on July 21 in late June."}


def _run(lines: list[str]):
    result = CliRunner().invoke(cli, ["timex", "--jsonl"], input="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    return result, out


def test_jsonl_contract() -> None:
    result, out = _run([json.dumps(GOOD)])
    assert result.exit_code == 0, result.output
    assert out == [{"id": "a", "timexes": [
        {"start": 17, "end": 24, "type": "DATE", "value": "2019-07-21"},
        {"start": 28, "end": 37, "type": "DATE", "value": "2019-06", "mod": "END"}]}]
    text = GOOD["text"]
    assert [text[t["start"]:t["end"]] for t in out[0]["timexes"]] == ["July 21", "late June"]


def test_bad_lines_are_reported_and_skipped() -> None:
    lines = [json.dumps(GOOD),
             "{not json",
             json.dumps({"id": "b", "dct": "2019-07-22"}),
             json.dumps({"id": "c", "dct": "22/07/2019", "text": "today"}),
             json.dumps(["a", "list"]),
             "",
             json.dumps({"id": "d", "dct": None, "text": "It ended yesterday."})]
    result, out = _run(lines)
    assert result.exit_code == 1
    assert [o["id"] for o in out] == ["a", "d"]
    assert out[1]["timexes"][0]["value"] == "XXXX-XX-XX"
    err = result.stderr
    assert "line 2: error: not valid JSON" in err
    assert "line 3: error: 'text' is missing" in err
    assert "line 4: error: publication date must be YYYY-MM-DD" in err
    assert "line 5: error: expected a JSON object" in err
    assert "4 input line(s) failed" in err


def test_a_tagger_bug_fails_one_line_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.extraction.tagger import document

    real = document.Tagger.tag

    def flaky(self, text, dct, spans=None):
        if "boom" in text:
            raise RuntimeError("boom")
        return real(self, text, dct, spans)
    monkeypatch.setattr(document.Tagger, "tag", flaky)
    result, out = _run([json.dumps({"id": "x", "dct": None, "text": "boom"}), json.dumps(GOOD)])
    assert result.exit_code == 1 and [o["id"] for o in out] == ["a"]
    assert "line 1: internal error" in result.stderr


def test_invalid_utf8_line() -> None:
    runner = CliRunner()
    data = json.dumps(GOOD).encode() + b"\n" + b'{"id": "x", "text": "\xff"}\n'
    result = runner.invoke(cli, ["timex", "--jsonl"], input=data)
    assert result.exit_code == 1
    assert "line 2: error: not UTF-8" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_full_output_has_rule_and_anchor() -> None:
    result = CliRunner().invoke(cli, ["timex", "--jsonl", "--full"], input=json.dumps(GOOD))
    item = json.loads(result.stdout)["timexes"][0]
    assert item["rule"] == "date_month_day" and item["anchor"] == "2019-07-22"
    assert item["relative"] is True and item["text"] == "July 21"


def test_table_for_a_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("The call last week was the second since the summit in late June.\n")
    result = CliRunner().invoke(cli, ["timex", "--dct", "2019-07-22", str(path)])
    assert result.exit_code == 0, result.output
    assert "2019-W29" in result.stdout and "late June" in result.stdout
    assert "date_unit_relative" in result.stdout


def test_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["timex"]).exit_code == 2
    assert runner.invoke(cli, ["timex", "--dct", "yesterday", "-"], input="x").exit_code == 2
    assert runner.invoke(cli, ["timex", "--jsonl", "--dct", "2019-07-22"]).exit_code == 2


@pytest.mark.slow
def test_console_script_streams_jsonl() -> None:
    """The installed command, as the scorer runs it."""
    exe = Path(sys.executable).with_name("timeline")
    if not exe.exists():
        pytest.skip("the timeline console script is not installed in this environment")
    proc = subprocess.run([str(exe), "timex", "--jsonl"], input=json.dumps(GOOD) + "\n",
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "a"


def test_decades_and_centuries_leave_in_timemls_spelling(tmp_path: Path) -> None:
    """Inside the product a decade is 199X; TimeML tools and scorers read 199."""
    text = "Prices rose in the 1990s, as in the 19th century."
    lines = [json.dumps({"id": "d", "dct": "2019-07-22", "text": text})]
    result = CliRunner().invoke(cli, ["timex", "--jsonl", "--full"], input=lines[0] + "\n")
    (doc,) = [json.loads(line) for line in result.output.splitlines()]
    assert [(t["text"], t["value"]) for t in doc["timexes"]] == [
        ("the 1990s", "199"), ("the 19th century", "18")]
    (tmp_path / "a.txt").write_text(text, "utf-8")
    table = CliRunner().invoke(cli, ["timex", "--dct", "2019-07-22", str(tmp_path / "a.txt")])
    rows = [line.split() for line in table.output.splitlines()[1:]]
    assert [row[2] for row in rows] == ["199", "18"]
