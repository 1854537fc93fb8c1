"""The README's examples are true: its record example is a valid event, its commands exist.

That the record is exactly what `timeline extract` writes for the seed is checked in
tests/test_docs.py, with every other command and output of the docs.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.cli import cli
from generator.store.codec import loads

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
REFERENCE = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")


def test_record_example_is_a_valid_event():
    block = re.search(r"```markdown\n(.*?)```", README, re.S).group(1)
    (event,), problems = loads(block, Path("example.md"))
    assert problems == []
    # The seed's "reported July 21", read against the publication day of 22 July 2019.
    assert event.when == "21 July 2019"
    assert event.sources and event.actors and event.places


def test_two_setup_commands_come_first():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines()]
    assert commands == ["python3 dev.py demo", "python3 dev.py test"]


def test_readme_says_which_python():
    assert "Python 3.11 or newer" in README


def test_every_cli_command_is_documented():
    for name in cli.commands:
        assert f"`timeline {name}" in REFERENCE, name
