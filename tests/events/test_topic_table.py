"""The word-to-topic table finds what the topic pattern finds, hit for hit.

Topic tags used to come from one regular expression of all the entries of
`data/topics.yml`; a lookup table now does the work. Both are kept (the pattern reads
texts the table cannot), so these tests hold the table to the pattern: on written
sentences that test each kind of entry, on every quote of the fixture and demo stores,
and on generated texts made of the entries' own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extraction import topics

ROOT = Path(__file__).resolve().parents[2]

SENTENCES = [
    "Tariffs on soybean imports were raised by the trade office.",
    "The farmers' harvest fell; farming exporters said the crops failed.",
    "Negotiators resumed negotiations and the negotiating team met.",
    "NEGOTIATIONS with the WTO collapsed over TARIFF quotas.",
    "The central bank cut the interest rate and opened a swap line.",
    "The central banking system and central bankers met; central  bank (two spaces).",
    "central\tbank, central-bank, central_bank, centralbank",
    "The foreign minister met the minister of foreign affairs.",
    "A foreign ministers' meeting, foreign ministry officials, foreign minist.",
    "The Dow Jones index rose and the dow joness fell.",
    "Financial aid and an assistance package came after the recession.",
    "The White House said the president would veto the bill.",
    "The air force bombed the depot; air forces and airforce.",
    "Unemployment rose, the unemployed marched, unemploy.",
    "Tradesman, traded, trader, traders, tradeal, tradeing, trades.",
    "H1N1 vaccine 2009 e-commerce web_site cyber-attack cyberattack.",
    "",
    "   ",
    "...!",
    "trade",
    "Trade. Trade; trade: trade-trade",
    "Zoë’s café “exports” rose — the ‘tariff’ war…",
    "The ſanction (long s) and the Kelvin sign in \u212aorea and İmport.",
    "Straße exports, naïve investors and the Ünited economy.",
]


def _quotes(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0].lstrip("-\n")
        record = yaml.safe_load(head) or {}
        found += [s.get("quote") or "" for s in record.get("sources") or []]
        found += [record.get("title") or "", record.get("summary") or ""]
    return found


def _counts(text: str) -> dict[int, int]:
    """The table's counts, or the pattern's when the table leaves the text to it."""
    counts = topics._counts_by_table(text)
    return topics._counts_by_pattern(text) if counts is None else counts


@pytest.mark.parametrize("text", SENTENCES)
def test_table_counts_what_the_pattern_counts(text):
    assert _counts(text) == topics._counts_by_pattern(text)


def test_table_reads_plain_text_itself():
    """Curly quotes and dashes do not send a sentence to the slow pattern; a word
    outside ASCII does."""
    assert topics._counts_by_table("Zoë’s tariff") is None
    assert topics._counts_by_table("the ‘tariff’ — “exports”") == {0: 2}


def test_table_on_every_stored_quote():
    texts = _quotes(ROOT / "tests" / "render" / "store") + _quotes(ROOT / "content" / "events")
    assert len(texts) > 20
    for text in texts:
        assert _counts(text) == topics._counts_by_pattern(text), text


def test_a_phrase_wins_over_a_later_topics_word():
    """"foreign minister" is diplomacy's entry: the pattern takes the two words as one
    hit, so "minister" does not also count for politics."""
    names = tuple(topics._topics())
    assert {names[t]: n for t, n in _counts("The foreign minister spoke").items()} == \
        {"diplomacy": 1}
    assert topics.topic_tags("The foreign minister spoke") == ["diplomacy"]


def _entry_words() -> list[str]:
    words = set()
    for entries in topics._topics().values():
        for entry in entries:
            words.update(entry.rstrip("*").split())
    return sorted(words)


_WORD = st.one_of(
    st.sampled_from(_entry_words()),
    st.builds(lambda w, e: w + e, st.sampled_from(_entry_words()),
              st.sampled_from(topics.SUFFIXES + ("ation", "x", "s's"))),
    st.text(alphabet="abcdeiklnorstuſKİ_0", min_size=1, max_size=6))
_GAP = st.sampled_from([" ", " ", " ", "  ", ", ", "-", "'", "’ ", "\n", ". ", "“", "_"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORD, _GAP), max_size=12), st.booleans())
def test_table_on_generated_texts(parts, shout):
    text = "".join(word + gap for word, gap in parts)
    text = text.upper() if shout else text
    assert _counts(text) == topics._counts_by_pattern(text)
