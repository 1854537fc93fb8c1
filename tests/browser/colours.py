"""WCAG 2 contrast of colours as the browser computes them, for the browser tests.

Colours are read from the page (computed styles) and never assumed, so the checks follow
whatever Material's palettes hold. Channels are 0..1, with alpha last.
"""

from __future__ import annotations

import re

# Material remembers the palette it last showed, per site, in localStorage; the browser
# profile is shared by the session. Forgetting it lets the emulated system setting choose
# as on a first visit, and keeps a dark palette from following a test into the next one.
FORGET_PALETTE = ("Object.keys(localStorage).filter(k => k.endsWith('__palette'))"
                  ".forEach(k => localStorage.removeItem(k))")


def parse_colour(text: str) -> tuple[float, float, float, float]:
    """A computed colour (rgb(), rgba() or color(srgb ...)) as 0..1 channels and alpha."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    r, g, b, *alpha = numbers
    if not text.startswith("color("):
        r, g, b = r / 255, g / 255, b / 255
    return r, g, b, alpha[0] if alpha else 1.0


def over(top: tuple, below: tuple) -> tuple[float, float, float, float]:
    """`top` painted over the opaque colour `below`."""
    a = top[3]
    return tuple(top[i] * a + below[i] * (1 - a) for i in range(3)) + (1.0,)


def luminance(colour: tuple) -> float:
    """WCAG relative luminance of an opaque sRGB colour."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple, two: tuple) -> float:
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
