"""Sentences -> claims. The only layer that looks at spaCy parses.

``extract_article`` turns one article's parsed sentences into immutable claim records with
exact spans; nothing downstream needs the parse again. Each claim kind has its own module
(``dates``, ``counts``, ``quantities``, ``names``) that finds its mentions in a sentence and
turns them into claims; this module only orders the work within a sentence, because the kinds
depend on each other (counts read the sentence's dates, quantities skip what counts took).
"""

from __future__ import annotations

from ..nlp.sentences import ParsedSentence
from ..records import Article, Claim
from .attribution import SourceMemory, remember_sentence_source
from .counts.claims import count_claims
from .counts.settle import settle_implicit_shootings, settle_shootings, survival_stated
from .counts.totals import CountMemory
from .dates import date_claims, find_dates
from .ids import ClaimIds
from .names import name_claims
from .people import link_people
from .quantities import quantity_claims

__all__ = ["extract_article"]


def extract_article(article: Article, parsed: list[ParsedSentence]) -> tuple[Claim, ...]:
    """All claims of one article, in reading order, with ids unique within the article."""
    claims: list[Claim] = []
    memory = SourceMemory()
    ids = ClaimIds(article.id)
    counted = CountMemory()
    for item in parsed:
        dates = find_dates(item.span, article.published)
        claims.extend(date_claims(item, dates, ids))
        counts, taken = count_claims(article, item, dates, memory, ids, counted)
        claims.extend(counts)
        claims.extend(quantity_claims(article, item, dates, taken, ids))
        if not counts:
            remember_sentence_source(item.span, memory)  # a figure-free sentence may name who "they" are
        claims.extend(name_claims(item, ids))
    settled = settle_shootings(claims, ids, survival_stated(item.span.text for item in parsed))
    return tuple(link_people(settle_implicit_shootings(settled), (item.sentence for item in parsed)))
