"""Take page furniture out of crawled articles: comments, stamps, bylines, credits.

Real archives are crawled pages, and a crawled page holds more than the article: the
readers' comment section, the headline and time stamp run into the first sentence,
wire datelines and bylines, photo credits, video and share notices, boxes of tweets
added when the page was crawled. Left in, they become events (a comment dated by its
own time stamp), names ("Reply", "Jun") and anchors for relative dates. The rules are
data (`data/furniture.yml`, with the reason and examples of each); this module applies
them paragraph by paragraph. What it keeps is an exact part of the page, so every
quote of an event is still a verbatim slice of the source.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

from ..core.model import Article

ACTIONS = ("cut_rest", "drop", "strip_through", "strip", "drop_if_later")
PLACES = ("any", "lead", "start")
_PARAGRAPH = re.compile(r"\n[ \t]*\n+")
# A page's top (headline, captions, highlights, stamp, dateline) fits in this many
# paragraphs: the lead rules look no further.
LEAD_PARAGRAPHS = 4
_GO_ON, _PAGE_TOP_ENDS, _REST_DROPPED = "go on", "page top ends", "rest dropped"
_PIECE = re.compile(r"\{([A-Z]+)\}")
_MONTHS = {m: n for n, m in enumerate(("january february march april may june july august "
                                       "september october november december").split(), 1)}


@dataclass(frozen=True)
class FurnitureRule:
    """One kind of page furniture and what to do with it."""

    name: str
    action: str
    pattern: re.Pattern[str]
    where: str = "any"
    days_after: int = 0
    within: Optional[int] = None
    reason: str = ""
    examples: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()


@dataclass
class Cleaned:
    """The article's text without furniture, and how many pieces each rule took out."""

    text: str
    removed: dict[str, int] = field(default_factory=dict)


def _compile(raw: dict, pieces: dict[str, str]) -> FurnitureRule:
    alternatives = raw["pattern"] if isinstance(raw["pattern"], list) else [raw["pattern"]]
    source = "|".join(f"(?:{alt})" for alt in alternatives)
    source = _PIECE.sub(lambda m: pieces[m.group(1)], source)
    flags = re.M | (re.I if raw.get("flags") == "ignorecase" else 0)
    return FurnitureRule(
        name=raw["name"], action=raw["action"], pattern=re.compile(source, flags),
        where=raw.get("where", "any"), days_after=int(raw.get("days_after", 0)),
        within=raw.get("within"),
        reason=" ".join(str(raw.get("reason", "")).split()),
        examples=tuple(raw.get("examples", ())), keep=tuple(raw.get("keep", ())))


@lru_cache(maxsize=None)
def _data() -> dict:
    text = resources.files(__package__).joinpath("data", "furniture.yml").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=None)
def rules() -> tuple[FurnitureRule, ...]:
    """The furniture rules, compiled; a broken rule file fails loudly on first use."""
    data = _data()
    found = tuple(_compile(raw, data.get("pieces", {})) for raw in data["rules"])
    for rule in found:
        if rule.action not in ACTIONS or rule.where not in PLACES:
            raise ValueError(f"furniture rule {rule.name}: unknown action or place")
    return found


def clean_text(text: str, published: Optional[_dt.date] = None) -> Cleaned:
    """`text` without the paragraphs and parts the rules recognise as page furniture."""
    result = Cleaned("")
    kept: list[str] = []
    for paragraph in _PARAGRAPH.split(text):
        lead = len(kept) < LEAD_PARAGRAPHS
        paragraph, verdict = _clean_paragraph(paragraph, lead, published, result.removed)
        if verdict == _PAGE_TOP_ENDS:
            kept.clear()  # what stood above the stamp or dateline was the page's top
        if paragraph.strip():
            kept.append(paragraph)
        if verdict == _REST_DROPPED:
            break
    if kept and not result.removed.keys() & _PAGE_TOP_RULES:
        rest = "\n\n".join(kept[1:])
        kept[0] = _without_run_on_top(kept[0], rest, result.removed)
    result.text = "\n\n".join(p for p in kept if p.strip())
    return result


_PAGE_TOP_RULES = {"lead_time_stamp", "wire_dateline"}
_FIRST_SENTENCE = re.compile(r"(?s)^.*?[.?!][\"'”’)]*(?=\s+[\"“‘(]?[A-Z0-9]|\s*$)")
_WORD = re.compile(r"\S+")
_CLAUSE_OPENER = re.compile(r"(?:[A-Z][a-z]+(?:['’]s)?,?|A)$")
_TIME_NAME = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|"
                        r"march|april|may|june|july|august|september|october|november|december")
_VERB_LIKE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|"
                        r"says|said|\w+ed|\w+s)\b")


def _without_run_on_top(paragraph: str, rest: str, removed: dict[str, int]) -> str:
    """The first paragraph without a headline and caption run into its first sentence."""
    config = _data()["run_on"]
    match = _FIRST_SENTENCE.match(paragraph)
    sentence = match.group() if match else paragraph
    if len(sentence.split()) <= config["min_words"]:
        return paragraph
    joint = _last_joint(sentence, _names_in(rest), config)
    if joint is None:
        return paragraph
    removed["run_on_top"] = removed.get("run_on_top", 0) + 1
    return paragraph[joint:]


def _names_in(text: str) -> set[str]:
    """Capitalised words the text uses inside sentences: names, not clause openers."""
    return {m.group(1) for m in re.finditer(r"\b[a-z][a-z,]* ([A-Z][a-z]+)", text)}


def _last_joint(sentence: str, names: set[str], config: dict) -> Optional[int]:
    """Where the lede starts: the last place a clause of its own begins after a word
    that ends a phrase, or None."""
    continuing = set(config["continuing"])
    words = list(_WORD.finditer(sentence))
    found = None
    for i in range(3, len(words)):
        left, right = words[i - 1].group(), words[i].group()
        base = re.sub(r"(?:['’]s)?,?$", "", right)
        if not _CLAUSE_OPENER.match(right) or base in names or _TIME_NAME.fullmatch(base):
            continue
        bare = left.lower().strip("\"'”’),")
        if re.match(r"[\"'“‘(]?[A-Z]", left) or not re.search(r"[a-z\"'”’)]$", left) \
                or bare in continuing or re.search(r"['’]s$|(?:ern|ian|ese)$", bare):
            continue
        lede = sentence[words[i].start():].split()
        if len(lede) >= config["min_lede_words"] and _VERB_LIKE.search(" ".join(lede[:10])):
            found = words[i].start()
    return found


def clean_article(article: Article) -> tuple[Article, dict[str, int]]:
    """The article with its text cleaned (the same object when nothing was removed)."""
    published = None
    value = article.published
    if value is not None and not value.unknown_year and value.day is not None:
        try:
            published = _dt.date(value.year, value.month, value.day)
        except ValueError:  # a year outside Python's calendar (BCE): no stamp to compare
            published = None
    cleaned = clean_text(article.text, published)
    if not cleaned.removed:
        return article, {}
    return replace(article, text=cleaned.text), cleaned.removed


def _clean_paragraph(paragraph: str, lead: bool, published: Optional[_dt.date],
                     removed: dict[str, int]) -> tuple[str, str]:
    """(what stays of the paragraph, what happens to the rest of the article)."""
    verdict = _GO_ON
    for rule in rules():
        if rule.where == "lead" and not lead:
            continue
        match = rule.pattern.search(paragraph)
        if match is None or (rule.where == "start" and match.start() != 0) or \
                (rule.within is not None and match.start() > rule.within):
            continue
        if rule.action == "drop_if_later" and not _later(match, published, rule.days_after):
            continue
        removed[rule.name] = removed.get(rule.name, 0) + 1
        if rule.action == "cut_rest":
            return paragraph[:match.start()].rstrip(), _REST_DROPPED
        if rule.action in ("drop", "drop_if_later"):
            return "", verdict
        if rule.action == "strip_through":
            paragraph = paragraph[match.end():].lstrip()
            verdict = _PAGE_TOP_ENDS if rule.where == "lead" else verdict
        else:
            # Inside a paragraph the two sides become paragraphs of their own: each is
            # still a verbatim slice of the page, and a caption before a credit no longer
            # runs into the sentence after it.
            before, after = paragraph[:match.start()].rstrip(), paragraph[match.end():].lstrip()
            paragraph = f"{before}\n\n{after}" if before and after else before or after
    return paragraph, verdict


def _later(match: re.Match[str], published: Optional[_dt.date], days: int) -> bool:
    """Whether the stamp `match` holds is more than `days` days after `published`."""
    if published is None:
        return False
    parts = {k.rstrip("0123456789"): v for k, v in match.groupdict().items() if v}
    try:
        stamp = _dt.date(int(parts["year"]), _MONTHS[parts["month"].lower()], int(parts["day"]))
    except (KeyError, ValueError):
        return False
    return (stamp - published).days > days
