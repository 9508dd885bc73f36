"""Adding published articles to the archive: read once, extracted, embedded, placed in a story, stored.

Articles are placed in publication order, each against everything archived before it (the ones of
the same call included), so a story grows as its coverage arrives. Work is committed in chunks: a
crash loses at most the chunk in progress, never an article already committed, and never leaves half
an article behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..analyse.batch import ArticleClaims
from ..analyse.build import ClaimSource, extract_claims, lead_text, story_inputs
from ..analyse.pairing import PAIRINGS
from ..analyse.story_signals import StoryArticle, StoryParams
from ..errors import ErrorCode
from ..extract.context import masked
from ..limits import TimeBudget
from ..nlp.embeddings import Embedder
from ..records import Article, Claim, InputError, Sentence
from .assign import place
from .index import LeadIndex
from .store import ArchiveStore, StoredArticle

__all__ = ["AddResult", "add_articles"]

CHUNK = 200


@dataclass
class AddResult:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already archived under this id
    new_stories: int = 0
    errors: list[InputError] = field(default_factory=list)  # articles not added: over their time budget


@dataclass(frozen=True)
class Analysed:
    """An article read, extracted and embedded, ready to be placed and stored."""

    article: Article
    sentences: list[Sentence]
    claims: list[Claim]
    story: StoryArticle | None  # lead vector, names and incident dates (None when ``error``)
    vectors: dict[str, np.ndarray]  # clause vectors of its claims, by text key
    error: InputError | None = None  # not analysed: over its time budget (``checker.limits``)


Analyse = Callable[[Sequence[Article]], Iterable[Analysed]]


def add_articles(
    store: ArchiveStore,
    articles: Sequence[Article],
    *,
    embedder: Embedder | None = None,
    params: StoryParams = StoryParams(),  # noqa: B008 - frozen
    progress: Callable[[int, int], None] | None = None,
    chunk: int = CHUNK,
    cache: ClaimSource | None = None,
    analyse: Analyse | None = None,
) -> AddResult:
    """Add ``articles`` (ids already archived are skipped), committing every ``chunk`` articles.

    ``analyse``: how articles are read, extracted and embedded (in this process by default; the Ray
    engine passes its own); it must yield them in the order given."""
    result = AddResult()
    with store.writer():
        index = LeadIndex(store)
        fresh = [a for a in articles if not store.has(a.id)]
        result.skipped = [a.id for a in articles if store.has(a.id)]
        fresh.sort(key=lambda a: (a.published is None, a.published or 0, a.id))
        embedder = embedder or Embedder(store=store)
        analysed = iter(analyse(fresh) if analyse is not None else _analysed_here(fresh, embedder, cache, chunk))
        done = 0
        while done < len(fresh):
            part = [next(analysed) for _ in range(min(chunk, len(fresh) - done))]
            with store.transaction():
                for item in part:
                    if item.error is not None or item.story is None:
                        result.errors += [item.error] if item.error is not None else []
                        continue
                    store.put_vectors(item.vectors)
                    placement = place(store, index, item.story, params)
                    story = placement.story or store.next_story_id()
                    result.new_stories += placement.story is None
                    seq = store.next_seq()
                    s = item.story
                    store.insert(
                        StoredArticle(
                            item.article,
                            seq,
                            story,
                            item.sentences,
                            item.claims,
                            s.lead_vector,
                            placement.local,
                            s.names,
                            s.incident_dates,
                        )
                    )
                    index.add(seq, s.lead_vector)
                    result.added.append(item.article.id)
            index.save()
            done += len(part)
            if progress:
                progress(done, len(fresh))
    return result


def _analysed_here(
    articles: Sequence[Article], embedder: Embedder, cache: ClaimSource | None, chunk: int
) -> Iterable[Analysed]:
    for start in range(0, len(articles), chunk):
        part = articles[start : start + chunk]
        budget = TimeBudget()
        extracted = extract_claims(part, cache=cache, budget=budget)
        for article in part:
            if article.id not in extracted:  # over its time budget: half its claims would be a lie
                error = InputError(path=article.path, code=ErrorCode.TIME_BUDGET, message=budget.message(article.id))
                yield Analysed(article, [], [], None, {}, error)
        part = [a for a in part if a.id in extracted]
        if not part:
            continue
        leads = embedder.encode([lead_text(a, extracted[a.id].sentences) for a in part])
        vectors = _context_vectors(embedder, [c for a in part for c in extracted[a.id].claims], extracted)
        for article, inputs in zip(part, story_inputs(part, extracted, leads)):
            sentences, claims = list(extracted[article.id].sentences), list(extracted[article.id].claims)
            own = _context_keys(embedder, claims, sentences)
            yield Analysed(article, sentences, claims, inputs, {k: v for k, v in vectors.items() if k in own})


def _context_keys(embedder: Embedder, claims: list[Claim], sentences: list[Sentence]) -> set[str]:
    text_of = {(s.article_id, s.index): s.text for s in sentences}
    return {
        embedder.key(masked(c.context or text_of[(c.article_id, c.sentence_index)]))
        for c in claims
        if PAIRINGS[c.kind].embeds
    }


def _context_vectors(
    embedder: Embedder, claims: list[Claim], extracted: dict[str, ArticleClaims]
) -> dict[str, np.ndarray]:
    """Clause vectors of the claims that pairing compares, stored so a draft check never re-embeds them."""
    sentence_text = {(s.article_id, s.index): s.text for one in extracted.values() for s in one.sentences}
    texts = sorted(
        {
            masked(c.context or sentence_text[(c.article_id, c.sentence_index)])
            for c in claims
            if PAIRINGS[c.kind].embeds
        }
    )
    return {embedder.key(t): v for t, v in zip(texts, embedder.encode(texts))} if texts else {}
