"""Headline-style titles made from the sentence an event came from.

A title is the sentence's main clause, cut down: no lead-in adverbials ("In addition,"),
no attribution ("..., Xinhua said", "according to ..."), no date phrase (the date is
shown beside it), no trailing clause after a comma or a relative pronoun, and about
twelve words at most, ending on a word that can end a phrase.
"""

from __future__ import annotations

import re
from typing import Iterable

MAX_WORDS = 12
# Lead-in phrases that end at the first comma ("Earlier, on June 24, Apple told ...").
_LEAD_IN = re.compile(
    r"^(?:(?:in addition|additionally|however|meanwhile|still|also|earlier|later|instead|"
    r"separately|previously|in the meantime|at the same time|in response|as a result|"
    r"furthermore|moreover|yesterday|today|on \w+(?: \d+)?|in \w+|at \d+\S*(?: \w+)?)"
    r"[^,]{0,40},\s*)+", re.I)
# "..., Xinhua said in a commentary." / "..., according to people familiar with it."
_ATTRIBUTION_TAIL = re.compile(
    r",\s*(?:according to\b[^,]*|as reported by\b[^,]*|(?:the\s+)?[\w.’'\s-]{0,60}?\b"
    r"(?:said|says|told|reported|added|stated|wrote)\b(?:\s+[^\s,]+){0,6})\s*$", re.I)
_SAID_THAT = re.compile(
    r"^(?P<who>[\w.’'\s-]{2,60}?)\s+(?:said|says|told \w+|announced|reported|stated|"
    r"acknowledged|admitted|claimed)(?:\s+\w+day|\s+yesterday|\s+today)?\s+(?:that\s+)?",
    re.I)
_CUT_AT = re.compile(r"\sor\s|,\s*(?:which|who|where|while|but|although|as|after|before|"
                     r"indicating|saying|according)\b|;|\s[—–-]\s|:\s|\s\(|,\s", re.I)
_BAD_ENDINGS = frozenset("a an the of to in on at by for with from and or but that which who "
                         "as its their his her is are was were be been has have had will "
                         "would could about into than".split())
_DANGLING = re.compile(r"(?:^|\s+)(?:on|in|at|by|during|from|since|until|till|through|to|of|"
                       r"this|last|next|between|at least|back to|for|over|within|throughout)\s*$", re.I)
# A subordinate or prepositional lead-in before the main clause: "Rather than recall the
# devices, Jobs said ...", "With China's leaders away, ...", "Facing its worst crisis, ...".
_LEAD_CLAUSE = re.compile(
    r"^(?:rather than|in addition to|in response to|in the aftermath of|with|despite|after|"
    r"before|while|although|though|as|to|in|on|at|during|following|amid|because|when|if|"
    r"once|unlike|for|\w+ing)\b[^,]{3,90},\s*(?=\S)", re.I)
_PRONOUN_START = re.compile(r"^(?:it|they|he|she|we|i|you)\b", re.I)


# Where a clause that may hold its own happening begins.
_CLAUSE_START = re.compile(r"[;,]\s+|\s+(?=(?:since|after|before|when|while|because|whether|"
                           r"although|until|as)\s)", re.I)
_QUOTE_FIRST = re.compile(r"^[“\"](?P<quote>[^”\"]{8,}?)[,.!?]?[”\"],?\s+(?P<who>[^,]{3,80}?)\s+"
                          r"(?:said|says|told|added|wrote|stated)\b")


def make_title(sentence: str, date_spans: Iterable[tuple[int, int]] = (),
               focus: tuple[int, int] | None = None) -> str:
    """A short title from `sentence`; `date_spans` are offsets of date phrases in it.

    `focus` is the date this title is for. When the sentence holds several dates, or
    the date sits in a subordinate clause ("..., after goodwill gestures by Beijing over
    the weekend"), the title is made from the clause around that date ("... since the
    presidents met in Japan in late June" -> "Presidents met in Japan").
    """
    quoted = _QUOTE_FIRST.match(sentence)
    if quoted:
        return _finish(f"{quoted.group('who')}: {quoted.group('quote')}")
    spans = list(date_spans)
    if focus is not None and (len(spans) > 1 or _in_subordinate_clause(sentence, focus)):
        sentence, spans = _clause(sentence, spans, focus)
    text = _remove_spans(sentence, spans)
    text = re.sub(r"[“”\"]", "", text).strip()
    text = _LEAD_IN.sub("", text)
    lead = _LEAD_CLAUSE.match(text)
    if lead and len(text[lead.end():].split()) >= 4:
        text = text[lead.end():]
    said = _SAID_THAT.match(text)
    rest = text[said.end():].strip() if said else ""
    if said and len(said.group("who").split()) <= 5 and rest and not _PRONOUN_START.match(rest):
        text = rest
    text = _ATTRIBUTION_TAIL.sub("", text)
    cut = _CUT_AT.search(text, 20)
    if cut:
        text = text[:cut.start()]
    return _finish(text, sentence)


_SUBORDINATE = re.compile(r"(?:after|since|before|when|while|with|as|following|amid)\s", re.I)


def _in_subordinate_clause(sentence: str, focus: tuple[int, int]) -> bool:
    """The date belongs to a clause opened by "after", "with", "since" ... rather than
    to the main clause ("could happen soon, ... after gestures by Beijing over the
    weekend"; "With China's leaders out of Beijing from early August, ...")."""
    clause_start = max([0] + [m.end() for m in _CLAUSE_START.finditer(sentence, 0, focus[0])])
    return _SUBORDINATE.match(sentence, clause_start) is not None


def _clause(sentence: str, spans: list[tuple[int, int]], focus: tuple[int, int]
            ) -> tuple[str, list[tuple[int, int]]]:
    """The clause holding the `focus` date, with the date spans inside it."""
    starts = [0] + [m.end() for m in _CLAUSE_START.finditer(sentence)]
    start = max(s for s in starts if s <= focus[0])
    ends = [m.start() for m in _CLAUSE_START.finditer(sentence) if m.start() >= focus[1]]
    end = min(ends) if ends else len(sentence)
    lead = re.match(r"(?:since|after|before|when|while|because|whether|although|until|as|"
                    r"with|following|amid)\s+", sentence[start:end], re.I)
    if lead:
        start += lead.end()
    relative = None
    for match in re.finditer(r"\b(?:that|which|who)\s+", sentence[start:focus[0]]):
        relative = match
    if relative is not None:
        head = sentence[start:start + relative.start()].split()
        noun_phrase = []
        for word in reversed(head[-4:]):
            if word.lower() in ("on", "of", "with", "to", "based", "for", "in", "at", "said",
                                "says", "that"):
                break
            noun_phrase.insert(0, word)
        if noun_phrase and noun_phrase[-1].lower() not in _BAD_ENDINGS:
            np_text = " ".join(noun_phrase)
            rest = start + relative.end()
            clause = f"{np_text} {sentence[rest:end]}"
            shift = rest - len(np_text) - 1
            return clause, [(s - shift, e - shift) for s, e in spans if rest <= s and e <= end]
    clause = sentence[start:end]
    inside = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
    if len(_remove_spans(clause, inside).split()) < 4:
        return sentence, spans
    return clause, inside


def _finish(text: str, fallback: str = "") -> str:
    text = _tidy(text)
    words = text.split()
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS]
        while len(words) > 4 and words[-1].lower().strip(",") in _BAD_ENDINGS:
            words.pop()
        text = " ".join(words).rstrip(",")
    text = re.sub(r"^(?:a (?:number|series|string|couple|handful) of|several|the|a|an)\s+", "",
                  text, flags=re.I)
    if not text:
        return fallback[:80]
    first = text.split()[0]
    if first[1:] == first[1:].lower():  # leave "iOS", "eBay" as they are
        text = text[:1].upper() + text[1:]
    return text


def _remove_spans(sentence: str, spans: Iterable[tuple[int, int]]) -> str:
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        before = _strip_dangling(sentence[position:start])
        out.append(before)
        position = end
    out.append(sentence[position:])
    return " ".join(part.strip() for part in out if part.strip())


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;:.")
    return _strip_dangling(text).strip(" ,;:.")


def _strip_dangling(text: str) -> str:
    """Drop the prepositions a removed date leaves behind ("until at least", "back to")."""
    while True:
        shorter = _DANGLING.sub("", text)
        if shorter == text:
            return text
        text = shorter
