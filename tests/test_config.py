"""Settings come from the `timeline` entry of mkdocs.yml, for the CLI and the plugin alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_settings
from generator.core.errors import ConfigError


def write_config(folder: Path, text: str) -> Path:
    path = folder / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_config_file(tmp_path):
    settings, warnings = load_settings(cwd=tmp_path)
    assert settings.events_dir == tmp_path.resolve() / "content/events"
    assert settings.config_file is None and warnings == []


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
    ("- just\n- a list\n", "expected mkdocs settings"),
])
def test_invalid_config_is_a_clear_error(tmp_path, text, message):
    write_config(tmp_path, text)
    with pytest.raises(ConfigError, match=message):
        load_settings(cwd=tmp_path)


def test_missing_explicit_config_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read it"):
        load_settings(tmp_path / "nope.yml")
