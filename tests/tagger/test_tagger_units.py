"""Unit tests of the tagger's parts: periods, number and duration filling, anchoring,
chunking and trigger keys."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.extraction.tagger import get_tagger, parse_dct
from generator.extraction.tagger.anchor import Anchor
from generator.extraction.tagger.normalize import duration, number
from generator.core.calendar import Period, parse
from generator.extraction.tagger.tense import FUTURE, PAST
from generator.extraction.tagger.triggers import DIGITS4, rule_keys

DCT = dt.date(2019, 7, 22)   # a Monday, ISO week 30


@pytest.mark.parametrize("unit,value,last", [
    ("day", "2019-07-22", "2019-07-22"), ("week", "2019-W30", "2019-07-28"),
    ("weekend", "2019-W30-WE", "2019-07-28"), ("month", "2019-07", "2019-07-31"),
    ("quarter", "2019-Q3", "2019-09-30"), ("half", "2019-H2", "2019-12-31"),
    ("season", "2019-SU", "2019-08-31"), ("year", "2019", "2019-12-31"),
    ("decade", "201X", "2019-12-31"), ("century", "20XX", "2099-12-31")])
def test_periods(unit: str, value: str, last: str) -> None:
    period = Period.containing(unit, DCT)
    assert period.value == value and str(period.end()) == last
    assert parse(value) == period


def test_period_moves() -> None:
    assert parse("1989-Q3").moved("year", -1).value == "1988-Q3"
    assert parse("2020-02-29").moved("year", 1).value == "2021-02-28"
    assert parse("2019-W01").shift(-1).value == "2018-W52"
    assert Period.containing("season", dt.date(2020, 1, 15)).value == "2019-WI"
    assert parse("0001").shift(-1) is None


@pytest.mark.parametrize("text,value", [
    ("three", "3"), ("twenty-five", "25"), ("21st", "21"), ("2 1/2", "2.5"),
    ("two and a half", "2.5"), ("a hundred", "100"), ("several", "X"), ("1,000", "1000")])
def test_numbers(text: str, value: str) -> None:
    assert number(text, get_tagger().resources.norms) == value


@pytest.mark.parametrize("amount,unit,value", [
    ("3", "Y", "P3Y"), ("10", "TM", "PT10M"), ("2.5", "Y", "P2Y6M"), ("1.5", "TH", "PT1H30M"),
    ("X", "W", "PXW"), ("X", "TH", "PTXH"), ("1", "DE", "P10Y"), ("2", "FN", "P28D")])
def test_durations(amount: str, unit: str, value: str) -> None:
    assert duration(amount, unit) == value


@pytest.mark.parametrize("expr,tense,value", [
    ("XXXX-07-21", None, "2019-07-21"), ("XXXX-12-30", PAST, "2018-12-30"),
    ("XXXX-08", None, "2019-08"), ("XXXX-WXX-5", None, "2019-07-19"),
    ("XXXX-WXX-5", FUTURE, "2019-07-26"), ("XXXX-WXX-1", None, "2019-07-22"),
    ("XXXX-WXX-WE", None, "2019-W29-WE"), ("XXXX-WXX-WE", FUTURE, "2019-W30-WE"),
    ("dct(week,-1)", None, "2019-W29"), ("ago(year,2)", None, "2017"),
    ("ago(decade,1)", None, "2009"), ("ahead(month,X)", None, "FUTURE_REF"),
    ("last(XXXX-SU)", None, "2018-SU"), ("next(XXXX-07)", None, "2020-07"),
    ("weekday(2,-1)", None, "2019-07-16"), ("weekday(1,1)", None, "2019-07-29"),
    ("nth(11,4,4,0)", PAST, "2018-11-22"), ("easter(0,1)", None, "2020-04-12"),
    ("dct(day,-1)TMO", None, "2019-07-21TMO"), ("P3Y", None, "P3Y")])
def test_anchor(expr: str, tense: str | None, value: str) -> None:
    assert Anchor(DCT).resolve(expr, tense, 0).value == value


def test_anchor_without_dct_keeps_placeholders() -> None:
    anchor = Anchor(None)
    for expr, value in [("dct(day,-1)", "XXXX-XX-XX"), ("XXXX-07-21", "XXXX-07-21"),
                        ("weekday(5,-1)", "XXXX-WXX-5"), ("dct(quarter,1)", "XXXX-QX")]:
        resolved = anchor.resolve(expr, None, 0)
        assert resolved.value == value and resolved.anchor is None and resolved.relative


def test_references_and_comparisons() -> None:
    anchor = Anchor(dt.date(1989, 10, 25))
    anchor.remember(0, anchor.resolve("XXXX-Q3", None, 0))
    assert anchor.resolve("ago(year,1)", None, 50).value == "1988-Q3"
    assert anchor.resolve("ref(quarter,0)", None, 60).value == "1989-Q3"
    assert anchor.resolve("ago(year,1)", None, 5000).value == "1988"   # too far back


def test_chunks_keep_abbreviations() -> None:
    text = "Polls close at 8 p.m. Tuesday in the U.S. The count starts Sept. 30. Results follow."
    spans = get_tagger().split(text)
    assert [text[s:e] for s, e in spans] == [
        "Polls close at 8 p.m. Tuesday in the U.S. The count starts Sept. 30.", "Results follow."]


def test_trigger_keys() -> None:
    assert rule_keys(r"(?:jan|feb)\s+(\d+)", re.I) == frozenset({"jan", "feb"})
    assert rule_keys(r"(1[6-9][0-9]{2}|20[0-9]{2})", re.I) == frozenset({DIGITS4})
    assert rule_keys(r"(\d+)\s+(?:days?|weeks?)", re.I) == frozenset({" day", " week"})
    assert rule_keys(r"(?:\w+)?", re.I) is None


def test_parse_dct() -> None:
    assert parse_dct("2019-07-22") == DCT and parse_dct(None) is None
    for bad in ("2019-7-22", "22.07.2019", "2019-02-30", 20190722):
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            parse_dct(bad)


def test_tag_sentences_stays_inside_the_spans() -> None:
    from generator.extraction.tagger import tag_sentences
    text = "The plant opened in May 2016. It closed the following year. Talks end Friday."
    first, second = (0, 29), (30, 59)
    got = [(t.text, t.value) for t in tag_sentences(text, [second, first], "2019-07-22")]
    assert got == [("May 2016", "2016-05"), ("the following year", "2017")]
