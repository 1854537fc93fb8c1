"""Page furniture rules: every rule loads, its examples match and its counter-examples
do not, and cleaning keeps exact slices of the page."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.ingest.furniture import ACTIONS, LEAD_PARAGRAPHS, PLACES, clean_text, rules

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


RUN_ON = ("Swine flu cases close city school Pupils have been given medicine as a precaution "
          "after the outbreak last weekend Another nine cases of swine flu have been confirmed "
          "in the city, taking the total to 27, the health agency said on Tuesday.\n\n"
          "The agency said the pupils had been to Mexico.")


def test_a_headline_and_caption_run_into_the_lede_are_dropped():
    cleaned = clean_text(RUN_ON)
    assert cleaned.text.startswith("Another nine cases of swine flu have been confirmed")
    assert cleaned.removed == {"run_on_top": 1}


@pytest.mark.parametrize("lede", [
    # a long first sentence with names after verbs and roles is left whole
    "The doctor accused of giving Michael Jackson a lethal dose of anaesthetic will be allowed "
    "to keep practising medicine while he awaits trial, a judge in Los Angeles ruled on Monday.",
    "Libyan leader Moammar Gadhafi took aim at the rebel-controlled town of Ras Lanuf on Monday, "
    "launching aerial strikes as part of an assault on the oil port, witnesses told reporters.",
])
def test_a_long_lede_without_a_run_on_top_is_kept(lede):
    text = lede + "\n\nMichael Jackson and Moammar Gadhafi were named again later."
    assert clean_text(text).text == text
