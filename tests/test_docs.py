"""The documentation is true: its commands run, its outputs and its record are real.

Reads every ```sh block of README.md, CONTRIBUTING.md and docs/**/*.md. Each command line
is either run for real (`timeline ...` through the CLI, `mkdocs build ...` as a process)
in a fresh copy of the demo project, or listed in NOT_RUN with the reason it cannot run
in a test and a check that what it names exists. A command line in neither place fails,
so a newly documented command is always covered.

Marks the docs may carry, as HTML comments on the line before a fenced block:

- `<!-- file: PATH -->`: write the block's text to PATH in the project before the next
  sh block runs;
- `<!-- output -->` (before the block right after an sh block): the exact output of that
  sh block's commands, with the project's folder taken off the front of paths (the
  absolute path of a temporary folder is no part of the example);
- `<!-- extracted: PATH -->`: the exact file `timeline extract` writes at PATH from the
  seed into an empty store.

A command line ending in `# exit status N` must exit with N, every other one with 0.

Also: the README stays within 8 KB, relative links, anchors and repository paths in
backticks resolve, and the user guide's Explore link works on a built demo site in
chromium (a browser test: skipped without chromium, failing when CI=true).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import pytest
from click.testing import CliRunner

from generator.cli import cli

from .conftest import ROOT, SHARED

DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").rglob("*.md"))]
README_LIMIT = 8192

# ---------------------------------------------------------------------------------------
# Reading the docs


@dataclass
class Block:
    doc: Path
    line: int          # line of the opening fence
    lang: str
    body: str
    mark: str = ""     # file | output | extracted
    arg: str = ""


@dataclass
class Command:
    doc: Path
    line: int
    text: str          # the line as written, without its comment
    tokens: list[str]
    env: dict[str, str]
    status: int


@dataclass
class Step:
    """One sh block: the files written before it, its commands, the output it shows."""

    block: Block
    files: list[Block]
    commands: list[Command]
    output: Optional[Block] = None


MARK = re.compile(r"^<!-- (file|output|extracted)(?:: (\S+))? -->$")
OPEN = re.compile(r"^```([\w-]*)\s*$")


def blocks(doc: Path) -> list[Block]:
    lines = doc.read_text(encoding="utf-8").split("\n")
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = OPEN.match(lines[i])
        if not opening:
            i += 1
            continue
        start = i
        i += 1
        while i < len(lines) and lines[i].rstrip() != "```":
            i += 1
        assert i < len(lines), f"{doc.name}:{start + 1}: fence never closed"
        mark = MARK.match(lines[start - 1]) if start else None
        found.append(Block(doc, start + 1, opening.group(1),
                           "".join(line + "\n" for line in lines[start + 1:i]),
                           mark.group(1) if mark else "", (mark.group(2) or "") if mark else ""))
        i += 1
    return found


def commands(block: Block) -> list[Command]:
    found = []
    text = block.body.replace("\\\n", " ")
    for offset, raw in enumerate(text.splitlines()):
        tokens = shlex.split(raw, comments=True)
        if not tokens:
            continue
        env = {}
        while tokens and re.fullmatch(r"[A-Z_]+=\S*", tokens[0]):
            name, value = tokens.pop(0).split("=", 1)
            env[name] = value
        status = re.search(r"#\s*exit status (\d+)\s*$", raw)
        line = re.sub(r"^\s*(?:[A-Z_]+=\S*\s+)*", "", raw.split(" #")[0]).strip()
        found.append(Command(block.doc, block.line + 1 + offset, line, tokens, env,
                             int(status.group(1)) if status else 0))
    return found


def steps(doc: Path) -> list[Step]:
    found: list[Step] = []
    pending: list[Block] = []
    previous: Optional[Block] = None
    for block in blocks(doc):
        if block.mark == "file":
            pending.append(block)
        elif block.mark == "output":
            assert previous is not None and previous.lang == "sh" and found, \
                f"{doc.name}:{block.line}: an output block must follow the sh block it shows"
            found[-1].output = block
        elif block.lang == "sh":
            found.append(Step(block, pending, commands(block)))
            pending = []
        previous = block
    assert not pending, f"{doc.name}: file blocks with no sh block after them"
    return found


ALL_STEPS = [(doc, step) for doc in DOCS for step in steps(doc)]
ALL_COMMANDS = [command for _, step in ALL_STEPS for command in step.commands]

# ---------------------------------------------------------------------------------------
# Commands that are not run, with the reason and a check of what they name


def _path_args(command: Command) -> None:
    """Arguments that look like repository paths exist."""
    for token in command.tokens[1:]:
        if token.startswith("-") or "://" in token or token.startswith("../"):
            continue
        if "/" in token or token.endswith(".py"):
            assert (ROOT / token).exists(), f"{token} does not exist"


def _dev_task(command: Command) -> None:
    spec = importlib.util.spec_from_file_location("dev_for_docs", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    assert command.tokens[:2] == ["python3", "dev.py"]
    assert command.tokens[2] in dev.TASKS, f"dev.py has no task {command.tokens[2]}"
    _path_args(command)


def _script_options(command: Command) -> None:
    """A Python script of the repository exists and reads every option given to it."""
    script = next(t for t in command.tokens if t.endswith(".py"))
    source = (ROOT / script).read_text(encoding="utf-8")
    for token in command.tokens:
        if token.startswith("--"):
            name = token.split("=")[0]
            assert f'"{name}"' in source or f"'{name}'" in source, f"{script} has no {name}"


def _pytest_paths(command: Command) -> None:
    assert command.tokens[1:3] == ["-m", "pytest"]
    _path_args(command)


def _click_options(command_object, command: Command) -> None:
    """Every option on the command line is one the click command takes (hidden ones too)."""
    names = {opt for param in command_object.params for opt in param.opts + param.secondary_opts}
    for token in command.tokens:
        if token.startswith("-") and not re.fullmatch(r"-\d+", token):
            assert token.split("=")[0] in names, f"{token} is not an option"


def _mkdocs_options(command: Command) -> None:
    from mkdocs.__main__ import cli as mkdocs_cli
    _click_options(mkdocs_cli.commands[command.tokens[1]], command)


def _pip_extra(command: Command) -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]
    for token in command.tokens:
        wanted = re.fullmatch(r"\.\[(\w+)\]", token)
        if wanted:
            assert wanted.group(1) in extras, f"pyproject.toml has no extra {wanted.group(1)}"


def _apt_chromium(command: Command) -> None:
    assert command.tokens == ["apt-get", "install", "chromium"]
    assert "apt-get install" in (ROOT / ".ci" / "run").read_text()
    assert "chromium" in (ROOT / "tests" / "browser" / "conftest.py").read_text()


def _dask(command: Command) -> None:
    assert importlib.util.find_spec("distributed"), "dask.distributed is not installed"
    assert command.tokens[1] in ("scheduler", "worker")


def _timeline_options(command: Command) -> None:
    tokens = _timeline_args(command)
    assert tokens[0] in cli.commands, f"timeline has no command {tokens[0]}"
    _click_options(cli.commands[tokens[0]], command)


def _shared_tool(command: Command) -> None:
    """A scorer of ../shared: the command it is given is a documented timeline command."""
    inner = command.tokens[command.tokens.index("--cmd") + 1]
    inner_command = Command(command.doc, command.line, inner, shlex.split(inner), {}, 0)
    _timeline_options(inner_command)
    script = SHARED / command.tokens[1].removeprefix("../shared/")
    if script.is_file():
        _script_options(Command(command.doc, command.line, command.text,
                                [str(script)] + command.tokens[2:], {}, 0))


NOT_RUN: list[tuple[str, str, Callable[[Command], None]]] = [
    (r"python3 dev\.py .*", "sets up .venv with pip (needs the network) and then runs the "
     "whole suite, a build or a server", _dev_task),
    (r"(\.venv/bin/)?python3? -m pytest .*", "runs the test suite from inside itself",
     _pytest_paths),
    (r"(\.venv/bin/)?python3? bench/\w+\.py.*", "benchmarks and evaluations run for minutes "
     "and need ../shared or a quiet machine", _script_options),
    (r"python3? \.\./shared/tools/\w+\.py .*", "needs the gold data of ../shared beside the "
     "project", _shared_tool),
    (r"mkdocs (serve|gh-deploy)\b.*", "serve runs until stopped; gh-deploy pushes to GitHub",
     _mkdocs_options),
    (r"pip install .*", "installs packages (needs the network)", _pip_extra),
    (r"apt-get install .*", "installs a system package as root", _apt_chromium),
    (r"dask (scheduler|worker)\b.*", "starts a Dask cluster that runs until stopped", _dask),
    (r"timeline extract --dask .*", "needs a running Dask cluster", _timeline_options),
]


def not_run_entry(command: Command):
    for pattern, reason, check in NOT_RUN:
        if re.fullmatch(pattern, command.text.strip()):
            return pattern, reason, check
    return None


def is_timeline(command: Command) -> bool:
    return command.tokens[0] in ("timeline", ".venv/bin/timeline")


def is_mkdocs_build(command: Command) -> bool:
    return command.tokens[0] in ("mkdocs", ".venv/bin/mkdocs") and command.tokens[1] == "build"


def runnable(command: Command) -> bool:
    return (is_timeline(command) or is_mkdocs_build(command)) and not not_run_entry(command)


# ---------------------------------------------------------------------------------------
# Running them


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def demo_project(folder: Path, events: bool = True) -> Path:
    """A copy of the demo project: settings, seed, templates, pages and (maybe) events."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("seeds", "templates"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copytree(ROOT / "content" / "pages", folder / "content" / "pages")
    (folder / "content" / "articles").mkdir()
    if events:
        shutil.copytree(ROOT / "content" / "events", folder / "content" / "events")
    else:
        (folder / "content" / "events").mkdir()
    return folder


def _timeline_args(command: Command) -> list[str]:
    return command.tokens[1:]


def run_command(command: Command, project: Path, monkeypatch) -> tuple[int, str]:
    """Run one command in `project`; its exit status and the output a terminal shows."""
    for name, value in command.env.items():
        monkeypatch.setenv(name, value)
    if is_mkdocs_build(command):
        result = subprocess.run([sys.executable, "-m", "mkdocs", *command.tokens[1:]],
                                cwd=project, capture_output=True, text=True, env=_env())
        return result.returncode, result.stdout + result.stderr
    args = _timeline_args(command)
    stdin = stdout_file = None
    if "<" in args:
        i = args.index("<")
        stdin = (project / args[i + 1]).read_text(encoding="utf-8")
        del args[i:i + 2]
    if ">" in args:
        i = args.index(">")
        stdout_file = project / args[i + 1]
        del args[i:i + 2]
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, args, input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    if stdout_file is not None:
        stdout_file.write_text(result.stdout, encoding="utf-8")
        return result.exit_code, result.stderr
    return result.exit_code, result.output


@pytest.mark.slow
@pytest.mark.parametrize("doc,step", ALL_STEPS,
                         ids=[f"{d.name}:{s.block.line}" for d, s in ALL_STEPS])
def test_documented_commands(doc: Path, step: Step, tmp_path: Path, monkeypatch):
    """Each sh block runs in a fresh demo project; its output is the one shown."""
    project = demo_project(tmp_path / "project")
    for block in step.files:
        target = project / block.arg
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.body, encoding="utf-8")
    shown = ""
    for command in step.commands:
        where = f"{doc.name}:{command.line}: {command.text}"
        entry = not_run_entry(command)
        if entry:
            entry[2](command)
            continue
        assert runnable(command), (
            f"{where}: neither run by this test nor listed in NOT_RUN with a reason")
        status, output = run_command(command, project, monkeypatch)
        assert status == command.status, f"{where}: exit status {status}\n{output}"
        shown += output
    if step.output is not None:
        shown = shown.replace(str(project) + os.sep, "")
        assert shown == step.output.body, f"{doc.name}:{step.output.line}: output differs"


def test_every_command_is_run_or_explained():
    """Also without running anything: no documented command falls through."""
    for command in ALL_COMMANDS:
        assert runnable(command) or not_run_entry(command), \
            f"{command.doc.name}:{command.line}: {command.text}"
    assert any(runnable(c) for c in ALL_COMMANDS)


def test_not_run_table_is_used():
    """Every entry of NOT_RUN stands for a command the docs show."""
    for pattern, reason, _ in NOT_RUN:
        assert reason
        assert any(re.fullmatch(pattern, c.text.strip()) for c in ALL_COMMANDS), pattern


# ---------------------------------------------------------------------------------------
# The record example is real


def extracted_blocks() -> list[Block]:
    return [b for doc in DOCS for b in blocks(doc) if b.mark == "extracted"]


def test_readme_record_is_marked_as_extracted():
    marked = [b for b in extracted_blocks() if b.doc.name == "README.md"]
    assert len(marked) == 1 and marked[0].lang == "markdown"


@pytest.mark.slow
def test_extracted_examples_are_what_extraction_writes(tmp_path: Path, monkeypatch):
    project = demo_project(tmp_path / "project", events=False)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["extract", "--quiet"])
    assert result.exit_code == 0, result.output
    for block in extracted_blocks():
        written = (project / block.arg).read_text(encoding="utf-8")
        assert block.body == written, f"{block.doc.name}:{block.line}: not what extract writes"


# ---------------------------------------------------------------------------------------
# Size, links and paths


def test_readme_is_small():
    assert (ROOT / "README.md").stat().st_size <= README_LIMIT


def _prose(doc: Path) -> str:
    """The text outside fenced blocks."""
    return re.sub(r"^```.*?^```[ \t]*$", "", doc.read_text(encoding="utf-8"),
                  flags=re.M | re.S)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[`*]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(doc: Path) -> set[str]:
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6} (.+)$", _prose(doc), flags=re.M):
        name = slug(heading)
        n = 0
        candidate = name
        while candidate in found:
            n += 1
            candidate = f"{name}-{n}"
        found.add(candidate)
    return found


def test_slug():
    assert slug("The `timeline` command") == "the-timeline-command"
    assert slug("Exports, feeds and imports") == "exports-feeds-and-imports"


@pytest.mark.parametrize("doc", DOCS, ids=[str(d.relative_to(ROOT)) for d in DOCS])
def test_relative_links_resolve(doc: Path):
    prose = re.sub(r"`[^`\n]*`", "", _prose(doc))
    for target in re.findall(r"\]\(([^)\s]+)\)", prose):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (doc.parent / path).resolve() if path else doc
        assert file.exists(), f"{doc.name}: link to {target}: no such file"
        if anchor:
            assert file.suffix == ".md", f"{doc.name}: anchor in a link to {target}"
            assert anchor in anchors(file), f"{doc.name}: link to {target}: no such heading"


# Paths the docs tell you to create, or that a documented command writes.
CREATED = {"content/pages/index.md"}
REPO_PATH = re.compile(r"`((?:generator|templates|tests|bench|content|seeds|docs|"
                       r"\.github|\.ci)/[^`\s]*)`")


@pytest.mark.parametrize("doc", DOCS, ids=[str(d.relative_to(ROOT)) for d in DOCS])
def test_repository_paths_exist(doc: Path):
    created = CREATED | {b.arg for d in DOCS for b in blocks(d) if b.mark == "file"}
    for path in REPO_PATH.findall(_prose(doc)):
        if "NAME" in path or "<" in path or "*" in path or path in created:
            continue
        assert (ROOT / path).exists(), f"{doc.name}: `{path}` does not exist"


# ---------------------------------------------------------------------------------------
# The Explore link the user guide gives works on a built site


def _explore_link() -> str:
    guide = ROOT / "docs" / "user-guide.md"
    links = [b.body.strip() for b in blocks(guide)
             if b.lang == "text" and b.body.strip().startswith("explore/?")]
    assert len(links) == 1, "the user guide shows one Explore link"
    return links[0]
