"""Each article tells a day once: on a day many articles report, and in a story archive
on every day.

A report of a big day tells its lead happening and then the day's details, each in a
sentence dated to the same day ("... on Tuesday", "Tuesday's ..."): the rescue teams
that flew out, the aid pledged, the death toll so far, what a minister said. Each
became an event of its own, and with dozens of articles on the day, the day became
dozens of events, most of them details that no other report repeats in shared words
(tls-dev, development figures: Haiti BBC's three days after the quake held 346
events, Libya CNN's busiest 47 articles' worth). An editor writes such a day as its
few happenings, each citing the reports that tell it.

So when at least BUSY_DAY_ARTICLES articles report a day, an article's events of that
day that only it reports join its lead event of the day: the event it shares with
other articles, if any (the one most articles report), else the event of its earliest
sentence that dates the day, which in news is the lede. The details stay in the
article; the event cites it once. Days fewer articles report keep every happening
apart: there each report's details are all the record has (events-dev, Wikinews: its
gold counts up to six happenings of one day in one article, and no day of its twenty
articles is reported by more than three).

An archive of one story, CORROBORATING_ARCHIVE articles or more, is read at an editor's
resolution on every day, not only on busy ones: each article tells each day once, and
its other happenings of the day are told by the articles that report them too (tls-dev,
development figures: events per article 1.61 -> 1.51, coverage of the publishers' days
0.919 -> 0.927, Date-F1 by importance 0.727 -> 0.731). events-dev, 20 articles, is
read at the finer resolution its gold asks for.

Events already in the store are never joined into anything here; one the article is
cited by is its lead, which takes in the article's new reports of the day without
changing the record (sources are one per article), so running again over the same
articles gives the same events.
"""

from __future__ import annotations

from typing import Optional

from ..core.dates import Precision
from .merge_background import CORROBORATING_ARCHIVE
from .merge_group import Group

# Distinct articles reporting a day that make it a busy day. events-dev reports no day
# in more than three articles, and its same-day happenings are all gold; tls-dev's story
# days with four or more reports are its news peaks (see bench/RESULTS.md).
BUSY_DAY_ARTICLES = 4


def join_busy_days(groups: list[Group], articles: int = 0) -> None:
    """Fold, per article and busy day, the article's own single-report groups of that
    day into its lead group of the day. In an archive of CORROBORATING_ARCHIVE
    `articles` or more, every day is folded so."""
    needed = 1 if articles >= CORROBORATING_ARCHIVE else BUSY_DAY_ARTICLES
    by_day: dict[str, list[Group]] = {}
    for group in groups:
        day = _day(group)
        if day is not None:
            by_day.setdefault(day, []).append(group)
    for found in by_day.values():
        reporting = {m.article.id for g in found for m in g.members}
        reporting |= {s.article for g in found if g.stored is not None
                      for s in g.stored.sources if s.article}
        if len(reporting) >= needed:
            _fold_day(found)


def _day(group: Group) -> Optional[str]:
    """The group's day, when it has one date precise to the day and unqualified."""
    if not group.members or len(group.dates) != 1 or len(group.days) != 1:
        return None
    event = next(iter(group.dates.values()))
    if event.date.precision < Precision.DAY or event.qualifier or event.end is not None:
        return None
    return next(iter(group.days))


def _fold_day(groups: list[Group]) -> None:
    own: dict[str, list[Group]] = {}  # article -> its new groups that only it reports
    shared: dict[str, list[Group]] = {}  # article -> stored groups, groups with others
    for group in groups:
        articles = {m.article.id for m in group.members}
        if group.stored is None and len(articles) == 1:
            own.setdefault(next(iter(articles)), []).append(group)
        else:
            for article in articles:
                shared.setdefault(article, []).append(group)
    for article, singles in own.items():
        lead = _lead(article, singles, shared.get(article, []))
        for group in singles:
            if group is not lead:
                lead.absorb(group)


def _lead(article: str, singles: list[Group], shared: list[Group]) -> Group:
    """The article's lead group of the day: an event of the store it is cited by (so a
    second run over the same articles folds the day as the first did), else the most
    widely reported group it is part of, else its group of the earliest sentence."""
    stored = [g for g in shared if g.stored is not None]
    if stored:
        return min(stored, key=lambda g: _first_sentence(g, article))
    if shared:
        return max(shared, key=lambda g: (len({m.article.id for m in g.members}),
                                          -_first_sentence(g, article)))
    return min(singles, key=lambda g: _first_sentence(g, article))


def _first_sentence(group: Group, article: str) -> int:
    return min((m.sentence.start for m in group.members if m.article.id == article),
               default=0)
