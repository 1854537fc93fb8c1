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

from ..core.diagnostics import Problem
from ..core.model import Article, Event
from ..ingest import read_paths
from ..store.folder import load_store
from ..store.ledger import SyncReport
from ..store.writer import sync_generated
from .article import guarded_candidates
from .merge import Merger, fewer_collections
from .names import ActorFinder
from .parallel import run as run_elsewhere

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
        done = _merged(run_elsewhere(list(articles), jobs, dask), merger, problems)
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
