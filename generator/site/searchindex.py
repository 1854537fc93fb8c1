"""Build the Explore page's search index: Pagefind over the per-event records.

The records (see `generator.render.explore`) are written into a temporary folder,
outside the site, and Pagefind's indexer (the binary the `pagefind[bin]` package ships;
no network) writes its chunked index, its script and its styles into the site's
`pagefind/` folder. The browser then loads only the chunks a query needs, so the first
search stays fast at 100,000 events.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..core.errors import GeneratorError

BUNDLE = "pagefind"


class SearchIndexError(GeneratorError):
    """Raised by `write_index` when Pagefind is missing or fails."""


def pagefind_binary() -> Path:
    """The indexer shipped by the `pagefind` package (or named by PAGEFIND_BINARY_PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise SearchIndexError("the Explore page needs Pagefind: pip install "
                               "'pagefind[bin]' (or set `explore: false`)") from exc
    binary = get_executable()
    if binary is None:
        raise SearchIndexError("Pagefind's indexer binary is not installed: pip install "
                               "'pagefind[bin]' (or set `explore: false`)")
    return binary


def write_index(records: dict[str, str], site_dir: Path) -> Path:
    """Index `records` ({file name: HTML}) into `site_dir`/pagefind; returns that folder."""
    binary = pagefind_binary()
    out = site_dir / BUNDLE
    with tempfile.TemporaryDirectory(prefix="timeline-records-") as tmp:
        for name, text in records.items():
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        shutil.rmtree(out, ignore_errors=True)
        result = subprocess.run([str(binary), "--site", tmp, "--output-path", str(out),
                                 "--silent"], capture_output=True, text=True)
    if result.returncode:
        raise SearchIndexError(f"Pagefind failed ({result.returncode}): "
                               f"{(result.stderr or result.stdout).strip()[-2000:]}")
    return out
