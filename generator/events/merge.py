"""One happening, one event: merging candidates within an article, across articles, and
with the events already in the store.

Two candidates are the same happening when their dates agree (equal, or one inside the
other when the outer one is short) and they are told alike: they share enough content
words, or one opens with an event noun ("The call last week ...") that names what the
other tells ("spoke by phone July 18"). Across articles the bar is higher, and the same
wire story printed by several outlets (near-identical sentences) always merges.

A merged event takes its date from its most precise member and cites every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..dates import MINUTES_PER_DAY, Precision
from ..model import Event, Source, sort_events
from .extract import Candidate, content_words, cues, provisional_id

MAX_CONTAINER_DAYS = 31
BEFORE_WINDOW_DAYS = 7
MULTI_SOURCE_BONUS = 0.05
WITHIN_ARTICLE_OVERLAP = 0.5
SAME_DAY_OVERLAP = 0.3
SAME_DAY_SHARED = 4
ACROSS_SAME_DAY_SHARED = 5
ACROSS_ARTICLES_OVERLAP = 0.6
WIRE_COPY_OVERLAP = 0.85
MIN_SHARED_WORDS = 3
# Articles of one story: share this much of their vocabulary (Jaccard of content words).
STORY_SIMILARITY = 0.09
STORY_SHARED_WORDS = 2


@dataclass(eq=False)
class Group:
    """Candidates (and at most one stored event) that tell the same happening."""

    members: list[Candidate] = field(default_factory=list)
    stored: Optional[Event] = None
    words: frozenset[str] = frozenset()
    events: list[Event] = field(default_factory=list)  # the stored event's and members'

    def __post_init__(self) -> None:
        if self.stored is not None:
            self.words = _event_words(self.stored)
            self.events.append(self.stored)

    def add(self, candidate: Candidate) -> None:
        self.members.append(candidate)
        self.events.append(candidate.event)
        if not candidate.words <= self.words:
            self.words = self.words | candidate.words

    def absorb(self, other: "Group") -> None:
        for candidate in other.members:
            self.add(candidate)
        other.members.clear()
        other.events = [other.stored] if other.stored is not None else []


class _DateIndex:
    """Finds the groups whose dates can agree with an event's, without trying them all.

    Dates agree when equal, or (for spans of at most a month) when one lies inside the
    other or a "before" date follows within a week. So short dates are indexed under
    every day they cover (a "before" date also under the week before it), and only
    groups sharing a day with the event are tried; longer dates need an exact match.
    """

    def __init__(self) -> None:
        self.exact: dict[tuple, dict[int, Group]] = {}
        self.days: dict[int, dict[int, Group]] = {}

    @staticmethod
    def _key(event: Event) -> tuple:
        return (event.date.text, event.end.text if event.end else None, event.qualifier)

    @staticmethod
    def _days(event: Event) -> range:
        """The days to file a short event under (empty for long ones)."""
        if event.end is not None or \
                event.date.stop - event.date.start > MAX_CONTAINER_DAYS * MINUTES_PER_DAY:
            return range(0)
        first = event.date.start // MINUTES_PER_DAY
        last = (event.date.stop - 1) // MINUTES_PER_DAY
        if event.qualifier == "before":
            first -= BEFORE_WINDOW_DAYS
        return range(first, last + 1)

    def add(self, group: Group, event: Event) -> None:
        self.exact.setdefault(self._key(event), {})[id(group)] = group
        for day in self._days(event):
            self.days.setdefault(day, {})[id(group)] = group

    def groups_for(self, event: Event) -> list[Group]:
        found = dict(self.exact.get(self._key(event), {}))
        for day in self._days(event):
            found.update(self.days.get(day, {}))
        return list(found.values())


class Merger:
    """Merges candidates as they come (in article order), then makes the events.

    Feeding it batch by batch lets the merging of early articles run while later ones
    are still being extracted elsewhere.
    """

    def __init__(self, stored: Iterable[Event] = ()) -> None:
        self.groups: list[Group] = []
        self.index = _DateIndex()
        self.by_article: dict[str, list[Group]] = {}
        self.count = 0
        for event in stored:
            self.groups.append(Group(stored=event))
            self.index.add(self.groups[-1], event)

    def add(self, candidate: Candidate) -> None:
        candidate.order = self.count
        self.count += 1
        same_article = self.by_article.setdefault(candidate.article.id, [])
        group = _find_group(candidate, same_article, self.index.groups_for(candidate.event))
        if group is None:
            group = Group()
            self.groups.append(group)
        group.add(candidate)
        self.index.add(group, candidate.event)
        if group not in same_article:
            same_article.append(group)

    def events(self) -> list[Event]:
        """The merged events in timeline order, with ids unique in the store."""
        _join_story_events(self.groups)
        events = [_event(group) for group in self.groups if group.members]
        reserved = {group.stored.id for group in self.groups if group.stored is not None}
        return sort_events(_unique_ids(events, reserved))


def merge(candidates: Iterable[Candidate], stored: Iterable[Event] = ()) -> list[Event]:
    """Events from `candidates` (in article order), joined with matching `stored` events."""
    merger = Merger(stored)
    for candidate in candidates:
        merger.add(candidate)
    return merger.events()


def _find_group(candidate: Candidate, same_article: list[Group], nearby: list[Group]
                ) -> Optional[Group]:
    best, best_score = None, 0.0
    for group in same_article:
        score = _within_article(candidate, group)
        if score > best_score:
            best, best_score = group, score
    if best is not None:
        return best
    for group in nearby:
        if group in same_article:
            continue
        score = _across_articles(candidate, group)
        if score > best_score:
            best, best_score = group, score
    return best


def _dates_agree(a: Event, b: Event) -> bool:
    if (a.date, a.end, a.qualifier) == (b.date, b.end, b.qualifier):
        return True
    if {a.qualifier, b.qualifier} == {"before", None} and a.end is None and b.end is None:
        # "closed until Friday" and "closed for a third day" on Thursday: a state that
        # lasts until a day, seen on a day shortly before it
        until, seen = (a, b) if a.qualifier == "before" else (b, a)
        gap = until.date.start - seen.date.stop
        return seen.date.precision >= Precision.DAY and \
            0 <= gap < BEFORE_WINDOW_DAYS * MINUTES_PER_DAY
    if a.qualifier != b.qualifier or (a.end is None) != (b.end is None):
        return False
    outer, inner = (a, b) if a.date.contains(b.date) else (b, a)
    if not outer.date.contains(inner.date):
        return False
    return (outer.date.stop - outer.date.start) <= MAX_CONTAINER_DAYS * MINUTES_PER_DAY


def _overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
    if not a or not b:
        return 0.0, 0
    shared = len(a & b)
    return shared / min(len(a), len(b)), shared


def _within_article(candidate: Candidate, group: Group) -> float:
    if not any(_dates_agree(candidate.event, e) for e in group.events):
        return 0.0
    if any(m.sentence == candidate.sentence for m in group.members):
        return 0.0  # two dates of one sentence are two happenings
    if candidate.subject_noun and _names_it(candidate.subject_noun, group):
        return 1.0
    overlap, shared = _overlap(candidate.words, group.words)
    if overlap >= WITHIN_ARTICLE_OVERLAP and shared >= 2:
        return overlap
    same_day = any(e.date == candidate.event.date and e.date.precision >= Precision.DAY
                   for e in group.events)
    if same_day and overlap >= SAME_DAY_OVERLAP and shared >= SAME_DAY_SHARED:
        return overlap  # the same day told twice in other words ("offer"/"give" a case)
    return 0.0


def _names_it(noun: str, group: Group) -> bool:
    linked = {_stem_word(w) for w in cues()["event_nouns"].get(noun, [])}
    return bool(linked & group.words)


def _stem_word(word: str) -> str:
    return next(iter(content_words(word + " x")), word)


def _across_articles(candidate: Candidate, group: Group) -> float:
    overlap, shared = _overlap(candidate.words, group.words)
    if shared < MIN_SHARED_WORDS and overlap < WIRE_COPY_OVERLAP:
        return 0.0  # the cheap test first: most groups share too few words
    if not any(_dates_agree(candidate.event, e) for e in group.events):
        return 0.0
    if overlap >= WIRE_COPY_OVERLAP:
        return overlap
    same_day = any(e.date == candidate.event.date and e.date.precision >= Precision.DAY
                   for e in group.events)
    if same_day and shared >= ACROSS_SAME_DAY_SHARED and overlap >= SAME_DAY_OVERLAP:
        return overlap  # one day told by two outlets in their own words
    actors = {a.casefold() for e in group.events for a in e.actors}
    shares_actor = bool(actors & {a.casefold() for a in candidate.event.actors})
    if overlap >= ACROSS_ARTICLES_OVERLAP and shared >= MIN_SHARED_WORDS and (
            shares_actor or not candidate.event.actors):
        return overlap
    return 0.0


def _event_words(event: Event) -> frozenset[str]:
    return content_words(" ".join([event.title] + [s.quote or "" for s in event.sources]))


def _join_story_events(groups: list[Group]) -> None:
    """Join, across articles of one story, the only event each article dates to a day.

    Two reports of one story that each tell exactly one happening on the same day (and
    with the same qualifier) tell the same one, even in other words ("will be available
    on June 24" / "is slated for a U.S. release on June 24"), provided the two sentences
    still share some words. Articles count as one story when they share enough of their
    vocabulary.
    """
    by_day: dict[tuple, list[Group]] = {}
    for group in groups:
        articles = {m.article.id for m in group.members}
        if group.stored is not None or len(articles) != 1:
            continue
        event = group.members[0].event
        if event.date.precision < Precision.DAY or event.end is not None:
            continue
        by_day.setdefault((articles.pop(), event.date.text, event.qualifier), []).append(group)
    same_day: dict[tuple, list[tuple[str, Group]]] = {}
    for (article, date, qualifier), found in sorted(by_day.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
        if len(found) == 1:
            same_day.setdefault((date, qualifier), []).append((article, found[0]))
    for reports in same_day.values():
        for position, (_, group) in enumerate(reports):
            for _, partner in reports[position + 1:]:
                if group.members and partner.members and \
                        _same_story(group, partner) and \
                        _overlap(group.words, partner.words)[1] >= STORY_SHARED_WORDS:
                    group.absorb(partner)


def _same_story(a: Group, b: Group) -> bool:
    first, second = a.members[0].story_words, b.members[0].story_words
    return len(first & second) / max(1, len(first | second)) >= STORY_SIMILARITY


# --------------------------------------------------------------------------- the event


def _event(group: Group) -> Event:
    """The merged event: the most precise member's date and title, everyone's sources."""
    # The lead is chosen by content, not by the order articles were given in, so a run
    # over the same articles in another order (or in two steps) picks the same one.
    members = sorted(group.members, key=lambda m: (-int(m.event.date.precision),
                                                   m.event.qualifier is not None,
                                                   m.article.id, m.sentence.start))
    lead = group.stored or members[0].event
    if group.stored is not None and members and \
            members[0].event.date.precision > group.stored.date.precision:
        lead = members[0].event
    event = Event(
        id=group.stored.id if group.stored is not None else lead.id,
        date=lead.date, end=lead.end, qualifier=lead.qualifier, title=lead.title,
        summary=lead.summary, kind=lead.kind, confidence=lead.confidence,
        extraction=dict(lead.extraction), review=lead.review,
        body=group.stored.body if group.stored is not None else "",
        extra=dict(group.stored.extra) if group.stored is not None else {})
    everyone = ([group.stored] if group.stored is not None else []) + \
        [m.event for m in sorted(group.members, key=lambda m: m.order)]
    for member in everyone:
        event.actors = _union(event.actors, member.actors)
        event.places = _union(event.places, member.places)
        event.tags = _union(event.tags, member.tags)
        event.sources = _add_sources(event.sources, member.sources)
    event.confidence = _confidence(members, event)
    return event


def _confidence(members: list[Candidate], event: Event) -> Optional[float]:
    """The surest member's confidence, a little more when several articles report it.

    Computed from this run's candidates and the sources only, never from a stored
    event's own confidence, so that re-running extraction gives the same value."""
    found = [m.event.confidence for m in members if m.event.confidence is not None]
    if not found:
        return event.confidence
    bonus = MULTI_SOURCE_BONUS if len({s.article for s in event.sources}) > 1 else 0.0
    return round(min(1.0, max(found) + bonus), 2)


def _union(first: list[str], second: list[str]) -> list[str]:
    seen = {x.casefold() for x in first}
    return first + [x for x in second if x.casefold() not in seen and not seen.add(x.casefold())]


def _add_sources(sources: list[Source], more: list[Source]) -> list[Source]:
    keys = {(s.article, s.url, _norm(s.quote)) for s in sources}
    result = list(sources)
    for source in more:
        key = (source.article, source.url, _norm(source.quote))
        if key not in keys:
            keys.add(key)
            result.append(source)
    return result


def _norm(text: Optional[str]) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _unique_ids(events: list[Event], reserved: set[str]) -> list[Event]:
    """Ids unique in the run: stored events keep theirs; new ones get -2, -3 on clashes."""
    taken = set(reserved)
    for event in sorted(events, key=lambda e: (e.order_key(), e.id)):
        if event.id in reserved:
            continue
        base = event.id or provisional_id(event, "event")
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        event.id = candidate
        taken.add(candidate)
    return events
