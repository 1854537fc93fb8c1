"""In an archive of one story, what only one article tells off the story, or tells in
words no headline can be made of, goes.

Crawled story archives carry pages that mention the story once and tell other things at
length: a week of radio listings that names the singer in one programme, a live page
running the day's other news, a market report, a reader's comment. Every dated sentence
of those became an event (tls-dev, development figures: six radio-listing pages gave
364 of Michael Jackson BBC's 644 events). The archive itself says what its story is:
the words most of its articles use ("jackson", "murray", "trial"; "libya", "gadhafi",
"rebel"; "flu", "case", "spread").

So in an archive of CORROBORATING_ARCHIVE articles or more, an article is off the
story when fewer than ON_STORY_SHARE of its dated sentences use STORY_WORDS_NEEDED of
the story's words; an event that only such an article reports and whose sentences use
fewer than STORY_WORDS_NEEDED of them is dropped. An event several articles report in
words of their own stays whatever its words: the archive has confirmed it belongs. A
sentence several pages reprint word for word (a weekly listing saved again) is still
one telling. Smaller archives, and
archives of many stories, where no word but the commonest is in most articles, keep
everything: there the story words are few and common, and nearly every sentence has
two.

Evidence (development figures): on tls-dev the dropped events are, by reading, mostly
listings, page furniture, readers' comments and other stories (all seven units, four
publishers). events-dev (20 Wikinews articles) is below the archive size and
unchanged.
"""

from __future__ import annotations

from collections import Counter

from .merge_background import CORROBORATING_ARCHIVE
from .merge_group import Group, lone_groups
from .titles import headline_flaw

# A story word is used by at least this share of the archive's articles.
STORY_SHARE = 0.5
# An event one article tells belongs to the story when its sentences use this many.
STORY_WORDS_NEEDED = 2
# An article is about the story when this share of its dated sentences use that many;
# then all its events stay. A radio listing naming the singer once, a market report
# with a line on the war, do not reach it (tls-dev: with every article judged sentence
# by sentence, on-story reports lost their sentences that name no story word, "The jury
# began deliberating on Friday", and with them days of the publishers' timelines: MJ
# BBC's coverage 0.78 -> 0.70, H1N1 Reuters' 0.73 -> 0.67; development figures).
ON_STORY_SHARE = 0.5


def story_words(article_words: dict[str, frozenset[str]]) -> frozenset[str]:
    """The words at least STORY_SHARE of the articles use."""
    counts = Counter(word for words in article_words.values() for word in words)
    needed = STORY_SHARE * len(article_words)
    return frozenset(word for word, count in counts.items() if count >= needed)


def drop_off_story(groups: list[Group], article_words: dict[str, frozenset[str]],
                   dated_words: dict[str, list[frozenset[str]]]) -> None:
    """Drop the single-article groups of articles off the story whose sentences use too
    few story words. Whether an article is about the story is read from all its dated
    sentences as extracted (`dated_words`), before any merging or dropping, so a second
    run over the same articles judges it alike."""
    if len(article_words) < CORROBORATING_ARCHIVE:
        return
    story = story_words(article_words)
    on_story = {article: [sum(len(words & story) >= STORY_WORDS_NEEDED for words in told),
                          len(told)] for article, told in dated_words.items()}
    for group in lone_groups(groups):
        if any(on_story[m.article.id][0] >= ON_STORY_SHARE * on_story[m.article.id][1]
               for m in group.members):
            continue  # an article about the story: "He was found dead on Tuesday" stays
        used = frozenset().union(*(m.words for m in group.members)) & story
        if len(used) < STORY_WORDS_NEEDED:
            group.members.clear()


def drop_unreadable(groups: list[Group], articles: int) -> None:
    """In an archive of CORROBORATING_ARCHIVE articles or more, drop the single-article
    groups none of whose sentences gives a title a reader can take alone
    (`titles.headline_flaw`: first or second person, no main clause, no subject, a
    question): a reader's comment, a blogger's aside, a speaker's own words, a stray
    phrase. What several articles report stays, titled by a member that reads well
    if any does."""
    if articles < CORROBORATING_ARCHIVE:
        return
    for group in lone_groups(groups):
        if all(headline_flaw(m.event.title) is not None for m in group.members):
            group.members.clear()
