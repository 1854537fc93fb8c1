"""The `timeline` CLI as a user runs it: exit codes, messages, and the files it writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from generator.store.codec import loads

from .conftest import ROOT, event_text

GOOD = event_text("good", "2019-07-21", "Talks resume", tags="[trade]", actors="[Xi Jinping]")


def test_check_good_store_exits_0(run, write):
    write("good.md", GOOD)
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "1 file(s), 1 valid event(s): 0 error(s), 0 warning(s)" in result.stderr


def test_check_reports_every_problem_as_file_line_and_exits_1(run, write):
    write("good.md", GOOD)
    write("bad.md", "---\nid: bad\ndate: 2019-02-30\ntitle: [x]\ncolour: red\n---\n")
    write("broken.yaml", "- id: a\n  date: 2019\n  title: fine\n- id: b\n  date: nope\n")
    result = run("check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "content/events/bad.md:3: error: 'date': '2019-02-30' is not a real date: February "
        "2019 has 28 days",
        "content/events/bad.md:4: error: 'title': expected text, got a list",
        "content/events/bad.md:5: warning: 'colour': unknown field (kept as is)",
        "content/events/broken.yaml:4: error: missing required field 'title': Short "
        "headline-style title.",
        "content/events/broken.yaml:5: error: 'date': 'nope' is not a date this tool reads; "
        "use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-MM-DDTHH:MM, YYYY-Qn, YYYY-Hn, "
        "YYYY-SU (season), 199X (decade) or 18XX (century); negative years are BCE",
    ]


def test_check_strict_fails_on_warnings(run, write):
    write("warn.md", GOOD.replace("---\n", "---\ncolour: red\n", 1))
    assert run("check").exit_code == 0
    assert run("check", "--strict").exit_code == 1


def test_check_given_paths(run, write):
    write("good.md", GOOD)
    bad = write("bad.md", "---\ntitle: x\n---\n")
    assert run("check", "content/events/good.md").exit_code == 0
    result = run("check", str(bad))
    assert result.exit_code == 1 and "missing required field 'date'" in result.stdout
    assert run("check", "content/events/none.md").exit_code == 1


def test_list_in_order_with_filters(run, write):
    write("a.md", event_text("a", "2019-07-21", "Later", tags="[trade]"))
    write("b.md", event_text("b", "2019-06", "Earlier", qualifier="late",
                             actors="[Donald Trump]"))
    write("c.yaml", "- id: c\n  date: -44\n  title: Long ago\n")
    result = run("list")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "44 BCE          Long ago  [c]",
        "late June 2019  Earlier  [b]",
        "21 July 2019    Later  [a]",
    ]
    assert run("list", "--tag", "TRADE").stdout.split() == ["21", "July", "2019", "Later", "[a]"]
    assert "[b]" in run("list", "--actor", "donald trump").stdout
    assert run("list", "--from", "2019-07").stdout.count("\n") == 1
    assert run("list", "--to", "2019-06").stdout.count("\n") == 2
    assert run("list", "--from", "2019-07-22").stdout == ""


def test_list_json(run, write):
    write("a.md", event_text("a", "2019-07-20", "Weekend", end="2019-07-21"))
    (item,) = json.loads(run("list", "--format", "json").stdout)
    assert item["when"] == "20–21 July 2019" and item["end"] == "2019-07-21"


def _reported(event_id: str, date: str, title: str, articles: list[tuple[str, str]],
              **fields: str) -> str:
    sources = "".join(f"\n- article: {a}\n  published: '{p}'" for a, p in articles)
    return event_text(event_id, date, title, sources=sources,
                      extraction="{phrase: " + date + "}", **fields)


def test_list_json_prints_importance_and_key_lists_the_story_in_brief(run, write):
    """Later articles recall the 2 March attack: it is the key event; a person's key: true
    event is always one; `--key N` keeps N in timeline order."""
    write("attack.md", _reported("attack", "2020-03-02", "Rebels attacked the port",
                                 [("a", "2020-03-02")] + [(f"l{n}", f"2020-03-{10 + n}")
                                                          for n in range(5)]))
    write("talks.md", _reported("talks", "2020-03-05", "Officials met",
                                [("t", "2020-03-05")]))
    write("filler.md", _reported("filler", "2020-03-15", "Shops reopened",
                                 [("f", "2020-03-15")]))
    write("pinned.md", _reported("pinned", "2020-03-20", "The ceasefire was signed",
                                 [("p", "2020-03-20")], key="true"))
    listed = {e["id"]: e["importance"] for e in json.loads(run("list", "--format", "json").stdout)}
    assert listed["attack"] == 1.0 and listed["pinned"] == 1.0
    assert listed["talks"] < listed["attack"] and 0 <= listed["filler"] < 1
    two = run("list", "--key", "2").stdout.splitlines()
    assert [line.split("[")[-1] for line in two] == ["attack]", "pinned]"]
    assert len(run("list", "--key").stdout.splitlines()) == 4  # at least 5 for any store
    assert run("list", "--key=-3").exit_code == 2


def test_a_record_with_a_bad_key_or_importance_names_the_field(run, write):
    write("a.md", event_text("a", "2020-03-02", "Talks", key="maybe", importance="3"))
    result = run("check")
    assert result.exit_code == 1
    assert "expected true or false" in result.stdout and "from 0 to 1" in result.stdout


def test_list_bad_date_is_a_usage_error(run):
    result = run("list", "--from", "2019-02-30")
    assert result.exit_code == 2
    assert "February 2019 has 28 days" in result.output


def test_new_writes_a_valid_hand_written_event(run, project):
    result = run("new", "--date", "2019-07-18", "--title", "US and China hold a phone call",
                 "--actor", "United States", "--actor", "China", "--tag", "trade",
                 "--source-url", "https://example.com/call", "--quote", "The two sides spoke.",
                 "--notes", "Checked against the Xinhua report.")
    assert result.exit_code == 0, result.output
    path = project / "content/events/2019-07-18-us-and-china-hold-a-phone-call.md"
    assert result.stdout.strip() == str(path)
    (event,), problems = loads(path.read_text(encoding="utf-8"), path)
    assert not problems
    assert event.actors == ["United States", "China"]
    assert event.body == "Checked against the Xinhua report."
    again = run("new", "--date", "2019-07-18", "--title", "US and China hold a phone call")
    assert again.exit_code == 0
    assert again.stdout.strip().endswith("-call-2.md")
    assert run("check").exit_code == 0


def test_new_refuses_existing_id_and_bad_input(run):
    assert run("new", "--date", "2019", "--title", "x", "--id", "taken").exit_code == 0
    taken = run("new", "--date", "2019", "--title", "y", "--id", "taken")
    assert taken.exit_code == 1  # RecordError is raised to main(); CliRunner sees the exception
    bad_id = run("new", "--date", "2019", "--title", "y", "--id", "../escape")
    assert bad_id.exit_code == 1
    assert run("new", "--date", "2019-13", "--title", "x").exit_code == 2
    assert run("new", "--title", "no date").exit_code == 2
    assert run("new", "--date", "2019", "--title", "x", "--quote", "q").exit_code == 2


def test_schema_command(run, tmp_path):
    data = json.loads(run("schema").stdout)
    assert data["$defs"]["event"]["required"] == ["date", "title"]
    out = tmp_path / "schema.json"
    assert run("schema", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text()) == data


# --------------------------------------------------------------------------- real process


def timeline(*args: str, cwd: Path, input: str | None = None) -> subprocess.CompletedProcess:
    """Run the installed console script the way a user does."""
    script = Path(sys.executable).with_name("timeline")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "generator"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command + list(args), cwd=cwd, input=input, capture_output=True,
                          text=True, env=env, timeout=60)


def test_console_script_exit_codes_and_clean_errors(project, write):
    write("good.md", GOOD)
    assert timeline("check", cwd=project).returncode == 0
    assert timeline("--help", cwd=project).returncode == 0
    for command in ("check", "list", "new", "schema"):
        result = timeline(command, "--help", cwd=project)
        assert result.returncode == 0 and "Usage:" in result.stdout, command
    assert timeline("nonsense", cwd=project).returncode == 2
    taken = timeline("new", "--date", "2019", "--title", "x", "--id", "good", cwd=project)
    assert taken.returncode == 1
    assert taken.stderr.strip() == ("timeline: error: an event with id 'good' already "
                                    "exists; choose another --id")
    assert "Traceback" not in taken.stderr


def test_invalid_plugin_options_are_a_clear_config_error(project):
    (project / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - timeline:\n      events_dir: [not, a, string]\n")
    result = timeline("check", cwd=project)
    assert result.returncode == 1
    assert "plugins -> timeline: option 'events_dir'" in result.stderr
    assert "Traceback" not in result.stderr


def test_busy_store_message(project, write):
    write("good.md", GOOD)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom generator.core.fsutil import store_lock\n"
         f"with store_lock({str(project / 'content/events')!r}):\n"
         "    print('locked', flush=True)\n    sys.stdin.readline()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = timeline("new", "--date", "2019", "--title", "x", cwd=project)
        assert result.returncode == 1
        assert f"another timeline command (process {holder.pid}) is writing to" in result.stderr
    finally:
        holder.communicate("\n", timeout=10)


def test_render_writes_the_markdown_tree(run, write, project):
    write("a.md", GOOD)
    write("bad.md", "---\ntitle: x\n---\n")
    result = run("render", "--out", "out")
    assert result.exit_code == 0, result.output
    assert "missing required field 'date'" in result.stderr
    page = (project / "out/events/good.md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "Talks resume"\n') and "# Talks resume" in page
    assert (project / "out/index.md").is_file() and (project / "out/assets/timeline.css").exists()
    assert not (project / "content/pages/events").exists()
    assert run("render", "--out", "out", "--strict").exit_code == 1


def test_render_writes_what_the_build_adds(run, write, tmp_path):
    """`timeline render` writes the same files as the site build: pages, the record's
    JSON Schema, the exports and TimelineJS's files."""
    write("a.md", GOOD)
    out = tmp_path / "rendered"
    assert run("render", "--out", str(out)).exit_code == 0
    for name in ("index.md", "events/good.md", "schema/event.schema.json", "timeline.json",
                 "events.ics", "assets/timelinejs/js/timeline.js"):
        assert (out / name).is_file(), name


def test_dev_py_names_the_python_it_needs_on_an_older_one():
    """`python3 dev.py` on Python 3.10 says what it needs instead of failing in pip."""
    import importlib.util
    import tomllib

    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    assert dev.python_problem((3, 11)) == dev.python_problem((3, 13)) == ""
    message = dev.python_problem((3, 10))
    assert "needs Python 3.11 or newer" in message and "this is Python 3.10" in message
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert declared["project"]["requires-python"] == ">=" + ".".join(map(str, dev.MIN_PYTHON))


# --------------------------------------------------------------------------- no config file


def test_commands_that_read_the_settings_stop_without_a_config(tmp_path):
    """No silent defaults: `new` would write into ./content/events and `render` title the
    site "Timeline" while the user's settings sit in a file under another name."""
    for command in (["check"], ["list"], ["extract"], ["render", "--out", "out"],
                    ["export", "--format", "csv"], ["new", "--date", "2019", "--title", "x"]):
        result = timeline(*command, cwd=tmp_path)
        assert result.returncode == 1, command
        assert result.stderr.startswith(f"timeline: error: no config file in {tmp_path}"), \
            (command, result.stderr)
        assert "properdocs.yml" in result.stderr and "mkdocs.yml" in result.stderr
        assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_commands_given_all_their_inputs_run_without_a_config(tmp_path):
    """Validating a file, listing it, tagging text and extracting into a named store
    need no site settings."""
    event = tmp_path / "good.md"
    event.write_text(GOOD, encoding="utf-8")
    assert timeline("check", "good.md", cwd=tmp_path).returncode == 0
    listed = timeline("list", "good.md", cwd=tmp_path)
    assert listed.returncode == 0 and "Talks resume" in listed.stdout
    assert timeline("schema", cwd=tmp_path).returncode == 0
    article = tmp_path / "a.txt"
    article.write_text("Negotiators met in Shanghai on July 30, 2019.\n", encoding="utf-8")
    assert timeline("timex", "--dct", "2019-07-22", "a.txt", cwd=tmp_path).returncode == 0
    extracted = timeline("extract", "a.txt", "--events", "store", "--quiet", cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    assert list((tmp_path / "store").glob("*.md"))


def test_config_file_option_names_a_config_elsewhere(project, write, tmp_path):
    """`-f` reads a config of any name in any folder; its paths are relative to it."""
    write("good.md", GOOD)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "my-site.yml").write_text(
        "site_name: Named elsewhere\nplugins:\n  - timeline:\n"
        "      events_dir: ../content/events\n", encoding="utf-8")
    listed = timeline("-f", str(elsewhere / "my-site.yml"), "list", cwd=elsewhere)
    assert listed.returncode == 0 and "Talks resume" in listed.stdout, listed.stderr
    rendered = timeline("--config-file", "elsewhere/my-site.yml", "render", "--out", "out",
                        cwd=tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    assert 'title: "Named elsewhere"' in (tmp_path / "out/index.md").read_text("utf-8")


def test_dev_py_runs_the_engine_the_project_uses(tmp_path):
    """ProperDocs for a config named properdocs.yml (MkDocs would not find it); else
    MkDocs when installed, ProperDocs when only it is."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    project, bin_dir = tmp_path / "project", tmp_path / "bin"
    project.mkdir()
    bin_dir.mkdir()
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert dev.engine(project, bin_dir) == "mkdocs"  # nothing installed yet: setup brings it
    (bin_dir / "properdocs").touch()
    assert dev.engine(project, bin_dir) == "properdocs"
    (bin_dir / "mkdocs").touch()
    assert dev.engine(project, bin_dir) == "mkdocs"
    (project / "mkdocs.yml").rename(project / "properdocs.yml")
    assert dev.engine(project, bin_dir) == "properdocs"
