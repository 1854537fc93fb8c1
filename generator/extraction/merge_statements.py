"""Statements join the happening their article tells that day.

A sentence whose date only dates someone saying something ("..., the minister said on
Tuesday") reports a statement, not a happening of its own. When its article tells
something else on that very day, the statement becomes part of the happening it is
about (it is cited as one more source): the article's event of that day whose
sentences share most content words with it. A statement that shares no word with any
of them is about none of them (a roundup's reaction, an opinion) and is dropped. A
statement alone on its day stays an event: it may be all the article says of that day
("told Fox Business July 17").
"""

from __future__ import annotations

from typing import Optional

from ..core.dates import Precision
from .merge_group import Group
from .merge_index import date_key


def join_statements(by_article: dict[str, dict[int, Group]]) -> None:
    """For each article and day, its groups made only of its own statements join the
    article's other group of that exact date they share most words with (ties: the
    earliest), or are dropped when they share none; one pass over the article's
    groups."""
    for article, groups in by_article.items():
        by_date: dict[tuple, list[Group]] = {}
        for number in sorted(groups):
            group = groups[number]
            if group.members:
                key = _day_key(group)
                if key is not None:
                    by_date.setdefault(key, []).append(group)
        for found in by_date.values():
            # an event of the store the article is cited by may take a statement in
            # (its record does not change: the article is already its source), so a
            # second run over the same articles joins what the first one joined
            said = [g for g in found if g.stored is None and _only_statements(g, article)]
            told = [g for g in found if g.stored is not None or
                    not _only_statements(g, article)]
            if not said or not told:
                continue
            for group in said:
                words = frozenset().union(*(m.words for m in group.members))
                shared, target = max(((len(words & g.words), g) for g in told),
                                     key=lambda found: (found[0], -found[1].number))
                if shared:
                    target.absorb(group)
                else:
                    group.members.clear()


def _day_key(group: Group) -> Optional[tuple]:
    """The group's date when it has one date, precise to the day."""
    if len(group.dates) != 1:
        return None
    event = group.members[0].event
    if event.date.precision < Precision.DAY:
        return None
    return date_key(event)


def _only_statements(group: Group, article: str) -> bool:
    return all(m.statement and m.article.id == article for m in group.members)
