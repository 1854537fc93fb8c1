"""Merging: the date and word indexes, the bounded group, the story join, and merging at
scale (no snowballing, work per candidate bounded as the input grows, same events in
any article order)."""

from __future__ import annotations

import datetime as dt
import random
import sys

import pytest
from hypothesis import given, strategies as st

from generator.core.dates import parse_date
from generator.store.codec import dumps
from generator.extraction.merge import Merger, merge
from generator.extraction.merge_group import REPRESENTATIVES, Group
from generator.extraction.merge_index import (COMMON_GROUPS, DateKeys, WordIndex, date_key,
                                          dates_agree)
from generator.core.model import Article, Event, Source

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import merge_corpus  # noqa: E402
from merge_corpus import candidate  # noqa: E402

DAY = dt.date(2009, 4, 29)


def event_on(text: str, qualifier: str | None = None) -> Event:
    return Event(id="e", date=parse_date(text), title="t", qualifier=qualifier)


def word(number: int, stem: str = "kal") -> str:
    """A made-up word of letters only, different for every number below 676."""
    return stem + chr(97 + number % 26) + chr(97 + number // 26 % 26)


def report(article: str, text: str, day: dt.date = DAY, actors: tuple[str, ...] = (),
           start: int = 0, story: frozenset[str] = frozenset({"story"})):
    return candidate(Article(id=article, text=""), text, day, list(actors), story, start)


# --------------------------------------------------------------------------- indexes

DATES = st.sampled_from(["2009-04-29", "2009-04-30", "2009-05-03", "2009-04", "2009-W18",
                         "2009-05", "2009", "2009-Q2", "2009-04-25"])


@given(st.lists(st.tuples(DATES, st.sampled_from([None, "before", "after", "late"])),
                max_size=12),
       DATES, st.sampled_from([None, "before", "after"]))
def test_date_keys_name_exactly_the_agreeing_dates(present, wanted, qualifier):
    keys = DateKeys()
    events = [event_on(text, q) for text, q in present]
    for event in events:
        keys.add(event)
    probe = event_on(wanted, qualifier)
    expected = {date_key(e) for e in events if dates_agree(probe, e)}
    assert set(keys.agreeing(probe)) == expected


def test_a_word_many_groups_use_on_a_date_is_common_there():
    index = WordIndex()
    key = ("2009-04-29", None, None)
    for number in range(COMMON_GROUPS + 1):
        index.add(number, [(key, "flu"), (key, f"name{number}")])
    assert index.common([key], ["flu", "name3"]) == {"flu"}
    assert index.common([("2009-04-30", None, None)], ["flu"]) == frozenset()
    assert index.groups([key], ["name3", "name5"]) == [3, 5]
    index.remove(3, [(key, "name3")])
    assert index.groups([key], ["name3"]) == []


# --------------------------------------------------------------------------- the group


def test_a_group_is_compared_through_a_bounded_set_of_sentences():
    group = Group(0)
    for number in range(40):
        group.add(report(f"a{number:02d}", f"Minister {word(number).title()} met officials "
                         f"of the health agency about the {word(number, 'rab')} outbreak "
                         f"on April 29."))
    everyone = frozenset().union(*(m.words for m in group.members))
    assert len(group.reps) == REPRESENTATIVES
    assert group.words < everyone
    assert len(group.words) <= REPRESENTATIVES * max(len(m.words) for m in group.members)


def test_the_lead_is_always_a_representative():
    group = Group(0)
    group.add(report("b", "Officials closed the border crossing near the city on April 29."))
    group.add(report("a", "Officials closed the border crossing near the city on April 29."))
    assert group.reps[0].rank[2] == "a"


def test_a_big_group_is_no_easier_to_join():
    """A report sharing a few words with each of many members, but not enough with any
    few of them, stays apart, however many members the group has."""
    def told(n: int) -> str:
        return " ".join(word(n, stem) for stem in ("alp", "bet", "gam", "del"))

    many = [report(f"a{n:02d}", f"Inspectors examined the reactor site {told(n)} on "
                   "April 29.") for n in range(30)]
    mixed = report("z", "Engineers repaired " + " ".join(
        word(n, stem) for n, stem in enumerate(("alp", "bet", "gam", "del") * 2, start=1))
        + " on April 29.")
    events = merge(many + [mixed])
    assert [len(e.sources) for e in events if "Engineers" in e.sources[0].quote] == [1]


# --------------------------------------------------------------------------- scale


def test_distinct_happenings_by_distinct_people_stay_apart():
    events = merge(merge_corpus.distinct_people(600))
    assert len(events) >= 0.95 * 600
    assert max(len(e.sources) for e in events) <= 3


def test_one_happening_many_reports_is_one_event():
    events = merge(merge_corpus.one_happening(120))
    assert len(events) == 1 and len(events[0].sources) == 120


def test_work_per_candidate_is_bounded_whatever_the_input_size():
    """Counted, not timed: each candidate is scored against at most the groups that use
    one of its informative words on one of its dates, a list of at most COMMON_GROUPS
    each, plus its own article's groups; trying every group of the day instead would
    cost as many comparisons as the day has groups (thousands here)."""
    merger = Merger()
    most = 0
    for item in merge_corpus.same_day(3000):
        keys = merger.dates.agreeing(item.event)
        own = len(merger.by_article.get(item.article.id, {}))
        before = merger.comparisons
        merger.add(item)
        done = merger.comparisons - before
        assert done <= len(item.words) * max(1, len(keys)) * COMMON_GROUPS + own
        most = max(most, done)
    assert len(merger.groups) > 20 * most


def test_mean_work_per_candidate_levels_off_as_the_input_doubles():
    def mean(candidates: list) -> float:
        merger = Merger()
        for item in candidates:
            merger.add(item)
        return merger.comparisons / len(candidates)

    small, large = mean(merge_corpus.same_day(6000)), mean(merge_corpus.same_day(12000))
    assert large <= 1.25 * small
    small, large = mean(merge_corpus.three_days(400)), mean(merge_corpus.three_days(800))
    assert large <= 1.25 * small


# --------------------------------------------------------------------------- order


def _told(events: list[Event]) -> list[tuple]:
    """What does not depend on the order articles came in: each event's id, date, title
    and the set of sentences it cites (sources are listed in the order they came)."""
    return [(e.id, e.date.text, e.title, sorted((s.article, s.quote) for s in e.sources))
            for e in events]


def test_the_same_happenings_in_another_order_give_the_same_events():
    """Grouping is greedy, so in general it may depend on the order articles come in
    (it did before too); where each happening's reports are alike and the happenings
    are told apart, the events are the same, each led by the same report."""
    candidates = merge_corpus.one_happening(30, seed=4) + \
        merge_corpus.distinct_people(6, seed=5)
    for number, item in enumerate(candidates):
        item.article.id = f"article-{number:03d}"
    again = list(candidates)
    random.Random(2).shuffle(again)
    assert _told(merge(again)) == _told(merge(candidates))


def test_the_same_candidates_give_byte_identical_records():
    candidates = merge_corpus.three_days(60, seed=5)
    assert [dumps(e) for e in merge(candidates)] == [dumps(e) for e in merge(candidates)]


# --------------------------------------------------------------------------- stories


def test_story_join_with_a_qualified_and_an_unqualified_event_on_one_day():
    """Regression: sorting the day's reports compared None with 'before' and crashed."""
    story = frozenset({"market", "exchange", "closure", "government", "shares"})
    first = report("a", "The exchange stayed shut all session on April 29.", story=story)
    until = report("a", "Trading was halted by regulators until April 29.", story=story,
                   start=60)
    until.event.qualifier = "before"
    other = report("b", "The exchange was shut again by the regulators on April 29.",
                   story=story)
    events = merge([first, until, other])
    assert sorted(len(e.sources) for e in events) == [1, 2]


def test_story_join_needs_two_informative_words_in_common():
    story = frozenset({"iphone", "apple", "release", "store", "phone"})
    one = report("a", "The phone will be available in the United States on April 29.",
                 story=story)
    two = report("b", "It is slated for a U.S. release on April 29.", story=story)
    three = report("c", "Shops in Tokyo opened early on April 29.", story=story)
    events = merge([one, two, three])
    assert sorted(len(e.sources) for e in events) == [1, 2]


# --------------------------------------------------------------------------- the store


def test_a_stored_event_finds_every_sentence_it_cites_again():
    """However many sources a stored event has, a re-run over its articles adds none
    of them as new events."""
    reports = [report(f"a{n:02d}", f"Officials said a case of the outbreak was found in "
                      f"the {word(n)} district of the capital on April 29.") for n in range(12)]
    quotes = [Source(article=r.article.id, quote=r.sentence.text) for r in reports]
    stored = Event(id="2009-04-29-cases", date=parse_date("2009-04-29"),
                   title="Officials said cases were found", sources=quotes)
    events = merge(reports, [stored])
    assert [e.id for e in events] == ["2009-04-29-cases"]
    assert len(events[0].sources) == 12


def test_a_sentence_with_two_dates_finds_each_stored_event_again():
    """"until May 1 ..., said on April 29": two events cite one sentence, and the
    day agrees with the "before" date too; each candidate goes back to its own."""
    text = "Schools stay shut until May 1 to stop the outbreak, the mayor said on April 29."
    day = report("a", text)
    until = report("a", text, day=dt.date(2009, 5, 1))
    until.event.qualifier, until.event.confidence = "before", 0.5
    stored = [Event(id=f"stored-{n}", date=c.event.date, qualifier=c.event.qualifier,
                    title=c.event.title, sources=[Source(article="a", quote=text)])
              for n, c in enumerate((until, day))]
    events = merge([day, until], stored)
    assert {(e.id, e.date.text, e.qualifier, e.confidence) for e in events} == {
        ("stored-0", "2009-05-01", "before", 0.5), ("stored-1", "2009-04-29", None, 0.9)}


def test_merging_raises_the_collector_thresholds_and_restores_them():
    import gc

    from generator.extraction.merge import MERGE_GC_THRESHOLDS, fewer_collections

    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with fewer_collections():
            assert gc.get_threshold() == MERGE_GC_THRESHOLDS
            raise RuntimeError("a failure while merging")
    assert gc.get_threshold() == before


def test_the_same_headline_twice_on_one_day_is_one_happening():
    """Reports too short to compare by words ("Protests began.") are joined when their
    titles are the same on the same day; a different title that day stays apart."""
    # each article tells something else that day too, so no story-level join is at work
    events = merge([report("a1", "Protests began.", actors=("Ali Hassan",)),
                    report("a1", "Zanu harvest failed badly.", start=20),
                    report("a2", "Protests began.", actors=("Omar Said",)),
                    report("a2", "Quell reservoir overflowed.", start=20),
                    report("a3", "Troops withdrew.", actors=("Omar Said",)),
                    report("a3", "Vorn bridge reopened.", start=20)])
    assert sorted((e.title, len(e.sources)) for e in events) == [
        ("Protests began.", 2), ("Quell reservoir overflowed.", 1), ("Troops withdrew.", 1),
        ("Vorn bridge reopened.", 1), ("Zanu harvest failed badly.", 1)]
    later = merge([report("a1", "Protests began."),
                   report("a2", "Protests began.", day=DAY + dt.timedelta(days=1))])
    assert len(later) == 2  # another day, another happening
