"""The bad-input corpus (cases.yml): clear messages, the right exit code, no traceback,
and no other file lost or changed, for every input path of the product."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import yaml

from generator.cli import main

from ..conftest import event_text

CASES = yaml.safe_load((Path(__file__).parent / "cases.yml").read_text(encoding="utf-8"))
CONFIG = ("site_name: Robustness\ndocs_dir: content/pages\ntheme:\n  name: material\n"
          "plugins:\n  - timeline\n")


def make_project(root: Path, case: dict) -> Path:
    project = root / "project"
    (project / "content" / "events").mkdir(parents=True)
    (project / "content" / "pages").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (project / "content" / "events" / "good.md").write_text(
        event_text("good", "2019-07-19", "A good event"), encoding="utf-8")
    for name, content in case["files"].items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        elif "hex" in content:
            path.write_bytes(bytes.fromhex(content["hex"]))
        else:
            path.write_text(content["repeat"] * content["times"], encoding="utf-8")
    if "long_line" in case:
        spec = case["long_line"]
        path = project / spec["file"]
        path.write_text(path.read_text("utf-8").replace(spec["marker"], "a" * spec["times"]),
                        encoding="utf-8")
    if "sparse" in case:
        with open(project / case["sparse"]["file"], "ab") as handle:
            handle.truncate(case["sparse"]["size"])
    if "symlink" in case:
        outside = root / "outside.md"
        outside.write_text(event_text("outside", "2019", "Outside"), encoding="utf-8")
        (project / case["symlink"]["path"]).symlink_to(outside)
    return project


def digests(project: Path) -> dict[str, str]:
    found = {}
    for path in project.rglob("*"):
        if path.is_file() and not path.is_symlink() and ".timeline" not in path.name:
            with open(path, "rb") as handle:
                found[str(path.relative_to(project))] = hashlib.sha256(handle.read()).hexdigest()
    return found


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case, tmp_path, capsys, monkeypatch):
    project = make_project(tmp_path, case)
    monkeypatch.chdir(project)
    before = digests(project)
    with pytest.raises(SystemExit) as exited:
        main(case["command"])
    out, err = capsys.readouterr()
    output = out + err
    assert exited.value.code == case["exit"], output
    for expected in case["expect"]:
        assert expected in output, f"missing {expected!r} in:\n{output}"
    assert "Traceback" not in output and "internal error" not in output, output
    after = digests(project)
    for name, digest in before.items():
        assert after.get(name) == digest, f"{name} was changed or lost"
    added = set(after) - set(before)
    assert all(name.startswith(os.path.join("content", "events")) for name in added), added
    assert not (project / "pwned").exists()
