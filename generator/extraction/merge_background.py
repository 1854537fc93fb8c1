"""Background told again: one event per earlier happening an archive keeps recalling.

Reports of a story recall its background again and again, each in its own words and
dated only to a year or a month ("the 1918 flu pandemic was an H1N1 strain", "In 1918,
the earliest reports of the pandemic strain came from the Americas", "the pandemics of
1918, 1957 and 1968"). Such a date, well before the article recalling it, names no day
of the story being reported, so the same-day rules never join these reports: the
archive's fifty recollections of one past happening stayed fifty events.

Here, among the events dated coarser than a day and ending at least BACKGROUND_DAYS
before their articles were published, those of one date (value, end and qualifier)
whose sentences share BACKGROUND_SHARED content words are joined: each joins the first
earlier one, a head, that it shares them with (a head's own words, never the union of
what joined it, so a group does not snowball). Evidence (development figures, tls-dev):
"1918" in the three H1N1 units (BBC, Guardian, Reuters: 19, 24 and 25 events, one
pandemic), "1969" (the coup) and "1988" (the Lockerbie bombing) in both Libya units
(CNN, Reuters). events-dev keeps its gold background apart: its background dates are
each told once, or twice in one article without two shared words.
"""

from __future__ import annotations

from typing import Optional

from ..core.dates import MINUTES_PER_DAY, Precision
from .merge_group import Group
from .merge_index import DateKey, date_key

# Background: ends at least this long before the article that recalls it.
BACKGROUND_DAYS = 365
# Content words two recollections of one date share to be one happening.
BACKGROUND_SHARED = 2


def join_background(groups: list[Group]) -> None:
    """Join the background groups of one date that share BACKGROUND_SHARED words."""
    by_date: dict[DateKey, list[Group]] = {}
    for group in groups:
        key = _background_key(group)
        if key is not None:
            by_date.setdefault(key, []).append(group)
    for found in by_date.values():
        if len(found) > 1:
            _join(found)


def _background_key(group: Group) -> Optional[DateKey]:
    """The group's date when it is background: one date, coarser than a day, ending
    BACKGROUND_DAYS before every member's article; None otherwise."""
    if not group.members or group.stored is not None or len(group.dates) != 1:
        return None
    event = group.members[0].event
    if event.date.precision >= Precision.DAY or event.date.unknown_year:
        return None
    stop = (event.end or event.date).stop
    for member in group.members:
        published = member.article.published
        if published is None or published.unknown_year or \
                published.start - stop < BACKGROUND_DAYS * MINUTES_PER_DAY:
            return None
    return date_key(event)


def _join(groups: list[Group]) -> None:
    """Each group joins the first earlier head it shares BACKGROUND_SHARED words with;
    a group that joins none becomes a head. Heads are found through a word index."""
    heads: list[tuple[Group, frozenset[str]]] = []
    by_word: dict[str, list[int]] = {}
    for group in groups:
        words = frozenset().union(*(m.words for m in group.members))
        shared: dict[int, int] = {}
        for word in words:
            for head in by_word.get(word, ()):
                shared[head] = shared.get(head, 0) + 1
        joined = min((h for h, n in shared.items() if n >= BACKGROUND_SHARED), default=None)
        if joined is not None:
            heads[joined][0].absorb(group)
            continue
        for word in words:
            by_word.setdefault(word, []).append(len(heads))
        heads.append((group, words))
