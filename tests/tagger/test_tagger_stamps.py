"""Live-blog clock stamps against lists of history (stamps.py), on pages written here."""

from __future__ import annotations

from generator.extraction.tagger import tag


def _page(*entries: str) -> str:
    return "\n\n".join(entries) + "\n"


def _stamps(text: str, dct: str | None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct) if t.text[:1].isdigit()]


NEWEST_FIRST = _page(
    "Live coverage of the floods, as it happened.",
    "2059: The river has burst its banks at the old mill, police say.",
    "Residents are being moved to the school hall.",
    "2032 A spokesman for the council says the road will stay shut.",
    "1948: Rain is expected to ease overnight.",
    "1901The mayor thanks volunteers.")


def test_newest_first_stamps_are_times_of_the_publication_day() -> None:
    assert _stamps(NEWEST_FIRST, "2010-06-16") == [
        ("2059", "TIME", "2010-06-16T20:59"), ("2032", "TIME", "2010-06-16T20:32"),
        ("1948", "TIME", "2010-06-16T19:48"), ("1901", "TIME", "2010-06-16T19:01")]


def test_without_a_publication_date_the_day_stays_open() -> None:
    assert _stamps(NEWEST_FIRST, None)[0] == ("2059", "TIME", "XXXX-XX-XXT20:59")


def test_oldest_first_with_zones_and_leading_zeros() -> None:
    text = _page("0852 GMT: Markets open lower.", "0915 GMT: The central bank cuts rates.",
                 "1432 GMT: Shares recover.")
    assert _stamps(text, "2011-03-01") == [
        ("0852 GMT", "TIME", "2011-03-01T08:52"), ("0915 GMT", "TIME", "2011-03-01T09:15"),
        ("1432 GMT", "TIME", "2011-03-01T14:32")]


def test_a_page_over_midnight_puts_the_short_part_on_the_next_day() -> None:
    text = _page("0010 The last update of the night.", "2346 Crews are still at work.",
                 "2330 Power is back in the north.", "2315 The rain stops.")
    assert [v for _, _, v in _stamps(text, "2010-01-14")] == [
        "2010-01-15T00:10", "2010-01-14T23:46", "2010-01-14T23:30", "2010-01-14T23:15"]


def test_a_colon_time_with_a_zone_word_opens_an_entry() -> None:
    text = _page("07:30 UK time Engineers say the dam is holding.")
    assert _stamps(text, "2009-04-25") == [("07:30", "TIME", "2009-04-25T07:30")]


def test_a_list_of_great_floods_is_years() -> None:
    """1978 cannot be a clock time (minute 78): the whole list is years."""
    text = _page("Great floods of the river:", "1913: The old bridge is swept away.",
                 "1953: A storm surge breaches the dykes.", "1978: The barrier is built.")
    assert _stamps(text, "2010-06-16") == [
        ("1913", "DATE", "1913"), ("1953", "DATE", "1953"), ("1978", "DATE", "1978")]


def test_a_short_history_in_ascending_order_is_years() -> None:
    """Every year here could be a clock time, but history runs oldest first and three
    entries are no live page."""
    text = _page("2001 The club is founded.", "2005 It wins the cup.",
                 "2009 It moves to a new ground.")
    assert [v for _, _, v in _stamps(text, "2011-11-30")] == ["2001", "2005", "2009"]


def test_a_single_paragraph_year_stays_a_year() -> None:
    text = _page("The new barrier was tested in spring.", "1953: The worst flood on record.")
    assert _stamps(text, "2010-06-16") == [("1953", "DATE", "1953")]


def test_prose_opening_with_a_year_is_no_stamp() -> None:
    text = _page("2009 was the year the virus spread.", "2008 saw the first cases.",
                 "2007 had none.")
    assert [t for _, t, _ in _stamps(text, "2010-01-01")] == ["DATE", "DATE", "DATE"]


def test_entries_far_apart_are_separate_runs() -> None:
    """A history box far below a live page does not turn the page's stamps into years."""
    filler = ["More on this story."] * 25
    text = _page("2105 Police close the bridge.", "2050 Rain returns.", "2033 Roads flood.",
                 *filler, "1918: The great flood.", "1968: The dam is built.")
    assert [v for _, _, v in _stamps(text, "2010-06-16")] == [
        "2010-06-16T21:05", "2010-06-16T20:50", "2010-06-16T20:33", "1918", "1968"]


def test_a_stamp_dates_the_clock_times_of_its_entry() -> None:
    text = _page("0000 Page closed.", "2346 Crews say the fire started at 10pm.")
    got = [(t.text, t.value) for t in tag(text, "2010-01-14")]
    assert ("10pm", "2010-01-14T22:00") in got
