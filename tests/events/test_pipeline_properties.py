"""Property test of the whole extraction: generated news prose goes in, and no exception
escapes, and every record written passes `timeline check`.

The prose is made of the tagger's own rule examples (every date, time, duration and set
form the rules know) and of the forms real archives showed to be fragile: qualifiers,
ranges ("between X and Y", "X to Y"), clock times with and without their day, shifts
with an unknown count ("some months earlier"), habitual weekday ranges, live-page stamps
and comment headers, in random combinations, with and without a publication date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.dates import parse_date
from generator.store.writer import sync_generated
from generator.store.folder import load_store
from generator.core.model import Article
from generator.extraction.article import article_candidates
from generator.extraction.run import extract
from generator.ingest.furniture import clean_article
from generator.extraction.tagger import get_tagger

FRAGILE = [
    "The talks ran from Monday to Friday last week, officials said.",
    "The office is open Monday to Friday.",
    "Some months earlier, the firm had warned of losses.",
    "A few days before, the minister resigned.",
    "Several years earlier, the plant was closed.",
    "Six weeks later, engineers capped the well.",
    "At 00:52 am on 16 Jun 2010 the rig caught fire.",
    "The fire started at 3 p.m. yesterday and burned until midnight.",
    "2059: Media critic Howard Kurtz tweets about the spill.",
    "0852 GMT: The minister arrived in the capital.",
    "Susan Watts | 18:00 UK time, Saturday, 25 April 2009 Officials confirmed two cases.",
    "At 12:19 26th Apr 2009, somebody wrote: the virus was found in 1918.",
    "The rate jumped between August and September 2005.",
    "A third wave came in January to April 1919.",
    "Between March 19 and May 26, air strikes killed 718 people.",
    "Second quarter results are due in July.",
    "Today, the brand is worth less than it was.",
    "Bhopal ~ 1000s dead",
    "The meeting was held in late June and again in early 2010.",
    "Prices fell until September 30 and rose after the vote on Tuesday.",
    "The group met between July 2003 and December 2004 in Geneva.",
]
JOINERS = ["", " Then", " Later,", " Officials said that", " By contrast,", " Meanwhile"]
DCTS = st.one_of(st.none(), st.dates().filter(lambda d: 1600 <= d.year <= 2400).map(str))


@lru_cache(maxsize=None)
def rule_sentences() -> tuple[str, ...]:
    """Every example sentence of the tagger's rules, brackets removed."""
    found = []
    for rule in get_tagger("en").resources.rules:
        for example in rule.examples:
            found.append(re.sub(r"[\[\]]", "", example.text))
    return tuple(sorted(set(found)))


SENTENCES = st.one_of(st.sampled_from(FRAGILE), st.builds(lambda: None).flatmap(
    lambda _: st.sampled_from(rule_sentences())))
PARAGRAPHS = st.lists(st.tuples(st.sampled_from(JOINERS), SENTENCES), min_size=1, max_size=6)


def _article(number: int, paragraphs: list, dct: str | None) -> Article:
    text = "\n\n".join((joiner + " " + sentence).strip() for joiner, sentence in paragraphs)
    return Article(id=f"a{number}", text=text, title="Generated report",
                   published=parse_date(dct) if dct else None, publisher="Test Wire")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(PARAGRAPHS, DCTS), min_size=1, max_size=4))
def test_generated_prose_extracts_and_every_record_passes_check(tmp_path_factory, articles):
    made = [_article(n, paragraphs, dct) for n, (paragraphs, dct) in enumerate(articles)]
    for article in made:  # no exception may escape the steps themselves
        article_candidates(clean_article(article)[0])
    result = extract(made)
    assert [p for p in result.problems if p.is_error] == []
    store = tmp_path_factory.mktemp("store")
    report = sync_generated(store, result.events)
    assert [p.format() for p in report.problems if p.is_error] == []
    loaded = load_store(store)
    assert [p.format() for p in loaded.problems if p.is_error] == []
    assert len(loaded.events) == len(result.events)
