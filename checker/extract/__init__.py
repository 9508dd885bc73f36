"""Sentences -> claims. The only layer that looks at spaCy parses.

``extract_article`` turns one article's parsed sentences into immutable claim records with
exact spans; nothing downstream needs the parse again. Each claim kind has its own module
(``dates``, ``counts``, ``quantities``, ``names``) that finds its mentions in a sentence and
turns them into claims; this module only orders the work within a sentence, because the kinds
depend on each other (counts read the sentence's dates, quantities skip what counts took).

Every claim's ``text`` is exactly its field's ``[start:end]`` (``exact_spans``): the parser reads a
title-case headline re-cased and page furniture blanked out, but a claim quotes the article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

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

__all__ = ["exact_spans", "extract_article"]


def extract_article(
    article: Article, parsed: list[ParsedSentence], *, check: Callable[[], None] | None = None
) -> tuple[Claim, ...]:
    """All claims of one article, in reading order, with ids unique within the article.

    ``check`` is called before each sentence (a ``TimeBudget`` watch: it raises to stop an article
    that has used up its time)."""
    claims: list[Claim] = []
    memory = SourceMemory()
    ids = ClaimIds(article.id)
    counted = CountMemory()
    for item in parsed:
        if check is not None:
            check()
        dates = find_dates(item.span, article.published)
        claims.extend(exact_spans(article, date_claims(item, dates, ids)))
        counts, taken = count_claims(article, item, dates, memory, ids, counted)
        claims.extend(counts)
        claims.extend(quantity_claims(article, item, dates, taken, ids))
        if not counts:
            remember_sentence_source(item.span, memory)  # a figure-free sentence may name who "they" are
        claims.extend(exact_spans(article, name_claims(item, ids)))
    settled = settle_shootings(claims, ids, survival_stated(item.span.text for item in parsed))
    return tuple(link_people(settle_implicit_shootings(settled), (item.sentence for item in parsed)))


def exact_spans(article: Article, claims: Iterable[Claim]) -> Iterator[Claim]:
    """Claims quoting the article exactly: a claim read from the parser's form of the text (a re-cased
    headline) takes the article's own characters at its span; one whose span straddles blanked-out
    page furniture (a publication stamp inside what looked like a name) is no claim and is dropped."""
    for claim in claims:
        original = article.field_text(claim.field)[claim.start : claim.end]
        if original == claim.text:
            yield claim
        elif original.lower() == claim.text.lower() and original.strip():
            yield replace(claim, text=original)
