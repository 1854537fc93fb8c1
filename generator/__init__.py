"""Timeline Generator: news articles -> dated event records -> a searchable timeline site.

The small public API; the CLI and the mkdocs plugin are thin adapters over it.
"""

from __future__ import annotations

from .core.dates import DateValue, human_date, parse_date
from .core.model import Event, Source, sort_events
from .core.version import __version__
from .store.codec import dumps, loads
from .store.folder import Store, load_store
from .store.writer import sync_generated


def __getattr__(name: str):  # noqa: ANN202
    """Settings read mkdocs' config schema: import it only when asked, so the renderer and
    the store can be used without loading mkdocs."""
    if name in ("Settings", "load_settings"):
        from . import config
        return getattr(config, name)
    raise AttributeError(f"module 'generator' has no attribute '{name}'")


__all__ = [
    "__version__", "DateValue", "Event", "Settings", "Source", "Store", "dumps", "human_date",
    "load_settings", "load_store", "loads", "parse_date", "sort_events", "sync_generated",
]
