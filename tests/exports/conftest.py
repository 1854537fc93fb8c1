"""Fixtures for the export and import tests: a store with every date form, and contexts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.store.folder import load_store
from generator.exporters import ExportContext
from generator.exporters.base import FileTimes

from ..conftest import ROOT

STORE = Path(__file__).parent / "store"
RENDER_STORE = ROOT / "tests" / "render" / "store"
SITE_URL = "https://example.org/timeline/"


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="session")
def forms():
    """Every date form of the model (and a rich record with notes and unknown fields)."""
    store = load_store(STORE)
    assert not store.errors, [p.format() for p in store.errors]
    return store.events


@pytest.fixture(scope="session")
def fixture_events():
    """The render fixture store: seed-like events, a BCE date, a hostile article."""
    return load_store(RENDER_STORE).events


def context(events=(), site_url: str = "", **options) -> ExportContext:
    """A context whose change times are fixed: event n was added on day n of 2020 and
    changed on day n of 2021, so feeds are ordered and reproducible."""
    changes = {Path(e.path).resolve(): FileTimes(utc(2020, 1, 1) + dt.timedelta(days=n),
                                                 utc(2021, 1, 1) + dt.timedelta(days=n))
               for n, e in enumerate(events) if e.path}
    return ExportContext(site_name="Test timeline", site_description="For the tests.",
                         site_url=site_url, changes=changes, **options)
