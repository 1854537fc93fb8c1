"""The word-class reading the title rules rest on (generator/extraction/grammar.py), on
invented sentences of the shapes met in the archives."""
import pytest

from generator.extraction import grammar
from generator.extraction.titles import headline_flaw, make_title


@pytest.mark.parametrize("text, verb", [
    ("Rescuers pulled two children from the rubble", "pulled"),
    ("Castro accused the neighbours of hiding the outbreak", "accused"),  # read as VBN
    ("Rebels also captured the coastal town", "captured"),
    ("A storm that has flattened two villages could reach the coast", "could"),
    ("Three of the fighters who were killed were carrying maps", "were"),
    ("Footage of the This Is It tour can not be used as evidence", "can"),
])
def test_the_main_verb_skips_relative_clauses_and_names(text, verb):
    found = grammar.main_verb(text)
    assert found is not None and found.text == verb


@pytest.mark.parametrize("text", [
    "Man who has recently returned from the coast",
    "Outbreak of plague in the harbour town",
    "Alleged to have been made by the guards",
])
def test_a_fragment_has_no_main_verb(text):
    assert grammar.lacks_verb(text)
    assert headline_flaw(text) == "it has no main verb"


def test_a_present_verb_after_a_name_is_given_the_benefit_of_the_doubt():
    assert not grammar.lacks_verb("Dr Okafor weeps in court as patients praise him")


@pytest.mark.parametrize("text, opens", [
    ("Its chairman resigned after the vote", True),
    ("He led the march to the square", True),
    ("Which rose 4.4 percent to 190 yen", True),
    ("WHO raised its alert level", False),  # an acronym, not "who"
    ("This week saw the first snow", False),
])
def test_a_pronoun_subject_is_seen(text, opens):
    assert grammar.opens_with_pronoun(text) is opens


@pytest.mark.parametrize("text, runs", [
    ("Rescue teams reached the harbour town The road was closed again", True),
    ("Aid will be handed out for distribution Oxfam started the convoy", True),
    ("Volunteers dug all night 'we found nobody' Dr Hale said", True),
    ("Officials said the mayor was safe", False),
    ("Officials said regional leader Amara Okafor was safe", False),
    ("The company sold planes to China Airlines and Boeing said it would", False),
])
def test_sentences_run_together_are_seen(text, runs):
    assert grammar.runs_on(text) is runs


@pytest.mark.parametrize("text, cut, clean", [
    # a subject cut from its verb
    ("The ministers from member states will meet in the capital", "member states", False),
    # a verb cut from the "to" it takes, an adjective from its noun
    ("The agency has decided to raise the alert", "decided", False),
    ("Flights were cancelled and new rules came in", "and new", False),
    # the main verb kept, a subordinate clause left out
    ("Schools have been closed after a pupil fell ill", "closed", True),
    ("The agency raised the alert on the advice of experts", "alert", True),
    # a headline keeps its main verb
    ("Experts at the national institute outlined their work", "institute", False),
])
def test_a_cut_must_leave_a_phrase_that_ends(text, cut, clean):
    offset = text.index(cut) + len(cut)
    assert grammar.clean_cut(text, offset) is clean


def test_a_long_title_drops_the_subordinate_clause_rather_than_cut_inside_it():
    sentence = ("Classrooms at a primary school in the north of the city have been closed "
                "until at least Thursday after a nine-year-old pupil from the village in "
                "year four was diagnosed with the virus.")
    start = sentence.index("until at least Thursday")
    title = make_title(sentence, [(start, start + len("until at least Thursday"))])
    assert title == "Classrooms at a primary school in the north of the city have been closed"


@pytest.mark.parametrize("text", [
    "The storm is likely to reach the coast by night",
    "A storm that has flattened two villages could reach the coast",
])
def test_what_a_writer_expects_is_no_happening(text):
    assert headline_flaw(text) == "it speculates on what could be, not what happened"


@pytest.mark.parametrize("text", [
    "WHO raises its pandemic alert to phase five",
    "Ministers from member states will meet to discuss the outbreak",
    "Man who has returned from Mexico is being tested",
    "He did n't say when the U.S. troops would leave",
    "",
])
def test_tags_without_chunks_are_the_tags_with_them(text):
    """The verb and subject rules read `tagged` (no chunker run); `words` adds the chunks
    to the very same tokens and tags."""
    plain, full = grammar.tagged(text), grammar.words(text)
    assert [(w.text, w.tag, w.start, w.end) for w in plain] == \
        [(w.text, w.tag, w.start, w.end) for w in full]
    assert all(w.chunk == "" for w in plain)
    assert all(w.chunk for w in full)
