"""Word classes and phrases of a title, so that the title rules can tell where its main
verb is and whether a cut leaves a phrase open.

The part-of-speech tags (Penn Treebank set) and the phrase chunks come from TextBlob's
copy of the Pattern library's tagger: a lexicon and Brill-style context rules that ship
inside the wheel, so nothing is downloaded at run time. Everything this module decides
from those tags is ours. The tagger reads a title in about a tenth of a millisecond.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional


# Tokens as the Treebank splits them: contractions apart ("did n't", "WHO 's"), initials
# and titles with their stops ("U.S.", "Dr."), numbers whole ("2,200", "4.4").
_TOKEN = re.compile(r"\w+?(?=n[’']t\b)|n[’']t\b|[’'](?:s|re|ve|ll|d|m)\b|(?:[A-Za-z]\.){2,}|"
                    r"(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gen|Gov|Lt|Col|Prof|Jr)\.|\d+(?:[.,:]\d+)*(?:-\w+)*|"
                    r"\w+(?:[&/-]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Word:
    """One token: its text, its tag, its chunk (B-NP, I-VP, O ...) and where it ends in
    the text it was read from."""
    text: str
    tag: str
    chunk: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _parser():
    """TextBlob's English parser, imported when a title is first read: the commands that
    write no titles do not pay for loading it."""
    from textblob.en import parser
    return parser


@lru_cache(maxsize=1 << 15)
def tagged(text: str) -> tuple[Word, ...]:
    """The tokens of `text` with their tags, without chunks (chunk ""): all the verb and
    subject rules read, so a title judged as a headline is never chunked."""
    offsets = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    if not offsets:
        return ()
    found = _parser().find_tags([token for token, _, _ in offsets])
    for entry in found:
        if entry[0].isupper() and len(entry[0]) > 1 and entry[0].isalpha():
            entry[1] = "NNP"  # "WHO", "NATO", "UK": an acronym is a name, not "who"
    return tuple(Word(token, entry[1], "", start, end)
                 for (token, start, end), entry in zip(offsets, found))


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[Word, ...]:
    """The tokens of `text` with their tags and chunks."""
    found = tagged(text)
    if not found:
        return ()
    chunked = _parser().find_chunks([[word.text, word.tag] for word in found])
    return tuple(Word(word.text, word.tag, entry[2], word.start, word.end)
                 for word, entry in zip(found, chunked))


# Finite verb forms: past, present and modals. A past participle with no auxiliary after
# its subject is a headline's past tense ("Castro accused Mexico"), which the tagger
# reads as a participle when no auxiliary precedes it.
_FINITE = frozenset("VBD VBZ VBP MD".split())
_SUBJECT = frozenset("NN NNS NNP NNPS PRP CD EX".split())
_RELATIVE = frozenset("WDT WP WP$".split())


_AUXILIARIES = frozenset("is are was were be been has have had do does did will would "
                         "shall should can could may might must".split())


@lru_cache(maxsize=8192)
def main_verb(text: str) -> Optional[Word]:
    """The first finite verb of `text`'s main clause, or None: verbs of a relative clause
    ("Man who has returned from Mexico") and verbs before any subject do not count. A
    title opens with its subject, so its first word is taken as (part of) the subject
    whatever its tag ("Masks were ...", "Both were ...") unless it is a preposition,
    conjunction or "-ing" form."""
    found = tagged(text)
    if not found:
        return None
    subject = found[0].tag not in ("IN", "TO", "CC", "WRB", "WDT", "WP", "VBG")
    relative = False
    closed: Optional[Word] = None  # the last verb of a relative clause, once it is read
    previous = Word("", "NN", "O", 0, 0) if subject else found[0]
    for index, word in enumerate(found[1:], start=1):
        if subject and (word.tag in _RELATIVE or _relative_that(found, index)):
            relative, previous = True, word
            continue
        if word.text[:1].isupper():
            subject = subject or word.tag.startswith("NN") or word.tag.startswith("VB")
            previous = word
            continue  # a capitalised word is part of a name ("the This Is It tour")
        # the first verb of a verb group ("has officially started": "has")
        finite = (word.tag in _FINITE or (subject and word.tag in ("VBN", "VB"))) and \
            not previous.tag.startswith(("VB", "MD")) and previous.tag != "TO"
        if word.tag in _FINITE and closed is not None and previous is closed and \
                closed.text.lower() not in _AUXILIARIES:
            return word  # "fighters who were killed | were carrying"
        if finite:
            if relative:
                relative, previous = False, word  # the relative clause's own verb
                closed = word
                continue
            return word if subject else None
        if closed is not None and previous is closed and word.tag.startswith("VB"):
            closed = word  # the rest of the relative clause's verb group
        if word.tag in _SUBJECT:
            subject = True
        if word.tag != "RB":
            previous = word  # "also captured": an adverb does not end the verb group
    return None


def lacks_verb(text: str) -> bool:
    """Whether `text` has no finite verb of its main clause and no word that may be a
    present-tense verb the tagger took for a plural noun: a "-s" word after a name or a
    comma ("Dr Okafor weeps in court", "X's father, Joseph, files a lawsuit", as
    headings write) is given the benefit of the doubt."""
    if main_verb(text) is not None:
        return False
    found = tagged(text)
    return not any(word.text.endswith("s") and word.text[:1].islower() and
                   word.tag in ("NNS", "VBZ") and
                   (found[index - 1].text[:1].isupper() or found[index - 1].text == ",")
                   for index, word in enumerate(found) if index > 0)


def _relative_that(found: tuple[Word, ...], index: int) -> bool:
    """"that" between a noun and a verb opens a relative clause ("New flu that has
    killed ..."); the tagger reads it as a preposition."""
    return found[index].text.lower() == "that" and index > 0 and \
        found[index - 1].tag.startswith("NN") and index + 1 < len(found) and \
        (found[index + 1].tag in _FINITE or found[index + 1].tag == "RB")


def runs_on(text: str) -> bool:
    """Whether `text` runs a second sentence on after its main clause with no stop
    between: a capitalised determiner or pronoun ("... oil refinery The revolution has
    started", "... in Haiti It's in Port-au-Prince"), or a name after a lower-case noun
    ("... for distribution ActionAid started") or after a closing quote, that opens a
    subject with a finite verb of its own. A name after a verb or a preposition ("said Libyan leader X was", "to
    Haiti") is the clause's own object, not a new sentence."""
    found = tagged(text)
    verb = main_verb(text)
    if verb is None:
        return False
    for index in range(1, len(found)):
        word = found[index]
        if word.start <= verb.start or not word.text[:1].isupper():
            continue
        previous = found[index - 1]
        quoted = previous.text in ("'", "’", '"', "”") and index > 1 and \
            found[index - 2].text[:1].islower()
        following = found[index + 1] if index + 1 < len(found) else None
        opener = word.tag in ("DT", "PRP", "PRP$", "EX") or quoted
        # a one-word name: "leader Muammar Gaddafi was" is a title before a name
        after_noun = previous.text[:1].islower() and previous.tag in ("NN", "NNS", "CD") \
            and following is not None and not following.text[:1].isupper()
        if not (opener or after_noun):
            continue
        if _finite_verb_follows(found[index + 1:]):
            return True
    return False


_PRONOUNS = frozenset("he she it they his her its their".split())
_POINTING = frozenset("this that these those which who".split())


def opens_with_pronoun(text: str) -> bool:
    """Whether `text`'s subject is a pronoun a reader cannot resolve alone ("He led a
    coup", "Its director general stopped short", "Which rose 4.4 percent")."""
    found = tagged(text)
    if not found:
        return False
    first = found[0].text.lower()
    if first in _PRONOUNS and found[0].tag in ("PRP", "PRP$"):
        return True
    return first in _POINTING and found[0].tag != "NNP" and len(found) > 1 and \
        (found[1].tag in _FINITE or found[1].tag.startswith("VB"))


# A phrase cannot end on these: a determiner, preposition, conjunction, "to", a
# possessive, a modal, a relative word, "there", or an "-ing" form (which wants its
# object: "issued a warning calling").
_OPEN_END = frozenset("DT PDT IN CC TO PRP$ POS MD WDT WP WP$ WRB EX VBG".split())
_ACTIVE = frozenset("VB VBD VBZ VBP".split())
# Words after which a clause may begin afresh: what follows a cut before them is not
# the rest of the clause the cut ends.
_SUBORDINATORS = frozenset("after before because while when whereas since until unless "
                           "although though if as whether once".split())
_STOPS = frozenset({",", ";", ":", "(", ")", "-", "–", "—"})
# After a cut, a participle or a "that" also opens a clause of its own ("ministers |
# based in X", "said | that ..."), where a run-on's new subject does not stop.
_CUT_STOPS = frozenset({"VBN", "that"})


def _finite_verb_follows(following: list[Word] | tuple[Word, ...],
                         also_stop_at: frozenset[str] = frozenset()) -> bool:
    """Whether a finite verb comes in `following` before anything that opens another
    clause: punctuation, a relative or "wh" word, a conjunction, "to", an "-ing" form, a
    subordinator, or a tag or lower-case word of `also_stop_at`. The words read up to it
    are then a subject waiting for that verb."""
    for word in following:
        lower = word.text.lower()
        if word.text in _STOPS or word.tag in _RELATIVE or \
                word.tag in ("CC", "TO", "VBG", "WRB") or lower in _SUBORDINATORS or \
                word.tag in also_stop_at or lower in also_stop_at:
            return False
        if word.tag in _FINITE:
            return True
    return False


def clean_cut(text: str, offset: int) -> bool:
    """Whether cutting `text` at `offset` leaves a phrase a reader can take as ended: it
    does not cut a noun or verb phrase in two, end on a word that wants what follows, cut
    a verb from the "to" or preposition it takes ("decided | to raise", "result | in a
    drop"), or leave a subject without the verb that comes after the cut ("ministers |
    from member states will meet")."""
    found = words(text)
    before = [w for w in found if w.end <= offset]
    after = [w for w in found if w.start >= offset]
    if not before or not after:
        return True
    last, following = before[-1], after[0]
    verb = main_verb(text)
    if verb is not None and verb.end > offset:
        return False  # a headline keeps its main verb
    if following.chunk.startswith("I-") and following.tag != "CC":
        return False
    if last.tag in _OPEN_END:
        return False
    if last.tag in ("JJ", "JJR", "JJS") and len(before) > 1 and \
            before[-2].tag in ("DT", "JJ", "PRP$", "POS", "CD", "CC") and \
            (following.tag.startswith(("NN", "JJ")) or following.text == ","):
        return False  # an adjective left without its noun ("... and new, more virulent")
    if following.tag == "TO" and (last.tag in ("VBD", "VBZ", "VBP", "VBN", "JJ") or (
            last.tag == "VB" and len(before) > 1 and before[-2].tag == "TO")):
        # "decided | to raise", "due | to start", "to try | to control"; after a modal
        # the "to" is a purpose ("will meet | to discuss")
        return False
    if following.tag == "IN" and last.tag in _ACTIVE and \
            following.text.lower() not in _SUBORDINATORS:
        return False
    return not _finite_verb_follows(after, also_stop_at=_CUT_STOPS)
