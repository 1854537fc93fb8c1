"""Dates before 1500 must be stated in the words; dates far from the publication day that
the words do not support go to review."""

from __future__ import annotations

import pytest

from generator.core.dates import parse_date
from generator.extraction.candidates import _year_not_stated, timex_date
from generator.extraction.tagger import tag
from generator.core.model import Article
from generator.extraction.run import extract


@pytest.mark.parametrize("sentence, phrase, value, unstated", [
    ("The abbey was founded in 1066.", "1066", "1066", False),
    ("It was 1,400 years ago, in the year 610, that he had a vision.", "1,400 years ago",
     "0610", False),
    ("Settlers reached Orkney in the 8th century.", "the 8th century", "07XX", False),
    ("The saint wrote in the second century.", "The second century", "01XX", False),
    ("The 1000s were a time of change.", "The 1000s", "100X", False),
    ("The college was founded nearly 570 years ago.", "nearly 570 years ago", "1439", True),
    ("Bhopal ~ 1000s dead", "1000s", "100X", False),   # stated; the tagger must not read it
    ("The rally drew 1,400 people.", "1,400", "1400", False),
    ("A count of 3 was read as a year.", "3", "0003", False),
    ("The 20s roared.", "The 20s", "192X", False),      # after 1500: nothing to check
])
def test_dates_before_1500_need_their_sentence_to_state_them(sentence, phrase, value,
                                                             unstated):
    assert _year_not_stated(sentence, phrase, parse_date(value)) is unstated


def test_a_one_digit_century_value_is_a_century():
    (eighth,) = tag("The abbey was founded in the 8th century.", "2010-06-16")
    assert eighth.value == "07XX" and str(timex_date(eighth.value)[0]) == "07XX"
    assert str(timex_date("18XX")[0]) == "18XX"


def _event(text: str, published: str = "2010-06-16"):
    (event,) = extract([Article(id="a", text=text, published=parse_date(published),
                                publisher="Wire")]).events
    return event


def test_a_stated_distance_in_the_past_is_not_doubted():
    event = _event("Fifty years ago, the first reactor opened on the site.")
    assert str(event.date).startswith("196") and event.review is None


def test_a_bare_number_read_as_a_year_centuries_back_goes_to_review():
    event = _event("The doctor said that on returning shortly after 1100, he found the singer "
                   "had stopped breathing.", "2009-06-27")
    assert str(event.date) != "1100" or "was read as a year" in event.review
