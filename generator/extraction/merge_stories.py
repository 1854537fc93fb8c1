"""Joining, across articles of one story, the only event each article dates to a day."""

from __future__ import annotations

from collections import Counter
from typing import Optional

from ..core.dates import Precision
from .merge_group import Group
from .merge_index import COMMON_GROUPS

# Articles of one story: share this much of their vocabulary (Jaccard of content words).
STORY_SIMILARITY = 0.09
# ... and the two sentences share this many informative words (events-dev: "available on
# June 24 in the United States" and "slated for a U.S. release on June 24" share two).
STORY_SHARED_WORDS = 2
# ... and those words are this share of the shorter sentence's informative words. That
# pair shares 2 of 5 (0.4). On tls-dev (H1N1 and Libya Reuters, Haiti BBC) the joins
# below 0.3 read as different happenings of one day ("Airline stocks fall ... flu
# scare" / "job and income losses from the credit crisis"), those from 0.3 up are
# about half right ("Mexico has closed all schools in the capital" / "Schools in the
# sprawling capital had already been closed"): 0.3 keeps the one and drops the most.
STORY_OVERLAP = 0.3


def join_story_events(groups: list[Group]) -> None:
    """Join, across articles of one story, the only event each article dates to a day.

    Two reports of one story that each tell exactly one happening on the same day (and
    with the same qualifier) tell the same one, even in other words ("will be available
    on June 24" / "is slated for a U.S. release on June 24"), provided the two sentences
    still share some informative words. Articles count as one story when they share
    enough of their vocabulary.
    """
    for reports in _single_day_reports(groups).values():
        _join_reports(reports)


def _single_day_reports(groups: list[Group]) -> dict[tuple, list[Group]]:
    """Per (day, qualifier), the groups that are their article's only one that day, in
    article order."""
    by_day: dict[tuple[str, str, Optional[str]], list[Group]] = {}
    for group in groups:
        articles = {m.article.id for m in group.members}
        if group.stored is not None or len(articles) != 1:
            continue
        event = group.members[0].event
        if event.date.precision < Precision.DAY or event.end is not None:
            continue
        by_day.setdefault((articles.pop(), event.date.text, event.qualifier), []).append(group)
    same_day: dict[tuple, list[Group]] = {}
    # A total key: one article can have a qualified and an unqualified event on one day,
    # and None does not compare with a string.
    for (_, date, qualifier), found in sorted(by_day.items(), key=lambda kv: (
            kv[0][0], kv[0][1], kv[0][2] is not None, kv[0][2] or "")):
        if len(found) == 1:
            same_day.setdefault((date, qualifier), []).append(found[0])
    return same_day


def _join_reports(reports: list[Group]) -> None:
    """Each report joins the first earlier report not itself joined (a head) that is of
    the same story and shares STORY_SHARED_WORDS informative words with it.

    Heads are found by prefix filtering (the all-pairs join): with words in one global
    order, rarest first, two sentences sharing k words share one among the first
    len - k + 1 words of each, so a head is filed under those words only and a report
    looks only there. Words more than COMMON_GROUPS reports of the day use are not
    evidence, so their lists are neither kept nor read.
    """
    words = [group.words for group in reports]  # as they were before any joining
    frequency = Counter(w for sentence in words for w in sentence)
    heads: dict[str, list[int]] = {}
    for position, group in enumerate(reports):
        informative = sorted((w for w in words[position] if frequency[w] <= COMMON_GROUPS),
                             key=lambda w: (frequency[w], w))
        prefix = informative[:max(0, len(informative) - STORY_SHARED_WORDS + 1)]
        found = sorted({head for word in prefix for head in heads.get(word, ())})
        head = next((h for h in found if _same_story(reports[h], words[h], group,
                                                     words[position], frequency)), None)
        if head is not None:
            reports[head].absorb(group)
            continue
        for word in prefix:
            heads.setdefault(word, []).append(position)


def _same_story(head: Group, head_words: frozenset[str], report: Group,
                report_words: frozenset[str], frequency: Counter[str]) -> bool:
    """Whether a report joins a head: their sentences share enough informative words,
    and their articles enough vocabulary (Jaccard)."""
    told = [frozenset(w for w in words if frequency[w] <= COMMON_GROUPS)
            for words in (head_words, report_words)]
    shared = len(told[0] & told[1])
    if shared < STORY_SHARED_WORDS or shared < STORY_OVERLAP * min(map(len, told)):
        return False
    first, second = head.members[0].story_words, report.members[0].story_words
    if min(len(first), len(second)) < STORY_SIMILARITY * max(len(first), len(second)):
        return False  # Jaccard is at most the ratio of the sizes
    return len(first & second) / max(1, len(first | second)) >= STORY_SIMILARITY
