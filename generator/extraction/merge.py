"""One happening, one event: merging candidates within an article, across articles, and
with the events already in the store.

Two candidates are the same happening when their dates agree (equal, or one inside the
other when the outer one is short) and they are told alike: they share enough content
words, or one opens with an event noun ("The call last week ...") that names what the
other tells ("spoke by phone July 18"). Across articles the bar is higher, and the same
wire story printed by several outlets (near-identical sentences) always merges.

A group is compared through a bounded representation, its lead and a few of its most
central members (merge_group), so a group that has grown big is no easier to join than
a small one. Words that many groups of a date use are common there and are not counted
as shared (merge_index). Each group's state is updated as members arrive, and a
candidate is compared only with the groups the indexes name, so merging runs in
near-linear time.

A merged event takes its date from its most precise member and cites every sentence.

When all candidates are in, `Merger.events` runs the steps that need the whole run, in
this order: reprints join their first telling (merge_reprints), statements join their
article's happening (merge_statements), each article's only event of a day joins
across the story (merge_stories), recollections of one earlier happening join
(merge_background), each article tells a day once (merge_busy_days), and in a story
archive what one article alone tells as background, off the story or in words no
headline can be made of is left out (merge_background, merge_relevance).
"""

from __future__ import annotations

import contextlib
import gc
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from ..core.dates import Precision
from ..core.model import Event, Source, sort_events
from .candidates import Candidate, provisional_id
from .cues import cues
from .words import content_words
from .merge_group import Group, name_words, rank, sentence_key
from .merge_index import DateKey, DateKeys, WordIndex, date_key, dates_agree
from .merge_statements import join_statements
from .merge_background import drop_lone_recollections, join_background
from .merge_busy_days import join_busy_days
from .merge_relevance import drop_off_story, drop_unreadable
from .merge_reprints import join_reprints
from .titles import headline_flaw, names_its_subject
from .merge_stories import join_story_events

MULTI_SOURCE_BONUS = 0.05
WITHIN_ARTICLE_OVERLAP = 0.5
SAME_DAY_OVERLAP = 0.3
SAME_DAY_SHARED = 4
ACROSS_SAME_DAY_SHARED = 5
ACROSS_ARTICLES_OVERLAP = 0.6
WIRE_COPY_OVERLAP = 0.85
# Across articles every rule needs this many shared informative words, the wire-copy
# rule too: once common words are set aside, one or two left in common prove nothing.
MIN_SHARED_WORDS = 3


# Merging allocates many small, long-lived objects (groups, index entries) and frees
# almost nothing, so the collector's young-generation passes find little to free while
# its full passes walk an ever larger heap: with the default thresholds they cost a
# quarter of merging and make it grow faster than the input. Fewer passes while merging
# (the thresholds are restored afterwards) keep it linear; memory is not at stake, as
# what merging drops has no reference cycles and is freed at once.
MERGE_GC_THRESHOLDS = (50_000, 20, 100)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the body with the collector's thresholds raised, then restore them."""
    before = gc.get_threshold()
    gc.set_threshold(*MERGE_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


class Merger:
    """Merges candidates as they come (in article order), then makes the events.

    Feeding it batch by batch lets the merging of early articles run while later ones
    are still being extracted elsewhere. `events()` ends the run.
    """

    def __init__(self, stored: Iterable[Event] = ()) -> None:
        self.groups: list[Group] = []
        self.dates = DateKeys()
        self.index = WordIndex()
        self.by_article: dict[str, dict[int, Group]] = {}
        # each article's content words, for what its archive's story is
        self.article_words: dict[str, frozenset[str]] = {}
        # each article's dated sentences' words, for whether it is about the story
        self.dated_words: dict[str, list[frozenset[str]]] = {}
        self.cited: dict[tuple[str, str], list[Group]] = {}
        self.count = 0
        self.comparisons = 0  # group scorings, for tests of the work done per candidate
        for event in stored:
            group = self._new_group(event)
            self.dates.add(event)
            for source in event.sources:
                if source.article and source.quote:
                    self.cited.setdefault((source.article, _norm(source.quote)), []).append(group)
            self._post(group)

    def add(self, candidate: Candidate) -> None:
        candidate.order = self.count
        self.count += 1
        keys = self.dates.agreeing(candidate.event)
        probe = _Probe.of(candidate, keys, self.index.common(keys, candidate.words))
        mine = self.by_article.setdefault(candidate.article.id, {})
        self.article_words.setdefault(candidate.article.id, candidate.story_words)
        self.dated_words.setdefault(candidate.article.id, []).append(candidate.words)
        group = self._cited(candidate) or self._within_article(probe, keys, mine) \
            or self._across_articles(probe, keys, mine) or self._new_group()
        if group.add(candidate):
            self._post(group)
        self.dates.add(candidate.event)
        mine[group.number] = group

    def events(self) -> list[Event]:
        """The merged events in timeline order, with ids unique in the store."""
        join_reprints(self.groups)
        join_statements(self.by_article)
        join_story_events(self.groups)
        join_background(self.groups)
        join_busy_days(self.groups, len(self.article_words))
        drop_lone_recollections(self.groups, len(self.article_words))
        drop_off_story(self.groups, self.article_words, self.dated_words)
        drop_unreadable(self.groups, len(self.article_words))
        live = [group for group in self.groups if group.members]
        built = [_event(group) for group in live]
        grown = _join_same_headlines(live, built)
        # only the groups that took others in change; the absorbed ones are empty now
        events = [_event(group) if group.number in grown else event
                  for group, event in zip(live, built) if group.members]
        reserved = {group.stored.id for group in self.groups if group.stored is not None}
        return sort_events(_unique_ids(events, reserved))

    def _new_group(self, stored: Optional[Event] = None) -> Group:
        self.groups.append(Group(len(self.groups), stored))
        return self.groups[-1]

    def _post(self, group: Group) -> None:
        """File the group under each of its dates and its representatives' words."""
        wanted = {(key, word) for key in group.dates for word in group.words}
        self.index.remove(group.number, group.posted - wanted)
        self.index.add(group.number, wanted - group.posted)
        group.posted = wanted

    def _cited(self, candidate: Candidate) -> Optional[Group]:
        """The stored event already citing this sentence at an agreeing date: a run over
        articles seen before finds each sentence's event again, however big it is. A
        sentence with two dates is cited by two events: the one with the candidate's
        own date comes first ("until May 6 ..., the mayor said on Monday")."""
        own = date_key(candidate.event)
        citing = self.cited.get((candidate.article.id, _norm(candidate.sentence.text)), [])
        for group in sorted(citing, key=lambda g: date_key(g.stored) != own):
            if dates_agree(candidate.event, group.stored) and \
                    sentence_key(candidate) not in group.sentences:
                return group
        return None

    def _within_article(self, probe: _Probe, keys: list[DateKey], mine: dict[int, Group]
                        ) -> Optional[Group]:
        """The article's own group this candidate tells again, if any. Only groups that
        share an informative word can pass the word rules, so the index names them; an
        event noun ("The call ...") may name a group in other words, so then all the
        article's groups are tried."""
        if not mine:
            return None
        if probe.candidate.subject_noun:
            numbers = sorted(mine)
        else:
            numbers = [n for n in self.index.groups(keys, probe.words) if n in mine]
        best, best_score = None, 0.0
        for number in numbers:
            self.comparisons += 1
            score = _within_article_score(probe, mine[number])
            if score > best_score:
                best, best_score = mine[number], score
        return best

    def _across_articles(self, probe: _Probe, keys: list[DateKey], mine: dict[int, Group]
                         ) -> Optional[Group]:
        best, best_score = None, 0.0
        # every rule across articles needs MIN_SHARED_WORDS with one representative,
        # so with the representatives' words together too
        for number in self.index.groups(keys, probe.words, MIN_SHARED_WORDS):
            if number in mine:
                continue
            self.comparisons += 1
            score = _across_articles_score(probe, self.groups[number])
            if score > best_score:
                best, best_score = self.groups[number], score
        return best


def merge(candidates: Iterable[Candidate], stored: Iterable[Event] = ()) -> list[Event]:
    """Events from `candidates` (in article order), joined with matching `stored` events."""
    merger = Merger(stored)
    for candidate in candidates:
        merger.add(candidate)
    return merger.events()


@dataclass(frozen=True)
class _Probe:
    """What scoring reads of a candidate, worked out once for all the groups it meets."""

    candidate: Candidate
    words: frozenset[str]  # informative: without the words common on its dates
    common: frozenset[str]
    agreeing: frozenset[DateKey]
    day: Optional[str]  # its date, when precise to the day
    actors: frozenset[str]
    names: frozenset[str]

    @classmethod
    def of(cls, candidate: Candidate, keys: list[DateKey], common: frozenset[str]
           ) -> "_Probe":
        date = candidate.event.date
        return cls(candidate, candidate.words - common, common, frozenset(keys),
                   date.text if date.precision >= Precision.DAY else None,
                   frozenset(a.casefold() for a in candidate.event.actors),
                   name_words(candidate.event.actors))


def _join_same_headlines(groups: list[Group], events: list[Event]) -> set[int]:
    """Groups whose events have the same title on the same day are one happening told
    alike ("Well was capped" twice on the capping day): the later groups join the first.
    A group holding a stored event is never absorbed, so no file loses its event.
    `events[i]` is the event of `groups[i]`; returns the numbers of the groups that grew."""
    first: dict[tuple[str, str], Group] = {}
    grown: set[int] = set()
    for group, event in zip(groups, events):
        if event.date.precision < Precision.DAY:
            continue
        key = (event.date.text[:10], " ".join(event.title.casefold().split()))
        if key not in first:
            first[key] = group
        elif group.stored is None:
            first[key].absorb(group)
            grown.add(first[key].number)
    return grown


def _likeness(probe: _Probe, group: Group) -> list[tuple[float, int]]:
    """(overlap, shared informative words) with each representative of the group."""
    if not probe.words:
        return []
    found = []
    for rep in group.reps:
        size = len(rep.words) - (len(rep.words & probe.common) if probe.common else 0)
        shared = len(probe.words & rep.words)
        found.append((shared / min(len(probe.words), size) if size else 0.0, shared))
    return found


def _same_day(probe: _Probe, group: Group) -> bool:
    return probe.day is not None and probe.day in group.days


def _within_article_score(probe: _Probe, group: Group) -> float:
    candidate = probe.candidate
    if probe.agreeing.isdisjoint(group.dates):
        return 0.0
    if sentence_key(candidate) in group.sentences:
        return 0.0  # two dates of one sentence are two happenings
    if candidate.subject_noun and not _linked_stems(candidate.subject_noun).isdisjoint(
            group.words):
        return 1.0
    same_day = _same_day(probe, group)
    return max((_within_article_rules(overlap, shared, same_day)
                for overlap, shared in _likeness(probe, group)), default=0.0)


def _within_article_rules(overlap: float, shared: int, same_day: bool) -> float:
    if overlap >= WITHIN_ARTICLE_OVERLAP and shared >= 2:
        return overlap
    if same_day and overlap >= SAME_DAY_OVERLAP and shared >= SAME_DAY_SHARED:
        return overlap  # the same day told twice in other words ("offer"/"give" a case)
    return 0.0


@lru_cache(maxsize=None)
def _linked_stems(noun: str) -> frozenset[str]:
    """The stems of the words an event noun names ("call" -> "phone", "spoke", ...)."""
    return frozenset(_stem_word(w) for w in cues()["event_nouns"].get(noun, []))


def _stem_word(word: str) -> str:
    return next(iter(content_words(word + " x")), word)


def _across_articles_score(probe: _Probe, group: Group) -> float:
    """How alike a candidate and a group found on an agreeing date are told (0: not):
    the best of the candidate's comparisons with each representative."""
    # the same actor named in other words ("Steve Jobs", "Apple CEO Steve Jobs"; events-dev
    # wn-20100608-iphone4-unveiled and wn-20100616-iphone4-preorders) shares a name word
    actor_ok = not probe.actors or not group.actors.isdisjoint(probe.actors) or \
        not group.actor_words.isdisjoint(probe.names)
    # Reports that each name actors, none in common, are not joined on shared words
    # and the day alone: on a busy day of one story those words are everyone's (twelve
    # ministers acting on one day of an outbreak became one event). Development
    # evidence: events-dev's merges are unchanged; on tls-dev it keeps apart 11 pairs in
    # H1N1 Reuters, 18 in Libya Reuters, none in Haiti BBC: by reading, about half are
    # different happenings, the rest lost to noisy names ("Reuters", "Wed", "Libyan").
    others = bool(probe.names) and bool(group.actor_words) and \
        probe.names.isdisjoint(group.actor_words)
    same_day = _same_day(probe, group) and not others
    return max((_across_articles_rules(overlap, shared, same_day, actor_ok)
                for overlap, shared in _likeness(probe, group)), default=0.0)


def _across_articles_rules(overlap: float, shared: int, same_day: bool, actor_ok: bool
                           ) -> float:
    if shared < MIN_SHARED_WORDS:
        return 0.0
    if overlap >= WIRE_COPY_OVERLAP:
        return overlap
    if same_day and shared >= ACROSS_SAME_DAY_SHARED and overlap >= SAME_DAY_OVERLAP:
        # one day told by two outlets in their own words
        return overlap
    if overlap >= ACROSS_ARTICLES_OVERLAP and actor_ok:
        return overlap
    return 0.0


# --------------------------------------------------------------------------- the event


def _event(group: Group) -> Event:
    """The merged event: the most precise member's date and title, everyone's sources."""
    # The lead is chosen by content, not by the order articles were given in, so a run
    # over the same articles in another order (or in two steps) picks the same one.
    members = sorted(group.members, key=rank)
    lead = group.stored or members[0].event
    if group.stored is not None and members and \
            members[0].event.date.precision > group.stored.date.precision:
        lead = members[0].event
    # The title and summary come from the most central sentence of the new members of
    # the lead's date: the one sharing most words with the others. Its id follows.
    headline = lead if group.stored is not None else _central(members, lead)
    event = Event(
        id=group.stored.id if group.stored is not None else headline.id,
        date=lead.date, end=lead.end, qualifier=lead.qualifier, title=headline.title,
        summary=headline.summary, kind=lead.kind, confidence=lead.confidence,
        extraction=dict(lead.extraction), review=lead.review,
        body=group.stored.body if group.stored is not None else "",
        extra=dict(group.stored.extra) if group.stored is not None else {})
    everyone = ([group.stored] if group.stored is not None else []) + \
        [m.event for m in sorted(group.members, key=lambda m: m.order)]
    actors, places, tags = _Names(event.actors), _Names(event.places), _Names(event.tags)
    sources = _Sources(event.sources)
    for member in everyone:
        actors.extend(member.actors)
        places.extend(member.places)
        tags.extend(member.tags)
        sources.extend(member.sources)
    event.actors, event.places, event.tags = actors.items, places.items, tags.items
    event.sources = sources.items
    event.confidence = _confidence(members, event)
    return event


def _central(members: list[Candidate], lead: Event) -> Event:
    """The member of `lead`'s date whose sentence shares most words with the others'
    (the sum of word overlaps), among those whose titles a reader can take alone and
    that name their subject, if any; ties go to the lead order, so the choice does not depend on the order articles
    came in."""
    same = [m for m in members if m.event.date.text == lead.date.text
            and m.event.qualifier == lead.qualifier and m.event.end == lead.end]
    # a title a reader can take alone wins over one that cannot (see headline_flaw)
    readable = [m for m in same if headline_flaw(m.event.title) is None]
    same = readable or same
    named = [m for m in same if names_its_subject(m.event.title)]
    same = named or same
    if len(same) < 3:
        return min(same, key=rank).event
    scores = list(zip(_centralities(same, members), same))
    top = max(score for score, _ in scores)
    return min((m for score, m in scores if score == top), key=rank).event


def _centralities(same: list[Candidate], members: list[Candidate]) -> list[float]:
    """For each of `same`, the sum of its word overlaps (Jaccard) with every other of
    `members`, in `members` order, rounded to 9 places.

    A big group holds many sentences with the same words (reprints, one wire story), so
    each overlap is worked out once per pair of distinct word sets; the sums are then
    taken term by term in the same order as ever, so they are the same floats."""
    kinds: dict[frozenset[str], int] = {}
    kind_of = [kinds.setdefault(m.words, len(kinds)) for m in members]
    word_sets = list(kinds)
    sizes = [len(words) for words in word_sets]
    rows: dict[int, list[float]] = {}
    positions: dict[int, list[int]] = {}
    for number, m in enumerate(members):
        positions.setdefault(id(m), []).append(number)
    found = []
    for member in same:
        kind = kinds[member.words]
        if kind not in rows:
            own, size = word_sets[kind], sizes[kind]
            overlaps = [len(own & other) for other in word_sets]
            rows[kind] = [shared / max(1, size + other_size - shared)
                          for shared, other_size in zip(overlaps, sizes)]
        row = rows[kind]
        terms = [row[k] for k in kind_of]
        for number in reversed(positions[id(member)]):
            del terms[number]  # not with itself
        found.append(round(sum(terms), 9))
    return found


def _confidence(members: list[Candidate], event: Event) -> Optional[float]:
    """The surest member's confidence, a little more when several articles report it.

    Computed from this run's candidates and the sources only, never from a stored
    event's own confidence, so that re-running extraction gives the same value."""
    found = [m.event.confidence for m in members if m.event.confidence is not None]
    if not found:
        return event.confidence
    bonus = MULTI_SOURCE_BONUS if len({s.article for s in event.sources}) > 1 else 0.0
    return round(min(1.0, max(found) + bonus), 2)


class _Names:
    """Names in first-seen order, one per spelling up to case; adding is constant time."""

    def __init__(self, first: list[str]) -> None:
        self.items = list(first)
        self.seen = {x.casefold() for x in first}

    def extend(self, more: list[str]) -> None:
        for name in more:
            if name.casefold() not in self.seen:
                self.seen.add(name.casefold())
                self.items.append(name)


class _Sources:
    """Sources in first-seen order, one per article, URL and quote."""

    def __init__(self, first: list[Source]) -> None:
        self.items = list(first)
        self.keys = {_source_key(s) for s in first}

    def extend(self, more: list[Source]) -> None:
        for source in more:
            key = _source_key(source)
            if key not in self.keys:
                self.keys.add(key)
                self.items.append(source)


def _source_key(source: Source) -> tuple:
    return (source.article, source.url, _norm(source.quote))


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
