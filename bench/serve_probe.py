#!/usr/bin/env python3
"""How long `mkdocs serve --dirty` takes to show an edited event (used by bench_build.py).

The clock runs from the moment the event file is written until the served event page
(or, without event pages, its period page) holds the new title, polled over HTTP on
127.0.0.1 every 50 ms: what a person waiting in the browser sees, short of the reload.
Beside the wall clock it reads the server's CPU time (user + system, its own and its
finished children's, from /proc) until the page shows, and for the whole rebuild: until
the server is idle again (the exports and the Explore index it writes after the reload).
Each edit waits for that idle moment first, so edits never pile up.

Run alone it compares two copies of the code, interleaved (A, B, A, B...), each round a
server of its own on the same synthetic store:

    .venv/bin/python bench/serve_probe.py --events 1000 --rounds 3 --edits 3 \\
        --base ../base-checkout
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional

POLL = 0.05
IDLE_WINDOW = 0.5   # seconds of near-zero CPU that count as idle
IDLE_SHARE = 0.05   # "near zero": under 5 % of one core
TICKS = os.sysconf("SC_CLK_TCK")


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


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and of its children it has waited for."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / TICKS  # utime stime cutime cstime


def _has_children(pid: int) -> bool:
    """Whether the process runs a child now (the Pagefind indexer)."""
    return any(task.joinpath("children").read_text().strip()
               for task in Path(f"/proc/{pid}/task").iterdir())


def _wait_idle(pid: int, seconds: float = 600) -> None:
    """Until the process has used (almost) no CPU for IDLE_WINDOW seconds and runs no
    child."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(IDLE_WINDOW)
        if cpu_seconds(pid) - before < IDLE_SHARE * IDLE_WINDOW and not _has_children(pid):
            return
    raise TimeoutError(f"the server stayed busy for {seconds:.0f} s")


def edit_to_visible(project: Path, events: Path, edits: int, event_id: str = "e000005",
                    page: str = "", env: Optional[dict] = None) -> dict:
    """Start `mkdocs serve --dirty`, then edit one event `edits` times; seconds each."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    url = base + (page or f"events/{event_id}/")
    path = events / f"{event_id}.md"
    original = path.read_text(encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty",
                                "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        first = _wait(url, "</html>", 3600)
        times, cpu_shown, cpu_rebuild = [], [], []
        for number in range(edits):
            _wait_idle(process.pid)  # the previous rebuild, its exports and index done
            marker = f"Edited{number}at{time.time_ns()}"
            text = re.sub(r"^title: ", f"title: {marker} ", original, count=1, flags=re.M)
            cpu = cpu_seconds(process.pid)
            start = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            _wait(url, marker, 600)
            times.append(time.perf_counter() - start)
            cpu_shown.append(cpu_seconds(process.pid) - cpu)
            _wait_idle(process.pid)
            cpu_rebuild.append(cpu_seconds(process.pid) - cpu)
    finally:
        process.terminate()
        process.wait(timeout=60)
        path.write_text(original, encoding="utf-8")
    return {"first_build": first, "median": statistics.median(times), "all": times,
            "cpu_shown": cpu_shown, "cpu_rebuild": cpu_rebuild}


def _compare(args: argparse.Namespace) -> None:
    """Interleaved rounds of the base copy (A) and this one (B) on one store."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.corpus import write_events
    from bench.sites import full_project

    work = Path(args.work)
    events = work / "events"
    if not events.is_dir():
        write_events(events, args.events, seed=1)
    project = full_project(work / "full", events)
    copies = {"A": str(Path(args.base).resolve()), "B": str(Path(__file__).resolve().parents[1])}
    rows = []
    print(f"load before: {os.getloadavg()}", flush=True)
    for round_number in range(args.rounds):
        for name, root in copies.items():
            env = {**os.environ, "PYTHONPATH": root}
            result = edit_to_visible(project, events, args.edits, env=env)
            result.update(copy=name, round=round_number, load=os.getloadavg())
            rows.append(result)
            print(json.dumps(result), flush=True)
    print(f"load after: {os.getloadavg()}")
    for name in copies:
        mine = [r for r in rows if r["copy"] == name]
        pooled = {key: statistics.median(v for r in mine for v in r[key])
                  for key in ("all", "cpu_shown", "cpu_rebuild")}
        print(f"{name}: edit shown {pooled['all']:.2f} s wall, server CPU "
              f"{pooled['cpu_shown']:.2f} s until shown, {pooled['cpu_rebuild']:.2f} s "
              f"for the whole rebuild (medians of {sum(len(r['all']) for r in mine)} edits)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--base", required=True, help="a checkout of the code to compare")
    parser.add_argument("--work", default="bench-serve", help="folder for store and project")
    _compare(parser.parse_args())


if __name__ == "__main__":
    main()
