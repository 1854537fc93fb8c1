"""Split a text into sentence-sized chunks for rule matching and tense context.

The tagger needs sentences for two things: rules run only on chunks that hold one of
their trigger keys, and tense cues are looked for in the chunk around an expression.
Neither needs a perfect splitter, but a split must never cut an expression in two, so
a full stop after an abbreviation that time expressions use ("Sept. 30", "p.m.
Tuesday", "U.S. officials said Jan. 5") does not end a chunk.
"""

from __future__ import annotations

import re

# Sentence end: . ! ? (plus closing quotes/brackets), whitespace, then an upper-case
# letter, digit or opening quote. Line breaks between paragraphs always end a chunk.
_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])|\n\s*\n")


def split(text: str, abbreviation: re.Pattern) -> list[tuple[int, int]]:
    """Chunk offsets `(start, end)` covering `text`, blank chunks left out.

    `abbreviation` matches (at its end) a word whose full stop does not end a sentence
    (the language's patterns/abbreviation.txt).
    """
    out, begin, end = [], 0, len(text)
    for m in _END.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, begin, m.start(), abbreviation):
            continue
        _add(out, text, begin, m.end())
        begin = m.end()
    _add(out, text, begin, end)
    return out


def _is_abbreviation(text: str, begin: int, dot: int, abbreviation: re.Pattern) -> bool:
    space = max(text.rfind(" ", begin, dot), text.rfind("\n", begin, dot))
    word = text[max(space + 1, begin):dot].lstrip("(\"'“‘")
    if not word:
        return False
    # Single letters are initials ("John F. Kennedy"), not sentence ends.
    return bool(abbreviation.fullmatch(word)) or (len(word) == 1 and word.isalpha())


def _add(out: list[tuple[int, int]], text: str, begin: int, end: int) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if begin < end:
        out.append((begin, end))
