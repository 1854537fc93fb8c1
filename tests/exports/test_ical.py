"""events.ics read back by the icalendar library: all-day spans with an exclusive DTEND."""

from __future__ import annotations

import datetime as dt

import icalendar

from generator.exporters import get_exporter

from .conftest import SITE_URL, context, utc


def export(events, **options):
    result = get_exporter("ics").run(events, context(events, **options))
    calendar = icalendar.Calendar.from_ical(result.text)
    items = {str(c["UID"]).split("@")[0]: c for c in calendar.walk("VEVENT")}
    return result, calendar, items


def dates(item):
    end = item.get("DTEND")
    return item["DTSTART"].dt, end.dt if end is not None else None


def test_parses_back_with_calendar_properties(forms):
    result, calendar, items = export(forms)
    assert calendar["VERSION"] == "2.0" and "Timeline Generator" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "Test timeline"
    assert result.count == len(items)
    assert result.skipped == {"with an unknown year": ["unknown-year"], "BCE": ["bce"],
                              "after the year 9999": ["last-day"]}
    assert result.text.endswith("\r\n")  # RFC 5545 line ends


def test_days_are_all_day_events_with_exclusive_end(forms):
    _, _, items = export(forms)
    day = items["day"]
    assert dates(day) == (dt.date(2019, 7, 21), dt.date(2019, 7, 22))
    assert day["DTSTART"].params.get("VALUE") == "DATE"
    assert dates(items["range"]) == (dt.date(2019, 7, 20), dt.date(2019, 7, 22))


def test_coarse_dates_span_their_period(forms):
    _, _, items = export(forms)
    assert dates(items["week"]) == (dt.date(2019, 7, 15), dt.date(2019, 7, 22))
    assert dates(items["weekend"]) == (dt.date(2019, 7, 20), dt.date(2019, 7, 22))
    assert dates(items["month"]) == (dt.date(2019, 6, 1), dt.date(2019, 7, 1))
    assert dates(items["quarter"]) == (dt.date(2019, 7, 1), dt.date(2019, 10, 1))
    assert dates(items["half"]) == (dt.date(2019, 7, 1), dt.date(2020, 1, 1))
    assert dates(items["season"]) == (dt.date(2019, 12, 1), dt.date(2020, 3, 1))
    assert dates(items["year"]) == (dt.date(2005, 1, 1), dt.date(2006, 1, 1))
    assert dates(items["decade"]) == (dt.date(1990, 1, 1), dt.date(2000, 1, 1))
    assert dates(items["century"]) == (dt.date(1800, 1, 1), dt.date(1900, 1, 1))
    assert dates(items["month-range"]) == (dt.date(2003, 7, 1), dt.date(2005, 1, 1))


def test_times_of_day_are_floating_times(forms):
    _, _, items = export(forms)
    assert dates(items["minute"]) == (dt.datetime(2019, 7, 22, 15, 30), None)
    assert dates(items["day-part"]) == (dt.datetime(2019, 7, 22, 18), dt.datetime(2019, 7, 22, 22))
    assert dates(items["night"]) == (dt.datetime(2019, 7, 22, 22), dt.datetime(2019, 7, 23, 6))
    assert dates(items["timed-range"]) == (dt.datetime(2019, 7, 23, 9),
                                           dt.datetime(2019, 7, 23, 17))


def test_qualified_dates_say_so_in_the_description(forms):
    _, _, items = export(forms)
    assert str(items["month"]["DESCRIPTION"]).startswith("late June 2019")
    assert str(items["year"]["DESCRIPTION"]).startswith("c. 2005")
    early = items["early"]
    assert str(early["DESCRIPTION"]).startswith("early August 2019 (expected)")
    assert early["STATUS"] == "TENTATIVE"


def test_stable_uids_times_from_the_history_and_links(forms):
    _, _, items = export(forms, site_url=SITE_URL)
    rich = items["rich"]
    assert str(rich["UID"]) == "rich@example.org"
    assert str(rich["URL"]) == f"{SITE_URL}events/rich/"
    index = [e.id for e in forms].index("rich")
    assert rich["DTSTAMP"].dt == utc(2021, 1, 1) + dt.timedelta(days=index)
    assert rich["LAST-MODIFIED"].dt == rich["DTSTAMP"].dt
    assert rich["CREATED"].dt == utc(2020, 1, 1) + dt.timedelta(days=index)
    assert [str(c) for c in rich["CATEGORIES"].cats] == ["=cmd", "trade"]
    assert "Second report: https://example.org/report?a=1&b=2" in str(rich["DESCRIPTION"])
    _, _, relative = export(forms)
    assert "URL" not in relative["rich"]  # iCalendar wants full addresses
    assert str(relative["rich"]["UID"]) == "rich@test-timeline.invalid"


def test_same_store_same_bytes(fixture_events):
    assert export(fixture_events)[0].text == export(fixture_events)[0].text


def test_cached_events_give_the_text_of_a_whole_calendar(forms):
    """The export joins serialised VEVENTs (cached between builds while serving); the
    result must equal icalendar serialising the whole calendar at once."""
    from generator.exporters import ical
    ctx = context(forms)
    ical._VEVENTS.clear()
    joined = get_exporter("ics").run(forms, ctx).text
    assert get_exporter("ics").run(forms, ctx).text == joined  # second time from the cache
    calendar = icalendar.Calendar()
    for name, value in (("prodid", ical.PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"),
                        ("method", "PUBLISH"), ("x-wr-calname", ctx.site_name)):
        calendar.add(name, value)
    if ctx.site_description:
        calendar.add("x-wr-caldesc", ctx.site_description)
    for event in forms:
        if not (ical.known_dates(event) or ical._out_of_range(event)):
            calendar.add_component(ical.vevent(event, ctx, ical.uid_domain(ctx)))
    assert joined == calendar.to_ical().decode("utf-8")
