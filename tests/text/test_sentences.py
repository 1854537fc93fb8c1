"""Sentence splitting: case file, exact offsets, and the gold sentences of the dev data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.extraction.sentences import split_sentences

from ..conftest import SHARED

CASES = yaml.safe_load((Path(__file__).parent / "sentence_cases.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_cases(case):
    assert [s.text for s in split_sentences(case["text"])] == case["sentences"]


@given(st.lists(st.sampled_from(list("ab .?!\n\"”UMr") + ["Jan. ", "Inc. The ", "U.S. ", "iOS"]),
               max_size=60).map("".join))
def test_offsets_are_exact_and_ordered(text):
    previous_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end


def test_every_gold_sentence_of_the_dev_data_is_one_sentence():
    if not (SHARED / "data" / "events-dev").is_dir():
        pytest.skip("../shared/data/events-dev is not available")
    from generator.ingest import read_paths
    articles, _ = read_paths([SHARED / "data/events-dev/articles", SHARED / "seeds"])
    golds = {p.stem: p for p in (SHARED / "data/events-dev/gold").glob("*.yaml")}
    golds["000_7feccc1d5c9d4873"] = SHARED / "data/seed-gold.yaml"
    missing = []
    for article in articles:
        sentences = {s.text for s in split_sentences(article.text)}
        for event in yaml.safe_load(golds[article.id].read_text("utf-8"))["events"]:
            for sentence in [event["sentence"], *event.get("alt_sentences", [])]:
                if sentence not in sentences:
                    missing.append((article.id, sentence))
    assert missing == []
