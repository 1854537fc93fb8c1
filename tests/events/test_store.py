"""The store as a whole: discovery, links, limits, duplicates, and faithful round trips."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.dates import parse_date
from generator.store.codec import dumps, loads
from generator.store.folder import load_store
from generator.core.fsutil import atomic_write
from generator.core.model import Event, Source

from ..conftest import event_text


def test_bad_file_is_skipped_and_the_rest_loads(write, events_dir):
    write("a.md", event_text("a", "2019-07-21"))
    write("b.md", "---\ndate: 2019-02-30\ntitle: x\n---\n")
    write("c.md", event_text("c", "2019-07-19"))
    store = load_store(events_dir)
    assert [e.id for e in store.events] == ["c", "a"]
    assert [p.path.name for p in store.errors] == ["b.md"]


def test_nested_folders_are_read_hidden_ones_are_not(write, events_dir):
    write("2019/07/a.md", event_text("a"))
    write(".drafts/b.md", event_text("b"))
    write(".hidden.md", event_text("c"))
    store = load_store(events_dir)
    assert [e.id for e in store.events] == ["a"]
    assert not store.problems


def test_other_files_are_ignored_with_a_warning(write, events_dir):
    write("notes.txt", "not an event")
    store = load_store(events_dir)
    assert store.events == []
    assert [(p.severity, p.path.name) for p in store.problems] == [("warning", "notes.txt")]


def test_duplicate_ids_keep_the_first_file(write, events_dir):
    write("a.md", event_text("same", title="First"))
    write("b.yaml", "- id: same\n  date: 2019\n  title: Second\n")
    store = load_store(events_dir)
    assert [e.title for e in store.events] == ["First"]
    (problem,) = store.errors
    assert problem.path.name == "b.yaml" and problem.line == 1
    assert "already used by a.md:1" in problem.message


def test_symlink_outside_the_store_is_refused(tmp_path, events_dir):
    secret = tmp_path / "secret.md"
    secret.write_text(event_text("secret"), encoding="utf-8")
    (events_dir / "link.md").symlink_to(secret)
    store = load_store(events_dir)
    assert store.events == []
    assert "link points outside the events folder" in store.errors[0].message


def test_symlink_inside_the_store_is_read(write, events_dir):
    target = write("real/a.md", event_text("a"))
    (events_dir / "alias.md").symlink_to(target)
    store = load_store(events_dir)
    assert [e.id for e in store.events] == ["a"]
    (problem,) = store.problems  # the same record read twice: a duplicate id, not a refusal
    assert "already used by alias.md:1" in problem.message


def test_broken_link_and_linked_folder(tmp_path, events_dir):
    (events_dir / "gone.md").symlink_to(tmp_path / "nowhere.md")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.md").write_text(event_text("x"), encoding="utf-8")
    (events_dir / "linked").symlink_to(outside, target_is_directory=True)
    store = load_store(events_dir)
    assert store.events == []
    messages = sorted(p.message for p in store.problems)
    assert any("broken link" in m for m in messages)
    assert any("linked folders are not followed" in m for m in messages)


def test_huge_file_is_refused_without_reading_it(write, events_dir):
    path = write("huge.md", event_text("huge"))
    with open(path, "ab") as handle:
        handle.truncate(5_000_000)
    store = load_store(events_dir)
    assert store.events == []
    assert "limited to 1,000,000 bytes" in store.errors[0].message


def test_unreadable_file(write, events_dir, monkeypatch):
    write("locked.md", event_text("locked"))

    def denied(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "read_bytes", denied)  # chmod does not stop root, which CI is
    store = load_store(events_dir)
    assert "cannot read the file" in store.errors[0].message


def test_explicit_paths_and_missing_ones(write, events_dir):
    a = write("a.md", event_text("a"))
    store = load_store(events_dir, [a, events_dir / "nope.md"])
    assert [e.id for e in store.events] == ["a"]
    assert "no such file" in store.errors[0].message


def test_missing_store_folder_is_empty(tmp_path):
    assert load_store(tmp_path / "absent").events == []


# --------------------------------------------------------------------------- round trips


def test_dump_is_deterministic_ordered_and_keeps_unicode_and_extras(write, events_dir):
    path = write("e.md", """\
        ---
        zebra: last in, stays
        title: Café talks in Ōsaka — “quoted”
        sources:
          - quote: Said “hello”.
            article: art-1
            custom: kept
        date: 2019-07-21
        id: e
        ---
        Body with *Markdown*.
        """)
    (event,), problems = loads(path.read_text(encoding="utf-8"), path)
    assert [p.severity for p in problems] == ["warning", "warning"]  # zebra, custom
    text = dumps(event)
    assert text == dumps(event)
    assert text.splitlines()[1:4] == ["id: e", "date: '2019-07-21'",
                                      "title: Café talks in Ōsaka — “quoted”"]
    assert "zebra: last in, stays" in text and "custom: kept" in text
    assert text.endswith("---\n\nBody with *Markdown*.\n")
    (again,), _ = loads(text, path)
    assert again == event
    assert dumps(again) == text


def test_quoted_and_unquoted_dates_are_the_same(write, events_dir):
    write("a.md", "---\ndate: 2019-07-21\ntitle: a\n---\n")
    write("b.md", "---\ndate: '2019-07-21'\ntitle: b\n---\n")
    a, b = load_store(events_dir).events
    assert a.date == b.date == parse_date("2019-07-21")


text_st = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)\
    .map(str.strip).filter(bool)


@st.composite
def events(draw):
    date = draw(st.sampled_from(["2019", "2019-07", "2019-07-21", "2019-W29", "-0044",
                                 "2019-07-21T10:30", "199X", "2019-Q3"]))
    return Event(
        id=draw(st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)),
        date=parse_date(date), title=draw(text_st),
        qualifier=draw(st.sampled_from([None, "early", "late", "about"])),
        summary=draw(st.none() | text_st),
        kind=draw(st.sampled_from(["past", "future"])),
        actors=draw(st.lists(text_st, max_size=3, unique_by=str.casefold)),
        tags=draw(st.lists(text_st, max_size=3, unique_by=str.casefold)),
        sources=[Source(article="a-1", quote=draw(text_st),
                        url=draw(st.sampled_from([None, "https://example.com/x?y=1"])))],
        confidence=draw(st.none() | st.floats(0, 1)),
        body=draw(st.sampled_from(["", "Notes.", "# Heading\n\nText with --- inside."])),
    )


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150)
@given(events())
def test_any_event_round_trips_exactly(tmp_path, event):
    path = tmp_path / f"{event.id}.md"
    text = dumps(event)
    (back,), problems = loads(text, path)
    assert not [p for p in problems if p.is_error]
    back.path = back.line = None
    assert back == event
    assert dumps(back) == text


# --------------------------------------------------------------------------- atomic writes


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path):
    path = tmp_path / "a.md"
    atomic_write(path, "old\n")
    atomic_write(path, "new\n")
    assert path.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_failed_atomic_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    atomic_write(path, "old\n")

    def broken_replace(src, dst):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(path, "new\n")
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_store_order_is_stable_for_equal_dates(write, events_dir):
    write("b.md", event_text("b", "2019-07-21", "Same title"))
    write("a.md", event_text("a", "2019-07-21", "Same title"))
    write("c.md", event_text("c", "2019", "Whole year"))
    assert [e.id for e in load_store(events_dir).events] == ["c", "a", "b"]


def test_loaded_events_know_their_file_and_line(write, events_dir):
    write("list.yaml", "- id: one\n  date: 2019\n  title: One\n- id: two\n  date: 2019\n"
                       "  title: Two\n")
    one, two = load_store(events_dir).events
    assert (one.path.name, one.line, two.line) == ("list.yaml", 1, 4)
    assert isinstance(one.path, Path)


def test_cache_rereads_only_changed_files(write, events_dir, monkeypatch):
    import generator.store.folder as store_module
    a = write("a.md", event_text("a", title="First"))
    write("b.md", event_text("b", title="Second"))
    cache: dict = {}
    assert [e.title for e in load_store(events_dir, cache=cache).events] == ["First", "Second"]
    reads = []
    real = store_module.read_event_file
    monkeypatch.setattr(store_module, "read_event_file",
                        lambda path, limit: reads.append(path.name) or real(path, limit))
    a.write_text(event_text("a", title="First, edited at length"), encoding="utf-8")
    titles = [e.title for e in load_store(events_dir, cache=cache).events]
    assert titles == ["First, edited at length", "Second"] and reads == ["a.md"]
