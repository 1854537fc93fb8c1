"""Our stylesheet and scripts take every colour from Material's CSS variables, so both
palettes (and any primary colour a user picks) work; no literal colour is allowed."""

from __future__ import annotations

import re

import pytest

from ..conftest import ROOT

ASSETS = [ROOT / "templates" / "assets" / "timeline.css",
          ROOT / "templates" / "assets" / "explore.js"]
# Hex colours, rgb()/hsl() values and named colours a stylesheet might slip in. System
# colours for forced-colors mode (LinkText, CanvasText...) are allowed: they are the
# reader's own.
LITERAL = re.compile(r"#[0-9a-fA-F]{3,8}\b(?![-\w])|\b(?:rgba?|hsla?)\(|"
                     r":\s*(?:white|black|gr[ae]y|red|blue|green)\b", re.I)


def _code(text: str) -> str:
    """The text without comments (a comment may name a colour it explains)."""
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)


@pytest.mark.parametrize("path", ASSETS, ids=lambda p: p.name)
def test_no_literal_colours(path):
    found = LITERAL.findall(_code(path.read_text(encoding="utf-8")))
    assert found == [], f"{path.name}: use Material's variables, not {found}"


def test_the_check_sees_a_literal_colour():
    assert LITERAL.search(".a { color: #393939; }")
    assert LITERAL.search(".a { background: rgb(1, 2, 3); }")
    assert not LITERAL.search(".a { color: var(--md-default-fg-color); } #tl-explore {}")
