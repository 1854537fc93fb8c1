"""Sentence splitting for news English, keeping each sentence's character offsets.

Offsets matter: event quotes must be exact slices of the article, and time expressions
found in the whole text are assigned to sentences by position. The rules are the usual
ones for news copy: paragraphs always end sentences; a period, question or exclamation
mark (with any closing quotes) before an upper-case start ends one, unless the word
before it is an abbreviation (data/abbreviations.txt). Short lines without final
punctuation (captions, headlines, datelines) stand alone. A heading or stamp that a
crawl ran into the next sentence without a stop is split off (data/run_on.txt).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..core.model import Sentence
from .word_files import data_lines, data_sections

_PARAGRAPH = re.compile(r"\n[ \t]*\n+")
# A sentence end: terminal punctuation, closing quotes/brackets, then space, then the
# start of the next sentence: an upper-case letter, a digit, or a brand written in camel
# case ("iPhone", "eBay"), maybe behind an opening quote or bracket.
_BOUNDARY = re.compile(
    r"""([.?!…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?(?:[A-Z0-9]|[a-z]{1,3}[A-Z]))""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]$")
_NEXT_WORD = re.compile(r"""["'“‘(\[]?([A-Za-z]+)""")
_SHORT_LINE = 70


@lru_cache(maxsize=None)
def _word_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    abbreviations = data_sections("abbreviations.txt", "never")
    return (abbreviations["never"], abbreviations["ambiguous"],
            frozenset(data_lines("openers.txt")))


@lru_cache(maxsize=None)
def _run_on_words() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """The pattern of a run-on boundary, the openers that need a lower-case word or a
    number before them, and the words after which there is no boundary."""
    words = data_sections("run_on.txt", "openers")
    openers = "|".join(sorted(words["openers"] | words["after_lower"]))
    return (re.compile(rf"(?<=[a-z0-9%)]) (?=(?:{openers}) )"), words["after_lower"],
            words["not_after"])


def _run_on_cuts(text: str, start: int, end: int) -> list[int]:
    """Where a sentence runs into the next without a stop ("... cases The boy ...")."""
    pattern, after_lower, not_after = _run_on_words()
    cuts = []
    for match in pattern.finditer(text, start, end):
        before = text[max(start, match.start() - 30):match.start()].rsplit(None, 1)[-1:]
        word = before[0] if before else ""
        if word.lower() in not_after or word.endswith(("'s", "’s")):
            continue
        if text[match.end():].split(" ", 1)[0] in after_lower and not word[:1].islower() \
                and not word[:1].isdigit():
            continue  # "Vice Premier Liu He and ...", "Live At Leeds": part of a name
        cuts.append(match.start())
    return cuts


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text` with offsets such that `text[s.start:s.end] == s.text`."""
    return list(_sentences(text))


def _sentences(text: str) -> Iterator[Sentence]:
    start = 0
    for match in _PARAGRAPH.finditer(text):
        yield from _paragraph(text, start, match.start())
        start = match.end()
    yield from _paragraph(text, start, len(text))


def _paragraph(text: str, start: int, end: int) -> Iterator[Sentence]:
    """Sentences of one paragraph; standalone short lines become sentences of their own."""
    line_start = start
    for line_end in _line_breaks(text, start, end):
        yield from _split_block(text, line_start, line_end)
        line_start = line_end + 1
    yield from _split_block(text, line_start, end)


def _line_breaks(text: str, start: int, end: int) -> Iterator[int]:
    """Newlines that end a caption or headline line rather than wrap a sentence."""
    position = text.find("\n", start, end)
    line_start = start
    while position != -1:
        line = text[line_start:position].strip()
        following = text[position + 1:end].lstrip()
        if line and (len(line) < _SHORT_LINE and not line.endswith((",", ";", ":", "-"))
                     and following[:1].isupper() or line.endswith((".", "?", "!", "”", '"'))
                     and following[:1].isupper()):
            yield position
            line_start = position + 1
        position = text.find("\n", position + 1, end)


def _split_block(text: str, start: int, end: int) -> Iterator[Sentence]:
    for cut in _run_on_cuts(text, start, end):
        yield from _split_stops(text, start, cut)
        start = cut + 1
    yield from _split_stops(text, start, end)


def _split_stops(text: str, start: int, end: int) -> Iterator[Sentence]:
    never, ambiguous, openers = _word_lists()
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group(1) == "." and not _ends_sentence(text, sentence_start, match,
                                                        never, ambiguous, openers):
            continue
        cut = match.start(3)
        sentence = _trimmed(text, sentence_start, cut)
        if sentence:
            yield sentence
        sentence_start = match.end(3)
    sentence = _trimmed(text, sentence_start, end)
    if sentence:
        yield sentence


def _ends_sentence(text: str, sentence_start: int, match: re.Match[str], never: frozenset[str],
                   ambiguous: frozenset[str], openers: frozenset[str]) -> bool:
    before = _WORD_BEFORE.search(text, max(sentence_start, match.start() - 40), match.start())
    if not before:
        return True
    word = before.group(1)
    if word in never or word.rstrip(".") in never:
        return False
    if word in ambiguous or _ACRONYM.fullmatch(word) or (len(word) == 1 and word.isupper()):
        following = _NEXT_WORD.match(text, match.end(3))
        return bool(following) and following.group(1) in openers
    return True


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Sentence(start, end, text[start:end])
