"""The tagger's output record: one time expression found in a text.

Kept apart from `generator.core.model`: the tagger depends only on the calendar, and the
event extractor reads these fields to date its events.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Optional

from ...core.calendar import timeml_value

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 expression: where it is, what kind it is and what it means.

    `start`/`end` are Python string offsets into the tagged text (end exclusive).
    `value` is a TIMEX3 value ("2019-07-21", "2019-W29", "P3Y", "PRESENT_REF", ...) in
    the product's spelling (a decade is "199X"; `timeml` is TimeML's "199"); parts the
    tagger cannot know are placeholders ("XXXX-07-21"), never guesses.
    `rule` names the rule that fired, `anchor` is the date a relative expression was
    resolved against (None when nothing was needed or nothing was known), and
    `relative` says whether the value depends on that anchor.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: Optional[str] = None
    rule: str = ""
    anchor: Optional[str] = None
    relative: bool = False

    @property
    def timeml(self) -> str:
        """The value as TimeML spells it, for output read by TimeML tools and scorers."""
        return timeml_value(self.value)

    def to_json(self, full: bool = False) -> dict[str, Any]:
        """The evaluation contract's fields, in TimeML's spelling (mod only when set);
        `full` adds the rest."""
        if full:
            fields = {k: v for k, v in asdict(self).items() if v is not None}
            fields["value"] = self.timeml
            if self.anchor is not None:
                fields["anchor"] = timeml_value(self.anchor)
            return fields
        out: dict[str, Any] = {"start": self.start, "end": self.end,
                               "type": self.type, "value": self.timeml}
        if self.mod:
            out["mod"] = self.mod
        return out
