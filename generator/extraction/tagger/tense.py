"""Guess whether an expression talks about the past or the future of its sentence.

"Friday" in "the company said Friday" is the Friday before publication, in "the talks
will resume Friday" the one after. Without a parser we take the tense cue nearest to
the expression in its chunk: future cues (patterns/future_cue.txt: "will", "plans
to", "scheduled" ...) and past cues (patterns/past_cue.txt: irregular past forms and
regular "-ed" verbs). Nearest wins because the verb an expression modifies stands
closest to it; reporting verbs (patterns/report_cue.txt: "said") count as further
away, since they date the report rather than the event, and a present-tense verb
group (patterns/present_cue.txt: "is payable") leaves the tense open.
"""

from __future__ import annotations

import re
from typing import Optional

PAST, FUTURE, PRESENT = "past", "future", "present"
# "since X": X lies before the time of writing, whatever the verbs say.
SINCE = "since"
_SINCE = re.compile(r"(?<!\w)since\s+$", re.IGNORECASE)
# A reporting verb's distance counts this many times: it is a weak cue.
REPORT_WEIGHT = 3
# A cue after the expression counts as this much further away: the verb an expression
# modifies usually comes before it in English ("met in Japan in late June, the
# countries have to decide").
RIGHT_FACTOR = 2
Cue = tuple[int, int, str, int]


class TenseCues:
    """The compiled cue lists of a language."""

    def __init__(self, patterns: dict[str, str]) -> None:
        self._regex = re.compile(
            rf"(?<!\w)(?:(?P<future>{patterns['future_cue']})|(?P<report>{patterns['report_cue']})"
            rf"|(?P<present>{patterns['present_cue']})|(?P<past>{patterns['past_cue']}))(?!\w)",
            re.IGNORECASE)

    def find(self, text: str, start: int, end: int) -> list[Cue]:
        """Cues in `text[start:end]` as (start, end, PAST|FUTURE|PRESENT, weight), in order."""
        return [(m.start(), m.end(),
                 FUTURE if m.group("future") else PRESENT if m.group("present") else PAST,
                 REPORT_WEIGHT if m.group("report") else 1)
                for m in self._regex.finditer(text, start, end)]


def governed(text: str, start: int) -> Optional[str]:
    """SINCE when the expression at `start` follows "since", else None."""
    return SINCE if _SINCE.search(text, max(0, start - 12), start) else None


def nearest(cues: list[Cue], start: int, end: int) -> Optional[str]:
    """The tense of the cue closest to the span [start, end): PAST, FUTURE, or None when
    there is no cue or the closest one is in the present tense."""
    best, best_distance = None, None
    for cue_start, cue_end, kind, weight in cues:
        if cue_end <= start:
            distance = start - cue_end
        elif cue_start >= end:
            distance = (cue_start - end) * RIGHT_FACTOR
        else:
            continue  # a cue inside the expression ("next") is the rule's business
        distance *= weight
        if best_distance is None or distance < best_distance:
            best, best_distance = kind, distance
    return None if best == PRESENT else best
