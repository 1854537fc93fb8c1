#!/usr/bin/env python3
"""The interactive page at 1,000 events in headless chromium: how soon the timeline shows,
how long the main thread freezes, and how many slides opening it builds.

    python bench/interactive_probe.py [--events 1000] [--runs 3] [--site BUILT_SITE]

It builds the synthetic store of `bench/corpus.py` (seeded) with this repository's
mkdocs.yml, unless `--site` names a built site, then opens `interactive/` in a fresh
browser profile per run, scrolled to the top at 1280x800. Per run:

* first paint: from navigation start to the first frame in which the headline of a
  TimelineJS slide is laid out (`performance.now()` in a requestAnimationFrame loop);
* settled: when the last long task before the page went quiet ended (or the first
  paint, if later): when the reader can use the timeline;
* longest task: the longest main-thread task (PerformanceObserver 'longtask') from
  navigation until the timeline has settled (one second without a new long task),
  and after clicking "next" once;
* slides: `.tl-slide` elements built.

It prints the load average first (figures from a busy machine are not comparable) and
the median of the runs. It is a probe, not a test: nothing fails on a slow machine.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import write_events  # noqa: E402
from bench.sites import full_project  # noqa: E402

# The flags tests/browser/conftest.py launches chromium with.
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]
# Installed before the page's own scripts: records long tasks and the first frame in
# which a slide's headline is laid out.
WATCH = """
window.__probe = {tasks: [], painted: null};
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.__probe.tasks.push({start: entry.startTime, duration: entry.duration});
  }
}).observe({type: "longtask", buffered: true});
(function frame() {
  const headline = document.querySelector(".tl-slide .tl-headline");
  if (headline && headline.getBoundingClientRect().height > 0) {
    window.__probe.painted = performance.now();
  } else {
    requestAnimationFrame(frame);
  }
})();
"""
SETTLED = """() => {
  const p = window.__probe;
  if (p.painted === null) return false;
  const last = p.tasks.length ? Math.max(...p.tasks.map(t => t.start + t.duration)) : 0;
  return performance.now() - Math.max(last, p.painted) > 1000;
}"""
SETTLED_AT = "Math.max(window.__probe.painted, ...window.__probe.tasks.map(" \
             "t => t.start + t.duration))"
LONGEST = "since => Math.max(0, ...window.__probe.tasks.filter(t => t.start >= since)" \
          ".map(t => t.duration))"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


def build_site(count: int, work: Path) -> Path:
    """The synthetic store of `count` events built with the timeline plugin."""
    import subprocess
    write_events(work / "events", count, seed=1)
    project = full_project(work / "project", work / "events")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=project,
                   check=True)
    return project / "site"


def one_run(playwright, url: str) -> dict[str, float]:
    """Open the page in a fresh profile; the figures of that visit."""
    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    context = playwright.chromium.launch_persistent_context(
        profile, executable_path=shutil.which("chromium"), headless=True, args=BROWSER_ARGS,
        viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.add_init_script(WATCH)
        page.goto(url + "interactive/", wait_until="load")
        page.wait_for_function(SETTLED, timeout=120_000)
        figures = {"first_paint_s": page.evaluate("window.__probe.painted") / 1000,
                   "settled_s": page.evaluate(SETTLED_AT) / 1000,
                   "longest_task_ms": page.evaluate(LONGEST, 0),
                   "slides": page.locator(".tl-slide").count(),
                   "markers": page.locator(".tl-timemarker").count()}
        clicked = page.evaluate("performance.now()")
        page.locator(".tl-slidenav-next").first.click()
        page.wait_for_function(SETTLED, timeout=120_000)
        figures["next_longest_task_ms"] = page.evaluate(LONGEST, clicked)
        return figures
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


def probe(site: Path, runs: int) -> dict[str, float]:
    """Median figures of `runs` visits to the site's interactive page."""
    from playwright.sync_api import sync_playwright
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            results = [one_run(playwright, url) for _ in range(runs)]
    finally:
        server.shutdown()
        server.server_close()
    for number, result in enumerate(results, 1):
        print(f"run {number}: " + ", ".join(f"{k} {v:.2f}" if isinstance(v, float)
                                            else f"{k} {v}" for k, v in result.items()))
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, help="a built site to probe instead")
    args = parser.parse_args()
    print("load average (1, 5, 15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="interactive-probe-") as tmp:
        site = args.site or build_site(args.events, Path(tmp))
        medians = probe(site, args.runs)
    print(f"median of {args.runs}: first paint {medians['first_paint_s']:.2f} s, "
          f"settled {medians['settled_s']:.2f} s, "
          f"longest task {medians['longest_task_ms']:.0f} ms, "
          f"after next {medians['next_longest_task_ms']:.0f} ms, "
          f"{medians['slides']:.0f} slides, {medians['markers']:.0f} markers")
    print("load average (1, 5, 15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
