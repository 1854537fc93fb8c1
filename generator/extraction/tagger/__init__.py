"""The temporal tagger: find time expressions in English news and normalise them (TIMEX3).

    >>> [(t.text, t.value) for t in tag("Talks resumed on July 21.", "2019-07-22")]
    [('July 21', '2019-07-21')]

Rules, pattern lists and norm tables are data files under `data/<lang>/` (see
`resources`); relative expressions are anchored on the publication date passed in as
`dct`, never on the clock. Without a DCT they keep TIMEX3 placeholders ("XXXX-07-21").
"""

from __future__ import annotations

import datetime as _dt
import functools
from typing import Iterable, Optional, Union

from .document import Tagger
from .resources import ResourceError, load
from .timex import TYPES, Timex

__all__ = ["ResourceError", "TYPES", "Tagger", "Timex", "get_tagger", "parse_dct", "tag",
           "tag_sentences"]

DctLike = Union[str, _dt.date, None]


@functools.lru_cache(maxsize=None)
def get_tagger(lang: str = "en") -> Tagger:
    """The (cached) tagger of a language; raises ResourceError if its data is broken."""
    return Tagger(load(lang))


def parse_dct(dct: DctLike) -> Optional[_dt.date]:
    """A publication date from "YYYY-MM-DD" (or a date); None stays None."""
    if dct is None or (isinstance(dct, _dt.date) and not isinstance(dct, _dt.datetime)):
        return dct
    if isinstance(dct, str) and len(dct) == 10:
        try:
            return _dt.date.fromisoformat(dct)
        except ValueError:
            pass
    raise ValueError(f"publication date must be YYYY-MM-DD, got {dct!r}")


def tag(text: str, dct: DctLike, lang: str = "en") -> list[Timex]:
    """The time expressions of `text`, anchored on the publication date `dct`."""
    return get_tagger(lang).tag(text, parse_dct(dct))


def tag_sentences(text: str, sentences: Iterable[tuple[int, int]], dct: DctLike,
                  lang: str = "en") -> list[Timex]:
    """Like `tag`, but only inside the given `(start, end)` sentence spans of `text`.

    For callers that already split the text: expressions never cross a span, tense is
    read inside the span, and spans are taken in order so later expressions can refer
    to dates mentioned in earlier ones.
    """
    spans = sorted((max(0, s), min(len(text), e)) for s, e in sentences)
    return get_tagger(lang).tag(text, parse_dct(dct), [(s, e) for s, e in spans if s < e])
