#!/usr/bin/env python3
"""Reproducible synthetic news corpora and event stores for the benchmarks.

    python bench/corpus.py articles OUT_DIR --count 1000 [--seed 1] [--jsonl]
    python bench/corpus.py events OUT_DIR --count 10000 [--seed 1]

Articles read like wire copy: a dateline-free body of 12 to 30 paragraphs mixing dated
happenings (absolute dates, weekdays, "last week", "in late June", ranges), statements
with attribution, background without dates, figures that are not years, and names of
people, organisations and places. The same seed always gives the same corpus, so runs
on different days and machines compare.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PEOPLE = ["Donald Trump", "Xi Jinping", "Angela Merkel", "Emmanuel Macron", "Liu He",
          "Wilbur Ross", "Jerome Powell", "Christine Lagarde", "Narendra Modi", "Shinzo Abe",
          "Justin Trudeau", "Jacinda Ardern", "Boris Johnson", "Vladimir Putin"]
TITLES = ["President", "Vice Premier", "Commerce Secretary", "Chancellor", "Prime Minister",
          "Finance Minister", "Chairman"]
ORGS = ["the Federal Reserve", "the European Central Bank", "the World Trade Organization",
        "Huawei", "Intel Corp.", "Qualcomm Inc.", "the Commerce Department", "Xinhua",
        "the International Monetary Fund", "Boeing", "Airbus", "the United Nations"]
PLACES = ["Beijing", "Washington", "Brussels", "Tokyo", "Geneva", "Osaka", "London",
          "Paris", "Berlin", "New Delhi", "Ottawa", "Canberra"]
TOPICS = ["tariffs on steel", "soybean purchases", "export licences", "interest rates",
          "the trade deficit", "a new aircraft contract", "farm subsidies", "chip sales",
          "currency policy", "a climate pledge", "fishing rights", "a rail project"]
VERBS_PAST = ["met with", "announced new measures on", "held talks about", "criticised",
              "agreed to review", "signed an agreement on", "called for limits on",
              "released a report on", "suspended talks over", "approved funding for"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "Analysts said the outcome remained uncertain and markets were watching closely.",
    "The dispute has weighed on business confidence for much of the past two years.",
    "Officials declined to comment on the details, citing the sensitivity of the talks.",
    "Shares rose 2.4% to 3,019 points in afternoon trading, led by technology stocks.",
    "The two sides have struggled to bridge their differences on several key issues.",
    "Critics argue that the measures will raise prices for consumers and farmers alike.",
    "A spokesman said the government would respond in due course.",
    "The agreement covers about 1,200 products worth more than $250 billion a year.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(TITLES)} {rng.choice(PEOPLE)}"


def _dated_phrase(rng: random.Random, published: dt.date) -> str:
    kind = rng.randrange(7)
    past = published - dt.timedelta(days=rng.randint(1, 60))
    if kind == 0:
        return f"on {MONTHS[past.month - 1]} {past.day}"
    if kind == 1:
        return f"on {WEEKDAYS[past.weekday()]}"
    if kind == 2:
        return rng.choice(["last week", "this past week", "earlier this month", "yesterday"])
    if kind == 3:
        return f"in {rng.choice(['early', 'mid', 'late'])} {MONTHS[past.month - 1]}"
    if kind == 4:
        return f"in {past.year - rng.randint(1, 12)}"
    if kind == 5:
        return f"on {past.day} {MONTHS[past.month - 1]} {past.year}"
    future = published + dt.timedelta(days=rng.randint(3, 90))
    return f"by {MONTHS[future.month - 1]} {future.day}"


def _paragraph(rng: random.Random, published: dt.date) -> str:
    roll = rng.random()
    if roll < 0.45:
        return (f"{_person(rng)} {rng.choice(VERBS_PAST)} {rng.choice(TOPICS)} in "
                f"{rng.choice(PLACES)} {_dated_phrase(rng, published)}, according to "
                f"{rng.choice(ORGS)}.")
    if roll < 0.6:
        org = rng.choice(ORGS)
        return (f"{org[0].upper() + org[1:]} said {_dated_phrase(rng, published)} that "
                f"it would {rng.choice(['review', 'delay', 'expand', 'end'])} "
                f"{rng.choice(TOPICS)}.")
    if roll < 0.7:
        first = published - dt.timedelta(days=rng.randint(200, 900))
        last = first + dt.timedelta(days=rng.randint(60, 300))
        return (f"A survey of {rng.randint(300, 3000)} companies was carried out between "
                f"{MONTHS[first.month - 1]} {first.year} and {MONTHS[last.month - 1]} "
                f"{last.year}, {rng.choice(ORGS)} said.")
    return rng.choice(FILLER)


def article(rng: random.Random, number: int) -> dict:
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
    paragraphs = [_paragraph(rng, published) for _ in range(rng.randint(12, 30))]
    topic = rng.choice(TOPICS)
    return {"id": f"synthetic-{number:06d}", "title": f"Talks on {topic} continue",
            "published": published.isoformat(), "publisher": rng.choice(["Wire A", "Wire B"]),
            "url": f"https://news.example/{number}", "text": "\n\n".join(paragraphs)}


def write_articles(out: Path, count: int, seed: int, jsonl: bool) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    items = [article(rng, n) for n in range(count)]
    if jsonl:
        path = out / "corpus.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in items), encoding="utf-8")
        return [path]
    paths = []
    for item in items:
        path = out / f"{item['id']}.md"
        path.write_text(f"---\ntitle: {item['title']}\npublished: {item['published']}\n"
                        f"publisher: {item['publisher']}\nurl: {item['url']}\n---\n"
                        f"{item['text']}\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_events(out: Path, count: int, seed: int) -> None:
    """An event store of `count` generated events spread over 1990-2024."""
    from generator.core.dates import parse_date
    from generator.store.writer import sync_generated
    from generator.core.model import Event, Source

    rng = random.Random(seed)
    events = []
    for number in range(count):
        day = dt.date(1990, 1, 1) + dt.timedelta(days=rng.randint(0, 12_700))
        date = rng.choice([day.isoformat(), day.isoformat()[:7], day.isoformat()])
        who = rng.choice(PEOPLE)
        topic = rng.choice(TOPICS)
        sentence = f"{who} {rng.choice(VERBS_PAST)} {topic} in {rng.choice(PLACES)}."
        events.append(Event(
            id=f"e{number:06d}", date=parse_date(date), title=sentence[:-1][:70],
            actors=[who], places=[rng.choice(PLACES)],
            tags=rng.sample(["trade", "economy", "diplomacy", "markets", "politics"], 2),
            sources=[Source(article=f"synthetic-{number // 4:06d}", publisher="Wire A",
                            url=f"https://news.example/{number // 4}", quote=sentence)]))
    sync_generated(out, events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["articles", "events"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jsonl", action="store_true", help="articles as one .jsonl bundle")
    args = parser.parse_args()
    if args.what == "articles":
        write_articles(args.out, args.count, args.seed, args.jsonl)
    else:
        write_events(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
