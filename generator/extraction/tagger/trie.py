"""Compile a list of literal words into one regex shaped like a trie.

Python's `re` tries the alternatives of `a|b|c` one by one at every position, so a
pattern list of fifty words costs fifty tests per word of text. Factored into a trie
("t(?:wo|hree|en)") a mismatch is found after one character. Matching is unchanged:
longer continuations are tried first, shorter ones by backtracking.
"""

from __future__ import annotations

import re

_META = re.compile(r"[.^$*+?{}\[\]()|\\]")
_END = ""


def is_literal(line: str) -> bool:
    """Whether a pattern line is plain text (an escaped full stop is allowed)."""
    return not _META.search(line.replace(r"\.", ""))


def compile_words(words: list[str]) -> str:
    """A regex (without outer group) matching exactly `words`; spaces match `\\s+`."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word.replace(r"\.", "."):
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _emit(root)


def _emit(node: dict) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(child)
                for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
    return body
