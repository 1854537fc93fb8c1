"""Extraction, end to end: read all articles, tag and extract each, merge, write the store.

Gather, then write: every article is read and turned into candidates first (a pure
function of the article, so it can run in other processes), then the candidates are
merged with each other and with the store, and only then is anything written, under the
store's lock, through the ledger that keeps hand edits safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .actors.finder import ActorFinder
from .diagnostics import WARNING, Problem
from .events.extract import Candidate, extract_article
from .events.ledger import SyncReport, sync_generated
from .events.merge import Merger, fewer_collections
from .events.store import load_store
from .model import Article, Event
from .readers import read_paths
from .readers.furniture import clean_article
from .readers.language import not_english_reason
from .text.sentences import split_sentences

Progress = Callable[[Iterable[Article]], Iterable[Article]]


@dataclass
class ExtractionReport:
    """What one `timeline extract` run read, found and wrote."""

    articles: int = 0
    candidates: int = 0
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sync: SyncReport = field(default_factory=SyncReport)

    @property
    def failed(self) -> bool:
        return any(p.is_error for p in self.problems + self.sync.problems)


def article_candidates(article: Article, finder: Optional[ActorFinder] = None
                       ) -> list[Candidate]:
    """Sentences -> dates -> candidate events for one article (no I/O, no shared state)."""
    from .tagger import tag_sentences  # the tagger loads its rules on first use

    sentences = split_sentences(article.text)
    dct = str(article.published) if article.published and not article.published.unknown_year \
        else None
    timexes = tag_sentences(article.text, [(s.start, s.end) for s in sentences], dct)
    return extract_article(article, timexes, sentences, finder)


def guarded_candidates(article: Article, finder: Optional[ActorFinder] = None
                       ) -> tuple[list[Candidate], list[Problem]]:
    """The candidates of one article, or the problem that kept it from giving any.

    Page furniture (comments, stamps, bylines, credits) is taken out first. One article
    must never take the others down: a page in another language is skipped with a
    warning, and a failure while cleaning, tagging or extracting it (a bug) becomes that
    article's error, with the exception's kind, and the run goes on.
    """
    reason = not_english_reason(article.text, article.language)
    if reason:
        return [], [Problem(article.path or Path(article.id), f"skipped: {reason}; "
                            "extraction reads English articles only", article.row, WARNING)]
    try:
        article, _ = clean_article(article)
        return article_candidates(article, finder), []
    except Exception as exc:  # noqa: BLE001 - isolate the article, report the bug
        return [], [Problem(article.path or Path(article.id),
                            f"could not extract events: {type(exc).__name__}: {exc}; the "
                            "other articles were extracted. This is a bug in Timeline "
                            "Generator: please report it with this file", article.row)]


@dataclass
class Extracted:
    """Merged events, the number of candidates merged, and the articles' problems."""

    events: list[Event]
    candidates: int
    problems: list[Problem]


def extract_events(articles: Iterable[Article], stored: Iterable[Event] = (),
                   progress: Optional[Progress] = None, jobs: int = 1,
                   dask: Optional[str] = None) -> tuple[list[Event], int]:
    """Merged events of `articles` (joined with matching `stored` ones) and the number of
    candidates found; see `extract` for the articles' problems."""
    result = extract(articles, stored, progress, jobs, dask)
    return result.events, result.candidates


def extract(articles: Iterable[Article], stored: Iterable[Event] = (),
            progress: Optional[Progress] = None, jobs: int = 1,
            dask: Optional[str] = None) -> Extracted:
    """Merged events of `articles` joined with matching `stored` ones.

    With `jobs` > 1 the articles are extracted by that many local processes, with `dask`
    (a scheduler address such as tcp://host:8786) by a Dask cluster's workers; either
    way the candidates are merged here, in article order, as batches come back, so the
    events are the same.
    """
    merger = Merger(stored)
    problems: list[Problem] = []
    with fewer_collections():
        if jobs <= 1 and not dask:
            finder = ActorFinder()
            for article in (progress(articles) if progress else articles):
                found, trouble = guarded_candidates(article, finder)
                problems.extend(trouble)
                for candidate in found:
                    merger.add(candidate)
            return Extracted(merger.events(), merger.count, problems)
        from . import distribute

        done = _merged(distribute.run(list(articles), jobs, dask), merger, problems)
        for _ in (progress(done) if progress else done):
            pass
        return Extracted(merger.events(), merger.count, problems)


def _merged(results: Iterator[tuple[list[Article], list]], merger: Merger,
            problems: list[Problem]) -> Iterator[Article]:
    """The articles of each finished batch, in order, after merging their candidates."""
    for batch, per_article in results:
        for article, (found, trouble) in zip(batch, per_article):
            problems.extend(trouble)
            for candidate in found:
                merger.add(candidate)
            yield article


def run_extraction(paths: Iterable[Path], events_dir: Path, max_event_bytes: int,
                   progress: Optional[Progress] = None, dry_run: bool = False,
                   jobs: int = 1, dask: Optional[str] = None) -> ExtractionReport:
    """Read `paths`, extract and merge their events, and write them into `events_dir`."""
    report = ExtractionReport()
    articles, report.problems = read_paths(paths)
    report.articles = len(articles)
    store = load_store(events_dir, max_bytes=max_event_bytes)
    result = extract(articles, store.events, progress, jobs=jobs, dask=dask)
    report.events, report.candidates = result.events, result.candidates
    report.problems.extend(result.problems)
    report.sync = sync_generated(events_dir, report.events, dry_run=dry_run)
    return report
