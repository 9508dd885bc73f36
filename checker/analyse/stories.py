"""Grouping a batch of articles into stories (articles about the same event).

Claims are compared across articles only within a story. Links come from a
nearest-neighbour search over lead embeddings (title + first sentences), confirmed
by shared names and close publication dates, then joined with union-find: cost
grows with n * k, not n^2, so batches of thousands stay cheap.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from sklearn.neighbors import NearestNeighbors

from ..records import Article

__all__ = ["StoryParams", "group_stories"]


@dataclass(frozen=True)
class StoryParams:
    strong_similarity: float = 0.62  # leads this close are one story on their own
    weak_similarity: float = 0.40  # ... this close, with a shared name
    max_days_apart: int = 45
    neighbours: int = 15


def group_stories(
    articles: list[Article],
    lead_vectors: np.ndarray,
    names: dict[str, set[str]],
    params: StoryParams = StoryParams(),
) -> dict[str, str]:
    """Map article id -> story id ("S1", "S2", ... in order of first appearance)."""
    n = len(articles)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if n > 1:
        k = min(n, params.neighbours + 1)
        index = NearestNeighbors(n_neighbors=k, metric="cosine").fit(lead_vectors)
        distances, neighbours = index.kneighbors(lead_vectors)
        name_counts = Counter(name for article in articles for name in names.get(article.id, ()))
        for i in range(n):
            for distance, j in zip(distances[i], neighbours[i]):
                j = int(j)
                if j <= i:
                    continue
                similarity = 1.0 - float(distance)
                if _linked(articles[i], articles[j], similarity, names, name_counts, params):
                    a, b = find(i), find(j)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    story_of_root: dict[int, str] = {}
    result: dict[str, str] = {}
    for i, article in enumerate(articles):
        root = find(i)
        if root not in story_of_root:
            story_of_root[root] = f"S{len(story_of_root) + 1}"
        result[article.id] = story_of_root[root]
    return result


def _linked(
    a: Article,
    b: Article,
    similarity: float,
    names: dict[str, set[str]],
    name_counts: Counter[str],
    params: StoryParams,
) -> bool:
    if a.published and b.published and abs((a.published - b.published).days) > params.max_days_apart:
        return False
    shared = names.get(a.id, set()) & names.get(b.id, set())
    # A name every article shares (the country, the city paper) says little; rarer names say more.
    rare = [name for name in shared if name_counts[name] <= max(3, len(names) // 10)]
    if similarity >= params.strong_similarity:
        return True
    if similarity >= params.weak_similarity and (rare or len(shared) >= 2):
        return True
    return len(rare) >= 3
