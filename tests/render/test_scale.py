"""The page strategy for big stores: optional event pages, split facets, a short lunr
index, and one Explore record per event whatever the strategy."""

from __future__ import annotations

import json

from generator.core.model import sort_events
from generator.render import SiteOptions, build_site, render_site
from generator.render.explore import event_filters

from .test_structure import ev


def store(count: int = 30):
    return sort_events([ev(f"e{i:03d}", f"{2000 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                           tags=["trade"] if i % 2 else ["trade", "farm"],
                           actors=[f"actor {i % 4}"], places=["Geneva"])
                        for i in range(count)])


def test_without_event_pages_the_card_anchor_is_the_permalink():
    files = render_site(store(), SiteOptions(event_pages_max=10))
    assert not [p for p in files if p.startswith("events/")]
    period = files["periods/2000.md"]
    assert 'id="e-e000"' in period and 'href="../../periods/2000/#e-e000"' in period
    assert 'href="../../periods/2000/#e-e000"' in files["tags/farm.md"]
    data = json.loads(files["data/events.json"])
    assert data["events"][0]["page"].startswith("periods/") and "#e-" in data["events"][0]["page"]


def test_event_pages_stay_at_their_address_below_the_threshold():
    files = render_site(store(), SiteOptions(event_pages_max=30))
    assert "events/e000.md" in files
    assert 'href="../../events/e000/"' in files["periods/2000.md"]


def test_a_long_facet_lists_its_periods_each_on_a_page():
    files = render_site(store(), SiteOptions(facet_page_max_events=12))
    trade = files["tags/trade.md"]
    assert "tl-card" not in trade and "(trade/2000.md)" in trade
    assert files["tags/trade/2000.md"].count('class="tl-card') == 10
    assert "# trade · 2000" in files["tags/trade/2000.md"]
    assert files["tags/farm.md"].count('class="tl-card') == 0  # 15 events > 12
    assert files["actors/actor-0.md"].count('class="tl-card') == 8  # short: one page
    split = render_site(store(), SiteOptions(facet_page_max_events=5))
    assert "tags/trade/2000-01.md" in split  # a long year of a long facet: by month


def test_above_the_size_lists_and_events_leave_the_header_search():
    small = render_site(store(), SiteOptions())
    big = render_site(store(), SiteOptions(header_search_max_events=10))
    assert '"boost": 2.0' in small["events/e000.md"]
    for path in ("events/e000.md", "periods/2000.md", "tags/trade.md"):
        assert 'search: {"exclude": true}' in big[path], path
    for path in ("index.md", "periods/index.md", "tags/index.md", "explore.md"):
        assert "exclude" not in big[path].split("---")[1], path
    assert "Explore" in big["data.md"] and "too long" in big["data.md"]


def test_one_explore_record_per_event_with_its_filters_and_permalink():
    events = store(4)
    for options, link in ((SiteOptions(), 'href="events/e000/"'),
                          (SiteOptions(event_pages_max=1), 'href="periods/2000/#e-e000"')):
        records = build_site(events, options).records
        assert sorted(records) == [f"e{i:03d}.html" for i in range(4)]
        assert link in records["e000.html"]
        assert '<span data-pagefind-filter="tag">farm</span>' in records["e000.html"]
    assert event_filters(events[0])["year"] == ["2000"]
    assert build_site(events, SiteOptions(explore=False)).records == {}
    assert build_site([], SiteOptions()).records == {}
