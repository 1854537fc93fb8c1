"""Merging across articles on events-dev's two story clusters: every happening reported
by several articles is one event citing them all, and no event joins two happenings."""

from __future__ import annotations

import pytest

from generator.pipeline import extract_events
from generator.readers import read_paths

from ..conftest import SHARED
from .clusters import merge_figures

DEV = SHARED / "data" / "events-dev"


@pytest.fixture(scope="module")
def dev_events():
    if not (DEV / "merged.yaml").exists():
        pytest.skip("../shared/data/events-dev is not available")
    articles, _ = read_paths([DEV / "articles"])
    return extract_events(articles)[0]


def test_every_multi_article_happening_is_one_event(dev_events):
    figures = merge_figures(dev_events, DEV / "merged.yaml", DEV / "gold")
    assert figures.split_groups == []
    assert figures.merged == figures.groups > 0


def test_no_event_joins_two_happenings(dev_events):
    figures = merge_figures(dev_events, DEV / "merged.yaml", DEV / "gold")
    assert figures.false_merge_titles == []
