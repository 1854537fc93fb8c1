"""Is this article in English? The extractor's rules read English only.

Crawled archives mix in pages of other language services (tls-dev has pages of the BBC's
Vietnamese and Spanish services among English ones). Extracting them gives nonsense
events, so they are skipped with a warning that names them. The test is the share of
the words that are among the most common English function words: about 0.4-0.5 in
English news, and under 0.1 in the other-language pages of tls-dev, while the lowest
English page there (a list of wire headlines) still has 0.23.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Optional

# Below this share of common English words a text is taken to be in another language.
MIN_ENGLISH_SHARE = 0.12
# With fewer words than this the share says too little; such texts are kept.
MIN_WORDS = 8
# Reading this many words is enough to tell, even for a 4 MB page.
SAMPLE_WORDS = 5000

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def _english_words() -> frozenset[str]:
    text = resources.files(__package__).joinpath("data", "english_words.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines()
                     if line.strip() and not line.startswith("#") for w in line.split())


def english_share(text: str) -> tuple[float, int]:
    """(share of common English words, words read) over the first SAMPLE_WORDS words."""
    words = []
    for match in _WORD.finditer(text):
        words.append(match.group().lower())
        if len(words) >= SAMPLE_WORDS:
            break
    if not words:
        return 0.0, 0
    common = _english_words()
    return sum(w in common for w in words) / len(words), len(words)


def not_english_reason(text: str, declared: Optional[str] = "en") -> Optional[str]:
    """Why `text` is not read as English, or None when it is (or too short to tell)."""
    if declared and not declared.lower().startswith("en"):
        return f"its metadata says language '{declared}'"
    share, words = english_share(text)
    if words < MIN_WORDS or share >= MIN_ENGLISH_SHARE:
        return None
    return (f"it does not look like English ({share:.0%} of its words are common English "
            f"words; English news has about 40%)")
