"""Make untrusted text safe for the Markdown pages the renderer writes.

Titles, summaries, quotes and names come from news articles and extraction: they may
hold HTML, Markdown, attribute lists or template syntax. Everything of that kind must
reach the reader as the characters it is, in any Markdown engine and inside raw HTML,
so `md_text` turns every character that means something to Markdown, its common
extensions (attr_list, emoji, mark, keys, magiclink, arithmatex) or HTML into a numeric
character reference. Browsers show the character; no parser acts on it.

A person's notes (an event's body) are trusted Markdown, but not trusted HTML:
`notes_markdown` keeps Markdown (headings move two levels down, under the page's
"Notes" heading), and neutralises raw HTML, attribute lists, template
syntax, links to schemes other than the web's, and remote images (a page must not load
anything from the internet when it is viewed).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, Optional
from urllib.parse import quote, urlsplit

from markupsafe import Markup

# Markdown, its extensions' and HTML's special characters. Letters, digits, spaces and
# ordinary punctuation (, . ; ? ' / % ( )) stay readable in the generated Markdown.
_SPECIAL = '\\`*_[]{}<>&#!|~^=+:$@"'
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
# Block markers only matter at the start of a line: "1. ", "- ", "+ ".
_LIST_START = re.compile(r"^(\d{1,9})([.)])")
WEB_SCHEMES = ("http", "https")
NOTE_LINK_SCHEMES = ("http", "https", "mailto")


def md_text(value: Any) -> Markup:
    """Untrusted text as inert Markdown and HTML: one line, every special character escaped.

    Whitespace (newlines included) collapses to single spaces, so a field can never
    start a heading, list, table or code block.
    """
    text = " ".join(str(value).split()).translate(_TABLE)
    text = _LIST_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text)
    if text.startswith("-"):
        text = "&#45;" + text[1:]
    return Markup(text)


def html_text(value: Any) -> str:
    """Untrusted text for an HTML context the theme fills without escaping (front matter)."""
    return html.escape(" ".join(str(value).split()), quote=True)


def safe_url(value: Optional[str]) -> Optional[Markup]:
    """An http(s) URL fit for a Markdown link destination, or None for anything else.

    The schema already refuses other schemes; this does not rely on it. Characters that
    could end the destination or the surrounding HTML attribute are percent-encoded,
    which names the same resource.
    """
    if not isinstance(value, str) or any(ord(c) < 33 or ord(c) == 127 for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return None
    return Markup(quote(value, safe="/:?#[]@!$&*+,;=%~-._"))


def script_json(data: Any) -> Markup:
    """JSON that is safe inside an HTML <script> element (it cannot close the element)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


# --------------------------------------------------------------------------- notes

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s<>]+)>", re.I)
_INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]\\]|\\.)*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)<?(\S+?)>?(\s|$)", re.M)
_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)", re.M)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def notes_markdown(body: str) -> Markup:
    """A person's notes: Markdown kept, raw HTML and other active syntax made inert."""
    lines = body.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    prose: list[str] = []
    fence: Optional[str] = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is None and match:
            out.append(_prose("\n".join(prose)) if prose else None)
            prose, fence = [], match.group(1)[0] * len(match.group(1))
            out.append(line)
        elif fence is not None:
            out.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
        else:
            prose.append(line)
    if prose:
        out.append(_prose("\n".join(prose)))
    return Markup("\n".join(part for part in out if part is not None))


def _prose(text: str) -> str:
    """Notes outside fenced code: headings demoted below the page's own, code spans left
    alone, the rest neutralised."""
    text = _HEADING.sub(lambda m: m.group(1) + "#" * min(6, len(m.group(2)) + 2), text)
    pieces, last = [], 0
    for span in _CODE_SPAN.finditer(text):
        pieces.append(_neutralise(text[last:span.start()]))
        pieces.append(span.group(0))
        last = span.end()
    pieces.append(_neutralise(text[last:]))
    return "".join(pieces)


def _neutralise(text: str) -> str:
    links: list[str] = []

    def keep(match: re.Match[str]) -> str:
        links.append(match.group(1))
        return f"\x00{len(links) - 1}\x00"

    text = _AUTOLINK.sub(keep, text)
    text = _INLINE_LINK.sub(_inline_link, text)
    text = _REFERENCE.sub(lambda m: m.group(1) + _destination(m.group(2)) + m.group(3), text)
    text = text.replace("<", "&lt;").replace("{", "&#123;").replace("}", "&#125;")
    return re.sub(r"\x00(\d+)\x00", lambda m: f"<{links[int(m.group(1))]}>", text)


def _inline_link(match: re.Match[str]) -> str:
    bang, label, target = match.groups()
    target = _destination(target)
    # A remote image would be fetched whenever the page is viewed: show it as a link.
    if bang and _SCHEME.match(html.unescape(target)):
        bang = ""
    return f"{bang}[{label}]({target}"


def _destination(target: str) -> str:
    """The target, or a harmless fragment when it names a scheme other than the web's.

    Entities and control characters are resolved first, because some engines decode
    `javascript&#58;` into a working scheme.
    """
    probe = "".join(c for c in html.unescape(target) if ord(c) > 32)
    scheme = _SCHEME.match(probe)
    if scheme and scheme.group(1).lower() not in NOTE_LINK_SCHEMES:
        return "#unsafe-link-removed"
    return target
