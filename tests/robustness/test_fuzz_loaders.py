"""Fuzzing the loaders of untrusted files with hypothesis, for a bounded time.

The front-matter loader of event files and the article readers take whatever a person
or a scraper saved. Random bytes and YAML-shaped noise (anchors, aliases, tags, flow
collections, dates, delimiters, control and bidi characters) must never raise: they
give problems that name the file (and a line inside it), or events that write back and
read again to the same record. `FUZZ_EXAMPLES` sets how many inputs each test tries
(default 300; CI keeps the default, a long local run can raise it).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.store.codec import dumps, loads
from generator.store.folder import read_event_file
from generator.ingest import read_file

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

TOKENS = ["---", "...", "id:", "date:", "title:", "end:", "qualifier:", "tags:", "sources:",
          "- ", "  ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "!!python/object:os.system",
          "!!binary", "!custom", "2019-07-21", "2019-02-30", "0000", "-44", "99999", "late",
          "https://example.com", "javascript:alert(1)", "'", '"', "\\", "#", "|", ">", "\n",
          "\r\n", "\t", "\x00", "\ufeff", "\u202e", "\u200b", "é", "🙂", "yes", "null", "~",
          "1e9", "0x1F", ".inf", "<<: *a", "? ", "%YAML 1.2", "%TAG ! tag:x,2000:"]
yamlish = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
front_matter = st.builds(lambda head, body: f"---\n{head}\n---\n{body}", yamlish,
                         st.text(max_size=80))
contents = st.one_of(st.binary(max_size=400), yamlish.map(str.encode),
                     front_matter.map(lambda t: t.encode("utf-8", "surrogatepass")),
                     st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))


def lines_of(data: bytes) -> int:
    return data.count(b"\n") + data.count(b"\r") + 2


@FUZZ
@given(contents, st.sampled_from(["event.md", "event.yaml"]))
def test_event_files_never_crash_and_always_round_trip(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    events, problems = read_event_file(path)
    for problem in problems:
        assert problem.path == path
        assert problem.line is None or 1 <= problem.line <= lines_of(data), problem
        assert problem.message and "could not be read" not in problem.message, problem
    for event in events:
        text = dumps(event)
        assert dumps(event) == text
        again, later = loads(text, Path(f"{event.id}.md"))
        assert not [p for p in later if p.is_error], later
        assert len(again) == 1
        again[0].path = again[0].line = event.path = event.line = None
        assert again[0] == event


@FUZZ
@given(contents, st.sampled_from(["a.md", "a.txt", "a.jsonl", "a.csv", "a.html"]))
def test_article_readers_never_crash(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    result = read_file(path)
    for problem in result.problems:
        assert problem.path == path and problem.message
        assert "could not be read" not in problem.message, problem.message
    for article in result.articles:
        assert article.text.strip()
