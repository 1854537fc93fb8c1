"""JSON whose objects know the line they start on, so a bad slide is reported by line.

The standard library's decoder keeps no positions. Its pure-Python scanner takes the
function that parses objects from the decoder, so a decoder that wraps that function
can note where each object began. Slower than the C scanner, which does not matter for
a file read once by `timeline import`.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from typing import Any


class PositionDecoder(json.JSONDecoder):
    """`decode(text)` as usual; afterwards `line_of(obj)` for any object it built."""

    def __init__(self) -> None:
        super().__init__()
        self._starts: dict[int, int] = {}
        self._text = ""

        def parse_object(s_and_end, *args):  # noqa: ANN001, ANN002, ANN202
            obj, end = json.decoder.JSONObject(s_and_end, *args)
            self._starts[id(obj)] = s_and_end[1] - 1
            return obj, end

        self.parse_object = parse_object
        self.scan_once = json.scanner.py_make_scanner(self)

    def decode(self, s: str, *args: Any, **kwargs: Any) -> Any:
        self._text = s
        return super().decode(s, *args, **kwargs)

    def line_of(self, obj: Any, default: int = 1) -> int:
        """The line an object's `{` is on (the objects must still be alive)."""
        start = self._starts.get(id(obj))
        return default if start is None else self._text.count("\n", 0, start) + 1
