"""Which archived story a new article (or a draft) belongs to, as online news-stream clustering does.

Candidates are the articles with the nearest leads and the articles sharing a rare name with it,
inside the time window; each candidate's whole story is then scored with the same pair probability
the batch grouping uses (``analyse.story_signals``), names weighted by how often the whole archive
uses them. The article joins the story whose mean probability over all its members is highest, when
that mean reaches the threshold (average linkage, as in the batch: one close article does not pull a
draft into an unrelated story); otherwise it starts a story of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from ..analyse.story_signals import StoryArticle, StoryParams, StoryScorer, name_keys
from .index import LeadIndex
from .store import ArchiveStore, Placed, StoredArticle

__all__ = ["Placement", "as_story_article", "local_density", "place"]


@dataclass(frozen=True)
class Placement:
    story: str | None  # None: no archived story is close enough
    probability: float
    local: float  # the article's lead-neighbourhood density in the archive


def local_density(index: LeadIndex, vector: np.ndarray, params: StoryParams, exclude: int | None = None) -> float:
    """Mean similarity of a lead to its ``local_k`` nearest archived leads (the missing ones at the
    density of a news batch)."""
    hits = [s for seq, s in index.search(vector, params.local_k + 1) if seq != exclude][: params.local_k]
    return float(np.mean(hits + [params.background_density] * (params.local_k - len(hits))))


def as_story_article(stored: StoredArticle | Placed) -> StoryArticle:
    if isinstance(stored, Placed):
        return StoryArticle(stored.id, stored.published, stored.lead, stored.names, stored.dates)
    a = stored.article
    return StoryArticle(a.id, a.published, stored.lead, stored.names, stored.dates)


def place(store: ArchiveStore, index: LeadIndex, article: StoryArticle, params: StoryParams) -> Placement:
    local = local_density(index, article.lead_vector, params)
    total = store.count()
    if total == 0:
        return Placement(None, 0.0, local)
    seqs = [seq for seq, _ in index.search(article.lead_vector, params.neighbours)]
    cap = min(params.name_block_max, max(3, int(params.name_block_df * total)))
    sharing = {i for key in name_keys(article, params) for i in store.sharing(key, cap)}
    candidates = [c for c in store.placed(sharing, seqs=seqs) if c.story and _near(article, c, params)]
    stories = {c.story for c in candidates}
    if not stories:
        return Placement(None, 0.0, local)
    members = store.placed(stories=stories)[: params.max_story * 4]
    inputs = [article, *(as_story_article(m) for m in members)]
    scorer = StoryScorer(
        inputs,
        params,
        background=_background(store, inputs, params),
        background_docs=total,
        local=np.array([local, *(m.local for m in members)], dtype=np.float32),
    )
    by_story: dict[str, list[float]] = defaultdict(list)
    for j, member in enumerate(members, start=1):
        by_story[member.story].append(scorer.probability(0, j))
    story, probabilities = max(by_story.items(), key=lambda item: (sum(item[1]) / len(item[1]), item[0]))
    mean = sum(probabilities) / len(probabilities)
    return Placement(story if mean >= params.threshold else None, mean, local)


def _near(article: StoryArticle, other: Placed, params: StoryParams) -> bool:
    a, b = article.published, other.published
    return a is None or b is None or abs((a - b).days) <= params.window_days


def _background(store: ArchiveStore, inputs: list[StoryArticle], params: StoryParams) -> dict[str, int]:
    """Archive-wide name frequencies, less the scored articles' own (the scorer counts those itself)."""
    own: Counter[str] = Counter(k for a in inputs for k in name_keys(a, params))
    archive = store.document_frequencies(own)
    return {k: max(0, archive.get(k, 0) - (own[k] - (1 if k in name_keys(inputs[0], params) else 0))) for k in own}
