"""Load and check a language's pattern lists, norm tables and rule files (cached).

Layout under `data/<lang>/`:
    patterns/NAME.txt   one regex alternative per line (`#` starts a comment line;
                        `# flags: case-sensitive` makes the list case-sensitive);
                        `%NAME` in rules refers to it
    norms/NAME.yml      surface form -> normalised value; `{1|NAME}` in values uses it
    rules/*.yml         rules (see the header of rules/date.yml)

Everything is validated on load, so a broken data file fails at start-up (and in the
resource test) with a message naming the file, never later in the middle of a run.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources as _ir
from typing import Any

import yaml

from ...core.errors import GeneratorError
from .anchor import FUNCTIONS
from .normalize import norm_key, template_problems
from .rules import Rule, RuleError, alternatives, build_rule

_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_CALL = re.compile(r"([a-z_]+)\(")
# Pattern lists the code refers to by name (tense cues, the sentence splitter, the
# zones that mark a live-blog stamp, the words of weekday ranges).
NEEDED_PATTERNS = ("future_cue", "past_cue", "present_cue", "report_cue", "abbreviation",
                   "timezone", "weekday_range", "habitual_cue")


class ResourceError(GeneratorError):
    """Raised by `load` when a language's data files are missing or malformed."""


@dataclass(frozen=True)
class Resources:
    """Everything the tagger knows about one language."""

    lang: str
    patterns: dict[str, str]
    norms: dict[str, dict[str, str]]
    rules: tuple[Rule, ...]


@functools.lru_cache(maxsize=None)
def load(lang: str = "en") -> Resources:
    """The checked resources of `lang`; raises ResourceError naming the bad file."""
    if not _NAME.match(lang):
        raise ResourceError(f"bad language code {lang!r}")
    root = _ir.files(__package__) / "data" / lang
    if not root.is_dir():
        raise ResourceError(f"no tagger resources for language '{lang}'")
    return load_dir(root, lang)


def load_dir(root, lang: str = "en") -> Resources:
    """Load and check the resources in folder `root` (a path or package resource)."""
    lists = {name: _pattern_lines(text, name) for name, text in _files(root / "patterns", ".txt")}
    patterns = {name: alternatives(lines, cs) for name, (lines, cs) in lists.items()}
    key_patterns = {name: alternatives(lines, cs, fast=False) for name, (lines, cs) in lists.items()}
    norms = {name: _norm_table(text, name) for name, text in _files(root / "norms", ".yml")}
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for name, text in _files(root / "rules", ".yml"):
        for rule in _rule_file(text, f"rules/{name}.yml", patterns, key_patterns):
            if rule.name in seen:
                raise ResourceError(f"rules/{name}.yml: duplicate rule name '{rule.name}' "
                                    f"(also in {seen[rule.name]})")
            seen[rule.name] = rule.source
            _check_templates(rule, norms)
            rules.append(rule)
    for needed in NEEDED_PATTERNS:
        if needed not in patterns:
            raise ResourceError(f"missing patterns/{needed}.txt (the tagger's code uses it)")
    return Resources(lang, patterns, norms, tuple(rules))


def _check_templates(rule: Rule, norms: dict[str, dict[str, str]]) -> None:
    where = f"{rule.source}: rule '{rule.name}'"
    for field, template in (("value", rule.value), ("mod", rule.mod or "")):
        problems = template_problems(template, rule.regex, norms)
        if problems:
            raise ResourceError(f"{where}: {field} {template!r}: {'; '.join(problems)}")
    for name in _CALL.findall(rule.value):
        if name not in FUNCTIONS:
            raise ResourceError(f"{where}: unknown value function '{name}()'; known: "
                                f"{', '.join(sorted(FUNCTIONS))}")


def _files(folder, suffix: str):
    if not folder.is_dir():
        raise ResourceError(f"missing resource folder {folder.name}/")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(suffix):
            name = entry.name[: -len(suffix)]
            if not _NAME.match(name):
                raise ResourceError(f"{folder.name}/{entry.name}: file names must be "
                                    "lower-case identifiers")
            yield name, entry.read_text(encoding="utf-8")


def _pattern_lines(text: str, name: str) -> tuple[list[str], bool]:
    lines, case_sensitive = [], False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            case_sensitive |= stripped.replace(" ", "") == "#flags:case-sensitive"
        elif stripped:
            lines.append(stripped)
    if not lines:
        raise ResourceError(f"patterns/{name}.txt: no alternatives")
    for line in lines:
        try:
            re.compile(line)
        except re.error as exc:
            raise ResourceError(f"patterns/{name}.txt: bad regex {line!r} ({exc})") from None
    return lines, case_sensitive


def _norm_table(text: str, name: str) -> dict[str, str]:
    data = _yaml(text, f"norms/{name}.yml")
    if not isinstance(data, dict) or not data:
        raise ResourceError(f"norms/{name}.yml: expected a mapping of surface form -> value")
    table: dict[str, str] = {}
    for key, value in data.items():
        norm = norm_key(str(key))
        if norm in table and table[norm] != str(value):
            raise ResourceError(f"norms/{name}.yml: '{key}' is listed twice with "
                                f"different values")
        table[norm] = str(value)
    return table


def _rule_file(text: str, source: str, patterns: dict[str, str],
               key_patterns: dict[str, str]) -> list[Rule]:
    data = _yaml(text, source)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ResourceError(f"{source}: expected a mapping with a 'rules' list")
    defaults = {k: v for k, v in data.items() if k != "rules"}
    try:
        return [build_rule(raw, defaults, patterns, source, key_patterns)
                for raw in data["rules"]]
    except RuleError as exc:
        raise ResourceError(str(exc)) from None


def _yaml(text: str, source: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceError(f"{source}: not valid YAML ({exc})") from None
