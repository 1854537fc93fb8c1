"""The site engine's classes, from whichever engine is installed: MkDocs or ProperDocs.

ProperDocs is a fork of MkDocs 1.6 with the same plugin API under another package name.
While it runs, it redirects `import mkdocs` to itself, so a build always gets the classes
of the engine that is running. Outside a build (the `timeline` commands) only the
config schema is needed, and it comes from `mkdocs` when installed, else `properdocs`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

ENGINES = ("mkdocs", "properdocs")  # MkDocs first: it is the declared dependency


def _engine_name() -> str:
    """The first engine of ENGINES that can be imported."""
    for name in ENGINES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise ImportError("Timeline Generator needs a site engine: install mkdocs or properdocs "
                      "(`pip install properdocs`)")


ENGINE = _engine_name()


def _module(path: str) -> ModuleType:
    return importlib.import_module(f"{ENGINE}.{path}")


_config = _module("config")
_plugins = _module("plugins")
_exceptions = _module("exceptions")
_files = _module("structure.files")

config_base = _module("config.base")
config_options = _module("config.config_options")
load_config = _config.load_config
BasePlugin = _plugins.BasePlugin
event_priority = _plugins.event_priority
get_plugin_logger = _plugins.get_plugin_logger
PluginError = _exceptions.PluginError
File = _files.File
Files = _files.Files
