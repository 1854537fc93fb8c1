"""Key events on the site: the home page leads with them, lists mark them, cards and
event pages say how widely each event was reported."""

from __future__ import annotations

from generator.core.dates import parse_date
from generator.core.model import Event, Source
from generator.render import SiteOptions, render_site


def reported(event_id: str, day: str, title: str, articles: list[tuple[str, str, str]]) -> Event:
    """An extracted event reported by (article, published, publisher) triples."""
    return Event(id=event_id, date=parse_date(day), title=title, extraction={"phrase": day},
                 sources=[Source(article=a, published=parse_date(p), publisher=w)
                          for a, p, w in articles])


def story() -> list[Event]:
    recalled = [("a", "2020-03-02", "Wire")] + [
        (f"l{n}", f"2020-03-{10 + n}", "Daily" if n % 2 else "Wire") for n in range(6)]
    events = [reported("attack", "2020-03-02", "Rebels attacked the port", recalled)]
    events += [reported(f"minor-{n}", f"2020-03-{12 + n}", f"Minor thing {n}",
                        [(f"m{n}", f"2020-03-{12 + n}", "Wire")]) for n in range(8)]
    return events


def test_the_home_page_leads_with_the_key_events_then_the_full_record():
    pages = render_site(story(), SiteOptions(key_events=2))
    home = pages["index.md"]
    key = home.index("## Key events")
    assert key < home.index("## Newest") < home.index("## The full record") < home.index("## 2020")
    brief = home[key:home.index("## Newest")]
    assert brief.count("\n- **") == 2 and "Rebels attacked the port" in brief
    assert "reported by 7 articles from 2 publishers" in brief


def test_lists_mark_key_events_and_cards_say_how_widely_events_were_reported():
    pages = render_site(story(), SiteOptions(key_events=1))
    period = pages["periods/2020.md"]
    attack = period[period.index('id="e-attack"') - 40:period.index("minor-0")]
    assert "tl-key" in attack and "Key event" in attack
    minor = period[period.index('id="e-minor-3"') - 40:]
    assert "tl-key" not in minor.split("</div>")[0]
    assert "Wire, 15 March 2020</a></p>" in minor and "reported by" not in minor
    assert "Wire, 2 March 2020</a> · reported by 7 articles from 2 publishers" in attack
    event_page = pages["events/attack.md"]
    assert "Reported by 7 articles from 2 publishers" in event_page
    assert "one of the [key events]" in event_page


def test_the_number_of_key_events_scales_with_the_store_when_not_set():
    home = render_site(story(), SiteOptions())["index.md"]
    brief = home[home.index("## Key events"):home.index("## Newest")]
    assert brief.count("\n- **") == 6  # twice the square root of 9 days


def test_a_store_with_no_more_events_than_key_events_gets_no_brief():
    home = render_site(story()[:4], SiteOptions())["index.md"]
    assert "## Key events" not in home and "## The full record" not in home
