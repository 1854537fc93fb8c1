"""ProperDocs, MkDocs' drop-in fork, as a first-class engine.

The demo builds with `properdocs build --strict` whatever the config is called and
wherever it lies, and every `timeline` command reads the same config. All of it runs
with the `mkdocs` package hidden from Python, as on a machine where only ProperDocs
is installed.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.store.folder import load_store

from .conftest import ROOT
from .test_docs import demo_project

pytestmark = pytest.mark.slow

# Imported first by Python at start-up (from PYTHONPATH): makes `import mkdocs` fail as
# it does without the package. ProperDocs' own redirect of `mkdocs.*` to itself is put
# in front of this finder when ProperDocs starts, so a build still works.
HIDE_MKDOCS = '''
import sys


class HideMkdocs:
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith("mkdocs."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, HideMkdocs())
'''


@pytest.fixture
def without_mkdocs(tmp_path: Path) -> dict[str, str]:
    """The environment of a process in which `import mkdocs` fails."""
    folder = tmp_path / "hide-mkdocs"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(HIDE_MKDOCS, encoding="utf-8")
    path = [str(folder), str(ROOT), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, path))}


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def timeline(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "generator", *args], cwd, env)


def properdocs(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "properdocs", *args], cwd, env)


def test_mkdocs_is_hidden_and_the_engine_is_properdocs(tmp_path, without_mkdocs):
    hidden = run([sys.executable, "-c", "import mkdocs"], tmp_path, without_mkdocs)
    assert hidden.returncode == 1 and "No module named 'mkdocs'" in hidden.stderr
    engine = run([sys.executable, "-c", "from generator.engine import ENGINE; print(ENGINE)"],
                 tmp_path, without_mkdocs)
    assert engine.stdout.strip() == "properdocs", engine.stderr


def test_timeline_commands_read_properdocs_yml(tmp_path, without_mkdocs):
    """The issue's report: after the rename, extract read 0 articles and render titled
    the site "Timeline", the defaults; with mkdocs missing, every command failed."""
    project = demo_project(tmp_path / "project")
    (project / "mkdocs.yml").rename(project / "properdocs.yml")
    (project / "seeds-more").mkdir()
    config = project / "properdocs.yml"
    config.write_text(config.read_text("utf-8").replace("- seeds\n", "- seeds-more\n"
                                                        "        - seeds\n"), "utf-8")
    (project / "seeds-more" / "extra.md").write_text(
        "---\ntitle: More talks\npublished: 2019-08-01\n---\n"
        "Negotiators met again in Washington on September 5, 2019.\n", encoding="utf-8")

    extracted = timeline("extract", "--dry-run", cwd=project, env=without_mkdocs)
    assert extracted.returncode == 0, extracted.stderr
    assert "2 article(s) read" in extracted.stderr  # the seed and the configured folder
    assert "would write: 1 new" in extracted.stderr

    rendered = timeline("render", "--out", "out", cwd=project, env=without_mkdocs)
    assert rendered.returncode == 0, rendered.stderr
    assert 'title: "Trade talks timeline"' in (project / "out/index.md").read_text("utf-8")

    checked = timeline("check", cwd=project, env=without_mkdocs)
    assert checked.returncode == 0, checked.stderr
    assert "10 valid event(s)" in checked.stderr


def test_a_missing_config_is_a_loud_error_without_mkdocs(tmp_path, without_mkdocs):
    result = timeline("render", "--out", "out", cwd=tmp_path, env=without_mkdocs)
    assert result.returncode == 1
    assert result.stderr.startswith(f"timeline: error: no config file in {tmp_path}")
    assert "properdocs.yml, properdocs.yaml, mkdocs.yml, mkdocs.yaml" in result.stderr
    assert not (tmp_path / "out").exists()


def _config_named_properdocs_yml(project: Path) -> list[str]:
    (project / "mkdocs.yml").rename(project / "properdocs.yml")
    return []


def _config_elsewhere(project: Path) -> list[str]:
    """The demo's settings in a folder beside the project, its paths leading back."""
    settings = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    (project / "mkdocs.yml").unlink()
    settings["docs_dir"] = "../project/content/pages"
    settings["site_dir"] = "../project/site"
    for plugin in settings["plugins"]:
        if isinstance(plugin, dict) and "timeline" in plugin:
            options = plugin["timeline"]
            for key in ("events_dir", "templates_dir"):
                options[key] = "../project/" + options[key]
            options["articles"] = ["../project/" + path for path in options["articles"]]
    elsewhere = project.parent / "settings"
    elsewhere.mkdir()
    (elsewhere / "timeline-site.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    return ["-f", "../settings/timeline-site.yml"]


@pytest.mark.parametrize("arrange", [lambda project: [], _config_named_properdocs_yml,
                                     _config_elsewhere],
                         ids=["mkdocs.yml", "properdocs.yml", "-f elsewhere"])
def test_properdocs_builds_the_demo_strictly(tmp_path, without_mkdocs, arrange):
    project = demo_project(tmp_path / "project")
    options = arrange(project)
    result = properdocs("build", "--strict", *options, cwd=project, env=without_mkdocs)
    assert result.returncode == 0, result.stderr
    events = load_store(project / "content" / "events").events
    assert len(events) == 10
    site = project / "site"
    for event in events:
        page = (site / "events" / event.id / "index.html").read_text("utf-8")
        assert event.title in page or html.escape(event.title) in page, event.id
    home = (site / "index.html").read_text("utf-8")
    assert "<title>Trade talks timeline" in home  # the site_name of the config read
    assert (site / "pagefind").is_dir() and (site / "feed.xml").is_file()


def test_properdocs_finds_the_plugin_in_its_own_entry_point_group():
    """ProperDocs still reads `mkdocs.plugins` too, but its own group is the one it keeps."""
    from properdocs.plugins import get_plugins

    from generator.site.plugin import TimelinePlugin

    found = get_plugins()["timeline"]
    assert found.group == "properdocs.plugins"
    assert found.load() is TimelinePlugin
