"""A group's centrality scores, worked out once per pair of distinct word sets, are the
very floats of the plain sum over every other member (headlines depend on ties)."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extraction.merge import _centralities


def _plain(member, members) -> float:
    return round(sum(len(member.words & other.words) / max(1, len(member.words | other.words))
                     for other in members if other is not member), 9)


_WORDS = st.frozensets(st.sampled_from("flu vaccine case death school wto tariff talk".split()),
                       max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=30), st.data())
def test_same_floats_as_the_plain_sum(word_sets, data):
    # reprints: several members with equal (not identical) word sets
    members = [SimpleNamespace(words=frozenset(words)) for words in word_sets]
    same = data.draw(st.lists(st.sampled_from(members), min_size=1, unique_by=id))
    assert _centralities(same, members) == [_plain(m, members) for m in same]


def test_reprints_count_each_other():
    wire = frozenset({"flu", "school", "closed"})
    members = [SimpleNamespace(words=frozenset(wire)) for _ in range(3)] + \
        [SimpleNamespace(words=frozenset({"vaccine"}))]
    assert _centralities(members, members) == [2.0, 2.0, 2.0, 0.0]
