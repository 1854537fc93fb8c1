"""Untrusted TimelineJS HTML becomes plain text and web links only."""

from __future__ import annotations

import pytest

from generator.importers.htmltext import links, paragraphs, to_text


@pytest.mark.parametrize("html, text", [
    ("<b>Talks</b> resume", "Talks resume"),
    ("Fish &amp; chips &lt;b&gt;", "Fish & chips <b>"),
    ("a<script>alert(1)</script>b<style>p{}</style>c", "abc"),
    ("<img src=x onerror=alert(1)>text", "text"),
    ("<iframe src='https://evil.example'>inner</iframe>after", "after"),
    ("line<br>break", "line break"),
    ("  lots   of\n\n space ", "lots of space"),
    ("<a href='javascript:alert(1)'>click</a>", "click"),
    ("<p>unclosed <i>tags", "unclosed tags"),
])
def test_to_text(html, text):
    assert to_text(html) == text


def test_only_web_links_survive():
    html = ("<p><a href='https://example.org/a b'>one</a> <a href='JAVASCRIPT:x'>two</a> "
            "<a href='data:text/html,x'>three</a> <a href='mailto:x@example.org'>four</a> "
            "<a href='http://example.com/'>five</a> <a href='https://example.org/a b'>again</a>")
    assert [(link.url, link.text) for link in links(html)] == [
        ("https://example.org/a%20b", "one"), ("http://example.com/", "five")]


def test_markdown_paragraphs_escape_link_words():
    (first, second) = paragraphs("<p>See <a href='https://example.org'>[the] report</a>.</p>"
                                 "<ul><li>item <a href='javascript:x'>bad</a></li></ul>")
    assert first.markdown() == "See [\\[the\\] report](https://example.org)."
    assert second.markdown() == "- item bad"
