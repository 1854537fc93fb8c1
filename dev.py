#!/usr/bin/env python3
"""Set up and run the project with nothing but Python: `python3 dev.py demo|test|serve`.

Creates the project's virtual environment in .venv on first use, installs the package
into it (editable), then runs the task. Standard library only, so it works on a fresh
machine before anything is installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
# mkdocs-material 9.8 needs Python 3.11; keep in step with `requires-python` in pyproject.toml
MIN_PYTHON = (3, 11)
# A config under one of these names is ProperDocs' (MkDocs does not look for them)
PROPERDOCS_CONFIGS = ("properdocs.yml", "properdocs.yaml")


def python_problem(version: tuple = tuple(sys.version_info[:2])) -> str:
    """Why this Python cannot run the project ("" when it can)."""
    if tuple(version[:2]) >= MIN_PYTHON:
        return ""
    wanted = ".".join(map(str, MIN_PYTHON))
    found = ".".join(map(str, version[:2]))
    return (f"Timeline Generator needs Python {wanted} or newer (its theme, mkdocs-material, "
            f"does), and this is Python {found}. Install Python {wanted}+ and run this "
            f"script with it, for example `python{wanted} dev.py test`.")


def run(*command: str) -> None:
    print("+", " ".join(command), flush=True)
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode:
        sys.exit(result.returncode)


def setup(extras: str = "") -> None:
    """Create .venv if needed and install the project (with `extras`) into it."""
    if not (BIN / "python").exists() and not (BIN / "python.exe").exists():
        print(f"+ creating virtual environment {VENV.name}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
        run(str(BIN / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(str(BIN / "python"), "-m", "pip", "install", "--quiet", "--editable", target)


def installed(tool: str, bin_dir: Path = BIN) -> bool:
    return (bin_dir / tool).exists() or (bin_dir / f"{tool}.exe").exists()


def named_for_properdocs(root: Path = ROOT) -> bool:
    """Whether the project's config bears a name only ProperDocs looks for."""
    return any((root / name).is_file() for name in PROPERDOCS_CONFIGS)


def engine(root: Path = ROOT, bin_dir: Path = BIN) -> str:
    """The site engine to run: ProperDocs when the config bears its name, else MkDocs
    (the declared dependency) when installed, else ProperDocs when that is."""
    if named_for_properdocs(root):
        return "properdocs"
    if installed("mkdocs", bin_dir) or not installed("properdocs", bin_dir):
        return "mkdocs"
    return "properdocs"


def setup_engine() -> str:
    """Install the project and the engine its config needs; that engine's executable."""
    setup("properdocs" if named_for_properdocs() else "")
    return str(BIN / engine())


def demo(args: list[str]) -> None:
    """Extract the events of seeds/ and build the demo site into site/."""
    site_engine = setup_engine()
    run(str(BIN / "timeline"), "extract", "--quiet")
    run(str(BIN / "timeline"), "check")
    run(site_engine, "build", "--strict", *args)
    print(f"\nBuilt the demo site into {ROOT / 'site'}. To open it, run `python3 dev.py serve` "
          "and visit http://127.0.0.1:8000/ (it rebuilds and reloads as you edit events), or "
          "serve the built files with `python3 -m http.server -d site` and visit "
          "http://127.0.0.1:8000/ (search needs a web server, not a file:// page).")


def serve(args: list[str]) -> None:
    """Preview the site with live reload while you edit event files."""
    site_engine = setup_engine()
    # --livereload is mkdocs' default, said explicitly: click 8.3 releases lost that default.
    # --dirty rebuilds only the pages whose source changed; the timeline plugin keeps
    # unchanged generated pages unchanged on disk, so an edited event shows in a second.
    run(site_engine, "serve", "--livereload", "--dirty", *args)


def test(args: list[str]) -> None:
    """Run the whole test suite (extra arguments go to pytest)."""
    setup("test")
    run(str(BIN / "python"), "-m", "pytest", *args)


TASKS = {"demo": demo, "serve": serve, "test": test}

if __name__ == "__main__":
    if python_problem():
        print(python_problem(), file=sys.stderr)
        sys.exit(2)
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(f"usage: python3 dev.py {{{'|'.join(TASKS)}}} [args...]\n")
        for name, task in TASKS.items():
            print(f"  {name:6} {task.__doc__}")
        sys.exit(2)
    TASKS[sys.argv[1]](sys.argv[2:])
