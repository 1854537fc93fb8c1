"""Extraction on other processes gives exactly the records of the single-process run:
a local process pool (`--jobs`) and a Dask cluster (`--dask`, on a LocalCluster with two
worker processes)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.store.codec import dumps
from generator.extraction.run import extract_events
from generator.ingest import read_paths

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_articles  # noqa: E402


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    write_articles(folder, 40, seed=3, jsonl=False)
    found, problems = read_paths([folder, ROOT / "seeds"])
    assert not problems
    return found


@pytest.fixture(scope="module")
def single(articles):
    events, candidates = extract_events(articles)
    return [dumps(e) for e in events], candidates


def test_process_pool_gives_the_same_records(articles, single):
    events, candidates = extract_events(articles, jobs=2)
    assert ([dumps(e) for e in events], candidates) == single


def test_dask_local_cluster_gives_the_same_records(articles, single):
    distributed = pytest.importorskip("distributed", reason="dask.distributed not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        events, candidates = extract_events(articles, dask=cluster.scheduler_address)
    assert ([dumps(e) for e in events], candidates) == single


def test_unreachable_scheduler_is_a_clear_error(articles, monkeypatch):
    pytest.importorskip("distributed", reason="dask.distributed not installed")
    from generator.extraction import parallel as distribute
    from generator.core.errors import GeneratorError
    monkeypatch.setattr(distribute, "CONNECT_TIMEOUT", "2s")
    with pytest.raises(GeneratorError, match="cannot reach the Dask scheduler"):
        extract_events(articles[:2], dask="tcp://127.0.0.1:9")


def test_cli_jobs_option(run, project, tmp_path):
    folder = Path(tmp_path) / "news"
    write_articles(folder, 6, seed=5, jsonl=True)
    result = run("extract", "--jobs", "2", str(folder))
    assert result.exit_code == 0, result.output
    assert "6 article(s) read" in result.stderr
