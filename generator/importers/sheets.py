"""The TimelineJS Google Sheets template, saved as CSV -> event records.

Columns (by header, in any order, any case): Year, Month, Day, Time, End Year, End
Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media
Caption, Media Thumbnail, Type, Group, Background. Each row becomes a TimelineJS slide
and is read exactly as a slide of a TimelineJS JSON file (see `timelinejs.py`). A row
of Type `title` is the title slide and is left out; Type `era` becomes an event with a
range, tagged `era`. Time is `13:30`, `13:30:15` or `1:30 PM`. Empty rows are skipped.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Optional

from ..core.errors import ImportFileError
from .base import ImportBatch
from .timelinejs import add_slide

COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
           "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
           "Media Thumbnail", "Type", "Group", "Background")
REQUIRED = ("Year", "Headline")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp]\.?[Mm]\.?)?")


def is_sheet(header: list[str]) -> bool:
    """True when a CSV header is the TimelineJS template's."""
    names = {_key(h) for h in header}
    return all(_key(c) in names for c in REQUIRED)


def read(path: Path, text: str) -> ImportBatch:
    """The events of a TimelineJS sheet saved as CSV."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or not is_sheet(header):
        raise ImportFileError(f"{path}:1: not a TimelineJS sheet: the first row must name "
                              f"the columns ({', '.join(COLUMNS[:4])}, ..., Headline, Text, "
                              "...)")
    columns = {_key(name): index for index, name in enumerate(header)}
    batch = ImportBatch(path, "sheets")
    row = reader.line_num + 1
    for number, cells in enumerate(reader, 2):  # the header is the sheet's row 1
        first_line, row = row, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        label = f"row {number}"
        get = _getter(columns, cells)
        kind = get("Type").strip().lower()
        if kind == "title":
            batch.left_out.append(f"the title slide ({label})")
            continue
        if kind not in ("", "era"):
            batch.warn(first_line, f"{label}: Type '{get('Type')}' is not one TimelineJS "
                                   "knows (title or era); read as an event")
        try:
            slide = _slide(get)
        except ValueError as exc:
            batch.error(first_line, f"{label}: {exc}")
            continue
        add_slide(batch, slide, first_line, label, era=kind == "era")
    return batch


def _slide(get) -> dict:  # noqa: ANN001 - the column getter
    slide = {"start_date": _date(get, ""), "display_date": get("Display Date"),
             "text": {"headline": get("Headline"), "text": get("Text")},
             "group": get("Group"),
             "media": {"url": get("Media"), "credit": get("Media Credit"),
                       "caption": get("Media Caption")}}
    end = _date(get, "End ")
    if end:
        slide["end_date"] = end
    return slide


def _date(get, prefix: str) -> dict:  # noqa: ANN001
    date = {name: get(f"{prefix}{name.title()}") for name in ("year", "month", "day")}
    date = {k: v for k, v in date.items() if v.strip()}
    time = get(f"{prefix}Time").strip()
    if time:
        date.update(_time(time, prefix))
    return date


def _time(text: str, prefix: str) -> dict[str, int]:
    match = _TIME.fullmatch(text)
    if not match:
        raise ValueError(f"'{prefix}Time' {text!r} is not a time of day (13:30 or 1:30 PM)")
    hour, minute = int(match[1]), int(match[2])
    meridiem = (match[4] or "").lower().replace(".", "")
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueError(f"'{prefix}Time' {text!r}: hours run from 1 to 12 with AM/PM")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"'{prefix}Time' {text!r} is not a time of day (13:30 or 1:30 PM)")
    parts = {"hour": hour, "minute": minute}
    if match[3]:
        parts["second"] = int(match[3])
    return parts


def _getter(columns: dict[str, int], cells: list[str]):  # noqa: ANN202
    def get(name: str) -> str:
        index: Optional[int] = columns.get(_key(name))
        return cells[index] if index is not None and index < len(cells) else ""
    return get


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
