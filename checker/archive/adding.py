"""Adding published articles to the archive: read once, extracted, embedded, placed in a story, stored.

Articles are placed in publication order, each against everything archived before it (the ones of
the same call included), so a story grows as its coverage arrives. Work is committed in chunks: a
crash loses at most the chunk in progress, never an article already committed, and never leaves half
an article behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..analyse.build import ClaimSource, extract_claims, lead_text, story_inputs
from ..analyse.pairing import PAIRINGS
from ..analyse.story_signals import StoryParams
from ..errors import ErrorCode
from ..extract.context import masked
from ..limits import TimeBudget
from ..nlp.embeddings import Embedder, text_key
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


def add_articles(
    store: ArchiveStore,
    articles: Sequence[Article],
    *,
    embedder: Embedder | None = None,
    params: StoryParams = StoryParams(),  # noqa: B008 - frozen
    progress: Callable[[int, int], None] | None = None,
    chunk: int = CHUNK,
    cache: ClaimSource | None = None,
) -> AddResult:
    """Add ``articles`` (ids already archived are skipped), committing every ``chunk`` articles."""
    result = AddResult()
    with store.writer():
        index = LeadIndex(store)
        fresh = [a for a in articles if not store.has(a.id)]
        result.skipped = [a.id for a in articles if store.has(a.id)]
        fresh.sort(key=lambda a: (a.published is None, a.published or 0, a.id))
        embedder = embedder or Embedder(store=store)
        for start in range(0, len(fresh), chunk):
            part = fresh[start : start + chunk]
            budget = TimeBudget()
            extracted = extract_claims(part, cache=cache, budget=budget)
            result.errors += [
                InputError(path=a.path, code=ErrorCode.TIME_BUDGET, message=budget.message(a.id))
                for a in part
                if a.id not in extracted
            ]
            part = [a for a in part if a.id in extracted]
            if not part:
                continue
            leads = embedder.encode([lead_text(a, extracted[a.id][0]) for a in part])
            vectors = _context_vectors(embedder, [c for a in part for c in extracted[a.id][1]], extracted)
            with store.transaction():
                store.put_vectors(vectors)
                for article, inputs in zip(part, story_inputs(part, extracted, leads)):
                    placement = place(store, index, inputs, params)
                    story = placement.story or store.next_story_id()
                    result.new_stories += placement.story is None
                    seq = store.next_seq()
                    sentences, claims = extracted[article.id]
                    store.insert(
                        StoredArticle(
                            article,
                            seq,
                            story,
                            sentences,
                            claims,
                            inputs.lead_vector,
                            placement.local,
                            inputs.names,
                            inputs.incident_dates,
                        )
                    )
                    index.add(seq, inputs.lead_vector)
                    result.added.append(article.id)
            index.save()
            if progress:
                progress(min(start + chunk, len(fresh)), len(fresh))
    return result


def _context_vectors(
    embedder: Embedder, claims: list[Claim], extracted: dict[str, tuple[list[Sentence], list[Claim]]]
) -> dict[str, np.ndarray]:
    """Clause vectors of the claims that pairing compares, stored so a draft check never re-embeds them."""
    sentence_text = {(s.article_id, s.index): s.text for sentences, _ in extracted.values() for s in sentences}
    texts = sorted(
        {
            masked(c.context or sentence_text[(c.article_id, c.sentence_index)])
            for c in claims
            if PAIRINGS[c.kind].embeds
        }
    )
    return {text_key(t): v for t, v in zip(texts, embedder.encode(texts))} if texts else {}
