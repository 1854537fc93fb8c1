"""Page furniture rules: every rule loads, its examples match and its counter-examples
do not, and cleaning keeps exact slices of the page."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.readers.furniture import ACTIONS, LEAD_PARAGRAPHS, PLACES, clean_text, rules

RULES = rules()


def test_rules_load_with_known_actions_and_unique_names():
    assert RULES
    assert len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.action in ACTIONS and rule.where in PLACES
        assert rule.reason and rule.examples, rule.name


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_examples_match_and_counter_examples_do_not(rule):
    for example in rule.examples:
        assert rule.pattern.search(example), (rule.name, example)
    for text in rule.keep:
        assert not rule.pattern.search(text), (rule.name, text)


def _is_slice_sequence(cleaned: str, original: str) -> bool:
    position = 0
    for paragraph in cleaned.split("\n\n"):
        found = original.find(paragraph, position)
        if found < 0:
            return False
        position = found + len(paragraph)
    return True


PAGE = """\
Minister quits Rows over budget deepen Photo caption here

KUALA LUMPUR | Mon Apr 27, 2009 4:19 am BST KUALA LUMPUR, April 27 (Reuters) - The \
minister resigned on Monday.

By Jane Doe, Political Editor He had held the post since 2005.

Photograph: Ann Lee\\/AFP\\/Getty Images Protesters gathered on Sunday.

To play this content JavaScript must be turned on and the latest Flash player installed.

3:44 pm ET February 11, 2013 RETWEET Something else happened in 2013.

3:44 pm ET February 11, 2013 Another box of the crawl.

This discussion is now closed.

Reader said on Tuesday that everything was fine.
"""


def test_a_crawled_page_keeps_its_reporting_only():
    cleaned = clean_text(PAGE, dt.date(2009, 4, 27))
    assert cleaned.text.split("\n\n") == [
        "The minister resigned on Monday.",
        "He had held the post since 2005.",
        "Protesters gathered on Sunday.",
    ]
    assert _is_slice_sequence(cleaned.text, PAGE)
    assert cleaned.removed == {"lead_time_stamp": 1, "wire_dateline": 1, "lead_byline": 1,
                               "photo_credit": 1, "media_notice": 2,
                               "stamp_after_publication": 1, "comment_policy": 1}


def test_lead_rules_look_at_the_top_of_the_page_only():
    body = "\n\n".join(f"Paragraph {n} tells what happened." for n in range(LEAD_PARAGRAPHS))
    late = body + "\n\nOfficials in BERLIN (Reuters) - said on Monday the talks would go on."
    assert clean_text(late).text == late


def test_a_clean_article_is_left_as_it_is():
    text = "Talks resumed on July 21.\n\nBoth sides said they were hopeful."
    assert clean_text(text).text == text and clean_text(text).removed == {}
