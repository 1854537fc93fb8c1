"""TimelineJS 3 JSON -> event records: for people moving their timeline here.

Each slide of `events` becomes an event; each era (a labelled span) becomes an event
with a range, tagged `era`; the title slide is not an event and is left out (said in
the summary). Field by field:

* `start_date` / `end_date` (year, month, day, hour, minute, second: numbers or
  numeric text) -> `date` / `end` at the precision given: a year, a month, a day or a
  time. Negative years are BCE (-44 is 44 BCE), as TimelineJS sheets write them;
* `display_date` -> a `qualifier` when it is how the site would say the date ("late
  June 2019"), else a line in the notes, so the wording is not lost;
* `text.headline` -> `title`; `text.text` -> its first paragraph as `summary`, the rest
  as notes; its http(s) links also become `sources` (address and link text);
* `group` -> the first tag; `unique_id` -> `id` when it is a valid id;
* `media` -> a line in the notes with its link, caption and credit.

HTML in every field is untrusted and becomes plain text (see `htmltext.py`). Only http
and https addresses survive.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

from ..core.dates import QUALIFIERS, DateError, human_date, parse_date
from ..core.errors import ImportFileError
from ..store.schema import id_problem
from ..render.escape import safe_url
from .base import ImportBatch, ImportRecord
from .htmltext import links, paragraphs, to_text
from .positions import PositionDecoder

DATE_PARTS = ("year", "month", "day", "hour", "minute", "second")
ERA_TAG = "era"


def read(path: Path, text: str) -> ImportBatch:
    """The events of a TimelineJS JSON file."""
    decoder = PositionDecoder()
    try:
        document = decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise ImportFileError(f"{path}: not a TimelineJS file: expected an object with an "
                              "`events` list of slides")
    batch = ImportBatch(path, "timelinejs")
    title = document.get("title")
    if isinstance(title, dict):
        headline = to_text(str((title.get("text") or {}).get("headline") or ""))
        batch.left_out.append(f"the title slide{f' ({headline!r})' if headline else ''}")
    for number, slide in enumerate(document["events"], 1):
        row = decoder.line_of(slide, 1) if isinstance(slide, dict) else 1
        add_slide(batch, slide, row, f"slide {number}")
    for number, era in enumerate(document.get("eras") or [], 1):
        row = decoder.line_of(era, 1) if isinstance(era, dict) else 1
        add_slide(batch, era, row, f"era {number}", era=True)
    return batch


def add_slide(batch: ImportBatch, slide: Any, row: int, label: str, era: bool = False
              ) -> None:
    """Convert one slide (or era) and add it to the batch, or report why it cannot be."""
    if not isinstance(slide, dict):
        batch.error(row, f"{label}: expected a slide object, got {type(slide).__name__}")
        return
    try:
        date = date_text(slide.get("start_date"), "start_date", required=True)
        end = date_text(slide.get("end_date"), "end_date", required=era)
    except ValueError as exc:
        batch.error(row, f"{label}: {exc}")
        return
    text = slide.get("text") if isinstance(slide.get("text"), dict) else {}
    title = to_text(_string(text.get("headline")))
    if not title:
        batch.error(row, f"{label}: has no headline (text.headline), and an event needs "
                         "a title", "title")
        return
    mapping: dict[str, Any] = {"date": date}
    if end is not None and end != date:
        mapping["end"] = end
    mapping["title"] = title
    notes = _date_wording(mapping, _shown(_string(slide.get("display_date"))))
    body_html = _string(text.get("text"))
    found = paragraphs(body_html)
    if found:
        mapping["summary"] = found[0].plain()
        notes += [p.markdown() for p in found[1:]]
    group = _shown(_string(slide.get("group")))
    tags = [t for t in (group, ERA_TAG if era else "") if t]
    if tags:
        mapping["tags"] = tags
    sources = [{"url": link.url, **({"title": link.text} if link.text else {})}
               for link in links(body_html)]
    if sources:
        mapping["sources"] = sources
    notes += _media(slide.get("media"))
    unique_id = _string(slide.get("unique_id")).strip()
    if unique_id and id_problem(unique_id) is None:
        mapping = {"id": unique_id, **mapping}
    batch.records.append(ImportRecord(row, mapping, "\n\n".join(notes), label))


def date_text(value: Any, name: str, required: bool) -> Optional[str]:
    """A TimelineJS date object as our date text: {"year": 2019, "month": 7} -> 2019-07.

    Raises:
        ValueError: the object is missing, not an object, or its parts are not numbers.
    """
    if value is None or value == {}:
        if required:
            raise ValueError(f"has no {name} (an object with at least a year)")
        return None
    if not isinstance(value, dict):
        raise ValueError(f"{name} must be an object with year, month, day..., got {value!r}")
    parts = {part: _number(value, part) for part in DATE_PARTS}
    if parts["year"] is None:
        raise ValueError(f"{name} needs a year")
    for finer, coarser in (("month", "year"), ("day", "month"), ("hour", "day"),
                           ("minute", "hour"), ("second", "minute")):
        if parts[finer] is not None and parts[coarser] is None:
            raise ValueError(f"{name} has a {finer} but no {coarser}")
    year = parts["year"]
    text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    if parts["month"] is not None:
        text += f"-{parts['month']:02d}"
    if parts["day"] is not None:
        text += f"-{parts['day']:02d}"
    if parts["hour"] is not None:
        text += f"T{parts['hour']:02d}:{parts['minute'] or 0:02d}"
        if parts["second"]:
            text += f":{parts['second']:02d}"
    return text


def _number(value: dict, name: str) -> Optional[int]:
    raw = value.get(name)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise ValueError(f"'{name}' must be a number, got {raw!r}")
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, int):
        return raw
    text = str(raw).strip()
    if text.lstrip("-").isdigit():
        return int(text)
    if text.lstrip("-").removesuffix(".0").isdigit():  # spreadsheets write 2019 as 2019.0
        return int(text.removesuffix(".0"))
    raise ValueError(f"'{name}' must be a number, got {raw!r}")


def _date_wording(mapping: dict[str, Any], display: str) -> list[str]:
    """Set a qualifier when `display` is our wording of the date with one; otherwise keep
    a different wording as a line of notes."""
    if not display:
        return []
    try:
        date = parse_date(mapping["date"])
        end = parse_date(mapping["end"]) if "end" in mapping else None
    except DateError:
        return [f"Date as TimelineJS showed it: {display}"]
    if human_date(date, None, end) == display:
        return []
    for qualifier in QUALIFIERS:
        if human_date(date, qualifier, end) == display:
            mapping["qualifier"] = qualifier
            return []
    return [f"Date as TimelineJS showed it: {display}"]


def _media(media: Any) -> list[str]:
    if not isinstance(media, dict):
        return []
    url = safe_url(_string(media.get("url")).strip())
    caption = to_text(_string(media.get("caption")))
    credit = to_text(_string(media.get("credit")))
    if not (url or caption or credit):
        return []
    label = (caption or "media").replace("[", "\\[").replace("]", "\\]")
    line = f"Media: [{label}]({url})" if url else f"Media: {label}"
    return [line + (f" (credit: {credit})" if credit else "")]


def _shown(value: str) -> str:
    """Text as TimelineJS shows `display_date` and `group`: it strips markup, then
    inserts the result as HTML, so entities are decoded twice."""
    return to_text(to_text(value))


def _string(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)
