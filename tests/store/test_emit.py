"""The store's own YAML writer gives byte for byte what PyYAML's `yaml.dump` gave.

Event files are compared by hash (the ledger) and in git, so a new writer must not change
one byte of any record. PyYAML's call, as the store made it before, is the oracle here;
generated records mix every kind of awkward text: YAML's special words, indicators at the
start, spaces at the ends, quotes, line breaks of four kinds, control characters, the BOM,
astral-plane characters, combining marks, right-to-left text, non-ASCII spaces.
"""

from __future__ import annotations

import string
from pathlib import Path

import frontmatter
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.dates import parse_date
from generator.core.model import Event, Source
from generator.store.codec import _FRONT_MATTER, dumps, to_mapping
from generator.store.emit import WIDTH, emit_mapping
from generator.store.writer import StoreWriter

SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SPECIAL_WORDS = ["yes", "Yes", "no", "NO", "on", "On", "off", "OFF", "y", "n", "null", "Null",
                 "~", "true", "False", "1e3", "1.5", ".5", "-1", "+1", "0x1F", "0o17", "012",
                 "1_000", "190:20:30", ".inf", "-.Inf", ".NaN", "2019-07-22",
                 "2019-07-22 10:00:00", "2019-7-2T1:2:3Z", "2019-02-30", "<<", "=", "", "-",
                 "?", ":", "---", "...", "--- x", "... x", "#", "a #b", "a: b", "a:", "a:b"]
AWKWARD_CHARS = (" :#-?&*!|>%@`'\",[]{}~=<.\\" "\n\n\x85\u2028\u2029\t\r\x00\x01\x1b\x7f\x9f"
                 "\ufeff\xa0\u2007\u202f\u3000\u200b\u200f\u0301\u05e9\u0627\U0001f600"
                 "\U00010000\U0010fffd\U0010ffff\ufffe\uffff\ue000" "aZ09")
PREFIXES = ["", " ", "  ", "- ", "? ", ": ", "# ", "&", "*", "!", "|", ">", "%", "@", "`", "'",
            '"', "\n", "\u2028"]

# any text a str can hold in a UTF-8 file (surrogates cannot be written to one)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
awkward_text = st.text(st.sampled_from(AWKWARD_CHARS), max_size=30)
prose = st.text(st.sampled_from(string.ascii_letters + "  ,.'’:-\u00e9"), max_size=300)
texts = st.one_of(
    st.sampled_from(SPECIAL_WORDS), any_text, awkward_text, prose,
    st.builds(lambda a, b, c: a + b + c, st.sampled_from(PREFIXES),
              st.one_of(st.sampled_from(SPECIAL_WORDS), awkward_text, any_text),
              st.sampled_from(["", " ", "\n", "  \n", ":", " #"])))
scalars = st.one_of(texts, st.none(), st.booleans(), st.integers(),
                    st.floats(allow_nan=False), st.sampled_from([float("inf"), float("-inf"),
                                                                 1e17, 1e-7, -0.0]))
keys = st.one_of(st.sampled_from(["note", "yes", "null", "1", "a b", "-x", "#k", "x:"]),
                 st.text(st.characters(blacklist_categories=("Cs",)), min_size=1,
                         max_size=12).filter(lambda k: not any(c in k for c in "\n\x85\u2028\u2029")))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=12)

sources = st.lists(st.fixed_dictionaries(
    {"article": st.from_regex(r"[a-z0-9_]{1,20}", fullmatch=True), "title": texts,
     "publisher": texts, "url": st.just("https://example.org/a?b=1&c=2"),
     "published": st.sampled_from(["2019-07-22", "2019-07"]), "quote": texts}), max_size=3)
records = st.fixed_dictionaries(
    {"id": st.from_regex(r"[a-z0-9][a-z0-9-]{0,30}", fullmatch=True),
     "date": st.sampled_from(["2019-07-22", "2019", "2019-07", "-0044-03-15", "2019-W30"]),
     "title": texts},
    optional={"summary": texts, "actors": st.lists(texts, min_size=1, max_size=4),
              "places": st.lists(texts, min_size=1, max_size=3),
              "tags": st.lists(texts, min_size=1, max_size=3), "sources": sources,
              "confidence": st.floats(0, 1), "extraction": st.dictionaries(keys, values,
                                                                           max_size=3),
              "review": texts, "key": st.booleans()})
extras = st.dictionaries(keys, values, max_size=3)


def pyyaml_text(mapping: dict) -> str:
    """The YAML the store wrote before it had a writer of its own."""
    return yaml.dump(mapping, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True,
                     width=WIDTH, default_flow_style=False)


def pyyaml_file(event: Event) -> str:
    """An event's whole file as the store wrote it before (front matter and body)."""
    post = frontmatter.Post(event.body.strip("\n"))
    post.metadata = to_mapping(event)
    return frontmatter.dumps(post, handler=frontmatter.YAMLHandler(), Dumper=yaml.SafeDumper,
                             sort_keys=False, allow_unicode=True, width=WIDTH) + "\n"


def same(a: object, b: object) -> bool:
    """Equal value for value and type for type (True is not 1, 1 is not 1.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def parse(text: str) -> object:
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@SETTINGS
@given(records, extras)
def test_a_record_is_written_byte_for_byte_as_pyyaml_wrote_it(record, extra):
    mapping = {**record, **{k: v for k, v in extra.items() if k not in record}}
    ours = emit_mapping(mapping)
    assert ours is not None, "short keys and lines must never need PyYAML"
    assert ours == pyyaml_text(mapping)


@SETTINGS
@given(st.dictionaries(keys, values, min_size=1, max_size=6))
def test_any_nesting_of_lists_and_mappings_is_written_as_pyyaml_writes_it(mapping):
    assert emit_mapping(mapping) == pyyaml_text(mapping)


@SETTINGS
@given(records)
def test_a_record_reads_back_as_itself(record):
    """What PyYAML itself reads back the same way, ours does too; text and lists always."""
    text = emit_mapping(record)
    assert text == pyyaml_text(record)
    back = parse(text)
    for key, value in record.items():
        if not _breaks_in_single_quotes(value):
            assert same(back[key], value), key


def _breaks_in_single_quotes(value: object) -> bool:
    """Text holding NEL (U+0085): both writers put it raw inside single quotes, and YAML
    readers fold it to a space there; the store's write check then refuses the record."""
    if isinstance(value, dict):
        return any(_breaks_in_single_quotes(v) for v in value.values())
    if isinstance(value, list):
        return any(_breaks_in_single_quotes(v) for v in value)
    return isinstance(value, str) and "\x85" in value


@SETTINGS
@given(st.builds(
    lambda title, summary, actors, quote, body, date: Event(
        id="e1", date=parse_date(date), title=title, summary=summary, actors=actors,
        sources=[Source(article="a1", publisher="Example", quote=quote)], body=body),
    texts, texts, st.lists(texts, max_size=3), texts,
    st.one_of(texts, st.just("A *note*.\n\n- one\n- two\n")),
    st.sampled_from(["2019-07-22", "2019", "2019-07"])))
def test_an_event_file_is_the_same_text_as_before(event):
    assert dumps(event) == pyyaml_file(event)


@pytest.mark.parametrize("mapping", [
    {"title": "word " * (WIDTH // 5)},                       # PyYAML folds past the width
    {"title": "x", "quote": "a \"b\"\t" * (WIDTH // 6)},
    {"k" * 130: "a key too long to be simple"},
    {"actors": (shared := ["China"]), "places": shared},     # one list twice: an alias
    {"when": (1, 2)},                                        # a type the store never writes
])
def test_what_it_declines_pyyaml_still_writes(mapping):
    assert emit_mapping(mapping) is None
    event = Event(id="e1", date=parse_date("2019"), title="t", extra=mapping)
    try:
        expected = pyyaml_file(event)
    except yaml.YAMLError:
        with pytest.raises(yaml.YAMLError):
            dumps(event)
        return
    assert dumps(event) == expected


def test_the_write_check_refuses_text_that_does_not_read_back_as_the_record(tmp_path):
    event = Event(id="e1", date=parse_date("2019-07-22"), title="Talks resume",
                  actors=["China"])
    text = dumps(event)
    with StoreWriter(tmp_path, dry_run=True) as store:
        assert store.read_back(event, text) == ([], True)
        errors, whole = store.read_back(event, text.replace("China", "Chine"))
    assert errors and not whole
    assert "does not read back" in errors[0].message
    folded = Event(id="e2", date=parse_date("2019"), title="t", summary="a\x85b")
    with StoreWriter(tmp_path, dry_run=True) as store:  # NEL reads back as a space
        assert not store.read_back(folded, dumps(folded))[1]

