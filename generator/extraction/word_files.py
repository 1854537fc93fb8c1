"""The rules' plain-text word lists in data/: one word or phrase a line, `#` comments,
and `[section]` lines that start a named group. One reader for all of them, so every
list is read by the same rules."""

from __future__ import annotations

from importlib import resources


def data_lines(name: str) -> list[str]:
    """The entries of data/`name`, stripped, without blank and comment lines."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def data_sections(name: str, first: str) -> dict[str, frozenset[str]]:
    """The entries of data/`name` by section; entries before any `[section]` line
    belong to `first`."""
    sections: dict[str, set[str]] = {first: set()}
    current = first
    for line in data_lines(name):
        if line.startswith("["):
            current = line.strip("[]")
            sections.setdefault(current, set())
        else:
            sections[current].add(line)
    return {section: frozenset(entries) for section, entries in sections.items()}
