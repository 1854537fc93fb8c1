"""Ranges the text gives never end before they start: repaired where the text allows,
else the end is dropped with a note for review."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.dates import from_day_number, parse_date
from generator.extraction.ranges import in_order, settle
from generator.core.model import Article
from generator.extraction.run import extract


def events_of(text: str, published: str):
    article = Article(id="a", text=text, published=parse_date(published), publisher="Wire")
    return extract([article]).events


@pytest.mark.parametrize("text, published, date, end", [
    # weekdays resolved one by one fell on both sides of the publication day
    ("The girl attended school on Wednesday to Friday last week, the head said.",
     "2009-04-30", "2009-04-22", "2009-04-24"),
    # a year named once holds for both ends
    ("The jump was the biggest since a 38-cent hike between August and September 2005.",
     "2011-03-06", "2005-08", "2005-09"),
    ("A third wave of the disease struck in January to April 1919, doctors wrote.",
     "2009-04-29", "1919-01", "1919-04"),
    ("Prices rose between August and September 2012, the survey said.",
     "2012-10-06", "2012-08", "2012-09"),
    # the start names the year: the end follows it
    ("The army occupied the town from December 2009 to March, residents said.",
     "2011-06-01", "2009-12", "2010-03"),
])
def test_ranges_are_put_in_order(text, published, date, end):
    (event,) = [e for e in events_of(text, published) if e.end is not None]
    assert (str(event.date), str(event.end)) == (date, end)
    assert event.review is None


DAYS = st.integers(min_value=600_000, max_value=800_000).map(from_day_number)
TEXTS = st.sampled_from(["Monday", "Friday", "August", "September 2005", "March 19",
                         "May 26", "2009", "last week", "July 2003", "winter"])


@settings(max_examples=300, deadline=None)
@given(DAYS, DAYS, TEXTS, TEXTS, st.booleans())
def test_settled_ranges_are_always_in_order(start, end, start_text, end_text, ahead):
    new_start, new_end, note = settle(start, end, start_text, end_text, ahead)
    assert in_order(new_start, new_end)
    assert (new_end is None) == (note is not None) or in_order(start, end)


def test_a_range_the_text_cannot_repair_loses_its_end_with_a_note():
    start, end = parse_date("2012-03-19"), parse_date("2011-05-26")
    new_start, new_end, note = settle(start, end, "March 19, 2012", "May 26, 2011", False)
    assert (new_start, new_end) == (start, None)
    assert "ends before it starts" in note and "March 19, 2012" in note
