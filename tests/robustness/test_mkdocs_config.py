"""Bad `timeline` options in mkdocs.yml stop `mkdocs build` with mkdocs' own clear
message naming the option, never a traceback; a bad event file only warns."""

from __future__ import annotations

import subprocess
import sys

import pytest

CONFIG = "site_name: x\ndocs_dir: content/pages\ntheme:\n  name: material\nplugins:\n  - timeline:\n"


def build(project):
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("options, message", [
    ("      events_dir: [a, b]\n", "events_dir"),
    ("      max_event_file_bytes: lots\n", "max_event_file_bytes"),
    ("      enabled: maybe\n", "enabled"),
])
def test_bad_plugin_option(project, options, message):
    (project / "mkdocs.yml").write_text(CONFIG + options, encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "Config value 'plugins'" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_plugin_option_fails_only_a_strict_build(project):
    (project / "mkdocs.yml").write_text(CONFIG + "      event_dir: typo\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 1 and "event_dir" in result.stderr
    assert "Traceback" not in result.stderr
