"""Every rule file loads through the one loader, and every rule's examples still hold.

Broken copies of the real data show that the loader refuses unknown pattern names, bad
regexes, duplicate rule names and unknown filters, and that a wrong example is caught.
"""

from __future__ import annotations

import shutil
from importlib import resources as ir
from pathlib import Path

import pytest

from generator.extraction.tagger import get_tagger, parse_dct
from generator.extraction.tagger.resources import ResourceError, load, load_dir
from generator.extraction.tagger.rules import Example, Rule

RES = load("en")
EXAMPLES = [pytest.param(rule, ex, id=f"{rule.name}-{i}")
            for rule in RES.rules for i, ex in enumerate(rule.examples)]


def example_problem(rule: Rule, example: Example) -> str | None:
    """Why `example` does not come out as its rule says (None when it does)."""
    text = example.text.replace("[", "").replace("]", "")
    start = example.text.index("[")
    end = example.text.index("]") - 1
    found = get_tagger("en").tag(text, parse_dct(example.dct))
    if rule.reject:
        hits = [t for t in found if t.start < end and t.end > start]
        return f"tagged {[(t.text, t.rule) for t in hits]}" if hits else None
    hits = [t for t in found if (t.start, t.end) == (start, end)]
    if not hits:
        return f"span not tagged; got {[(t.text, t.value, t.rule) for t in found]}"
    got = hits[0]
    if got.rule != rule.name:
        return f"tagged by rule {got.rule!r}"
    if got.value != example.value:
        return f"value {got.value!r}, expected {example.value!r}"
    if example.mod is not None and got.mod != example.mod:
        return f"mod {got.mod!r}, expected {example.mod!r}"
    return None


@pytest.mark.parametrize("rule,example", EXAMPLES)
def test_rule_example(rule: Rule, example: Example) -> None:
    problem = example_problem(rule, example)
    assert problem is None, f"{rule.source}: {rule.name}: {example.text!r}: {problem}"


def test_every_rule_has_a_reason_and_examples() -> None:
    for rule in RES.rules:
        assert rule.why.strip() and rule.examples, rule.name


def test_rule_types_and_names_are_sound() -> None:
    names = [r.name for r in RES.rules]
    assert len(names) == len(set(names))
    assert all(r.reject or r.type in ("DATE", "TIME", "DURATION", "SET") for r in RES.rules)


def test_every_rule_has_trigger_keys() -> None:
    """A rule without trigger keys runs on every sentence: allowed, but not by accident."""
    assert [r.name for r in RES.rules if r.keys is None] == []


def test_checker_catches_a_wrong_example() -> None:
    rule = next(r for r in RES.rules if r.name == "date_month_day")
    wrong = Example(text="Xinhua reported [July 21] that buyers asked.", value="2019-07-22",
                    dct="2019-07-22")
    assert "value" in example_problem(rule, wrong)


# -- broken copies of the data ----------------------------------------------------------

@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    source = ir.files("generator.extraction.tagger") / "data" / "en"
    target = tmp_path / "en"
    with ir.as_file(source) as path:
        shutil.copytree(path, target)
    return target


def _append_rule(folder: Path, text: str) -> None:
    path = folder / "rules" / "date.yml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


GOOD_RULE = """
- name: {name}
  pattern: '{pattern}'
  value: '{value}'
  why: test
  examples:
  - {{text: "It was [May].", value: "2019-05"}}
"""


def test_copy_of_the_data_loads(data_copy: Path) -> None:
    assert len(load_dir(data_copy).rules) == len(RES.rules)


@pytest.mark.parametrize("name,pattern,value,message", [
    ("t_unknown_pattern", "(%monthz)", "XXXX-{1|month}", "unknown pattern '%monthz'"),
    ("t_bad_regex", "(%month", "XXXX-{1|month}", "bad regex"),
    ("date_month", "(%month)", "XXXX-{1|month}", "duplicate rule name 'date_month'"),
    ("t_unknown_filter", "(%month)", "XXXX-{1|monthz}", "unknown filter 'monthz'"),
    ("t_bad_group", "(%month)", "XXXX-{2|month}", "names no group"),
    ("t_unknown_function", "(%month)", "fortnightly(2)", "unknown value function"),
])
def test_loader_refuses(data_copy: Path, name: str, pattern: str, value: str,
                        message: str) -> None:
    _append_rule(data_copy, GOOD_RULE.format(name=name, pattern=pattern, value=value))
    with pytest.raises(ResourceError, match=message.replace("(", r"\(")):
        load_dir(data_copy)


def test_loader_refuses_bad_pattern_file(data_copy: Path) -> None:
    (data_copy / "patterns" / "broken.txt").write_text("# a broken list\n(a|b\n")
    with pytest.raises(ResourceError, match=r"patterns/broken.txt: bad regex"):
        load_dir(data_copy)


def test_loader_refuses_rule_without_examples(data_copy: Path) -> None:
    _append_rule(data_copy, "\n- name: t_no_examples\n  pattern: '(%month)'\n"
                            "  value: 'XXXX-{1|month}'\n  why: test\n")
    with pytest.raises(ResourceError, match="'examples' must be a non-empty list"):
        load_dir(data_copy)


def test_loader_refuses_bad_yaml(data_copy: Path) -> None:
    (data_copy / "norms" / "month.yml").write_text("january: [\n")
    with pytest.raises(ResourceError, match="norms/month.yml: not valid YAML"):
        load_dir(data_copy)


def test_unknown_language() -> None:
    with pytest.raises(ResourceError, match="no tagger resources"):
        load("xx")
