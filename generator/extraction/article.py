"""One article -> its candidate events: clean, split, tag, extract.

A pure function of the article (no I/O, no shared state), so the same code runs in
this process, in a local process pool and on Dask workers (see `parallel`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..core.diagnostics import WARNING, Problem
from ..core.model import Article
from ..ingest.furniture import clean_article
from ..ingest.language import not_english_reason
from .candidates import Candidate, extract_article
from .names import ActorFinder
from .sentences import split_sentences
from .tagger import tag_sentences


def article_candidates(article: Article, finder: Optional[ActorFinder] = None
                       ) -> list[Candidate]:
    """Sentences -> dates -> candidate events for one article."""
    sentences = split_sentences(article.text)
    dct = str(article.published) if article.published and not article.published.unknown_year \
        else None
    timexes = tag_sentences(article.text, [(s.start, s.end) for s in sentences], dct)
    return extract_article(article, timexes, sentences, finder)


def guarded_candidates(article: Article, finder: Optional[ActorFinder] = None
                       ) -> tuple[list[Candidate], list[Problem]]:
    """The candidates of one article, or the problem that kept it from giving any.

    Page furniture (comments, stamps, bylines, credits) is taken out first. One article
    must never take the others down: a page in another language is skipped with a
    warning, and a failure while cleaning, tagging or extracting it (a bug) becomes that
    article's error, with the exception's kind, and the run goes on.
    """
    reason = not_english_reason(article.text, article.language)
    if reason:
        return [], [Problem(article.path or Path(article.id), f"skipped: {reason}; "
                            "extraction reads English articles only", article.row, WARNING)]
    try:
        article, _ = clean_article(article)
        return article_candidates(article, finder), []
    except Exception as exc:  # noqa: BLE001 - isolate the article, report the bug
        return [], [Problem(article.path or Path(article.id),
                            f"could not extract events: {type(exc).__name__}: {exc}; the "
                            "other articles were extracted. This is a bug in Timeline "
                            "Generator: please report it with this file", article.row)]
