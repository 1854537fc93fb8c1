"""One small HTML record per event for the Explore page's search index (Pagefind).

Pagefind indexes HTML, one result per file. Event pages would serve below the size
where they exist, but above it an event lives only as a card on a period page, and a
period page indexed whole would answer a tag filter with every event of the month.
So each event gets a record of its own, made from the plan's card: its words, its
filters (tag, actor, place, year, source) and the permalink the result opens, whichever
page strategy the site uses. The records are written outside the site and indexed
there; none of them is published.
"""

from __future__ import annotations

from typing import Any, Optional
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from ..core.model import Event, Source
from .paths import page_url
from .years_months import group_of, year_label

RECORD_TEMPLATE = "explore_record.html.j2"
SCRIPT = "assets/explore.js"  # the Explore page's interface, copied into the site as is
FILTERS = ("tag", "actor", "place", "year", "source")


def source_name(source: Source) -> Optional[str]:
    """What the source filter offers: the publisher, else the site's host name."""
    if source.publisher:
        return source.publisher
    if source.url:
        return urlsplit(source.url).hostname
    return None


def event_filters(event: Event) -> dict[str, list[str]]:
    """Filter name -> values for one event (each value once, in the record's order)."""
    sources = [name for name in (source_name(s) for s in event.sources) if name]
    return {"tag": list(dict.fromkeys(event.tags)), "actor": list(dict.fromkeys(event.actors)),
            "place": list(dict.fromkeys(event.places)),
            "year": [year_label(group_of(event)[0])], "source": list(dict.fromkeys(sources))}


def explore_records(plan: Any, env: jinja2.Environment) -> dict[str, str]:
    """{record file name: HTML} for every event of a `SitePlan`."""
    template = env.get_template(RECORD_TEMPLATE)
    directory_urls = plan.options.directory_urls
    records = {}
    for order, event in enumerate(plan.events):
        card = plan.cards[event.id]
        # Relative to the site's root, which the Explore page resolves in the browser,
        # so a site served from a subfolder still links right. Paths and anchors are
        # slugs: nothing in them needs escaping.
        permalink = Markup(page_url(card.path, directory_urls) +
                           (f"#{card.anchor}" if card.anchor else ""))
        records[f"{event.id}.html"] = template.render(
            card=card, event=event, permalink=permalink, order=f"{order:07d}",
            filters=event_filters(event), page_path="", directory_urls=directory_urls)
    return records
