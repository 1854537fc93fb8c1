"""How long `mkdocs serve --dirty` takes to show an edited event (used by bench_build.py).

The clock runs from the moment the event file is written until the served event page
(or, without event pages, its period page) holds the new title, polled over HTTP on
127.0.0.1 every 50 ms: what a person waiting in the browser sees, short of the reload.
"""

from __future__ import annotations

import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

POLL = 0.05


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait(url: str, text: str, seconds: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if text in _get(url):
            return time.perf_counter() - start
        time.sleep(POLL)
    raise TimeoutError(f"{url} did not show {text!r} within {seconds:.0f} s")


def edit_to_visible(project: Path, events: Path, edits: int, event_id: str = "e000005",
                    page: str = "") -> dict:
    """Start `mkdocs serve --dirty`, then edit one event `edits` times; seconds each."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    url = base + (page or f"events/{event_id}/")
    path = events / f"{event_id}.md"
    original = path.read_text(encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty",
                                "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        first = _wait(url, "</html>", 3600)
        times = []
        for number in range(edits):
            time.sleep(2)  # let the watcher settle after the previous build
            marker = f"Edited{number}at{time.time_ns()}"
            text = re.sub(r"^title: ", f"title: {marker} ", original, count=1, flags=re.M)
            start = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            _wait(url, marker, 600)
            times.append(time.perf_counter() - start)
    finally:
        process.terminate()
        process.wait(timeout=30)
        path.write_text(original, encoding="utf-8")
    return {"first_build": first, "median": statistics.median(times), "all": times}
