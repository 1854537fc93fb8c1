"""`timeline extract` on real files: first run, re-runs, hand edits, merging, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.extraction import article as article_module
from generator.store.folder import load_store

from .conftest import ROOT

SEED = ROOT / "seeds"
WIRE = ("The central bank raised its main interest rate by half a point on Tuesday, the "
        "first increase in three years.")


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def article(folder: Path, name: str, published: str, text: str, publisher: str = "Wire"
            ) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {name}\npublished: {published}\npublisher: {publisher}\n"
                    f"---\n{text}\n", encoding="utf-8")
    return path


def test_seed_extraction_is_idempotent_and_respects_edits(run, project):
    shutil.copytree(SEED, project / "seeds")
    events = project / "content" / "events"
    first = run("extract", "seeds")
    assert first.exit_code == 0, first.output
    assert "1 article(s) read" in first.stderr and "new" in first.stderr
    written = files(events)
    assert len(written) >= 8
    assert load_store(events).problems == []
    again = run("extract", "seeds")
    assert again.exit_code == 0
    assert files(events) == written
    assert "0 new, 0 updated" in again.stderr
    # a person fixes one title and deletes another event
    soy = next(p for p in events.glob("*.md") if "soybean" in p.read_text(encoding="utf-8"))
    soy.write_text(soy.read_text(encoding="utf-8").replace("title: ", "title: EDITED ", 1),
                   encoding="utf-8")
    edited = soy.read_bytes()
    doomed = next(p for p in events.glob("2019-05-*.md"))
    doomed.unlink()
    third = run("extract", "seeds")
    assert third.exit_code == 0
    assert soy.read_bytes() == edited
    assert not doomed.exists()
    assert "kept (edited by hand)" in third.stderr
    assert "not re-created (deleted by hand)" in third.stderr


def test_reports_of_one_happening_merge_across_articles(run, project, tmp_path):
    news = tmp_path / "news"
    article(news, "a.md", "2021-03-17", WIRE, "Agency A")
    article(news, "b.md", "2021-03-17", WIRE + " Analysts had expected it.", "Agency B")
    article(news, "c.md", "2021-03-17",
            "Separately, the football club sacked its coach on Tuesday after a fourth defeat.")
    result = run("extract", str(news))
    assert result.exit_code == 0, result.output
    events = load_store(project / "content" / "events").events
    assert len(events) == 2
    rate = next(e for e in events if "interest rate" in e.sources[0].quote)
    assert str(rate.date) == "2021-03-16"
    assert sorted(s.publisher for s in rate.sources) == ["Agency A", "Agency B"]


def test_a_new_article_adds_its_source_to_an_existing_event(run, project, tmp_path):
    news = tmp_path / "news"
    article(news, "a.md", "2021-03-17", WIRE, "Agency A")
    assert run("extract", str(news)).exit_code == 0
    article(news, "b.md", "2021-03-18",
            "The central bank raised its main interest rate by half a point on March 16, the "
            "first increase in three years.", "Agency B")
    result = run("extract", str(news))
    assert "0 new, 1 updated" in result.stderr, result.stderr
    (event,) = load_store(project / "content" / "events").events
    assert [s.article for s in event.sources] == ["a", "b"]


def test_bad_articles_fail_the_run_but_not_the_others(run, project, tmp_path):
    news = tmp_path / "news"
    article(news, "good.md", "2021-03-17", WIRE)
    (news / "bad.txt").write_bytes(b"caf\xe9 closed on Monday")
    (news / "empty.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = run("extract", str(news))
    assert result.exit_code == 1
    assert "bad.txt:1: error: byte 0xe9 is not UTF-8 text" in result.stderr
    assert "empty.md: warning: no article text" in result.stderr
    assert len(load_store(project / "content" / "events").events) == 1


def test_dry_run_writes_nothing(run, project, tmp_path):
    news = tmp_path / "news"
    article(news, "a.md", "2021-03-17", WIRE)
    result = run("extract", "--dry-run", str(news))
    assert result.exit_code == 0
    assert "would write: 1 new" in result.stderr
    assert files(project / "content" / "events") == {}


def test_article_without_date_is_marked_for_review(run, project, tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "undated.txt").write_text("The ministers met again on Tuesday to discuss it.\n\n"
                                      "The treaty was signed on 3 March 2001.\n", "utf-8")
    result = run("extract", "--events", str(tmp_path / "ev"), str(news))
    assert result.exit_code == 0
    assert "undated.txt: warning: no publication date" in result.stderr
    events = load_store(tmp_path / "ev").events
    assert [e.date.text for e in events] == ["2001-03-03", "XXXX"]
    assert events[1].review and "no publication date" in events[1].review


def test_default_paths_come_from_the_config(run, project):
    article(project / "content" / "articles", "a.md", "2021-03-17", WIRE)
    result = run("extract")
    assert result.exit_code == 0, result.output
    assert "1 article(s) read" in result.stderr


def test_an_article_that_breaks_extraction_is_reported_and_the_rest_extracted(
        run, project, tmp_path, monkeypatch):
    """A bug met in one article is that article's error; the others are extracted."""
    real = article_module.article_candidates

    def breaks_on_one(article, finder=None):  # noqa: ANN001, ANN202
        if article.id == "b":
            raise ValueError("shift(month,-X): could not convert")
        return real(article, finder)

    monkeypatch.setattr(article_module, "article_candidates", breaks_on_one)
    news = tmp_path / "news"
    article(news, "a.md", "2021-03-17", WIRE)
    article(news, "b.md", "2021-03-18", "Some months earlier, the firm had warned of losses.")
    article(news, "c.md", "2021-03-19", "The minister resigned on Thursday, officials said.")
    result = run("extract", str(news))
    assert result.exit_code == 1
    assert ("b.md: error: could not extract events: ValueError: shift(month,-X): could not "
            "convert; the other articles were extracted.") in result.stderr
    assert "internal error" not in result.stderr
    sources = {s.article for e in load_store(project / "content" / "events").events
               for s in e.sources}
    assert sources == {"a", "c"}


def test_pages_not_in_english_are_skipped_with_a_warning(run, project, tmp_path):
    news = tmp_path / "news"
    article(news, "en.md", "2021-03-17", WIRE)
    article(news, "es.md", "2009-06-11", "Última actualización: jueves, 11 de junio de 2009 - "
            "17:02 GMT. La Organización Mundial de la Salud declaró el jueves la pandemia de "
            "gripe, la primera en 41 años, y pidió a los gobiernos que se preparen.")
    (news / "vi.md").write_text("---\npublished: 2009-04-30\nlanguage: vi\n---\nVirus cúm "
                                "heo đang lan rộng trên thế giới.\n", encoding="utf-8")
    result = run("extract", str(news))
    assert result.exit_code == 0, result.stderr
    assert "es.md: warning: skipped: it does not look like English" in result.stderr
    assert "vi.md: warning: skipped: its metadata says language 'vi'" in result.stderr
    sources = {s.article for e in load_store(project / "content" / "events").events
               for s in e.sources}
    assert sources == {"en"}


CRAWLED = """\
Bank raises rates again Officials fear inflation Tuesday 16 March 2021 18.39 GMT The central \
bank raised its main interest rate by half a point on Tuesday.

Photograph: Jane Doe\\/AP The governor said on Monday that prices were rising too fast.

Views expressed in the comments do not represent those of the publisher.

At 10:02 17th Mar 2021, reader42 wrote: I remember the crash of 1987 and the rates of 1990.

March 17, 2021 at 9:29 pm | Reply Rates went up on Friday too, I think.
"""


def test_a_crawled_page_gives_events_from_its_reporting_only(run, project, tmp_path):
    news = tmp_path / "news"
    article(news, "page.md", "2021-03-16", CRAWLED)
    result = run("extract", str(news))
    assert result.exit_code == 0, result.stderr
    events = load_store(project / "content" / "events").events
    quotes = [s.quote for e in events for s in e.sources]
    assert sorted(quotes) == [
        "The central bank raised its main interest rate by half a point on Tuesday.",
        "The governor said on Monday that prices were rising too fast."]
    names = {n for e in events for n in e.actors + e.places}
    assert not names & {"Tue", "Mar", "GMT", "AP", "Reply"}


def test_a_store_that_cannot_be_written_is_a_clear_error_not_a_bug(project, tmp_path,
                                                                    monkeypatch, capsys):
    """A full disk while writing: one line naming the store and the cause, exit 1."""
    import errno

    import generator.store.ledger as ledger
    from generator.cli import main

    def disk_full(path, text, sync_folder=True):  # noqa: ANN001, ANN202
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(ledger, "atomic_write", disk_full)
    monkeypatch.chdir(project)
    article(tmp_path / "news", "a.md", "2021-03-17", WIRE)
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(tmp_path / "news")])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "cannot write the event store" in err and "No space left on device" in err
    assert "internal error" not in err


PEOPLE = ["Amara Okafor", "Bruno Salgado", "Chen Wei", "Dana Kowalski", "Emil Haddad",
          "Farah Nasser", "Goran Petrov", "Hana Sato", "Ivan Morales", "Julia Berg",
          "Kofi Mensah", "Lena Fischer"]
ACTIONS = ["closed the schools of", "ordered masks for the buses of", "opened a field clinic in",
           "banned large weddings in", "sent army doctors to", "cancelled the football games of",
           "tested the water supply of", "shut the night markets of", "stockpiled antivirals for",
           "suspended the trains to", "hired extra nurses for", "quarantined the hotels of"]
CITIES = ["Abuja", "Lisbon", "Chengdu", "Gdansk", "Beirut", "Amman", "Varna", "Sendai",
          "Cusco", "Bergen", "Kumasi", "Bremen"]


def test_a_busy_day_of_one_story_keeps_its_happenings_apart(run, project, tmp_path):
    """Twelve officials each act on the same day of one outbreak, told with the same
    story words; three outlets print one wire report. Twelve events and one, not a
    few big events that swallow the day."""
    news = tmp_path / "news"
    for number, (person, action, city) in enumerate(zip(PEOPLE, ACTIONS, CITIES)):
        article(news, f"p{number:02d}.md", "2021-03-17",
                f"Health minister {person} {action} {city} on Tuesday as the flu outbreak "
                "spread, officials of the national emergency committee said.")
    for outlet in "ABC":
        article(news, f"wire-{outlet}.md", "2021-03-17", WIRE, f"Agency {outlet}")
    result = run("extract", str(news))
    assert result.exit_code == 0, result.output
    events = load_store(project / "content" / "events").events
    assert sorted(len(e.sources) for e in events) == [1] * 12 + [3]
    assert {e.actors[0] for e in events if len(e.sources) == 1} >= set(PEOPLE[:6])


def test_a_statement_joins_the_happening_its_article_tells_that_day(run, project, tmp_path):
    """An article tells a flood and, in another sentence, what a minister said of it on
    the same day: one event citing both sentences, not two."""
    news = tmp_path / "news"
    article(news, "a.md", "2021-03-17",
            "Floods swept through the river towns of the northern valley on Tuesday, cutting "
            "roads and power lines. The floods were the worst the valley towns had seen, "
            "the regional governor said on Tuesday. Ticket prices were too high, a football "
            "fan said on Tuesday.")
    result = run("extract", str(news))
    assert result.exit_code == 0, result.output
    (event,) = load_store(project / "content" / "events").events
    assert str(event.date) == "2021-03-16"
    assert [s.quote[:12] for s in event.sources] == ["Floods swept", "The floods w"]


def test_a_statement_alone_on_its_day_stays_an_event(run, project, tmp_path):
    news = tmp_path / "news"
    article(news, "a.md", "2021-03-17",
            "The relief effort would take many weeks, the regional governor said on Tuesday.")
    assert run("extract", str(news)).exit_code == 0
    (event,) = load_store(project / "content" / "events").events
    assert str(event.date) == "2021-03-16"


def test_a_readers_comment_gives_no_event(run, project, tmp_path):
    """A comment left under the article in the first person, without quotation marks,
    is no report; a quoted speaker in the first person still is."""
    news = tmp_path / "news"
    article(news, "a.md", "2021-03-17",
            "The port reopened to cargo ships on Monday after a week of repairs. "
            "I think the harbour board should have acted sooner, and I said so on Tuesday. "
            "“I have never seen a storm like it,” the harbour master told reporters on "
            "Sunday.")
    assert run("extract", str(news)).exit_code == 0
    events = load_store(project / "content" / "events").events
    assert sorted(str(e.date) for e in events) == ["2021-03-14", "2021-03-15"]
    assert not any("I think" in s.quote for e in events for s in e.sources)


def test_an_invitation_for_the_publication_day_is_future(run, project, tmp_path):
    news = tmp_path / "news"
    article(news, "a.md", "2021-03-17",
            "The mayor invited the city's bus drivers to a meeting at the town hall on "
            "March 17 to discuss the new timetable.")
    assert run("extract", str(news)).exit_code == 0
    (event,) = load_store(project / "content" / "events").events
    assert (str(event.date), event.kind) == ("2021-03-17", "future")


def test_background_recalled_by_several_articles_is_one_event(run, project, tmp_path):
    """Three reports recall the same flood of 1998 in their own words: one event citing
    the three; another happening of 1998 that shares no words with it stays apart."""
    news = tmp_path / "news"
    article(news, "a.md", "2021-03-17",
            "The river burst its banks on Tuesday. The great river flood of 1998 drowned "
            "the lower town.")
    article(news, "b.md", "2021-03-18",
            "Water rose again in the valley on Wednesday. In 1998 the river flood reached "
            "the church steps.")
    article(news, "c.md", "2021-03-19",
            "Engineers inspected the dykes on Thursday. Older residents remember the river "
            "flood that swept the valley in 1998.")
    article(news, "d.md", "2021-03-19",
            "Repairs to the bridge began on Thursday. Its steel deck was painted blue by "
            "volunteers in 1998.")
    assert run("extract", str(news)).exit_code == 0
    events = load_store(project / "content" / "events").events
    recalled = sorted(len(e.sources) for e in events if str(e.date) == "1998")
    assert recalled == [1, 3]
