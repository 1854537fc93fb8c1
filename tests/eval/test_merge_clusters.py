"""Merging across articles on events-dev's two story clusters: every happening reported
by several articles is one event citing them all, and no event joins two happenings.

Every group of merged.yaml is checked whose members are extracted from two articles or
more, optional members included (see clusters.MergeFigures for partly extracted groups);
a group whose members extraction dates apart is a dating error, checked by the event
scores, not here."""

from __future__ import annotations

import pytest

from generator.extraction.run import extract_events
from generator.ingest import read_paths

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
    assert figures.split_groups == [], figures.report
    assert figures.merged == figures.groups - len(figures.dated_apart)
    assert figures.merged >= 5  # the three required pairs and two with an optional member


def test_groups_are_judged_on_the_members_extraction_found(dev_events):
    """A group is counted once two articles' members are extracted, optional or not."""
    figures = merge_figures(dev_events, DEV / "merged.yaml", DEV / "gold")
    outcomes = dict(figures.report)
    assert outcomes["Dow Jones down 2.62%"] == "merged"  # one member is optional
    assert all(outcome.startswith(("merged", "split", "dated apart", "not counted"))
               for outcome in outcomes.values())
    assert figures.groups == len(outcomes) - sum(
        outcome.startswith("not counted") for outcome in outcomes.values())


def test_no_event_joins_two_happenings(dev_events):
    figures = merge_figures(dev_events, DEV / "merged.yaml", DEV / "gold")
    assert figures.false_merge_titles == []
