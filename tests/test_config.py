"""Settings come from the `timeline` entry of the config file (mkdocs.yml or
properdocs.yml), for the CLI and the plugin alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import CONFIG_NAMES, load_settings
from generator.core.errors import ConfigError


def write_config(folder: Path, text: str, name: str = "mkdocs.yml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_no_config_file_is_a_loud_error_naming_what_was_looked_for(tmp_path):
    """No silent fallback to the defaults: the user's settings may be in a file under
    another name, and a command reading defaults would write to the wrong folder."""
    with pytest.raises(ConfigError) as error:
        load_settings(cwd=tmp_path)
    message = str(error.value)
    assert str(tmp_path.resolve()) in message
    for name in ("properdocs.yml", "properdocs.yaml", "mkdocs.yml", "mkdocs.yaml"):
        assert name in message
    assert "-f FILE" in message


def test_defaults_without_a_config_file_only_when_not_required(tmp_path):
    settings, warnings = load_settings(cwd=tmp_path, required=False)
    assert settings.events_dir == tmp_path.resolve() / "content/events"
    assert settings.config_file is None and warnings == []


@pytest.mark.parametrize("name", CONFIG_NAMES)
def test_every_config_name_is_found(tmp_path, name):
    write_config(tmp_path, "site_name: Found\nplugins:\n  - timeline:\n      events_dir: ev\n",
                 name)
    settings, warnings = load_settings(cwd=tmp_path)
    assert settings.config_file == tmp_path / name and warnings == []
    assert settings.site_name == "Found" and settings.events_dir.name == "ev"


def test_properdocs_yml_wins_over_mkdocs_yml_with_a_warning(tmp_path):
    """ProperDocs' own order; the warning says which file was read and which were not,
    since `mkdocs` itself would read the other one."""
    write_config(tmp_path, "site_name: New\n", "properdocs.yml")
    write_config(tmp_path, "site_name: Old\n", "mkdocs.yml")
    settings, warnings = load_settings(cwd=tmp_path)
    assert settings.site_name == "New"
    assert len(warnings) == 1
    assert str(tmp_path / "properdocs.yml") in warnings[0]
    assert "mkdocs.yml beside it is ignored" in warnings[0]


def test_an_explicit_config_file_is_read_whatever_lies_beside_it(tmp_path):
    write_config(tmp_path, "site_name: Beside\n", "properdocs.yml")
    other = tmp_path / "conf"
    other.mkdir()
    chosen = write_config(other, "site_name: Chosen\nplugins:\n  - timeline\n", "site.yml")
    settings, warnings = load_settings(chosen, cwd=tmp_path)
    assert settings.site_name == "Chosen" and warnings == []
    assert settings.events_dir == other.resolve() / "content/events"


def test_options_are_relative_to_the_config_file(tmp_path):
    sub = tmp_path / "site"
    sub.mkdir()
    config = write_config(sub, "site_name: My timeline\nplugins:\n  - search\n  - timeline:\n"
                               "      events_dir: data/events\n      articles: [news, more]\n")
    settings, _ = load_settings(config, cwd=tmp_path)
    assert settings.events_dir == sub.resolve() / "data/events"
    assert settings.articles == (sub.resolve() / "news", sub.resolve() / "more")
    assert settings.site_name == "My timeline"


def test_plugin_listed_without_options_and_mapping_form(tmp_path):
    write_config(tmp_path, "plugins:\n  - timeline\n")
    assert load_settings(cwd=tmp_path)[0].events_dir.name == "events"
    write_config(tmp_path, "plugins:\n  timeline:\n    events_dir: ev\n")
    assert load_settings(cwd=tmp_path)[0].events_dir.name == "ev"


def test_env_tag_and_python_tags_are_safe(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTS", "from-env")
    write_config(tmp_path, "site_name: !ENV [SITE, default]\nmarkdown_extensions:\n"
                           "  - pymdownx.emoji:\n"
                           "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                           "plugins:\n  - timeline:\n      events_dir: !ENV EVENTS\n")
    settings, _ = load_settings(cwd=tmp_path)
    assert settings.events_dir.name == "from-env"
    assert settings.site_name == "default"


def test_unknown_option_is_a_warning(tmp_path):
    write_config(tmp_path, "plugins:\n  - timeline:\n      event_dir: typo\n")
    _, warnings = load_settings(cwd=tmp_path)
    assert len(warnings) == 1 and "event_dir" in warnings[0]


@pytest.mark.parametrize("text, message", [
    ("plugins:\n  - timeline:\n      events_dir: 3\n", "option 'events_dir'"),
    ("plugins:\n  - timeline: [1]\n", "must hold key: value options"),
    ("plugins: [timeline\n", "not valid YAML"),
    ("- just\n- a list\n", "expected site settings"),
])
def test_invalid_config_is_a_clear_error(tmp_path, text, message):
    write_config(tmp_path, text)
    with pytest.raises(ConfigError, match=message):
        load_settings(cwd=tmp_path)


def test_missing_explicit_config_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read it"):
        load_settings(tmp_path / "nope.yml")
