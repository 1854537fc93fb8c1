"""Earlier happenings told again: one event per happening an archive keeps recalling.

Reports of a story recall its background and its own earlier weeks again and again,
each in its own words and dated only to a year, a month or a week ("the 1918 flu
pandemic was an H1N1 strain", "In 1918, the first wave of flu was mild", "the unrest
that began last month"). Such a date names no day, so the same-day rules never join
these reports, and the across-articles rules ask for near-identical sentences: the
archive's dozens of recollections of one past happening stayed dozens of events.

Here, among the events dated coarser than a day and ending before their articles were
published, those of one date (value, end and qualifier) join when their sentences
share BACKGROUND_SHARED informative words making BACKGROUND_OVERLAP of the shorter
one's: each joins the first earlier one, a head, it shares them with (the head's own
words, never the union of what joined it, so nothing snowballs). Words more than
COMMON_GROUPS of the date's events use ("flu", "pandemic" on 1918 in a flu archive) are
not evidence, as in merge_stories.

Evidence (development figures, tls-dev): "1968" and "1957" (the earlier pandemics) in
H1N1 Reuters and BBC, "1973" (the War Powers Act), "1988" (the Lockerbie bombing) in
the Libya units of Reuters and CNN, and "last month" (the uprising) in Libya CNN each
become one or a few events. Of the joins read, about four in five are one happening;
with 0.2 instead of 0.3 as many more join, half of them different happenings of the
year ("visitors in April" / "orders for masks in April"). events-dev (Wikinews) keeps
every gold event apart: its earlier dates are told once, or in words not shared.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from ..core.dates import MINUTES_PER_DAY, Precision
from .merge_group import Group, lone_groups
from .merge_index import COMMON_GROUPS, DateKey, date_key

# Earlier: the date ends at least this long before the article that recalls it.
BACKGROUND_DAYS = 1
# Content words two recollections of one date share to be one happening.
BACKGROUND_SHARED = 2
# ... and that share of the shorter sentence's informative words (merge_stories' 0.3).
BACKGROUND_OVERLAP = 0.3


def join_background(groups: list[Group]) -> None:
    """Join the earlier-dated groups of one date told in shared words."""
    by_date: dict[DateKey, list[Group]] = {}
    for group in groups:
        key = _background_key(group)
        if key is not None:
            by_date.setdefault(key, []).append(group)
    for found in by_date.values():
        if len(found) > 1:
            _join(found)


def _background_key(group: Group) -> Optional[DateKey]:
    """The group's date when it recalls an earlier happening: one date, coarser than a
    day, ending BACKGROUND_DAYS before every member's article; None otherwise."""
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
    """Each group joins the first earlier head it shares enough informative words
    with; a group that joins none becomes a head. Heads are found through a word
    index (the lists of words common on the date are neither kept nor read)."""
    heads: list[tuple[Group, frozenset[str]]] = []
    by_word: dict[str, list[int]] = {}
    told = [frozenset().union(*(m.words for m in group.members)) for group in groups]
    frequency = Counter(word for words in told for word in words)
    for group, all_words in zip(groups, told):
        words = frozenset(w for w in all_words if frequency[w] <= COMMON_GROUPS)
        shared: dict[int, int] = {}
        for word in words:
            for head in by_word.get(word, ()):
                shared[head] = shared.get(head, 0) + 1
        joined = min((h for h, n in shared.items() if n >= BACKGROUND_SHARED and
                      n >= BACKGROUND_OVERLAP * min(len(words), len(heads[h][1]))),
                     default=None)
        if joined is not None:
            heads[joined][0].absorb(group)
            continue
        for word in words:
            by_word.setdefault(word, []).append(len(heads))
        heads.append((group, words))


# Articles with dated reports from which an archive is big enough for its background to
# need a second telling. events-dev (Wikinews, 20 articles, each story told by one to
# three) counts the background each article recalls as gold events ("in 1998", "in
# 2005"); in tls-dev's story archives (76 to 398 articles) the publishers' timelines
# hold none of the background one article alone recalls, and such recollections are a
# third of the events (H1N1 Reuters 383 of 723; development figures).
CORROBORATING_ARCHIVE = 50


def drop_lone_recollections(groups: list[Group], articles: int) -> None:
    """In an archive of CORROBORATING_ARCHIVE articles or more, drop the past events
    dated coarser than a day that only one article tells: background ("Bhopal in
    1984"), a company's history, or a story's own earlier weeks retold loosely ("in
    March"), which the archive's day-dated reports tell better. Recollections two
    articles share were joined by `join_background` and stay, as do stored events."""
    if articles < CORROBORATING_ARCHIVE:
        return
    for group in lone_groups(groups):
        if all(m.event.date.precision < Precision.DAY and not m.event.date.unknown_year
               and m.event.kind != "future" for m in group.members):
            group.members.clear()
