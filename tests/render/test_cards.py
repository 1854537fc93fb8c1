"""Cards, event pages and the home page as a reader meets them: the summary or the
source sentence, the source with a link, each article counted once, "≈" for approximate
dates only, the date once with how it was read, and the newest events."""

from __future__ import annotations

import re

import pytest

from generator.core.dates import parse_date
from generator.core.model import Event, Source, sort_events
from generator.render import SiteOptions, render_site

ARTICLE = dict(article="a1", title="Talks resume", publisher="Wire", published=parse_date(
    "2019-07-22"))


def event(event_id: str, day: str, **fields) -> Event:
    return Event(id=event_id, date=parse_date(day), title=fields.pop("title", event_id),
                 **fields)


def card_of(page: str, event_id: str) -> str:
    """The HTML of one card on a list page."""
    start = page.rindex("<div", 0, page.index(f'id="e-{event_id}"'))
    return page[start:page.index("</div>", start)]


def body(page: str) -> str:
    """A page without its front matter."""
    return page.split("\n---\n", 1)[1]


def test_a_card_shows_the_summary_else_the_source_sentence():
    events = [event("said", "2019-07-19", summary="Officials met soybean buyers.",
                    sources=[Source(**ARTICLE, quote="The government met buyers on July 19.")]),
              event("quoted", "2019-07-20",
                    sources=[Source(**ARTICLE, quote="Beijing made gestures on Saturday.")])]
    home = render_site(events, SiteOptions())["index.md"]
    said, quoted = card_of(home, "said"), card_of(home, "quoted")
    assert '<p class="tl-summary">Officials met soybean buyers.</p>' in said
    assert "July 19" not in said
    assert '<p class="tl-summary">Beijing made gestures on Saturday.</p>' in quoted


def test_the_source_line_links_to_the_article_else_to_its_page_here():
    events = [event("linked", "2019-07-19",
                    sources=[Source(**{**ARTICLE, "url": "https://example.org/talks"})]),
              event("archived", "2019-07-20", sources=[Source(**{**ARTICLE, "article": "a2"})])]
    home = render_site(events, SiteOptions())["index.md"]
    assert '<p class="tl-source"><a href="https://example.org/talks">Wire, 22 July 2019</a></p>' \
        in card_of(home, "linked")
    assert '<p class="tl-source"><a href="sources/a2/">Wire, 22 July 2019</a></p>' \
        in card_of(home, "archived")


def test_an_article_cited_twice_counts_once_everywhere():
    twice = event("twice", "2019-07-19", sources=[
        Source(**ARTICLE, quote="First sentence."), Source(**ARTICLE, quote="Second sentence."),
        Source(article="b1", publisher="Daily", quote="Another paper.")])
    once = event("once", "2019-07-20", sources=[Source(**ARTICLE, quote="Third sentence.")])
    pages = render_site([twice, once], SiteOptions())
    assert "reported by 2 articles from 2 publishers" in card_of(pages["index.md"], "twice")
    assert "Reported by 2 articles from 2 publishers" in pages["events/twice.md"]
    source = pages["sources/a1.md"]
    assert "· 2 events ·" in source and source.count('class="tl-card') == 2
    twice_card = card_of(source, "twice")
    assert "First sentence." in twice_card and "Second sentence." in twice_card
    listed = pages["events/twice.md"].split("## Sources")[1].split("## Before")[0]
    assert listed.count("\n1. ") == 2  # two articles, the first with both sentences
    assert "> First sentence." in listed and "> Second sentence." in listed
    assert "· 2 events" in pages["sources/index.md"]


@pytest.mark.parametrize("day, qualifier, end, approximate", [
    ("2019-06", "late", None, True),
    ("2005", "about", None, True),
    ("2019-07-19", "before", None, True),
    ("2019-07-20", None, "2019-07-21", False),  # a range is exact: "20–21 July 2019"
    ("2019-05", None, None, False),             # so is a month
    ("2019-W29", None, None, False),
    ("2019-07-19", None, None, False),
])
def test_only_approximate_dates_are_marked_uncertain(day, qualifier, end, approximate):
    one = event("e", day, qualifier=qualifier, end=parse_date(end) if end else None)
    pages = render_site([one], SiteOptions())
    card = card_of(pages["index.md"], "e")
    assert ("tl-uncertain" in card) is approximate
    date_line = "{ .tl-when .tl-uncertain }" if approximate else "{ .tl-when }"
    assert f"{one.when}\n{date_line}\n" in pages["events/e.md"]


def test_the_event_page_gives_the_date_once_and_how_it_was_read():
    read = event("read", "2019-07-19", confidence=0.6, review="check the year",
                 extraction={"phrase": "July 19", "anchor": "2019-07-22",
                             "rule": "date_month_day"},
                 sources=[Source(**ARTICLE, quote="They met on July 19 in Beijing.")])
    page = body(render_site([read], SiteOptions())["events/read.md"])
    assert page.count("19 July 2019") == 1 and "**Date:**" not in page
    # the anchor is the article's own date, so the sentence does not repeat it
    assert ("\nDated from the words “July 19” in [the Wire article of 22 July 2019]"
            "(../sources/a1.md).\n") in page
    panel = page[page.index('<details class="tl-review" open>'):page.index("</details>")]
    assert "date 2019-07-19" in panel and "date&#95;month&#95;day" in panel
    assert "Confidence 60%: how sure the extractor was" in panel
    assert "To review: check the year" in panel


def test_a_date_counted_from_another_day_says_so():
    relative = event("rel", "2019-07-15", extraction={"phrase": "last Monday",
                                                      "anchor": "2019-07-20"},
                     sources=[Source(**{**ARTICLE, "url": "https://example.org/talks"},
                                     quote="They spoke last Monday.")])
    page = render_site([relative], SiteOptions())["events/rel.md"]
    assert ("Dated from the words “last Monday” in [the Wire article of 22 July 2019]"
            "(https://example.org/talks), counted from 20 July 2019.") in page
    assert "[Talks resume](https://example.org/talks), Wire, published 22 July 2019 · " \
           "[its events here](../sources/a1.md)" in page


def test_a_hand_written_event_has_no_reading_and_no_panel():
    page = render_site([event("hand", "2019-07-19")], SiteOptions())["events/hand.md"]
    assert "Dated from" not in page and "tl-review" not in page


def test_tags_link_to_the_tag_page_only():
    tagged = event("t", "2019-07-19", tags=["trade"])
    pages = render_site([tagged], SiteOptions())
    front = pages["events/t.md"].split("\n---\n", 1)[0]
    assert "tags:" not in front  # Material would link them to its own listing
    assert "[trade](../tags/trade.md)" in pages["events/t.md"]
    assert "material/tags" not in pages["tags/index.md"]


def test_the_home_page_intro_last_update_and_newest_events():
    events = sort_events([event(f"d{n}", f"2019-07-{n:02d}", sources=[Source(
        article=f"a{n}", publisher="Wire", published=parse_date(f"2019-07-{n + 1:02d}"))])
        for n in range(1, 9)])
    pages = render_site(events, SiteOptions(description="A record of the talks.",
                                            newest_events=3))
    home = pages["index.md"]
    assert "# Timeline\n\nA record of the talks.\n{ .tl-intro }\n" in home
    assert "last updated 9 July 2019 (the newest source article)" in home
    newest = home[home.index("## Newest"):home.index("## The full record")]
    assert re.findall(r"\[(d\d)\]", newest) == ["d8", "d7", "d6", "d5", "d4"]
    assert "[more, newest first](newest.md)" in newest
    page = pages["newest.md"]
    assert re.findall(r'id="e-(d\d)"', page) == ["d8", "d7", "d6"]
    assert "The 3 newest of 8 events, the latest date first." in page


def test_facet_pages_of_very_large_stores_show_brief_cards():
    events = sort_events([event(f"b{n}", f"2019-07-{n:02d}", summary=f"Summary {n}.",
                                tags=["trade"], sources=[Source(**ARTICLE)])
                          for n in range(1, 5)])
    full = render_site(events, SiteOptions(brief_cards_after=4))
    brief = render_site(events, SiteOptions(brief_cards_after=3))
    assert "Summary 1." in full["tags/trade.md"] and "Summary 1." in brief["index.md"]
    tag_card = card_of(brief["tags/trade.md"], "b1")
    assert "b1</a>" in tag_card and "tl-summary" not in tag_card
    assert "tl-source" not in tag_card and "tl-chip" not in tag_card
    split = render_site(events, SiteOptions(brief_cards_after=3, facet_page_max_events=2))
    assert "tl-summary" not in split["tags/trade/2019.md"]
    assert "tl-summary" in split["periods/2019.md"]


def test_an_article_quoted_twice_is_one_report_in_the_structured_data():
    from generator.render.jsonld import event_jsonld
    twice = event("twice", "2019-07-19", sources=[Source(**ARTICLE, quote="One."),
                                                  Source(**ARTICLE, quote="Two.")])
    assert len(event_jsonld(twice)["subjectOf"]) == 1
    other = dict(ARTICLE, article="a2", title="Talks stall")
    two = event("two", "2019-07-19", sources=[Source(**ARTICLE), Source(**other)])
    assert len(event_jsonld(two)["subjectOf"]) == 2
