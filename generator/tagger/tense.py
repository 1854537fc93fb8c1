"""Guess whether an expression talks about the past or the future of its sentence.

"Friday" in "the company said Friday" is the Friday before publication, in "the talks
will resume Friday" the one after. Without a parser we take the tense cue nearest to
the expression in its chunk: future cues (patterns/future_cue.txt: "will", "plans
to", "scheduled" ...) and past cues (patterns/past_cue.txt: irregular past forms and
regular "-ed" verbs). Nearest wins because reporting verbs ("said") stand further from
the expression than the verb it modifies.
"""

from __future__ import annotations

import re
from typing import Optional

PAST, FUTURE = "past", "future"


class TenseCues:
    """The compiled cue lists of a language."""

    def __init__(self, patterns: dict[str, str]) -> None:
        self._regex = re.compile(
            rf"(?<!\w)(?:(?P<future>{patterns['future_cue']})|(?P<past>{patterns['past_cue']}))"
            r"(?!\w)", re.IGNORECASE)

    def find(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Cues in `text[start:end]` as (start, end, PAST|FUTURE), in text order."""
        return [(m.start(), m.end(), FUTURE if m.group("future") else PAST)
                for m in self._regex.finditer(text, start, end)]


# A cue after the expression counts as this much further away: the verb an expression
# modifies usually comes before it in English ("met in Japan in late June, the
# countries have to decide").
RIGHT_FACTOR = 2


def nearest(cues: list[tuple[int, int, str]], start: int, end: int) -> Optional[str]:
    """The tense of the cue closest to the span [start, end), or None without cues."""
    best, best_distance = None, None
    for cue_start, cue_end, kind in cues:
        if cue_end <= start:
            distance = start - cue_end
        elif cue_start >= end:
            distance = (cue_start - end) * RIGHT_FACTOR
        else:
            continue  # a cue inside the expression ("next") is the rule's business
        if best_distance is None or distance < best_distance:
            best, best_distance = kind, distance
    return best
