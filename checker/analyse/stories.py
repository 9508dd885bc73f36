"""Grouping a batch of articles into stories: one story is one real-world incident.

Claims are compared across articles only within a story, so a story that mixes incidents makes
every finding across them a false alarm. Candidate pairs come from the nearest leads (faiss) and
from articles sharing a rare name, inside a time window, so the cost grows with n * k, not n^2.
Groups then merge by average linkage: two groups join only when the mean probability over *all*
their cross pairs reaches the threshold (see ``story_signals``), so one strong pair never chains
two incidents together. A roundup of several incidents matches none of them well and stays a
story of its own. The result does not depend on the order articles are given in.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence

from .story_signals import StoryArticle, StoryParams, StoryScorer

__all__ = ["StoryArticle", "StoryParams", "group_stories"]


def group_stories(articles: Sequence[StoryArticle], params: StoryParams = StoryParams()) -> dict[str, str]:  # noqa: B008
    """Article id -> story id ("S1", "S2", ... numbered by each story's earliest article)."""
    scorer = StoryScorer(articles, params)
    members: dict[int, list[int]] = {i: [i] for i in range(len(articles))}
    adjacent: dict[int, set[int]] = defaultdict(set)
    heap: list[tuple[float, int, int]] = []
    for i, j in sorted(_candidates(articles, scorer, params)):
        probability = scorer.probability(i, j)
        if probability >= params.edge_min:
            adjacent[i].add(j)
            adjacent[j].add(i)
            if probability >= params.threshold:
                heap.append((-probability, i, j))
    heapq.heapify(heap)

    def linkage(a: int, b: int) -> float:
        total = sum(scorer.probability(x, y) for x in members[a] for y in members[b])
        return total / (len(members[a]) * len(members[b]))

    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        current = linkage(a, b)
        if current < params.threshold:
            continue
        if abs(current + negative) > 1e-12:  # a group changed since this entry was queued
            heapq.heappush(heap, (-current, a, b))
            continue
        if len(members[a]) + len(members[b]) > params.max_story:
            continue
        members[a].extend(members.pop(b))
        merged = (adjacent.pop(a, set()) | adjacent.pop(b, set())) - {a, b}
        adjacent[a] = merged
        for other in merged:
            adjacent[other].discard(b)
            adjacent[other].add(a)
            link = linkage(a, other)
            if link >= params.threshold:
                heapq.heappush(heap, (-link, min(a, other), max(a, other)))
    return _numbered(articles, members.values())


def _candidates(articles: Sequence[StoryArticle], scorer: StoryScorer, p: StoryParams) -> set[tuple[int, int]]:
    """Nearest leads, plus articles sharing a rare name, inside the time window: O(n * (k + cap))."""
    n = len(articles)
    out: set[tuple[int, int]] = set()
    if n < 2:
        return out
    day = [a.published.toordinal() if a.published else None for a in articles]

    def near(i: int, j: int) -> bool:
        di, dj = day[i], day[j]
        return di is None or dj is None or abs(di - dj) <= p.window_days

    for i, row in enumerate(scorer.neighbours[:, : p.neighbours + 1]):
        for j in (int(x) for x in row):
            if j >= 0 and j != i and near(i, j):
                out.add((min(i, j), max(i, j)))
    cap = min(p.name_block_max, max(3, int(p.name_block_df * n)))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(scorer.bags):
        for key in bag:
            if scorer.df[key] <= cap:
                postings[key].append(i)
    for sharing in postings.values():
        sharing.sort(key=lambda i: (day[i] is None, day[i] or 0))
        for x, i in enumerate(sharing):
            for j in sharing[x + 1 :]:
                if not near(i, j):
                    break  # sorted by day: the rest are further apart still
                out.add((min(i, j), max(i, j)))
    return out


def _ordinal(article: StoryArticle) -> int:
    return article.published.toordinal() if article.published else 0


def _numbered(articles: Sequence[StoryArticle], groups: Iterable[list[int]]) -> dict[str, str]:
    """Stories numbered by their earliest article (publication date, then id), so numbering does not
    depend on the order the files were given in."""

    def earliest(group: list[int]) -> tuple[int, str]:
        return min((_ordinal(articles[i]), articles[i].id) for i in group)

    ordered = sorted(groups, key=earliest)
    return {articles[i].id: f"S{number}" for number, group in enumerate(ordered, start=1) for i in group}
