"""A group of candidates that tell one happening, and the few sentences it is compared
through.

A group keeps what merging asks of it up to date as members arrive (dates, day-precise
dates, sentences, word counts) and is represented by its lead and its most central
members, at most REPRESENTATIVES sentences, however many it has. Comparing a candidate
with those few, never with the vocabulary of all members, keeps a big group from
absorbing anything it meets.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from ..core.dates import Precision
from ..core.model import Event
from .candidates import Candidate
from .words import content_words
from .merge_index import DateKey, date_key

# Sentences a group is compared through: its lead and the most central others.
# Evidence (development figures): with the lead alone, events-dev loses one of its
# merges; with two, all stay. On tls-dev (H1N1 Reuters, Libya Reuters, Haiti BBC) a
# third lets a few more reports join through another wording (events 922 -> 919,
# 2169 -> 2165, 1051 -> 1049) at one more source in the largest group at most, while
# 4 and 6 buy hardly more joins (H1N1 Reuters 919 -> 916) and let the largest groups
# grow (H1N1 Reuters 8 -> 13 sources, Haiti BBC 13 -> 14).
REPRESENTATIVES = 3


@dataclass(frozen=True)
class Entry:
    """One sentence of a group as merging compares it: words, actors, rank for leading."""

    words: frozenset[str]
    actors: frozenset[str]
    rank: tuple


def name_words(names: list[str]) -> frozenset[str]:
    """The words of some names, lower-cased: "Apple CEO Steve Jobs" and "Steve Jobs"
    share some, "Amara Okafor" and "Bruno Salgado" none."""
    return frozenset(w for name in names for w in re.findall(r"\w\w+", name.casefold()))


def rank(candidate: Candidate) -> tuple:
    """Lead order, by content: most precise date, unqualified, then article and place."""
    return (-int(candidate.event.date.precision), candidate.event.qualifier is not None,
            candidate.article.id, candidate.sentence.start)


def entry_of(candidate: Candidate) -> Entry:
    return Entry(candidate.words, frozenset(a.casefold() for a in candidate.event.actors),
                 rank(candidate))


def _stored_entries(event: Event) -> list[Entry]:
    """A stored event's sentences: its title with its first quote, then each other quote.

    They rank before this run's members at the same precision, as the stored event
    leads its merged event unless a member's date is more precise."""
    quotes = [s.quote for s in event.sources if s.quote] or [""]
    head = (-int(event.date.precision), event.qualifier is not None, "")
    actors = frozenset(a.casefold() for a in event.actors)
    entries = [Entry(content_words(f"{event.title} {quotes[0]}"), actors, (*head, 0))]
    entries += [Entry(content_words(quote), frozenset(), (*head, n))
                for n, quote in enumerate(quotes[1:], start=1)]
    return entries


def lone_groups(groups: Iterable["Group"]) -> Iterator["Group"]:
    """The groups of this run that only one telling supports: with members, holding no
    stored event, and not `corroborated`; what the steps that leave out lone reports
    judge."""
    for group in groups:
        if group.members and group.stored is None and not corroborated(group):
            yield group


def corroborated(group: "Group") -> bool:
    """Whether more than one article tells the group's happening in words of its own: the
    same sentence reprinted word for word by several pages (a wire story updated, a
    weekly listing page saved again) is one telling, not several reports."""
    articles = {m.article.id for m in group.members}
    if len(articles) < 2:
        return False
    tellings = {re.sub(r"\W+", " ", m.sentence.text).strip().casefold() for m in group.members}
    return len(tellings) > 1


def sentence_key(candidate: Candidate) -> tuple[str, int, int]:
    return (candidate.article.id, candidate.sentence.start, candidate.sentence.end)


class Group:
    """Candidates (and at most one stored event) that tell the same happening.

    What merging asks of a group is kept up to date as members arrive: its dates, the
    day-precise ones, its sentences, the word counts of all its sentences, and its
    representatives (lead plus most central), with their words and actors.
    """

    def __init__(self, number: int, stored: Optional[Event] = None) -> None:
        self.number = number
        self.members: list[Candidate] = []
        self.stored = stored
        self.entries: list[Entry] = []
        self.counts: Counter[str] = Counter()
        self.dates: dict[DateKey, Event] = {}
        self.days: set[str] = set()  # its dates precise to the day
        self.sentences: set[tuple[str, int, int]] = set()
        self.lead: Optional[Entry] = None
        self.central: list[Entry] = []
        self.reps: list[Entry] = []
        self.words: frozenset[str] = frozenset()
        self.actors: frozenset[str] = frozenset()
        self.actor_words: frozenset[str] = frozenset()
        self.posted: set[tuple[DateKey, str]] = set()
        self._refresh_at = 2 * REPRESENTATIVES
        if stored is not None:
            self._note_date(stored)
            for entry in _stored_entries(stored):
                self._take(entry)

    def add(self, candidate: Candidate) -> bool:
        """Add a member; True when the group's dates or representatives changed."""
        self.members.append(candidate)
        self.sentences.add(sentence_key(candidate))
        new_date = self._note_date(candidate.event)
        return self._take(entry_of(candidate)) or new_date

    def absorb(self, other: "Group") -> None:
        for candidate in other.members:
            self.add(candidate)
        other.members.clear()

    def _note_date(self, event: Event) -> bool:
        key = date_key(event)
        if event.date.precision >= Precision.DAY:
            self.days.add(event.date.text)
        if key in self.dates:
            return False
        self.dates[key] = event
        return True

    def _take(self, entry: Entry) -> bool:
        """Count a sentence; choose the representatives again while the group is small
        and each time it doubles (amortised constant work per member)."""
        self.entries.append(entry)
        self.counts.update(entry.words)
        size = len(self.entries)
        new_lead = self.lead is None or entry.rank < self.lead.rank
        if new_lead:
            self.lead = entry
        if size <= REPRESENTATIVES or size == self._refresh_at:
            if size == self._refresh_at:
                self._refresh_at *= 2
            self.central = _most_central(self.entries, self.counts)
        elif not new_lead:
            return False
        return self._choose_representatives()

    def _choose_representatives(self) -> bool:
        assert self.lead is not None
        reps = [self.lead] + [e for e in self.central if e is not self.lead]
        reps = reps[:REPRESENTATIVES]
        if reps == self.reps:
            return False
        self.reps = reps
        self.words = frozenset().union(*(e.words for e in reps))
        self.actors = frozenset().union(*(e.actors for e in reps))
        self.actor_words = name_words(list(self.actors))
        return True


def _most_central(entries: list[Entry], counts: Counter[str]) -> list[Entry]:
    """The REPRESENTATIVES sentences whose words the group's other sentences use most
    (mean count per word), ties broken by lead order: the group's typical wording."""
    if len(entries) <= REPRESENTATIVES:
        return sorted(entries, key=lambda e: e.rank)

    def support(entry: Entry) -> float:
        return sum(counts[w] for w in entry.words) / max(1, len(entry.words))

    return heapq.nsmallest(REPRESENTATIVES, entries, key=lambda e: (-support(e), e.rank))
