"""Rule-based name finding and within-article normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.extraction.names import ActorFinder, ArticleNames, lowercase_vocabulary

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


TIME_WORDS = ("January February March April May June July August September October November "
              "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec JUNE MAY Monday "
              "Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri "
              "Sat MONDAY GMT UTC BST CET EST EDT PST PDT ET IST JST Year Years Month Months "
              "Week Weeks Day Days Hour Hours Minute Minutes Decade Century").split()


@pytest.mark.parametrize("word", TIME_WORDS)
def test_names_of_months_weekdays_zones_and_units_are_never_names(word):
    finder = ActorFinder()
    for text in (f"Reuters said {word} that the talks failed.", f"{word} 12, 2009 Reply",
                 f"Officials met {word} and Barack Obama spoke.", f"{word}: prices fell."):
        names = [m.name for m in finder.find(text, lowercase_vocabulary(text))]
        assert word not in names and not any(n.endswith(" " + word) for n in names
                                              if word not in ("Day", "Year")), (text, names)
