"""A Markdown extension that warns when a site is built without the `timeline` plugin.

Zensical reads mkdocs.yml but skips plugins it does not know without a word: on our
config it writes a site with the hand-written pages and none of the events. It does run
the Python-Markdown extensions the config lists, so this one, listed under
`markdown_extensions:`, is the only part of the project such an engine executes. The
plugin marks the process when it runs; when a page is converted and no plugin has run,
the first page prints a warning naming the supported route. Under mkdocs or ProperDocs
with the plugin it does nothing.
"""

from __future__ import annotations

import sys

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_state = {"plugin_ran": False, "warned": False}


def note_plugin_ran() -> None:
    """Called by the plugin's on_config: this build has the generated pages."""
    _state["plugin_ran"] = True


def warning_text() -> str:
    """What a build without the plugin is told (says which engine when it can tell)."""
    engine = "Zensical" if "zensical" in sys.modules else "this engine"
    return (f"timeline: warning: {engine} does not run the `timeline` plugin, so this site "
            "has none of the generated pages (events, periods, Explore, exports). Build it "
            "with `timeline build --engine zensical` instead (see the user guide, "
            "\"Building with Zensical\").")


class _Check(Preprocessor):
    """Looks once, at the first page converted, whether the plugin has run."""

    def run(self, lines: list[str]) -> list[str]:
        if not _state["plugin_ran"] and not _state["warned"]:
            _state["warned"] = True
            print(warning_text(), file=sys.stderr, flush=True)
        return lines


class PluginCheck(Extension):
    """The extension: one preprocessor that changes nothing."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(_Check(md), "timeline_plugin_check", 0)


def makeExtension(**kwargs) -> PluginCheck:  # noqa: N802, ANN003 - Python-Markdown's hook
    return PluginCheck(**kwargs)
