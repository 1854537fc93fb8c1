"""Untrusted text stays text: through Markdown (with the site's extensions) and HTML."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.escape import md_text, notes_markdown, safe_url, script_json

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "fenced_code", "pymdownx.emoji",
              "pymdownx.mark", "pymdownx.tilde", "pymdownx.caret", "pymdownx.keys",
              "pymdownx.magiclink", "pymdownx.arithmatex"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def visible(fragment: str) -> str:
    """What a browser shows for a fragment that holds no tags."""
    return html.unescape(fragment)


# Text made of the characters that mean something somewhere, plus letters and spaces.
hostile = st.text(alphabet=st.sampled_from(list("<>&\"'`*_[](){}#!|~^=+-:.$@\\/ \n\tab1")),
                  max_size=40)


@settings(max_examples=400, deadline=None)
@given(hostile)
def test_any_text_renders_as_one_paragraph_of_itself(text):
    collapsed = " ".join(text.split())
    out = to_html(f"x {md_text(text)}")  # inside a paragraph, as the templates use it
    match = re.fullmatch(r"<p>(.*)</p>", out, re.S)
    assert match, out
    assert "<" not in match.group(1), out
    assert visible(match.group(1)).strip() == f"x {collapsed}".strip()


@settings(max_examples=200, deadline=None)
@given(hostile)
def test_text_at_the_start_of_a_line_starts_no_block(text):
    collapsed = " ".join(text.split())
    out = to_html(str(md_text(text)))
    if not collapsed:
        return
    match = re.fullmatch(r"<p>(.*)</p>", out, re.S)
    assert match, out
    assert visible(match.group(1)) == collapsed


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "{{ 7*7 }}",
    "{% if x %}y{% endif %}", "[link](javascript:alert(1))", "**bold** _it_ `code`",
    "# heading", "1. item", "- item", "| a | b |", "text { onclick=x }", ":smile: ==m==",
])
def test_known_attacks_show_as_written(text):
    out = to_html(str(md_text(text)))
    assert visible(re.fullmatch(r"<p>(.*)</p>", out, re.S).group(1)) == text


def test_notes_keep_markdown_but_not_html():
    notes = ("Some **bold** and a [link](https://example.org).\n\n"
             "<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
             "[bad](javascript:alert(3)) [worse](JaVaScRiPt&#58;alert(4)) "
             "[ref][r] ![pic](https://example.org/p.png) <https://example.org/auto>\n\n"
             "[r]: javascript:alert(5)\n\n"
             "# Title\n\n{: onclick=alert(6) }\n\n"
             "Inline `<b>code</b>` stays code.\n\n"
             "```html\n<b>fenced</b>\n```\n")
    out = to_html(str(notes_markdown(notes)))
    assert "<strong>bold</strong>" in out and "<h3 id=\"title\">" in out
    assert '<a href="https://example.org">link</a>' in out
    assert "<script" not in out and "<img" not in out
    assert not re.search(r"<[^>]*\sonclick=", out)  # as text it is fine, as an attribute not
    assert 'href="javascript' not in out.lower() and "alert(5)" not in out
    assert '<a href="https://example.org/p.png">pic</a>' in out  # remote image -> link
    assert '<a href="https://example.org/auto">' in out
    assert "<code>&lt;b&gt;code&lt;/b&gt;</code>" in out
    assert "&lt;b&gt;fenced&lt;/b&gt;" in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
    ("http://example.org/wiki/Foo_(bar)", "http://example.org/wiki/Foo_%28bar%29"),
    ('https://e.com/"><script>', "https://e.com/%22%3E%3Cscript%3E"),
    ("javascript:alert(1)", None), ("data:text/html,x", None), ("//example.org", None),
    ("https://exa mple.org", None), ("ftp://example.org", None), (None, None), (3, None),
])
def test_safe_url(url, expected):
    result = safe_url(url)
    assert (str(result) if result is not None else None) == expected


def test_script_json_cannot_close_the_script():
    text = str(script_json({"name": "</script><script>alert(1)</script> & \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text
