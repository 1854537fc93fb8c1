"""The date model: parsing every accepted form, display, ordering and comparison."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.core.calendar import Period, civil_from_days, day_number, iso_week_of, parse, timeml_value
from generator.core.dates import (
    MINUTES_PER_DAY, DateError, Precision, human_date, parse_date, sort_key,
)


@pytest.mark.parametrize("text, canonical, precision, first, last", [
    ("2019", "2019", Precision.YEAR, (2019, 1, 1), (2019, 12, 31)),
    ("2019-07", "2019-07", Precision.MONTH, (2019, 7, 1), (2019, 7, 31)),
    ("2019-07-21", "2019-07-21", Precision.DAY, (2019, 7, 21), (2019, 7, 21)),
    ("2019-W29", "2019-W29", Precision.WEEK, (2019, 7, 15), (2019, 7, 21)),
    ("2019-W29-WE", "2019-W29-WE", Precision.WEEKEND, (2019, 7, 20), (2019, 7, 21)),
    ("2019-07-21T10:30", "2019-07-21T10:30", Precision.MINUTE, (2019, 7, 21), (2019, 7, 21)),
    ("2019-07-21TMO", "2019-07-21TMO", Precision.DAY_PART, (2019, 7, 21), (2019, 7, 21)),
    ("2019-Q3", "2019-Q3", Precision.QUARTER, (2019, 7, 1), (2019, 9, 30)),
    ("2019-H1", "2019-H1", Precision.HALF, (2019, 1, 1), (2019, 6, 30)),
    ("2019-SU", "2019-SU", Precision.SEASON, (2019, 6, 1), (2019, 8, 31)),
    ("2019-WI", "2019-WI", Precision.SEASON, (2019, 12, 1), (2020, 2, 29)),
    ("199X", "199X", Precision.DECADE, (1990, 1, 1), (1999, 12, 31)),
    ("1990s", "199X", Precision.DECADE, (1990, 1, 1), (1999, 12, 31)),
    ("18XX", "18XX", Precision.CENTURY, (1800, 1, 1), (1899, 12, 31)),
    ("-44", "-0044", Precision.YEAR, (-44, 1, 1), (-44, 12, 31)),
    ("-0044-03-15", "-0044-03-15", Precision.DAY, (-44, 3, 15), (-44, 3, 15)),
    ("2020-W53", "2020-W53", Precision.WEEK, (2020, 12, 28), (2021, 1, 3)),
    ("2020-02-29", "2020-02-29", Precision.DAY, (2020, 2, 29), (2020, 2, 29)),
])
def test_parse_forms(text, canonical, precision, first, last):
    value = parse_date(text)
    assert value.text == canonical
    assert value.precision is precision
    assert civil_from_days(value.start // MINUTES_PER_DAY) == first
    assert civil_from_days((value.stop - 1) // MINUTES_PER_DAY) == last


def test_yaml_native_values():
    """YAML turns unquoted dates into date objects and bare years into ints."""
    assert parse_date(dt.date(2019, 7, 21)).text == "2019-07-21"
    assert parse_date(dt.datetime(2019, 7, 21, 10, 30)).text == "2019-07-21T10:30"
    assert parse_date(2019).text == "2019"
    assert parse_date(-44).text == "-0044"


@pytest.mark.parametrize("text, reason", [
    ("2019-02-30", "February 2019 has 28 days"),
    ("2019-02-29", "February 2019 has 28 days"),
    ("2019-13", "month 13 does not exist"),
    ("2019-00-10", "month 00 does not exist"),
    ("0", "there is no year 0"),
    ("99999", "out of range"),
    ("2019-W54", "ISO weeks 01 to 52"),
    ("2019-W53", "ISO weeks 01 to 52"),
    ("2019-07-21T25:00", "not a time of day"),
    ("21 July 2019", "not a date this tool reads"),
    ("", "not a date this tool reads"),
    (True, "is not a date"),
    ([2019], "expected a date as text"),
])
def test_invalid_dates_say_why(text, reason):
    with pytest.raises(DateError, match=reason):
        parse_date(text)


@pytest.mark.parametrize("text, qualifier, end, label", [
    ("2019-07-21", None, None, "21 July 2019"),
    ("2019-06", "late", None, "late June 2019"),
    ("2019-08", "early", None, "early August 2019"),
    ("2018", "mid", None, "mid-2018"),
    ("2005", "about", None, "c. 2005"),
    ("2019-07-21", "about", None, "about 21 July 2019"),
    ("2019", None, None, "2019"),
    ("2019-W29", None, None, "week of 15 July 2019"),
    ("2019-W29-WE", None, None, "weekend of 20–21 July 2019"),
    ("-44", None, None, "44 BCE"),
    ("-0044-03-15", None, None, "15 March 44 BCE"),
    ("2019-05", "before", None, "before May 2019"),
    ("2019", "after", None, "after 2019"),
    ("2019-Q3", None, None, "third quarter of 2019"),
    ("2019-H2", None, None, "second half of 2019"),
    ("2019-SU", None, None, "summer 2019"),
    ("199X", None, None, "1990s"),
    ("18XX", None, None, "19th century"),
    ("2019-07-21T09:05", None, None, "21 July 2019, 09:05"),
    ("2019-07-21TEV", None, None, "21 July 2019, evening"),
    ("2019-07-20", None, "2019-07-21", "20–21 July 2019"),
    ("2019-06-30", None, "2019-07-02", "30 June – 2 July 2019"),
    ("2018-12-30", None, "2019-01-02", "30 December 2018 – 2 January 2019"),
    ("2019-06", None, "2019-08", "June–August 2019"),
    ("2018", None, "2019", "2018–2019"),
    ("2019-07-21", "late", None, "late on 21 July 2019"),
])
def test_human_labels(text, qualifier, end, label):
    assert human_date(parse_date(text), qualifier, parse_date(end) if end else None) == label


def test_ordering_is_chronological_and_precision_aware():
    order = ["2018", "2019", "2019-06", "2019-06", "2019-07", "2019-07-15", "2019-07-21",
             "2019-07-21T10:00", "2019-08", "2020"]
    qualifiers = [None, None, None, "late", "before", None, None, None, "early", None]
    keys = [sort_key(parse_date(t), q) for t, q in zip(order, qualifiers)]
    assert keys == sorted(keys)


def test_bce_sorts_before_ce():
    assert sort_key(parse_date("-44")) < sort_key(parse_date("-1")) < sort_key(parse_date("1"))


# --------------------------------------------------------------------------- properties

years = st.integers(-9999, 9999).filter(lambda y: y != 0)


@st.composite
def dates(draw):
    year = draw(years)
    kind = draw(st.sampled_from(["Y", "M", "D", "W", "WE", "Q", "H", "S", "T", "DEC"]))
    ytext = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    if kind == "Y":
        return ytext
    if kind in ("M", "D", "T"):
        month = draw(st.integers(1, 12))
        if kind == "M":
            return f"{ytext}-{month:02d}"
        day = draw(st.integers(1, 28))
        if kind == "D":
            return f"{ytext}-{month:02d}-{day:02d}"
        return f"{ytext}-{month:02d}-{day:02d}T{draw(st.integers(0, 23)):02d}:" \
               f"{draw(st.integers(0, 59)):02d}"
    if kind in ("W", "WE"):
        return f"{ytext}-W{draw(st.integers(1, 52)):02d}" + ("-WE" if kind == "WE" else "")
    if kind == "Q":
        return f"{ytext}-Q{draw(st.integers(1, 4))}"
    if kind == "H":
        return f"{ytext}-H{draw(st.integers(1, 2))}"
    if kind == "S":
        return f"{ytext}-{draw(st.sampled_from(['SP', 'SU', 'FA', 'WI']))}"
    return f"{draw(st.integers(1, 999)):03d}X"


@given(dates(), st.sampled_from([None, "early", "mid", "late", "about", "before", "after"]))
def test_parse_is_canonical_and_displays(text, qualifier):
    value = parse_date(text)
    assert parse_date(value.text) == value
    assert value.start < value.stop
    label = human_date(value, qualifier)
    assert label and "None" not in label


@given(st.integers(-3_000_000, 3_000_000))
def test_day_numbers_round_trip(days):
    year, month, day = civil_from_days(days)
    assert year != 0
    assert day_number(year, month, day) == days


@given(st.dates())
def test_calendar_agrees_with_python(date):
    days = (date - dt.date(1970, 1, 1)).days
    assert civil_from_days(days) == (date.year, date.month, date.day)
    assert iso_week_of(days) == tuple(date.isocalendar())[:2]


@given(dates(), dates())
def test_sort_key_respects_disjoint_spans(a, b):
    """If one date's span ends before the other's begins, it sorts first."""
    x, y = parse_date(a), parse_date(b)
    if x.stop <= y.start:
        assert sort_key(x) < sort_key(y)


@given(dates(), dates())
def test_containment_and_overlap_agree(a, b):
    x, y = parse_date(a), parse_date(b)
    if x.contains(y):
        assert x.overlaps(y)
    assert x.overlaps(y) == y.overlaps(x)


@pytest.mark.parametrize("text, label", [
    ("XXXX-07-21", "21 July, year unknown"), ("XXXX-07", "July, year unknown"),
    ("XXXX", "date unknown"), ("XXXX-XX-XX", "date unknown"),
])
def test_placeholders_for_unknown_years(text, label):
    """Articles without a publication date leave relative dates unresolved, never guessed."""
    value = parse_date(text)
    assert value.unknown_year and value.text == text
    assert human_date(value) == label
    assert sort_key(value) > sort_key(parse_date("9999-12-31"))


@pytest.mark.parametrize("text", ["XXXX-13", "XXXX-02-30", "XXXX-W12", "XXX"])
def test_bad_placeholders(text):
    with pytest.raises(DateError):
        parse_date(text)


@pytest.mark.parametrize("ours, timeml", [
    ("199X", "199"), ("18XX", "18"), ("07XX", "07"), ("2019", "2019"), ("2019-07", "2019-07"),
    ("XXXX-07-21", "XXXX-07-21"), ("XXX", "XXX"), ("P10Y", "P10Y"), ("PRESENT_REF", "PRESENT_REF"),
])
def test_timeml_spells_decades_and_centuries_without_their_xs(ours, timeml):
    assert timeml_value(ours) == timeml


def test_one_spelling_for_the_tagger_and_the_record():
    """The tagger's periods and the record's dates spell a decade and a century alike."""
    day = dt.date(1994, 5, 1)
    for unit, text in (("decade", "199X"), ("century", "19XX")):
        period = Period.containing(unit, day)
        assert period.value == text == parse_date(text).text
        assert parse(text) == period
