"""Rule-based name finding and within-article normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.actors.finder import ActorFinder, ArticleNames, lowercase_vocabulary

CASES = yaml.safe_load((Path(__file__).parent / "name_cases.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_cases(case):
    finder = ActorFinder()
    before, text = case.get("before", ""), case["text"]
    vocabulary = lowercase_vocabulary(before + " " + text)
    names = ArticleNames()
    if before:
        names.learn(finder.find(before, vocabulary), before)
    mentions = finder.find(text, vocabulary)
    names.learn(mentions, text)
    assert [[names.canonical(m), m.kind] for m in mentions] == case["names"]
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
