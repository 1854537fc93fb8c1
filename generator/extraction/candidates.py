"""From one article's dated sentences to candidate events.

An event is a happening its own sentence places in time. For each sentence the tagger's
dates are filtered (durations, sets, vague references and comparison points are not
happenings), joined into ranges ("between July 2003 and December 2004"), qualified by the
words before them ("until September 30" -> before), and the less precise of two nested
dates is dropped ("yesterday, at this year's conference"). Each remaining date gives one
event: a sentence can tell two happenings at different dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from ..core.dates import (MINUTES_PER_DAY, TIMEX_MODS, DateError, DateValue, Precision,
                          from_day_number, parse_date)
from ..core.model import Article, Event, Sentence, Source
from ..store.ids import date_slug, slugify
from . import ranges
from .cues import cues
from .names import (ACTOR_KINDS, NAME, PLACE, ActorFinder, ArticleNames, Mention,
                    lowercase_vocabulary)
from .sentences import split_sentences
from .titles import make_summary, make_title
from .topics import topic_tags
from .words import content_words

EVENT_TYPES = ("DATE", "TIME")
REF_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
MIN_WORDS_BESIDES_DATE = 3


@dataclass
class Candidate:
    """An event found in one sentence, with what merging needs to compare it."""

    event: Event
    article: Article
    sentence: Sentence
    words: frozenset[str]
    story_words: frozenset[str]
    subject_noun: Optional[str] = None
    order: int = 0  # position in the run's input, set by merging
    statement: bool = False  # its date only dates someone saying it (see merge_statements)


@dataclass
class DatedPhrase:
    """A date found in a sentence, after range joining and qualifier reading."""

    start: int
    end: int
    text: str
    date: DateValue
    end_date: Optional[DateValue]
    qualifier: Optional[str]
    rule: str
    anchor: Optional[str]
    relative: bool
    clock_only: bool = False
    review: Optional[str] = None


def extract_article(article: Article, timexes: list, sentences: Optional[list[Sentence]] = None,
                    finder: Optional[ActorFinder] = None) -> list[Candidate]:
    """Candidate events of one article, in the article's order.

    Args:
        article: the article (its `published` date is the anchor of relative dates).
        timexes: the tagger's expressions for `article.text`.
        sentences: the sentences of `article.text` (split here when not given).
        finder: a shared name finder.
    """
    sentences = sentences if sentences is not None else split_sentences(article.text)
    finder = finder or ActorFinder()
    vocabulary = lowercase_vocabulary(article.text)
    names = ArticleNames()
    mentions = []
    for sentence in sentences:
        found = finder.find(sentence.text, vocabulary)
        names.learn(found, sentence.text)
        mentions.append(found)
    candidates: list[Candidate] = []
    story_words = content_words(f"{article.title or ''} {article.text}")
    by_sentence = _timexes_by_sentence(sentences, timexes)
    for index, sentence in enumerate(sentences):
        if speaks_in_first_person(sentence.text):
            continue
        phrases = dated_phrases(sentence, by_sentence.get(index, [])) \
            or _publication_day(sentence, article)
        titled: set[tuple[str, str]] = set()
        words = content_words(sentence.text) if phrases else frozenset()
        for phrase in phrases:
            candidate = _candidate(article, sentence, phrase, phrases, mentions[index], names,
                                   words, story_words)
            if candidate is None:
                continue
            # Two phrases of one sentence for the same date under the same title ("in
            # the evening (11pm-1am)") tell one happening: one event, not two twins. Seen
            # in tls-dev MJ_bbc (2010-08-01_601), LibyaWar_reuters (2011-07-10_35) and
            # LibyaWar_cnn (2011-04-03_133).
            key = (candidate.event.date.text, candidate.event.title.casefold())
            if key not in titled:
                titled.add(key)
                candidates.append(candidate)
    return candidates


def _timexes_by_sentence(sentences: list[Sentence], timexes: list) -> dict[int, list]:
    result: dict[int, list] = {}
    index = 0
    for timex in sorted(timexes, key=lambda t: t.start):
        while index < len(sentences) and sentences[index].end <= timex.start:
            index += 1
        if index < len(sentences) and sentences[index].start <= timex.start:
            result.setdefault(index, []).append(timex)
    return result


# --------------------------------------------------------------------------- dates


def timex_date(value: str) -> tuple[Optional[DateValue], Optional[DateValue]]:
    """A TIMEX3 DATE/TIME value as (date, end) of an event, or (None, None).

    Times of day are kept to the day (an event's date says when, the phrase keeps the
    hour); a weekend becomes its Saturday-Sunday range.
    """
    day, _, _clock = value.partition("T")
    try:
        date = parse_date(day)
    except DateError:
        return _placeholder(day), None
    if date.precision is Precision.WEEKEND:
        first = date.start // MINUTES_PER_DAY
        return from_day_number(first), from_day_number(first + 1)
    return date, None


def _placeholder(value: str) -> Optional[DateValue]:
    """What is known of a value the tagger could not anchor ("XXXX-WXX-2" for "Tuesday"
    without a publication date): the placeholder the record format can hold."""
    if not value.startswith("XXXX"):
        return None
    for size in (10, 7, 4):
        try:
            return parse_date(value[:size])
        except DateError:
            continue
    return None


def dated_phrases(sentence: Sentence, timexes: list) -> list[DatedPhrase]:
    """The event dates of one sentence, after filtering, range joining and qualifiers."""
    text = sentence.text
    found: list[DatedPhrase] = []
    pending = sorted((t for t in timexes if t.type in EVENT_TYPES and t.value not in REF_VALUES),
                     key=lambda t: t.start)
    skip_next = False
    for index, timex in enumerate(pending):
        if skip_next:
            skip_next = False
            continue
        start, end = timex.start - sentence.start, timex.end - sentence.start
        date, end_date = timex_date(timex.value)
        if date is None:
            continue
        before = text[:start].lower()
        if _ends_with_any(_without_determiners(before), "comparison_before") \
                or _is_attributive(text, end) or _not_happening(text, start, end) \
                or _names_reported_period(text, end, date) \
                or _states_only(text, timex) or _year_not_stated(text, timex.text, date):
            continue
        following = pending[index + 1] if index + 1 < len(pending) else None
        joined = _range(text, sentence, timex, following)
        note = None
        if joined is not None:
            range_end, span_end = joined
            end_date, end, skip_next = range_end, span_end, True
            if _ends_with_any(re.sub(r"\s*(?:from|between)\s*$", "", before),
                              "range_frames"):
                continue
            date, end_date, note = ranges.settle(
                date, end_date, timex.text, following.text,
                ahead=_cue_pattern("future", "anywhere").search(text) is not None)
        qualifier = TIMEX_MODS.get(timex.mod or "")
        if timex.mod in _AGO_MODS and re.search(r"(?i)\bago\b", timex.text):
            # "less than two weeks ago" is after the point two weeks back, "more than a
            # year ago" before it: counted backwards, the comparison turns round
            # (events-dev wn-20100616-iphone4-preorders, TempEval-3 APW20000401.0150,
            # tls-dev Libya CNN and Reuters, MJ BBC, Haiti BBC)
            qualifier = _AGO_MODS[timex.mod]
        if _ends_with_any(before, "before_before"):
            qualifier = "before"
        elif _ends_with_any(before, "after_before") and joined is None \
                and not before.rstrip().endswith("from"):
            qualifier = "after"
        found.append(DatedPhrase(start, end, text[start:end], date, end_date, qualifier,
                                 timex.rule, timex.anchor, timex.relative,
                                 clock_only=timex.type == "TIME" and not _DAY_WORDS.search(
                                     timex.text), review=note))
    return _drop_clock_times(_drop_nested(_drop_duplicates(found)))


# The qualifier of a "less than / more than ... ago" date (see dated_phrases).
_AGO_MODS = {"LESS_THAN": "after", "MORE_THAN": "before"}


# Words that give a time expression its own day ("9 a.m. Tuesday", "Friday morning").
_DAY_WORDS = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|"
                        r"apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|today|tonight|"
                        r"yesterday|tomorrow|\d{4}-\d{2}-\d{2}")


def _drop_clock_times(phrases: list[DatedPhrase]) -> list[DatedPhrase]:
    """A bare clock time ("as of 15:11 GMT") belongs to the day its sentence names
    elsewhere ("... by the end of the day Saturday"), not to the publication day."""
    if any(not p.clock_only and p.date.precision >= Precision.DAY for p in phrases):
        return [p for p in phrases if not p.clock_only]
    return phrases


def _publication_day(sentence: Sentence, article: Article) -> list[DatedPhrase]:
    """A sentence without a date that still reports on the publication day ("the markets
    stayed closed for a third day")."""
    if article.published is None or article.published.unknown_year:
        return []
    for pattern in cues()["today_phrases"]:
        match = re.search(pattern, sentence.text, re.I)
        if match:
            return [DatedPhrase(match.start(), match.end(), match.group(), article.published,
                                None, None, "today_phrase", str(article.published), True)]
    return []


def _range(text: str, sentence: Sentence, timex, following) -> Optional[tuple[DateValue, int]]:
    """(end date, end offset) when `timex` and the next date form "between X and Y"."""
    if following is None:
        return None
    gap = text[timex.end - sentence.start:following.start - sentence.start].strip().lower()
    before = text[:timex.start - sentence.start].lower()
    for opener, joiner in cues()["range_joins"]:
        if gap == joiner and before.rstrip().endswith(opener):
            end_date, _ = timex_date(following.value)
            if end_date is not None:
                return end_date, following.end - sentence.start
    if gap in ("-", "–", "to") and following.type in EVENT_TYPES:
        end_date, _ = timex_date(following.value)
        if end_date is not None:
            return end_date, following.end - sentence.start
    return None


def _without_determiners(text: str) -> str:
    """"... since the country's" -> "... since": what stands between a cue and its date."""
    return re.sub(r"(?:\s+(?:the|a|an|its|their|his|her|this|that|[\w.-]+['’]s?))+\s*$", "",
                  text)


def _is_attributive(text: str, end: int) -> bool:
    """A date in the possessive only describes something ("today's activities", "this
    year's theme"); the happening, if any, is told elsewhere with its own date."""
    following = re.match(r"['’]s?\s+(?:[\w-]+\s+){0,2}?([\w-]+)\b", text[end:])
    if not following:
        return bool(re.match(r"['’]s?\b", text[end:]))
    return following.group(1).lower() not in cues()["happening_nouns"]


def _names_reported_period(text: str, end: int, date: DateValue) -> bool:
    """A period right before a noun of reporting names what is reported on, not when
    anything happened: "third-quarter earnings", "second quarter results"."""
    if date.precision >= Precision.DAY:
        return False
    following = re.match(r"[\s-]+([A-Za-z]+)", text[end:])
    return following is not None and following.group(1).lower() in cues()["reported_nouns"]


def _states_only(text: str, timex) -> bool:  # noqa: ANN001 - a tagger Timex
    """"Today" in a sentence that only states how things are ("Today is a sad day",
    "Today, the brand is worth less than it was"): no past, perfect, progressive or
    future verb tells a happening."""
    if timex.text.lower() != "today":
        return False
    lowered = text.lower()
    return _cue_pattern("present_states", "anywhere").search(lowered) is not None \
        and _cue_pattern("happening_verbs", "anywhere").search(lowered) is None \
        and _cue_pattern("future", "anywhere").search(lowered) is None \
        and re.search(r"\b[a-z]{3,}ed\b|\b(?:is|are|am)\s+(?:\w+\s+)?\w+ing\b", lowered) is None


# Before this year a date needs its year in the words ("in 1066", "the 12th century"):
# a smaller number read as an early year is a count ("~ 1000s dead") or a misreading.
EARLIEST_UNSTATED_YEAR = 1500


def _year_not_stated(sentence: str, phrase: str, date: DateValue) -> bool:
    """A date before EARLIEST_UNSTATED_YEAR that its sentence does not state: neither the
    year itself ("in the year 610"), nor the century or decade it names."""
    if date.unknown_year or date.year >= EARLIEST_UNSTATED_YEAR:
        return False
    if date.precision == Precision.CENTURY and re.search(r"(?i)\bcentury\b", phrase):
        return False
    year = abs(date.year)
    if date.precision == Precision.DECADE and re.search(rf"\b{year}'?s\b", phrase):
        return False
    numbers = {int(n.replace(",", "")) for n in re.findall(r"\b\d[\d,]*\b", sentence)}
    return year not in numbers


def _not_happening(text: str, start: int, end: int) -> bool:
    """The date's clause is hypothetical, advisory or negated. A clause that is only the
    date ("Seventeen years ago,") belongs to the clause after it."""
    left = max(text.rfind(c, 0, start) for c in ",;:")
    right_candidates = [i for i in (text.find(c, end) for c in ",;:") if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    clause = text[left + 1:right]
    if len(re.findall(r"[A-Za-z]{2,}", text[left + 1:start] + text[end:right])) < 2 \
            and right < len(text):
        following = [i for i in (text.find(c, right + 1) for c in ",;:") if i != -1]
        clause = text[left + 1:min(following) if following else len(text)]
    lowered = clause.lower()
    return _cue_pattern("not_happening", "anywhere").search(lowered) is not None


def _ends_with_any(text: str, cue_list: str) -> bool:
    """Whether `text` ends with one of the cues of `cue_list` (maybe and "the")."""
    return _cue_pattern(cue_list, "ending").search(text.rstrip()) is not None


@lru_cache(maxsize=None)
def _cue_pattern(cue_list: str, where: str) -> re.Pattern[str]:
    """One compiled pattern for a cue list: cues at the end of a text, or anywhere."""
    words = "|".join(re.escape(cue) for cue in sorted(cues()[cue_list], key=len, reverse=True))
    if where == "ending":
        return re.compile(rf"(?:^|\W)(?:{words})(?:\s+the)?$")
    return re.compile(rf"(?:^|\W)(?:{words})(?:\W|$)", re.I)


def _drop_duplicates(phrases: list[DatedPhrase]) -> list[DatedPhrase]:
    seen: set[tuple] = set()
    result = []
    for phrase in phrases:
        key = (phrase.date.text, phrase.end_date.text if phrase.end_date else None,
               phrase.qualifier)
        if key not in seen:
            seen.add(key)
            result.append(phrase)
    return result


def _drop_nested(phrases: list[DatedPhrase]) -> list[DatedPhrase]:
    """Drop a date that merely frames a more precise one of the same sentence."""
    def span(p: DatedPhrase) -> tuple[int, int]:
        return p.date.start, (p.end_date or p.date).stop

    kept = []
    for phrase in phrases:
        outer = span(phrase)
        frames_another = any(
            other is not phrase and outer[0] <= span(other)[0] and span(other)[1] <= outer[1]
            and span(other) != outer for other in phrases)
        if not frames_another:
            kept.append(phrase)
    return kept


# --------------------------------------------------------------------------- relevance


# "I" (or "I'm", "I've", ...) as a subject: at the start, or after a lower-case word or
# a comma ("..., but I wanted to post"), never after a capital ("World War I and").
_FIRST_PERSON = re.compile(r"(?:^|[a-z,;:]\s+)I(?:['’](?:m|ve|d|ll))?\s+[a-z]")
_QUOTE_MARKS = re.compile(r"[\"“”]")


def speaks_in_first_person(text: str) -> bool:
    """A sentence in the first person singular with no quotation marks is not news
    reporting: a reader's comment left on the page ("I agree the USA should back away
    now ...", "I believe the family ... suffered similar problems"; tls-dev Reuters and
    CNN comment threads) or a writer's own aside ("I went back the next Tuesday night";
    events-dev Wikinews, an optional gold event). A quoted speaker ("“I've said
    repeatedly ...,” Ross told ...") keeps the quotation marks and is not caught."""
    return _FIRST_PERSON.search(text) is not None and _QUOTE_MARKS.search(text) is None


@lru_cache(maxsize=None)
def _statement_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(cues()["statement_words"], key=len,
                                                  reverse=True))
    # the cue, then at most three words without punctuation ("told Reuters on",
    # "said in an interview published on") right before the date
    return re.compile(rf"\b(?:{words})\b(?:\s+[^\s,;:.]+){{0,3}}?\s*$", re.I)


def dates_a_statement(text: str, start: int) -> bool:
    """Whether the date at `start` only dates someone saying something ("..., the
    defense secretary said on Wednesday", "..., he told Reuters on Tuesday"): the
    sentence reports a statement, which belongs to the happening it is about."""
    return _statement_pattern().search(text[:start]) is not None


# --------------------------------------------------------------------------- candidates


def _candidate(article: Article, sentence: Sentence, phrase: DatedPhrase,
               phrases: list[DatedPhrase], mentions: list[Mention], names: ArticleNames,
               words: frozenset[str], story_words: frozenset[str]) -> Optional[Candidate]:
    """The candidate event of one date of a sentence (`words`: the sentence's content
    words, worked out once for all its dates), or None for a dateline or a bare date."""
    rest = sentence.text[:phrase.start] + sentence.text[phrase.end:]
    if len(re.findall(r"[A-Za-z]{2,}", rest)) < MIN_WORDS_BESIDES_DATE:
        return None  # a dateline or a bare date, not a happening
    actors, places = _people_and_places(mentions, names, sentence.text)
    future = _is_future(phrase, sentence.text, article.published)
    title = make_title(sentence.text, [(p.start, p.end) for p in phrases],
                       focus=(phrase.start, phrase.end))
    event = Event(
        id="", date=phrase.date, end=phrase.end_date, qualifier=phrase.qualifier, title=title,
        summary=make_summary(sentence.text, title),
        kind="future" if future else "past", actors=actors, places=places,
        tags=topic_tags(sentence.text, article.title or ""),
        sources=[Source(article=article.id, title=article.title, publisher=article.publisher,
                        url=article.url, published=article.published, quote=sentence.text)],
        confidence=_confidence(phrase, sentence.text, len(phrases)),
        extraction=_provenance(phrase, article),
        review=_review(phrase, article, sentence.text, future))
    event.id = provisional_id(event, article.id)
    return Candidate(event, article, sentence, words, story_words,
                     _event_noun(sentence.text, phrase),
                     statement=dates_a_statement(sentence.text, phrase.start))


def provisional_id(event: Event, article_id: str) -> str:
    """Date, then title words: stable while the inputs are the same."""
    return f"{date_slug(event.date)}-{slugify(event.title, 6) or slugify(article_id, 4)}"


def _people_and_places(mentions: list[Mention], names: ArticleNames, text: str
                       ) -> tuple[list[str], list[str]]:
    """Actors (people, organisations, groups; a place that is the subject) and places."""
    actors: list[str] = []
    places: list[str] = []
    subject_end = _subject_end(text)
    for mention in mentions:
        name = names.canonical(mention)
        if mention.kind == NAME and name == mention.name and " " not in name \
                and not text[:mention.start].strip(" \"“‘'("):
            continue  # "Stock markets ...": a capital that only opens the sentence
        if mention.kind in ACTOR_KINDS or (mention.kind == PLACE and mention.start < subject_end
                                           and _acts(text, mention)):
            if name not in actors:
                actors.append(name)
        elif mention.kind == PLACE and name not in places:
            places.append(name)
    return actors, places


def _subject_end(text: str) -> int:
    """Roughly where the subject ends: the first verb-like word after the opening words."""
    match = re.search(r"\b(?:\w+ed|said|says|met|told|has|have|had|is|are|was|were|will|"
                      r"would|could|may|wants|spoke|made|took|went|came|began|won|lost)\b",
                      text)
    return match.start() if match else min(len(text), 40)


def _acts(text: str, mention: Mention) -> bool:
    """A country or city standing for its government: "Beijing wants", "China has made"."""
    before = text[:mention.start].rstrip().lower()
    return not re.search(r"\b(?:in|at|to|from|of|near|into|across|around|outside)$", before)


def _is_future(phrase: DatedPhrase, text: str, published: Optional[DateValue]) -> bool:
    if published is not None and not published.unknown_year:
        if phrase.date.start >= published.stop:
            return True
        if (phrase.end_date or phrase.date).stop <= published.start:
            return False
    return _cue_pattern("future", "anywhere").search(text) is not None


def _confidence(phrase: DatedPhrase, text: str, phrases_in_sentence: int) -> float:
    score = 0.9 if not phrase.relative else 0.8
    if phrase.qualifier or phrase.date.precision < Precision.MONTH:
        score -= 0.1
    if _cue_pattern("hedges", "anywhere").search(text):
        score -= 0.15
    if phrases_in_sentence > 1:
        score -= 0.1
    if phrase.date.unknown_year:
        score -= 0.3
    return round(max(0.1, min(1.0, score)), 2)


def _provenance(phrase: DatedPhrase, article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {"phrase": phrase.text}
    if phrase.relative:
        out["anchor"] = phrase.anchor or (str(article.published) if article.published else None)
    if phrase.rule:
        out["rule"] = phrase.rule
    return {k: v for k, v in out.items() if v is not None}


# A past happening dated this long after its article was published is a misreading
# (a live page's clock stamp "2059:" read as a year), and a relative phrase that names
# no year resolved this long before it is one too; both go to review.
FAR_AFTER_DAYS = 366
FAR_BEFORE_YEARS = 10
# A bare number read as a year this long before the article ("repeated 1700, Sunday" in a
# radio listing) is more often a time or a count than a year.
BARE_YEAR_BEFORE_YEARS = 200


def _review(phrase: DatedPhrase, article: Article, text: str, future: bool
            ) -> Optional[str]:
    """Why a person should look at this event's date, or None."""
    if phrase.review:
        return phrase.review
    if phrase.date.unknown_year:
        return (f"'{phrase.text}' could not be dated: the article has no publication date; "
                "set the real date")
    published = article.published
    if published is None or published.unknown_year:
        return None
    day = MINUTES_PER_DAY
    if phrase.date.start >= published.stop + FAR_AFTER_DAYS * day and \
            _cue_pattern("future", "anywhere").search(text) is None:
        return (f"'{phrase.text}' dates this {(phrase.date.start - published.start) // (365 * day)} "
                f"year(s) after the article was published ({published}), but the sentence "
                "tells no future: check the date")
    before = published.start - phrase.date.stop
    if phrase.relative and not _NUMBER.search(phrase.text) and \
            before >= FAR_BEFORE_YEARS * 365 * day:
        return (f"'{phrase.text}' names no year but was read as {phrase.date}, more than "
                f"{FAR_BEFORE_YEARS} years before the article was published ({published}): "
                "check the date")
    if re.fullmatch(r"\d{4}", phrase.text) and before >= BARE_YEAR_BEFORE_YEARS * 365 * day:
        return (f"the number '{phrase.text}' was read as a year, centuries before the article "
                f"was published ({published}): check that it is a year")
    return None


_NUMBER = re.compile(r"(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                     r"twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                     r"dozen|a few|several|some)\b")


def _event_noun(text: str, phrase: DatedPhrase) -> Optional[str]:
    """The event noun the date belongs to, which refers back to a happening told before:
    the sentence's subject ("The call last week was ...") or the noun the date follows
    ("... agreed at the Group of 20 summit in late June")."""
    opening_pattern, before_pattern = _event_noun_patterns()
    opening = opening_pattern.match(text)
    if opening:
        return opening.group(1).lower()
    before = before_pattern.search(text[:phrase.start])
    return before.group(1).lower() if before else None


@lru_cache(maxsize=None)
def _event_noun_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    nouns = "|".join(map(re.escape, sorted(cues()["event_nouns"], key=len, reverse=True)))
    return (re.compile(rf"^(?:the|this|that|its|their)\s+(?:\w+\s+)?({nouns})\b", re.I),
            re.compile(rf"\b({nouns})\s+(?:in|on|at|of|during)?\s*$", re.I))
