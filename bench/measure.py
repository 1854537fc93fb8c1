"""Run one command and report its wall time and peak memory (used by bench_build.py).

    python bench/measure.py -- COMMAND [ARGS...]

Prints one JSON line {"seconds", "cpu_seconds", "max_rss_mb", "returncode"} on stdout
(CPU: user + system of the command and its children). Run as a
process of its own so that RUSAGE_CHILDREN holds the command (and its children, such as
the Pagefind indexer) and nothing else; /usr/bin/time is not on every machine.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main() -> None:
    command = sys.argv[sys.argv.index("--") + 1:]
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kb = usage.ru_maxrss  # KiB on Linux
    if result.returncode:
        sys.stderr.write(result.stderr[-4000:])
    print(json.dumps({"seconds": round(seconds, 2),
                      "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
                      "max_rss_mb": round(peak_kb / 1024),
                      "returncode": result.returncode}))


if __name__ == "__main__":
    main()
