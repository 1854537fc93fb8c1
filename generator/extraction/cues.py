"""The extraction cues: word lists that tell a happening from a statement, and more.

The lists are data (`data/cues.yml`), each with its reason and evidence; candidates and
merging read them through `cues()`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=None)
def cues() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("data", "cues.yml").read_text("utf-8")
    return yaml.safe_load(text)
