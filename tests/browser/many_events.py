"""A generated store bigger than the fixture store, for tests whose point needs many
events: the interactive page at a size where it must not draw them all, the header
search where many event titles carry the same name.

Deterministic: event `n` always gets the same date, title and names.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.core.dates import parse_date
from generator.core.model import Event, Source
from generator.store.writer import sync_generated

# Made-up people, so no real name's spelling or stemming decides a test.
PEOPLE = ("Ada Quillon", "Bram Oskar", "Cleo Varga", "Dov Mirren")
PLACES = ("Harbourton", "Eastmere", "Northvale")
TAGS = ("trade", "energy", "courts", "weather")
DEEDS = ("met ministers about", "announced a plan on", "criticised the ruling on",
         "signed a deal on", "held talks about")
TOPICS = ("steel tariffs", "grain exports", "the river dam", "port fees", "rail fares")
FIRST_DAY = dt.date(1995, 1, 1)


def generated_event(number: int) -> Event:
    """Event `number`: a day about 37 days after the previous one, a person in its title."""
    day = FIRST_DAY + dt.timedelta(days=number * 37 + number % 5)
    who = PEOPLE[number % len(PEOPLE)]
    title = f"{who} {DEEDS[number % len(DEEDS)]} {TOPICS[(number // 3) % len(TOPICS)]}"
    return Event(id=f"g{number:05d}", date=parse_date(day.isoformat()), title=title,
                 actors=[who], places=[PLACES[number % len(PLACES)]],
                 tags=[TAGS[number % len(TAGS)], TAGS[(number + 1) % len(TAGS)]],
                 sources=[Source(article=f"wire-{number // 3:05d}", publisher="Wire",
                                 url=f"https://news.example/{number // 3}",
                                 quote=title + ".")])


def write_store(folder: Path, count: int) -> Path:
    """A store of `count` generated events in `folder`; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    sync_generated(folder, [generated_event(n) for n in range(count)])
    return folder
