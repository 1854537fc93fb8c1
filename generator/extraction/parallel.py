"""Running extraction on other processes: a local process pool, or a Dask cluster.

Extraction of one article depends on nothing else, so articles are cut into batches,
each batch is extracted where the work runs, and the candidates come back in article
order; merging and writing stay with the caller, so the store ends up the same
whichever engine did the work. Candidates come back without the article's full text
(merging needs only their sentences), to keep what crosses processes small.
"""

from __future__ import annotations

import dataclasses
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator, Optional, Sequence

from ..core.errors import GeneratorError
from ..core.model import Article
from .article import guarded_candidates
from .names import ActorFinder
from .tagger import get_tagger

BATCH_ARTICLES = 25
CONNECT_TIMEOUT = "20s"
MIN_BATCHES_PER_WORKER = 4


def batches(articles: Sequence[Article], workers: int) -> list[list[Article]]:
    """Consecutive batches: big enough to amortise the hand-over, small enough that
    every worker gets several (so a slow batch does not leave the others idle)."""
    size = max(1, min(BATCH_ARTICLES, len(articles) // max(1, workers * MIN_BATCHES_PER_WORKER)))
    return [list(articles[i:i + size]) for i in range(0, len(articles), size)]


def extract_batch(articles: list[Article]) -> list[tuple[list, list]]:
    """(candidates, problems) of each article of a batch (runs in a worker process)."""
    finder = _finder_of_this_process(ActorFinder)
    results = []
    for article in articles:
        candidates, problems = guarded_candidates(article, finder)
        light = dataclasses.replace(article, text="")
        for candidate in candidates:
            candidate.article = light
        results.append((candidates, problems))
    return results


_FINDER = None


def _finder_of_this_process(factory):  # noqa: ANN001, ANN202
    global _FINDER
    if _FINDER is None:
        _FINDER = factory()
    return _FINDER


def _warm_up() -> None:
    """Load the tagger's rules once per worker, before the first batch arrives."""
    get_tagger("en")


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run_local(articles: Sequence[Article], jobs: int) -> Iterator[tuple[list[Article], list]]:
    """(batch, candidates per article) in article order, from `jobs` local processes."""
    work = batches(articles, jobs)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up) as pool:
        yield from zip(work, pool.map(extract_batch, work))


def run_dask(articles: Sequence[Article], address: str
             ) -> Iterator[tuple[list[Article], list]]:
    """(batch, candidates per article) in article order, from a Dask cluster's workers.

    Raises:
        GeneratorError: dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise GeneratorError("extraction on Dask needs dask.distributed: install it with "
                             "`pip install 'timeline-generator[dask]'`") from exc
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise GeneratorError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        work = batches(articles, workers)
        futures = client.map(extract_batch, work, pure=False)
        for batch, future in zip(work, futures):
            yield batch, future.result()
    finally:
        client.close()


def run(articles: Sequence[Article], jobs: int = 1, dask: Optional[str] = None
        ) -> Iterator[tuple[list[Article], list]]:
    """The engine the options ask for: Dask when given an address, else `jobs` processes."""
    if dask:
        return run_dask(articles, dask)
    return run_local(articles, jobs)
