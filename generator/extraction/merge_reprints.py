"""A sentence reprinted by a later page tells the happening its first page told.

Crawled archives hold the same text more than once: a blog's posts again on its index
page weeks later, a live page saved on two days, a wire story reprinted the next day.
A relative date in the sentence ("On Friday, the WHO reported ...") is read against
each page's own publication date, so the reprint lands on another day and the one
happening became two events with the same title on different days (tls-dev,
development figures: 49 sentences across BBC, CNN and Reuters units; one BBC blog post
read as 29 May on the page of 1 June and as 26 June on the page of 30 June).

Here, among the groups of this run, a group made only of reprints (sentences that
another article tells word for word, dated by the same relative phrase) joins the group
of the earliest-published article telling that sentence, and takes its date: the first
page was nearest to the happening, so its reading of "Friday" is the right one. Dates
the sentence states in full are read alike on every page and need nothing of this.
"""

from __future__ import annotations

import re
from typing import Optional

from ..core.dates import DateValue
from .candidates import Candidate, provisional_id
from .merge_group import Group

_Key = tuple[str, str]


def join_reprints(groups: list[Group]) -> None:
    """Join each group made only of reprints to the group of the first telling."""
    first: dict[_Key, tuple[tuple, Group, Candidate]] = {}
    for group in groups:
        for member in group.members:
            key = _reprint_key(member)
            if key is None:
                continue
            order = (_published(member), member.article.id, member.sentence.start)
            if key not in first or order < first[key][0]:
                first[key] = (order, group, member)
    for group in groups:
        if not group.members or group.stored is not None:
            continue
        targets = []
        for member in group.members:
            key = _reprint_key(member)
            found = first.get(key) if key is not None else None
            if found is None or found[1] is group or \
                    found[2].article.id == member.article.id:
                break
            targets.append(found)
        else:
            if targets and len({id(t[1]) for t in targets}) == 1:
                _, target, told = targets[0]
                for member in group.members:
                    _take_date(member, told)
                target.absorb(group)


def _reprint_key(member: Candidate) -> Optional[_Key]:
    """The sentence word for word and its relative date phrase; None for a date the
    sentence states in full."""
    extraction = member.event.extraction or {}
    if "anchor" not in extraction:
        return None
    text = re.sub(r"\s+", " ", member.sentence.text).strip().casefold()
    return text, str(extraction.get("phrase", "")).casefold()


def _published(member: Candidate) -> tuple:
    published: Optional[DateValue] = member.article.published
    if published is None or published.unknown_year:
        return (1, 0)
    return (0, published.start)


def _take_date(member: Candidate, told: Candidate) -> None:
    """The reprint's date is the first telling's reading of the same phrase."""
    member.event.date = told.event.date
    member.event.end = told.event.end
    member.event.qualifier = told.event.qualifier
    member.event.extraction = dict(told.event.extraction)
    member.event.id = provisional_id(member.event, member.article.id)  # ids start with the date
