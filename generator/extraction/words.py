"""Content words: what two reports of one happening share, for comparing and merging."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

_STOPWORDS = frozenset("""a an the of to in on at by for with from and or but that which who
whom whose this these those it its their his her he she they we i you is are was were be been
being has have had will would could should may might can do does did not no than then there
as about after before over under into out up down off also said says told according more
most some any all such other another one two three four five first second new last next
year years week weeks month months day days today yesterday tomorrow morning evening night
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december""".split()) | frozenset(
    # Short forms of the same date words and time zones, as in crawled datelines ("LONDON |
    # Wed Apr 29, 2009 11:17 am BST"): they say when a page was written, not what happened.
    """mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct
    nov dec gmt bst utc edt est cdt cst mdt mst pdt pst cet cest ist""".split())
# Short forms of places, so "U.S. release" and "in the United States" share words.
_PLACE_FORMS = {"u.s.": "united states", "us": "united states", "u.s": "united states",
                "usa": "united states", "america": "united states", "u.k.": "united kingdom",
                "uk": "united kingdom", "britain": "united kingdom"}


_PLACES = re.compile(r"\b(?:u\.s\.a?|u\.k\.|usa|america|britain)(?=\W|$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+")


def content_words(text: str) -> frozenset[str]:
    """Lower-case content words, crudely stemmed, for comparing two reports."""
    words = set()
    text = _PLACES.sub(_place_form, text.lower())
    for word in _WORD.findall(text):
        stem = _content_stem(word)
        if stem is not None:
            words.add(stem)
    return frozenset(words)


def _place_form(match: re.Match[str]) -> str:
    found = match.group(0)
    return _PLACE_FORMS.get(found.rstrip("."), _PLACE_FORMS.get(found, found))


# News reuses its words, so each is read once and remembered (bounded, for huge runs).
@lru_cache(maxsize=1 << 16)
def _content_stem(word: str) -> Optional[str]:
    """The stem of a lower-case word, or None for a stop word or a short one."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if word in _STOPWORDS or len(word) < 3:
        return None
    return _stem(word)


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es",
                   "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word
