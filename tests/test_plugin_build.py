"""A real `mkdocs build --strict` of a small project using the timeline plugin."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import event_text


def mkdocs(project, *args):
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project,
                          capture_output=True, text=True, timeout=300)


def test_strict_build_publishes_the_schema(project, write):
    write("a.md", event_text("a"))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    schema = json.loads((project / "site/schema/event.schema.json").read_text())
    assert schema["title"] == "Timeline Generator event record"
    assert not (project / "content/pages/schema").exists()  # nothing written into docs


def test_bad_event_fails_a_strict_build_with_its_location(project, write):
    write("bad.md", "---\ndate: 2019-02-30\ntitle: x\n---\n")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 1
    assert "content/events/bad.md:2: error: 'date': '2019-02-30' is not a real date" \
        in result.stderr
    assert mkdocs(project, "build").returncode == 0  # without --strict it builds the rest
