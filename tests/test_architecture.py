"""The layout ARCHITECTURE.md draws is the layout the code has.

Every import in `generator/` (function-level ones included, so a late import cannot hide a
cycle) is read with `ast`; the test fails on a cycle between modules, on an import between
rooms the table in ARCHITECTURE.md does not allow, and on a module the document does not
list (or lists but does not exist).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "generator"
ARCHITECTURE = ROOT / "ARCHITECTURE.md"
TOP_LEVEL_ROOMS = {"__init__", "__main__", "cli", "config"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of `generator` that the module `name` imports, anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            # `from pkg import mod` imports the module; `from mod import name` the module
            targets = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in known else origin
                       for a in node.names]
        else:
            continue
        for target in targets:
            if target.split(".")[0] != "generator":
                continue
            while target not in known and "." in target:
                target = target.rpartition(".")[0]
            if target != name:
                found.add(target)
    return found


def room_of(name: str) -> str:
    parts = name.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def allowed_directions() -> dict[str, set[str]]:
    """Room -> the rooms it may import, from the table in ARCHITECTURE.md."""
    table = {}
    for line in ARCHITECTURE.read_text("utf-8").splitlines():
        row = re.fullmatch(r"\| `(\w+)` \| [^|]+ \| ([^|]+) \|", line.strip())
        if row:
            table[row.group(1)] = set(re.findall(r"`(\w+)`", row.group(2)))
    return table


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(name, path, set(found)) for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def test_the_table_names_every_room_and_only_rooms():
    rooms = {room_of(name) for name in modules()}
    table = allowed_directions()
    assert set(table) == rooms
    for room, targets in table.items():
        assert targets <= rooms, f"{room} may import unknown rooms {targets - rooms}"


def test_no_import_cycle_between_modules():
    assert cycles(graph()) == []


def test_rooms_import_only_in_the_directions_architecture_md_draws():
    table = allowed_directions()
    wrong = sorted(f"{source} imports {target}"
                   for source, targets in graph().items() for target in targets
                   if room_of(target) != room_of(source)
                   and room_of(target) not in table[room_of(source)])
    assert wrong == []


def has_code(path: Path) -> bool:
    """More than a docstring (a package whose `__init__` only names the room has no job)."""
    return len(ast.parse(path.read_text("utf-8")).body) > 1


def test_every_module_is_listed_in_architecture_md():
    text = ARCHITECTURE.read_text("utf-8")
    listed = set(re.findall(r"`(generator/[\w/]+\.py)`", text))
    # a line may list several modules of one folder: `generator/x/a.py`, `b.py`, ...
    for line in text.splitlines():
        first = re.match(r"- `(generator/[\w/]+/)\w+\.py`", line)
        if first:
            listed |= {first.group(1) + name for name in re.findall(r"`(\w+\.py)`", line)}
    actual = {p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*.py")
              if p.name != "__init__.py" or has_code(p)}
    assert actual - listed == set(), "add a line for each new module to ARCHITECTURE.md"
    assert {p for p in listed if not (ROOT / p).is_file()} == set()


@pytest.mark.parametrize("edges, expected", [
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
])
def test_the_cycle_finder_finds_cycles(edges, expected):
    assert cycles(edges) == expected


def test_a_late_import_is_still_an_import(tmp_path):
    module = tmp_path / "generator" / "site" / "x.py"
    module.parent.mkdir(parents=True)
    module.write_text("def f():\n    from ..extraction import run\n", "utf-8")
    found = imports_of("generator.site.x", module,
                       {"generator.site.x", "generator.extraction", "generator.extraction.run"})
    assert found == {"generator.extraction.run"}
