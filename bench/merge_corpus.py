"""Reproducible synthetic candidates for measuring and testing merging.

Merging sees candidates, not articles, so these are made directly: each is a sentence
of an article with its date, actors and content words, as extraction makes them. The
words follow what news on one story looks like: every sentence carries a few words of
the story's own vocabulary ("outbreak", "virus", ...), names the person who acts (a
different person for each happening), tells an action in words drawn with a Zipf-like
skew from a large vocabulary (a few words are frequent, most are rare), and adds some
filler. A happening reported by several articles is told in similar words: the same
person and action, with one word of the action swapped and other filler.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass

from generator.core.dates import parse_date
from generator.extraction.candidates import Candidate, provisional_id
from generator.extraction.words import content_words
from generator.core.model import Article, Event, Sentence, Source

STORY_WORDS = ("outbreak", "virus", "officials", "health", "ministry", "cases", "patients",
               "hospital", "vaccine", "spread", "infection", "authorities", "emergency",
               "pandemic", "doctors", "symptoms", "quarantine", "testing", "clinic",
               "agency")
SYLLABLES = ("ka", "lo", "mi", "ter", "san", "vo", "ril", "dun", "pe", "gra", "shu", "bel",
             "nor", "tav", "qui", "zen", "mar", "fol", "ix", "ub")
STORY_PER_SENTENCE = 4
ACTION_WORDS = 3
FILLER_WORDS = 4


def _words(count: int, rng: random.Random) -> list[str]:
    """`count` distinct made-up lower-case words of three syllables."""
    made = ["".join(parts) for parts in itertools.product(SYLLABLES, repeat=3)]
    rng.shuffle(made)
    return made[:count]


@dataclass
class Vocabulary:
    """Names, action words with Zipf-like weights, and filler for one corpus."""

    rng: random.Random
    actions: list[str]
    weights: list[float]
    first: list[str]
    last: list[str]

    @classmethod
    def make(cls, seed: int) -> "Vocabulary":
        rng = random.Random(seed)
        words = _words(6000, rng)
        actions = words[:5000]
        names = [w.capitalize() for w in words[5000:]]
        return cls(rng, actions, [1 / (rank + 1) for rank in range(len(actions))],
                   names[:500], names[500:])

    def person(self, number: int) -> str:
        """A different full name for every number below 250,000; neighbours differ in
        both first and last name."""
        first, turn = number % 500, number // 500
        return f"{self.first[first]} {self.last[(first + turn) % 500]}"

    def action(self) -> list[str]:
        return self.rng.choices(self.actions, self.weights, k=ACTION_WORDS)


@dataclass
class Happening:
    """One thing that happened: who, what (action words and the story words it is told
    with), on which day."""

    person: str
    action: list[str]
    story: list[str]
    day: dt.date


def happening(vocabulary: Vocabulary, number: int, day: dt.date) -> Happening:
    return Happening(vocabulary.person(number), vocabulary.action(),
                     vocabulary.rng.sample(STORY_WORDS, STORY_PER_SENTENCE // 2), day)


def sentence_text(happening: Happening, vocabulary: Vocabulary) -> str:
    """One report of a happening: the person, the action (half the time one word swapped
    for another), its story words and two more of the story's, and filler."""
    rng = vocabulary.rng
    action = list(happening.action)
    if rng.random() < 0.5:
        action[rng.randrange(len(action))] = vocabulary.action()[0]
    story = happening.story + rng.sample(STORY_WORDS, STORY_PER_SENTENCE // 2)
    filler = vocabulary.action()[:1] + rng.sample(vocabulary.actions, FILLER_WORDS - 1)
    return (f"{happening.person} {' '.join(action)} the {story[0]} {story[1]} with "
            f"{' '.join(filler)} as {story[2]} {story[3]} on "
            f"{happening.day:%B} {happening.day.day}.")


def candidate(article: Article, text: str, day: dt.date, actors: list[str],
              story_words: frozenset[str], start: int) -> Candidate:
    """A candidate as extraction makes it from one sentence dated `day`."""
    date = parse_date(day.isoformat())
    # A title with a real verb, as extraction writes them: a title with none is
    # unreadable and, in a large archive, left out before merging is measured.
    person = actors[0] if actors else ""
    title = text[:60]
    if person and text.startswith(person + " "):
        title = f"{person} announced {text[len(person):].strip()}"[:60]
    event = Event(id="", date=date, title=title, actors=list(actors),
                  sources=[Source(article=article.id, title=article.title, quote=text)],
                  confidence=0.9)
    event.id = provisional_id(event, article.id)
    sentence = Sentence(start, start + len(text), text)
    return Candidate(event, article, sentence, content_words(text), story_words)


def article_candidates(number: int, reports: list[Happening], vocabulary: Vocabulary,
                       published: dt.date) -> list[Candidate]:
    """The candidates of one article reporting `reports`, in the article's order."""
    texts = [sentence_text(h, vocabulary) for h in reports]
    story = content_words(" ".join(texts + [" ".join(STORY_WORDS)]))
    article = Article(id=f"article-{number:06d}", text="", title=f"Report {number}",
                      published=parse_date(published.isoformat()))
    found, start = [], 0
    for happening, text in zip(reports, texts):
        found.append(candidate(article, text, happening.day, [happening.person], story, start))
        start += len(text) + 2
    return found


def same_day(sentences: int, seed: int = 1, per_article: int = 5, repeat: float = 0.3
             ) -> list[Candidate]:
    """`sentences` candidates of one day from articles of `per_article` sentences; a
    share `repeat` of them re-report an earlier happening, the rest are new ones."""
    vocabulary = Vocabulary.make(seed)
    rng = vocabulary.rng
    day = dt.date(2009, 4, 29)
    happenings: list[Happening] = []
    reports: list[Happening] = []
    for _ in range(sentences):
        if happenings and rng.random() < repeat:
            reports.append(rng.choice(happenings))
        else:
            happenings.append(happening(vocabulary, len(happenings), day))
            reports.append(happenings[-1])
    return [c for n in range(0, sentences, per_article)
            for c in article_candidates(n // per_article, reports[n:n + per_article],
                                        vocabulary, day)]


def three_days(articles: int, seed: int = 1, per_article: int = 6) -> list[Candidate]:
    """`articles` articles, each reporting `per_article` happenings of three days; there
    are as many happenings as articles, so each is reported about `per_article` times."""
    vocabulary = Vocabulary.make(seed)
    rng = vocabulary.rng
    days = [dt.date(2009, 4, 27) + dt.timedelta(days=n) for n in range(3)]
    happenings = [happening(vocabulary, n, days[n % 3]) for n in range(articles)]
    found = []
    for number in range(articles):
        reports = rng.sample(happenings, per_article)
        found += article_candidates(number, reports, vocabulary, days[-1])
    return found


def distinct_people(count: int, seed: int = 1) -> list[Candidate]:
    """`count` different happenings of one day, each by a different person, one article
    each, all told with the story's vocabulary."""
    vocabulary = Vocabulary.make(seed)
    day = dt.date(2009, 4, 29)
    return [c for n in range(count) for c in article_candidates(
        n, [happening(vocabulary, n, day)], vocabulary, day)]


def one_happening(count: int, seed: int = 1) -> list[Candidate]:
    """One happening reported by `count` articles in similar words, one sentence each."""
    vocabulary = Vocabulary.make(seed)
    day = dt.date(2009, 4, 29)
    told = happening(vocabulary, 0, day)
    return [c for n in range(count) for c in article_candidates(n, [told], vocabulary, day)]
