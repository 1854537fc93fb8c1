"""Counted expressions ("some months earlier", "a dozen years ago") never break the tagger.

The forms come from the rules themselves: every example whose tagged span holds a count
and a unit of time becomes a template, and hypothesis fills it with counts of every
kind (digits, words, "a few", "several", "some", "a dozen" ...) and units, puts it
after a sentence that does or does not name a date, and tags it with or without a
publication date. Nothing may raise, every value must be well-formed TIMEX3, and the
counted phrase must still be tagged unless a negative rule claims it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extraction.tagger import get_tagger, tag
from generator.extraction.tagger.anchor import Anchor
from generator.extraction.tagger.resources import load

from .test_tagger_properties import DCTS, VALUE, _check

RES = load("en")
# A count and the unit it counts, side by side ("two years", "a few days").
_COUNTED = re.compile(rf"(?<!\w)(?:{RES.patterns['vague_number']}|{RES.patterns['number']}) "
                      rf"(?:{RES.patterns['unit']})(?!\w)", re.IGNORECASE)

COUNTS = st.one_of(
    st.integers(1, 120).map(str),
    st.sampled_from(["2.5", "1,000", "2 1/2", "a", "an", "one", "three", "twelve",
                     "twenty-five", "a few", "few", "several", "some", "many", "a dozen",
                     "a couple of", "a number of", "two and a half"]))
UNITS = st.sampled_from(["year", "years", "month", "months", "week", "weeks", "day",
                         "days", "decade", "decades", "century", "centuries", "quarter",
                         "quarters", "fortnight", "fortnights"])
CONTEXTS = st.sampled_from(["", "The plant opened on May 3, 2016. ", "It began in 2010. ",
                            "Sales fell in the third quarter. ", "Talks began last week. ",
                            "Nothing was said. ", "He arrived on Tuesday. "])


def _templates() -> list[tuple[str, str, str]]:
    """(before, span, after) of every rule example whose span counts units of time, the
    count and the unit in the span replaced by {n} and {u}."""
    out = []
    for rule in RES.rules:
        if rule.reject:
            continue
        for example in rule.examples:
            open_, close = example.text.index("["), example.text.index("]")
            span = example.text[open_ + 1:close]
            counted = _COUNTED.search(span)
            if counted is None:
                continue
            span = span[:counted.start()] + "{n} {u}" + span[counted.end():]
            out.append((example.text[:open_], span, example.text[close + 1:]))
    return sorted(set(out))


TEMPLATES = _templates()


def test_the_rules_give_counted_forms() -> None:
    """The templates cover the counted rules: ago, earlier/later, from now, in N units."""
    spans = {span for _, span, _ in TEMPLATES}
    for form in ("{n} {u} ago", "{n} {u} earlier", "{n} {u} from now"):
        assert any(form in s for s in spans), form
    assert len(TEMPLATES) >= 10


@st.composite
def counted_prose(draw) -> tuple[str, list[tuple[int, int]]]:
    """A few sentences built from the templates, and where each counted phrase is."""
    text, phrases = "", []
    for _ in range(draw(st.integers(1, 4))):
        before, span, after = draw(st.sampled_from(TEMPLATES))
        phrase = span.format(n=draw(COUNTS), u=draw(UNITS))
        text += draw(CONTEXTS) + before
        phrases.append((len(text), len(text) + len(phrase)))
        text += phrase + after + " "
    return text, phrases


@settings(max_examples=400, deadline=None)
@given(counted_prose(), DCTS)
def test_counted_expressions_never_break(prose: tuple[str, list[tuple[int, int]]],
                                         dct: str | None) -> None:
    text, phrases = prose
    _check(text, dct)
    found = tag(text, dct)
    refused = [m for m in get_tagger().engine.run(text, 0, len(text)) if m.rule.reject]
    for start, end in phrases:
        if any(m.start < end and m.end > start for m in refused):
            continue                       # "a quarter of the talks" is a fraction
        assert any(t.start < end and t.end > start for t in found), text[start:end]


@pytest.mark.parametrize("call", ["shift", "ref", "dct", "ago", "ahead"])
@pytest.mark.parametrize("count", ["X", "-X", "+X", "-3", "+2", "2.5", "-0.5"])
def test_every_count_taking_function_accepts_every_count(call: str, count: str) -> None:
    """Unknown counts ("-X" from "some months earlier") give a value, never an error."""
    for dct in (None, "2011-01-06"):
        import datetime as dt
        anchor = Anchor(dt.date.fromisoformat(dct) if dct else None)
        anchor.remember(0, anchor.resolve("2010-04-20", None, 0))
        for unit in ("year", "month", "week", "day", "decade", "quarter"):
            value = anchor.resolve(f"{call}({unit},{count})", None, 10).value
            assert VALUE.match(value), (call, unit, count, value)


@pytest.mark.parametrize("text,value", [
    ("The rig exploded on April 20, 2010. Some months earlier, the firm had warned.",
     "PAST_REF"),
    ("The rig exploded on April 20, 2010. A few days before, it had leaked.", "PAST_REF"),
    ("Talks open on March 3, 2011. Several weeks later a vote follows.", "FUTURE_REF"),
    ("Talks opened on March 3, 2009. Several weeks later a vote followed.", "XXXX-WXX"),
    ("The rig exploded on April 20, 2010. Six weeks later the well was capped.",
     "2010-06-01"),
    ("The plant opened in 2010. Six weeks later it closed.", "2010"),
])
def test_vague_and_coarse_shifts(text: str, value: str) -> None:
    """A shift keeps what is known: PAST_REF / FUTURE_REF for an unknown count, and the
    reference's granularity when it is coarser than the unit (never "week 6")."""
    shifted = [t for t in tag(text, "2011-01-06") if t.rule == "date_earlier_later"]
    assert [t.value for t in shifted] == [value]
