"""The merging steps that make a story archive's record an editor's: busy days told once
per article, background one article alone recalls, and pages off the story."""

from __future__ import annotations

import datetime as dt

from generator.core.dates import parse_date
from generator.core.model import Article, Event, Source
from generator.extraction.merge import merge
from generator.extraction.merge_background import CORROBORATING_ARCHIVE
from generator.extraction.merge_busy_days import BUSY_DAY_ARTICLES
from generator.extraction.words import content_words

from .test_merge import DAY, report, word

STORY = content_words("flu outbreak cases spread")


def day_report(article: str, text: str, start: int = 0):
    return report(article, text, start=start, story=STORY)


def lede(n: int) -> str:
    return f"The {word(n, 'lead')} {word(n, 'mar')} {word(n, 'pel')} closed."


def busy_day(articles: int) -> list:
    """Each article leads with its own happening of DAY, then tells a detail of it that
    no other report shares a word with."""
    found = []
    for n in range(articles):
        found.append(day_report(f"a{n}", lede(n), 0))
        found.append(day_report(f"a{n}", f"The {word(n, 'zor')} {word(n, 'qim')} "
                                         f"{word(n, 'vel')} arrived.", 100))
    return found


def test_on_a_busy_day_each_article_tells_the_day_once_through_its_lede():
    events = merge(busy_day(BUSY_DAY_ARTICLES))
    assert len(events) == BUSY_DAY_ARTICLES
    assert sorted(e.title for e in events) == sorted(lede(n) for n in range(BUSY_DAY_ARTICLES))


def test_a_day_few_articles_report_keeps_every_happening():
    events = merge(busy_day(BUSY_DAY_ARTICLES - 1))
    assert len(events) == 2 * (BUSY_DAY_ARTICLES - 1)


def test_on_a_busy_day_an_article_joins_the_event_it_shares_with_others():
    found = busy_day(BUSY_DAY_ARTICLES)
    # the fifth article leads with a detail of its own, then tells what a0 told
    found.append(day_report("late", "The xylo quarn brent arrived.", 0))
    found.append(day_report("late", lede(0), 100))
    events = merge(found)
    shared = next(e for e in events if e.title == lede(0))
    assert {s.article for s in shared.sources} == {"a0", "late"}
    assert not any("xylo" in e.title for e in events)


def test_a_busy_day_never_joins_a_stored_event_and_a_second_run_folds_it_alike():
    found = busy_day(BUSY_DAY_ARTICLES)
    first = merge(found)
    # the store now holds the first run's events; running again changes nothing
    again = merge(busy_day(BUSY_DAY_ARTICLES), first)
    assert [(e.id, e.title, len(e.sources)) for e in again] == \
        [(e.id, e.title, len(e.sources)) for e in first]
    # a person kept a0's detail as an event of its own: it keeps its title and id
    detail = found[1]
    kept = Event(id="kept", date=parse_date(DAY.isoformat()), title="A person wrote this",
                 sources=[Source(article="a0", quote=detail.sentence.text)])
    events = merge(busy_day(BUSY_DAY_ARTICLES), [kept])
    assert any(e.id == "kept" and e.title == "A person wrote this" for e in events)


def coarse(article: str, text: str, year: str, published: str = "2009-04-29"):
    found = report(article, text, story=STORY)
    found.article = Article(id=article, text="", published=parse_date(published))
    found.event.date = parse_date(year)
    return found


def archive(size: int, extra: list) -> list:
    """`size` articles that each report a different day of the story, plus `extra`."""
    found = [report(f"n{n}", f"Flu cases spread in {word(n, 'town')}.",
                    day=DAY - dt.timedelta(days=n), story=STORY) for n in range(size)]
    for candidate in found:
        candidate.article = Article(id=candidate.article.id, text="",
                                    published=parse_date(DAY.isoformat()))
    return found + extra


def test_in_a_big_archive_background_one_article_recalls_goes():
    lone = coarse("n1", "The flu outbreak of 1957 spread across Asia.", "1957")
    events = merge(archive(CORROBORATING_ARCHIVE, [lone]))
    assert not any(e.date.text == "1957" for e in events)


def test_background_two_articles_recall_stays():
    first = coarse("n1", "The 1957 flu outbreak spread across Asia quickly.", "1957")
    second = coarse("n2", "In 1957 a flu outbreak spread across Asia.", "1957")
    events = merge(archive(CORROBORATING_ARCHIVE, [first, second]))
    assert [len(e.sources) for e in events if e.date.text == "1957"] == [2]


def test_in_a_small_archive_background_stays():
    lone = coarse("n1", "The flu outbreak of 1957 spread across Asia.", "1957")
    events = merge(archive(CORROBORATING_ARCHIVE - 1, [lone]))
    assert [e.date.text for e in events if e.date.text == "1957"] == ["1957"]


def test_in_a_big_archive_a_page_off_the_story_gives_no_event():
    listing = report("radio", "Radio presenter hosts the late music show.",
                     day=DAY + dt.timedelta(days=3), story=STORY)
    on_story = report("n2", "Flu cases reached the capital.", day=DAY + dt.timedelta(days=3),
                      story=STORY)
    events = merge(archive(CORROBORATING_ARCHIVE, [listing, on_story]))
    titles = [e.title for e in events]
    assert "Flu cases reached the capital." in titles
    assert not any("Radio" in t for t in titles)
    # the same page in a small archive is kept: there is no story to be off
    small = merge(archive(CORROBORATING_ARCHIVE - 2, [listing]))
    assert any("Radio" in e.title for e in small)


def test_in_a_big_archive_a_report_no_headline_can_be_made_of_goes():
    comment = report("n1", "We saw flu cases spread in the capital", day=DAY + dt.timedelta(days=3),
                     story=STORY)
    events = merge(archive(CORROBORATING_ARCHIVE, [comment]))
    assert not any(e.title.startswith("We saw") for e in events)
    small = merge(archive(CORROBORATING_ARCHIVE - 2, [comment]))
    assert any(e.title.startswith("We saw") for e in small)


def test_a_shared_event_takes_a_title_a_reader_can_take_alone():
    # "a1" leads by article order, but its sentence opens with a phrase
    first = report("a1", "Together with the flu cases spread across the quarnel port")
    second = report("a2", "Flu cases spread across the quarnel port")
    events = merge([first, second])
    assert [(e.title, len(e.sources)) for e in events] == \
        [("Flu cases spread across the quarnel port", 2)]


def test_a_statement_is_dropped_again_when_its_article_event_is_stored():
    """A statement that shares no word with its article's event of the day is dropped; a
    second run, with that event now in the store, drops it too."""
    def reports():
        told = report("a1", "Quarnel council closed the flu wards.")
        said = report("a1", "Mayor Ilse Vorn said prices would rise.", start=50)
        said.statement = True
        return [told, said]

    first = merge(reports())
    assert [e.title for e in first] == ["Quarnel council closed the flu wards."]
    again = merge(reports(), first)
    assert [(e.id, e.title) for e in again] == [(e.id, e.title) for e in first]


def test_a_shared_event_takes_a_title_that_names_its_subject():
    first = report("a1", "He closed the quarnel port to flu ships")
    second = report("a2", "Governor Vorn closed the quarnel port to flu ships")
    events = merge([first, second])
    assert [e.title for e in events] == ["Governor Vorn closed the quarnel port to flu ships"]


def reprint(article: str, published: str, day: str, text: str = "On Friday the agency "
            "reported 147 quarnel cases."):
    found = report(article, text)
    found.article = Article(id=article, text="", published=parse_date(published))
    found.event.date = parse_date(day)
    found.event.extraction = {"phrase": "Friday", "anchor": published, "rule": "date_weekday"}
    return found


def test_a_sentence_a_later_page_reprints_is_its_first_telling_with_its_date():
    # the index page of 30 June reprints the post of 1 June: "Friday" is 29 May
    for order in ([reprint("post", "2009-06-01", "2009-05-29"),
                   reprint("index", "2009-06-30", "2009-06-26")],
                  [reprint("index", "2009-06-30", "2009-06-26"),
                   reprint("post", "2009-06-01", "2009-05-29")]):
        events = merge(order)
        assert [(e.date.text, sorted(s.article for s in e.sources)) for e in events] == \
            [("2009-05-29", ["index", "post"])]
        assert events[0].id.startswith("2009-05-29-")
        again = merge([reprint("post", "2009-06-01", "2009-05-29"),
                       reprint("index", "2009-06-30", "2009-06-26")], events)
        assert [(e.id, e.date.text, len(e.sources)) for e in again] == \
            [(events[0].id, "2009-05-29", 2)]


def test_a_date_the_sentence_states_in_full_is_no_reprint_to_move():
    first = reprint("post", "2009-06-01", "2009-05-29")
    later = reprint("index", "2009-06-30", "2009-06-26")
    later.event.extraction = {"phrase": "26 June", "rule": "date_day_month"}
    assert len(merge([first, later])) == 2


def test_an_article_about_the_story_keeps_a_sentence_without_story_words():
    later = DAY + dt.timedelta(days=3)
    on_story = [report("n1", "Flu cases spread to the quarnel ward.", day=later, story=STORY),
                report("n1", "The jury began deliberating.", day=later + dt.timedelta(days=1),
                       story=STORY, start=60)]
    events = merge(archive(CORROBORATING_ARCHIVE, on_story))
    assert any(e.title == "The jury began deliberating." for e in events)


def test_a_second_run_over_a_big_archive_writes_the_same_records(tmp_path):
    """With every editorial step at work (a story archive of 60 articles: busy days,
    reprints, statements, lone background), extracting again with the first run's
    events as the store gives the same records."""
    import sys

    from generator.extraction.run import extract_events
    from generator.ingest import read_paths
    from generator.store.codec import dumps

    from ..conftest import ROOT
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import write_articles

    write_articles(tmp_path, 60, seed=11, jsonl=False)
    articles, problems = read_paths([tmp_path])
    assert not problems and len(articles) == 60
    first, _ = extract_events(articles)
    again, _ = extract_events(articles, first)
    assert [dumps(e) for e in again] == [dumps(e) for e in first]


def test_a_date_after_a_week_agrees_with_a_day_shortly_after_it():
    from generator.extraction.merge_index import dates_agree
    since = Event(id="a", date=parse_date("2010-W22"), title="t", qualifier="after")
    for day, agree in (("2010-06-07", True), ("2010-06-13", True), ("2010-06-14", False),
                       ("2010-06-04", False)):
        seen = Event(id="b", date=parse_date(day), title="t")
        assert dates_agree(since, seen) is agree and dates_agree(seen, since) is agree, day


def test_one_actor_named_in_other_words_does_not_keep_two_reports_apart():
    first = report("a1", "Chief executive Steve Jobs unveiled the quarnel phone at the "
                         "developers conference", actors=("Steve Jobs",))
    second = report("a2", "The quarnel phone was unveiled by Apple CEO Steve Jobs at the "
                          "developers conference", actors=("Apple CEO Steve Jobs",))
    second.event.date = parse_date("2009-W17")
    second.event.qualifier = "after"
    events = merge([first, second])
    assert [len(e.sources) for e in events] == [2]


def test_a_sentence_two_off_story_pages_reprint_is_still_one_telling():
    later = DAY + dt.timedelta(days=3)
    listing = "Radio presenter hosts the late music show."
    pages = [report("radio1", listing, day=later, story=STORY),
             report("radio2", listing, day=later, story=STORY)]
    events = merge(archive(CORROBORATING_ARCHIVE, pages))
    assert not any("Radio" in e.title for e in events)
    # told by two pages in words of their own, it is corroborated and stays
    pages[1] = report("radio2", "The late music show was hosted by the radio presenter.",
                      day=later, story=STORY)
    events = merge(archive(CORROBORATING_ARCHIVE, pages))
    assert any("radio" in e.title.lower() for e in events)


def test_in_a_big_archive_each_article_tells_each_day_once():
    later = DAY + dt.timedelta(days=5)
    reports = [report("x", "Flu cases spread to the quarnel ward.", day=later, story=STORY),
               report("x", "The vorn clinic hired twelve nurses.", day=later,
                      story=STORY, start=60)]
    big = merge(archive(CORROBORATING_ARCHIVE, reports))
    assert [e.title for e in big if e.date.text == later.isoformat()] == \
        ["Flu cases spread to the quarnel ward."]
    small = merge(archive(CORROBORATING_ARCHIVE - 2, reports))
    assert len([e for e in small if e.date.text == later.isoformat()]) == 2
