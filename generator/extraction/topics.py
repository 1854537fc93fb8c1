"""Topic tags of an event, from the topic word lists in `data/topics.yml`."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

MAX_TAGS = 3


@lru_cache(maxsize=None)
def _topic_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for all topics: group N of a match names the topic it belongs to."""
    text = resources.files(__package__).joinpath("data", "topics.yml").read_text("utf-8")

    def word(entry: str) -> str:
        if entry.endswith("*"):
            return re.escape(entry[:-1]) + r"\w*"
        return re.escape(entry) + r"(?:s|es|ed|ing|er|ers|al)?"

    topics = yaml.safe_load(text)
    alternatives = [f"(?P<t{n}>" + "|".join(map(word, words)) + ")"
                    for n, words in enumerate(topics.values())]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I), tuple(topics)


@lru_cache(maxsize=4096)
def _topic_counts(text: str) -> dict[int, int]:
    pattern, _ = _topic_pattern()
    counts: dict[int, int] = {}
    for match in pattern.finditer(text):
        topic = int(match.lastgroup[1:])
        counts[topic] = counts.get(topic, 0) + 1
    return counts


def topic_tags(sentence: str, title: str = "") -> list[str]:
    """Up to three topic tags: sentence words count fully, the article title's half."""
    _, names = _topic_pattern()
    scores: dict[int, float] = dict(_topic_counts(sentence))
    for topic, hits in _topic_counts(title).items():
        scores[topic] = scores.get(topic, 0) + 0.5 * hits
    ranked = sorted((-score, topic) for topic, score in scores.items() if score >= 1)
    return [names[topic] for _, topic in ranked[:MAX_TAGS]]
