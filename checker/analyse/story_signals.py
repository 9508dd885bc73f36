"""What says two articles report one incident: lead similarity, shared specific names, publication gap,
and agreeing incident dates, combined into one probability per pair.

- Lead similarity is cosine minus half of each article's mean similarity to its nearest leads
  (cross-domain similarity local scaling): every shooting lead looks like every other one, so what
  counts is how much closer two leads are than their neighbourhoods.
- Names are weighted by how specific they are: inverse document frequency over the batch (as if it
  held at least ``min_docs`` articles, so a small batch does not call every name rare), by entity
  type, and down for a one-word name and for anyone named with a title or a spokesperson role
  (police chiefs, judges and spokespeople recur across unrelated incidents). People are keyed on
  first name and surname, so "Ivan A. Lopez" and "Ivan Lopez" are one name.
- Incident dates resolved from the copy agree (within a day) or clash.

The weights are a logistic regression fitted on labelled article pairs of the development data and
rounded; refits on random halves gave the same weights (README, Quality).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .neighbours import nearest

__all__ = ["StoryArticle", "StoryName", "StoryParams", "StoryScorer", "name_keys"]


@dataclass(frozen=True)
class StoryName:
    key: str  # the name's identity: folded first + last name for people, the folded name otherwise
    entity_type: str  # person | place | organization | unknown
    resolved: bool = True  # a one-word person name that no full name explains is weak evidence
    official: bool = False  # named with a title or a spokesperson role


@dataclass(frozen=True)
class StoryArticle:
    id: str
    published: date | None
    lead_vector: np.ndarray  # normalised embedding of the title and first sentences
    names: tuple[StoryName, ...]
    incident_dates: frozenset[date] = frozenset()  # days the copy dates the incident to


@dataclass(frozen=True)
class StoryParams:
    neighbours: int = 30  # lead-vector neighbours per article (candidate pairs)
    local_k: int = 10  # neighbourhood size for the local scaling of lead similarity
    background_density: float = 0.6  # mean similarity of a lead to its 10 nearest in a large news batch
    exact_knn_max: int = 20_000  # above this an approximate (HNSW) index replaces the exact one
    window_days: int = 400  # articles further apart are never one story
    name_block_df: float = 0.02  # articles sharing a name this rare are candidates too ...
    name_block_max: int = 50  # ... at most this many articles per name
    type_weight: dict[str, float] = field(
        default_factory=lambda: {"person": 1.0, "place": 0.7, "organization": 0.6, "unknown": 0.4}
    )
    unresolved_weight: float = 0.4
    official_weight: float = 0.3
    min_docs: int = 500
    bias: float = -3.2
    w_lead: float = 1.5
    w_name_cosine: float = 0.5
    w_best_name: float = 1.6
    w_second_name: float = 0.3
    w_specific_names: float = 0.75
    specific: float = 3.5  # idf x weight from which a shared name counts as specific
    w_gap: float = 1.15  # per log(1 + days between publications)
    w_dates: float = 1.3
    date_tolerance: int = 1
    missing_gap_days: int = 7
    threshold: float = 0.55  # mean pair probability two groups need to merge
    edge_min: float = 0.05
    max_story: int = 500


class StoryScorer:
    """Batch statistics (name idf and vectors, lead neighbourhoods) and the pair probability."""

    def __init__(
        self,
        articles: Sequence[StoryArticle],
        params: StoryParams,
        *,
        background: Mapping[str, int] | None = None,
        background_docs: int = 0,
        local: np.ndarray | None = None,
    ) -> None:
        """``background``: name document frequencies of articles outside this batch (an archive's), counted
        with ``background_docs``; ``local``: each article's lead-neighbourhood density when it is known
        from a larger collection than the batch (the archive's), instead of computing it here."""
        self.params = params
        self.articles = articles
        self.bags = [_bag(a, params) for a in articles]
        self.df: Counter[str] = Counter(k for bag in self.bags for k in bag)
        for key in self.df if background else ():
            self.df[key] += background.get(key, 0) if background else 0
        docs = max(len(articles) + background_docs, params.min_docs)
        self.idf = {k: math.log((docs + 1) / (count + 0.5)) for k, count in self.df.items()}
        self.vectors = [
            _unit({k: w * (1.0 + math.log(tf)) * self.idf[k] for k, (w, tf) in bag.items()}) for bag in self.bags
        ]
        dim = articles[0].lead_vector.shape[0] if articles else 1
        rows = [a.lead_vector for a in articles]
        self.lead = np.stack(rows).astype(np.float32) if rows else np.zeros((0, dim), np.float32)
        self.neighbours, self.local = _neighbourhoods(self.lead, params)
        if local is not None:
            self.local = local.astype(np.float32)
        self._cache: dict[tuple[int, int], float] = {}

    def probability(self, i: int, j: int) -> float:
        """Probability that articles ``i`` and ``j`` report the same incident."""
        if i > j:
            i, j = j, i
        cached = self._cache.get((i, j))
        if cached is not None:
            return cached
        p = self.params
        lead, name_cosine, best, second, specific, gap, dates = self.features(i, j)
        z = (
            p.bias
            + p.w_lead * lead
            + p.w_name_cosine * name_cosine
            + p.w_best_name * best
            + p.w_second_name * second
            + p.w_specific_names * specific
            - p.w_gap * gap
            + p.w_dates * dates
        )
        value = 1.0 / (1.0 + math.exp(-z))
        self._cache[(i, j)] = value
        return value

    def features(self, i: int, j: int) -> tuple[float, float, float, float, float, float, float]:
        """(lead similarity, name cosine, best and second shared name, specific names, log gap, dates)."""
        a, b = self.articles[i], self.articles[j]
        lead = float(self.lead[i] @ self.lead[j]) - 0.5 * float(self.local[i] + self.local[j])
        vi, vj = self.vectors[i], self.vectors[j]
        if len(vi) > len(vj):
            vi, vj = vj, vi
        cosine = 0.0
        shared: list[float] = []
        for key, x in vi.items():
            y = vj.get(key)
            if y is not None:
                cosine += x * y
                shared.append(self.idf[key] * min(self.bags[i][key][0], self.bags[j][key][0]))
        shared.sort(reverse=True)
        best = shared[0] if shared else 0.0
        second = shared[1] if len(shared) > 1 else 0.0
        specific = float(sum(1 for s in shared if s >= self.params.specific))
        days = abs((a.published - b.published).days) if a.published and b.published else self.params.missing_gap_days
        dates = 0.0
        if a.incident_dates and b.incident_dates:
            tolerance = self.params.date_tolerance
            agree = any(abs((x - y).days) <= tolerance for x in a.incident_dates for y in b.incident_dates)
            dates = 1.0 if agree else -1.0
        return lead, cosine, best, second, specific, math.log1p(days), dates


def _bag(article: StoryArticle, p: StoryParams) -> dict[str, tuple[float, int]]:
    """Name key -> (weight, mentions) for one article."""
    counts: Counter[str] = Counter()
    weight: dict[str, float] = {}
    for name in article.names:
        if len(name.key) < 4:
            continue
        w = p.type_weight.get(name.entity_type, p.type_weight["unknown"])
        if not name.resolved:
            w = p.unresolved_weight
        if name.official:
            w = min(w, p.official_weight)
        counts[name.key] += 1
        weight[name.key] = max(weight.get(name.key, 0.0), w)
    return {k: (weight[k], counts[k]) for k in counts}


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
    return {k: x / norm for k, x in vector.items()}


def _neighbourhoods(lead: np.ndarray, p: StoryParams) -> tuple[np.ndarray, np.ndarray]:
    """Nearest leads of every article (row i starts with i) and each article's mean similarity to its
    ``local_k`` nearest: exact up to ``exact_knn_max`` articles, faiss HNSW above."""
    n = len(lead)
    if n == 0:
        return np.zeros((0, 1), dtype=np.int64), np.zeros(0, np.float32)
    k = min(n, max(p.neighbours, p.local_k) + 1)
    queries = np.ascontiguousarray(lead)
    if n > p.exact_knn_max:
        import faiss

        hnsw = faiss.IndexHNSWFlat(lead.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = 80
        hnsw.hnsw.efSearch = max(64, 2 * k)
        hnsw.add(queries)
        sims, found = hnsw.search(queries, k)
    else:
        sims, found = nearest(queries, k)
    others = np.where((found == np.arange(n)[:, None]) | (found < 0), -np.inf, sims)
    top = -np.sort(-others, axis=1)[:, : p.local_k]
    # A batch of a few articles has fewer than local_k neighbours: the missing ones count at the density of
    # a news batch, so two related leads in a small batch are not scaled down to nothing.
    top = np.where(np.isfinite(top), top, p.background_density)
    if top.shape[1] < p.local_k:
        top = np.pad(top, ((0, 0), (0, p.local_k - top.shape[1])), constant_values=p.background_density)
    return found, top.mean(axis=1).astype(np.float32)


def name_keys(article: StoryArticle, params: StoryParams) -> set[str]:
    """The names an article contributes to document frequencies (and to an archive's name postings)."""
    return set(_bag(article, params))
