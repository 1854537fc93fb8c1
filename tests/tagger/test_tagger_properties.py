"""Property tests: any text is tagged without error, and the output is always sound."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extraction.tagger import TYPES, tag

VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:(?:[0-9X]+(?:\.[0-9]+)?(?:Y|M|W|D|Q|E|C|L|WE))*(?:T(?:[0-9X]+(?:H|M|S))+)?|XX)"
    r"|[0-9X]{2,4}(?:-(?:[0-9X]{2}(?:-[0-9X]{2})?|Q[1-4X]|H[12X]|SP|SU|FA|WI|W[0-9X]{2}"
    r"(?:-(?:[1-7]|WE))?))?(?:T(?:MO|AF|EV|NI|[0-9]{2}(?::[0-9]{2})?))?)$")
MODS = {None, "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
        "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"}
WORDS = ("July 21 May March the 1990s last next this week month year ago in early late mid "
         "Tuesday morning 3 p.m. today yesterday a decade of talks 2,019 2019 1988 quarter "
         "third-quarter every two weeks over weekend 10-minute Dec. 15 , . 'll will said "
         "the year-earlier period 6-year-old recently now Q3 half first 21st fiscal").split() + [
    "\n\n2059", "\n\n0000", "\n\n1432 GMT:", "\n\n18:00", "\n\n1968:", "The", "Monday",
    "to", "through", "-", "Friday", "Sunday", "every", "on", "16 Jun 2010", "00:52 am"]
DCTS = st.one_of(st.none(), st.sampled_from(["0001-01-01", "0001-01-06", "9999-12-31"]),
                 st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(str))


def _check(text: str, dct: str | None) -> None:
    timexes = tag(text, dct)
    last_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last_end, "spans overlap or are out of order"
        last_end = t.end
        assert text[t.start:t.end] == t.text
        assert t.type in TYPES
        assert VALUE.match(t.value), t.value
        assert t.mod in MODS


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), DCTS)
def test_arbitrary_text(text: str, dct: str | None) -> None:
    _check(text, dct)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join), DCTS)
def test_temporal_word_salad(text: str, dct: str | None) -> None:
    _check(text, dct)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join))
def test_no_dct_never_reads_the_clock(text: str) -> None:
    today = dt.date.today()
    found = tag(text, None)
    named = {t.value for t in found}
    for t in found:
        # The only anchor without a DCT is a day the text names ("16 Jun 2010 00:52 am").
        assert t.anchor is None or t.anchor in named
        assert str(today.year) not in t.value or str(today.year) in text


def _example_sentences() -> list[str]:
    from generator.extraction.tagger.resources import load
    return sorted({ex.text.replace("[", "").replace("]", "")
                   for rule in load("en").rules for ex in rule.examples})


EXAMPLES = _example_sentences()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=6),
       st.sampled_from([" ", "\n\n"]), DCTS)
def test_rule_examples_in_any_order(sentences: list[str], joiner: str,
                                    dct: str | None) -> None:
    """Every rule's examples, in any order and as sentences or paragraphs, so that each
    expression may lean on any other as its reference."""
    _check(joiner.join(sentences), dct)
