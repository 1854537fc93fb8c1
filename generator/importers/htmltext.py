"""Untrusted HTML (TimelineJS headlines and texts) -> plain text, Markdown and links.

TimelineJS fields hold HTML written by anyone. Nothing of it is kept as HTML: text is
taken out (entities decoded), block elements become paragraphs, list items "- " lines,
and links become Markdown links only when they point to an http or https address;
every other link keeps its words and loses its target. Scripts, styles, frames,
embedded objects and forms are dropped with their content. The result is ordinary
text that the site then escapes like any other field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Optional

from ..render.escape import safe_url

DROPPED = frozenset({"script", "style", "iframe", "frame", "object", "embed", "noscript",
                     "template", "svg", "math", "head", "title", "textarea", "select",
                     "button", "canvas", "audio", "video"})
BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                    "blockquote", "tr", "table", "section", "article", "header", "footer",
                    "pre", "hr", "dd", "dt", "dl", "figure", "figcaption", "aside", "main"})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area",
                  "base", "col", "embed", "param", "track"})
_SPACE = re.compile(r"\s+")


@dataclass
class Link:
    """A web link found in the HTML: its address and its words."""

    url: str
    text: str


@dataclass
class Paragraph:
    """A paragraph as pieces: plain strings, and links (kept for Markdown)."""

    pieces: list = field(default_factory=list)
    bullet: bool = False

    def plain(self) -> str:
        text = "".join(p if isinstance(p, str) else p.text for p in self.pieces)
        text = _SPACE.sub(" ", text).strip()
        return f"- {text}" if self.bullet and text else text

    def markdown(self) -> str:
        parts = []
        for piece in self.pieces:
            if isinstance(piece, Link):
                words = _SPACE.sub(" ", piece.text).strip() or piece.url
                words = words.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
                parts.append(f"[{words}]({piece.url})")
            else:
                parts.append(piece)
        text = _SPACE.sub(" ", "".join(parts)).strip()
        return f"- {text}" if self.bullet and text else text


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[Paragraph] = [Paragraph()]
        self.dropping = 0
        self.link: Optional[Link] = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in DROPPED and tag not in VOID:
            self.dropping += 1
        if self.dropping:
            return
        if tag in BLOCKS:
            self._close_link()
            self.paragraphs.append(Paragraph(bullet=tag == "li"))
        elif tag == "a":
            self._close_link()
            href = dict(attrs).get("href")
            url = safe_url(href.strip().replace(" ", "%20")) if href else None
            if url:
                self.link = Link(str(url), "")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if not self.dropping and tag in BLOCKS:
            self._close_link()
            self.paragraphs.append(Paragraph())

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED and tag not in VOID:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        if tag == "a":
            self._close_link()
        elif tag in BLOCKS:
            self._close_link()
            self.paragraphs.append(Paragraph())

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if self.link is not None:
            self.link.text += data
        else:
            self.paragraphs[-1].pieces.append(data)

    def _close_link(self) -> None:
        if self.link is not None:
            self.paragraphs[-1].pieces.append(self.link)
            self.link = None


def paragraphs(fragment: str) -> list[Paragraph]:
    """The non-empty paragraphs of an HTML fragment."""
    parser = _Extractor()
    parser.feed(fragment or "")
    parser.close()
    parser._close_link()
    return [p for p in parser.paragraphs if p.plain()]


def to_text(fragment: str) -> str:
    """The fragment's words on one line ("<b>Talks</b> resume" -> "Talks resume")."""
    return " ".join(p.plain() for p in paragraphs(fragment))


def links(fragment: str) -> list[Link]:
    """The fragment's http(s) links, in order, each address once."""
    found: dict[str, Link] = {}
    for paragraph in paragraphs(fragment):
        for piece in paragraph.pieces:
            if isinstance(piece, Link) and piece.url not in found:
                found[piece.url] = Link(piece.url, _SPACE.sub(" ", piece.text).strip())
    return list(found.values())
