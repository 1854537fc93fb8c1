"""Topic tags of an event, from the topic word lists in `data/topics.yml`.

A word's topic is looked up in a table built from the lists: the forms each entry
matches ("tariff", "tariffs", ...), the prefixes of the entries ending in `*`, and the
entries of several words. The table gives what one regular expression of all the
entries (`_topic_pattern`, alternatives in file order) finds, several times faster;
that expression still reads the rare sentence with a word outside ASCII, where
case-insensitive matching has rules of its own ("ſ" matches "s").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

MAX_TAGS = 3
# The endings a plain entry also matches ("farm" -> "farmers").
SUFFIXES = ("", "s", "es", "ed", "ing", "er", "ers", "al")

_WORDS_AND_GAPS = re.compile(r"(\W+)")


@lru_cache(maxsize=None)
def _topics() -> dict[str, list[str]]:
    text = resources.files(__package__).joinpath("data", "topics.yml").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=None)
def _topic_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for all topics: group N of a match names the topic it belongs to."""
    def word(entry: str) -> str:
        if entry.endswith("*"):
            return re.escape(entry[:-1]) + r"\w*"
        return re.escape(entry) + r"(?:s|es|ed|ing|er|ers|al)?"

    topics = _topics()
    alternatives = [f"(?P<t{n}>" + "|".join(map(word, words)) + ")"
                    for n, words in enumerate(topics.values())]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I), tuple(topics)


# Where an entry stands in the pattern: the first alternative that matches wins there.
Rank = tuple[int, int]  # (topic number, entry number)


@dataclass
class TopicTable:
    """The entries of all topics, by what a lower-case word must be to match them."""

    forms: dict[str, Rank] = field(default_factory=dict)  # "farmers" -> farm's rank
    prefixes: dict[str, Rank] = field(default_factory=dict)  # "negotiat" -> its rank
    # first word -> (the words after it but the last, the last word's forms, rank)
    phrases: dict[str, list[tuple[tuple[str, ...], frozenset[str], Rank]]] = \
        field(default_factory=dict)

    def add(self, entry: str, rank: Rank) -> None:
        words = entry.lower().split(" ")
        if len(words) > 1:
            last = frozenset(words[-1] + ending for ending in SUFFIXES)
            self.phrases.setdefault(words[0], []).append((tuple(words[1:-1]), last, rank))
        elif entry.endswith("*"):
            self.prefixes.setdefault(entry[:-1].lower(), rank)
        else:
            for ending in SUFFIXES:
                self.forms.setdefault(words[0] + ending, rank)

    def prefix_sizes(self) -> tuple[int, ...]:
        return tuple(sorted({len(p) for p in self.prefixes}))


# The entries the table can hold: ASCII words, one space between words, a `*` only
# after a single word. With any other entry every text is read by the pattern.
_TABLE_ENTRY = re.compile(r"[A-Za-z0-9_]+(?:\*|(?: [A-Za-z0-9_]+)*)")


@lru_cache(maxsize=None)
def _table() -> Optional[tuple[TopicTable, tuple[int, ...]]]:
    """The lookup table and the lengths of its prefixes, or None (see _TABLE_ENTRY)."""
    table = TopicTable()
    for topic, words in enumerate(_topics().values()):
        for number, entry in enumerate(words):
            if not _TABLE_ENTRY.fullmatch(entry):
                return None
            table.add(entry, (topic, number))
    return table, table.prefix_sizes()


def _match_at(words: list[str], index: int, table: TopicTable, sizes: tuple[int, ...]
              ) -> tuple[Optional[Rank], int]:
    """The rank of the first entry matching at words[index] (None if none) and how
    many words it takes. `words` alternates words and the gaps between them."""
    word = words[index]
    best, taken = table.forms.get(word), 1
    for size in sizes:
        if size > len(word):
            break
        rank = table.prefixes.get(word[:size])
        if rank is not None and (best is None or rank < best):
            best = rank
    for middle, last, rank in table.phrases.get(word, ()):
        if best is not None and rank > best:
            continue
        needed = len(middle) + 1
        end = index + 2 * needed
        if end >= len(words) or any(words[index + 2 * k - 1] != " " for k in
                                    range(1, needed + 1)):
            continue
        if all(words[index + 2 * k] == m for k, m in enumerate(middle, start=1)) \
                and words[end] in last:
            best, taken = rank, needed + 1
    return best, taken if best is not None else 1


def _counts_by_table(text: str) -> Optional[dict[int, int]]:
    """Hits per topic number, or None when a word is not plain ASCII (see the module)."""
    found = _table()
    if found is None:
        return None
    table, sizes = found
    if text.isascii():
        words = _WORDS_AND_GAPS.split(text.lower())
    else:  # quotes and dashes outside ASCII are only gaps; the words must be ASCII
        words = _WORDS_AND_GAPS.split(text)
        if not all(word.isascii() for word in words[::2]):
            return None
        words[::2] = [word.lower() for word in words[::2]]
    counts: dict[int, int] = {}
    index = 0
    while index < len(words):
        rank, taken = _match_at(words, index, table, sizes)
        if rank is not None:
            counts[rank[0]] = counts.get(rank[0], 0) + 1
        index += 2 * taken
    return counts


def _counts_by_pattern(text: str) -> dict[int, int]:
    pattern, _ = _topic_pattern()
    counts: dict[int, int] = {}
    for match in pattern.finditer(text):
        topic = int(match.lastgroup[1:])
        counts[topic] = counts.get(topic, 0) + 1
    return counts


@lru_cache(maxsize=4096)
def _topic_counts(text: str) -> dict[int, int]:
    counts = _counts_by_table(text)
    return counts if counts is not None else _counts_by_pattern(text)


def topic_tags(sentence: str, title: str = "") -> list[str]:
    """Up to three topic tags: sentence words count fully, the article title's half."""
    names = tuple(_topics())
    scores: dict[int, float] = dict(_topic_counts(sentence))
    for topic, hits in _topic_counts(title).items():
        scores[topic] = scores.get(topic, 0) + 0.5 * hits
    ranked = sorted((-score, topic) for topic, score in scores.items() if score >= 1)
    return [names[topic] for _, topic in ranked[:MAX_TAGS]]
