"""timeline.json holds the fields and types TimelineJS 3 documents, for every date form."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.exporters import get_exporter

from .conftest import SITE_URL, context

SCHEMA = json.loads((Path(__file__).parent / "timelinejs.schema.json").read_text())


def export(events, **options):
    result = get_exporter("timelinejs").run(events, context(events, **options))
    document = json.loads(result.text)
    jsonschema.validate(document, SCHEMA)
    return result, {s["unique_id"]: s for s in document["events"]}, document


@pytest.mark.parametrize("store", ["forms", "fixture_events"])
def test_valid_against_the_documented_format(store, request):
    events = request.getfixturevalue(store)
    result, slides, document = export(events)
    assert document["scale"] == "human"
    assert document["title"]["text"]["headline"] == "Test timeline"
    known = [e.id for e in events if not e.date.unknown_year]
    assert list(slides) == known  # timeline order, ids as unique_id
    assert result.count == len(known)


def test_date_parts_for_every_form(forms):
    result, slides, _ = export(forms)
    starts = {key: slide["start_date"] for key, slide in slides.items()}
    assert starts["day"] == {"year": 2019, "month": 7, "day": 21}
    assert starts["minute"] == {"year": 2019, "month": 7, "day": 22, "hour": 15, "minute": 30}
    assert starts["day-part"] == {"year": 2019, "month": 7, "day": 22, "hour": 18}
    assert starts["week"] == {"year": 2019, "month": 7, "day": 15}  # its Monday
    assert starts["weekend"] == {"year": 2019, "month": 7, "day": 20}
    assert starts["month"] == {"year": 2019, "month": 6}
    assert starts["quarter"] == {"year": 2019, "month": 7}
    assert starts["half"] == {"year": 2019, "month": 7}
    assert starts["season"] == {"year": 2019, "month": 12}  # winter starts in December
    assert starts["year"] == starts["mid"] | {"year": 2005}
    assert starts["decade"] == {"year": 1990}
    assert starts["century"] == {"year": 1800}
    assert starts["bce"] == {"year": -44}
    assert slides["range"]["end_date"] == {"year": 2019, "month": 7, "day": 21}
    assert slides["month-range"]["end_date"] == {"year": 2004, "month": 12}
    assert "end_date" not in slides["day"]
    assert result.skipped == {"with an unknown year": ["unknown-year"]}


def test_display_date_is_the_sites_reading(forms):
    _, slides, _ = export(forms)
    for event in forms:
        if event.id in slides:
            assert slides[event.id]["display_date"] == event.when
    assert slides["month"]["display_date"] == "late June 2019"
    assert slides["year"]["display_date"] == "c. 2005"
    assert slides["bce"]["display_date"] == "44 BCE"
    assert slides["range"]["display_date"] == "20–21 July 2019"


def test_text_group_and_links(fixture_events):
    _, slides, _ = export(fixture_events)
    soy = slides["2019-07-19-chinese-government-meets-soybean-buyers"]
    assert soy["group"] == "trade"  # the first tag
    assert soy["text"]["headline"] == "Chinese government meets soybean buyers on US purchases"
    assert '<a href="../events/2019-07-19-chinese-government-meets-soybean-buyers/">' \
        in soy["text"]["text"]  # relative to the interactive page without site_url
    phone = slides["2019-07-18-negotiators-hold-phone-call"]["text"]["text"]
    assert ('<a href="https://example.org/reports/phone-call?id=18&amp;lang=en">Negotiators '
            'talk by phone</a>, Example Wire') in phone
    _, absolute, _ = export(fixture_events, site_url=SITE_URL)
    assert (f'<a href="{SITE_URL}events/2019-07-19-chinese-government-meets-soybean-buyers/">'
            in absolute["2019-07-19-chinese-government-meets-soybean-buyers"]["text"]["text"])


def test_hostile_text_is_escaped_for_each_field(fixture_events):
    _, slides, _ = export(fixture_events)
    hostile = slides["2019-07-21-hostile-article"]
    assert hostile["text"]["headline"].startswith("&lt;script&gt;window.__pwned_title")
    assert "<script" not in hostile["text"]["text"] and "<img" not in hostile["text"]["text"]
    assert "javascript:" not in hostile["text"]["text"].replace("[not a link](javascript", "")
    # TimelineJS decodes group and display_date once before inserting them as HTML.
    assert hostile["group"] == "&amp;lt;b&amp;gt;tag&amp;lt;/b&amp;gt;"


def test_same_store_same_bytes(forms):
    assert export(forms)[0].text == export(forms)[0].text
