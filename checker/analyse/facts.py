"""Candidate pairs -> facts: all the claims about one fact, in publication order.

A fact is one toll (story, event, kind of people), one occasion's day (story, occasion, event),
one figure restated in an article, one name however it is spelled, one person however often named.
Claims join a fact by average-linkage clustering inside their block: two groups merge only when
every claim of one was paired with every claim of the other (figures dated or placed apart, or two
figures in one sentence, are never paired) and their mean clause similarity reaches the threshold.
There is no chaining: A~B and B~C do not put A with C unless A~C too.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..records import Article, Claim, DateClaim, NameClaim
from .batch import CandidatePair, Fact
from .people import link_persons
from .variants import comparable, variant_strength

__all__ = ["FactParams", "build_facts"]


@dataclass(frozen=True)
class FactParams:
    count_similarity: float = 0.3  # the loosest count rule's threshold: rules filter pairs further
    date_similarity: float = 0.45
    quantity_similarity: float = 0.5


def build_facts(
    claims: Sequence[Claim],
    pairs: Mapping[str, Sequence[CandidatePair]],
    articles: Sequence[Article],
    story_of: Callable[[str], str],
    params: FactParams = FactParams(),  # noqa: B008 - frozen
) -> dict[str, tuple[Fact, ...]]:
    order = _publication_order(claims, articles)
    by_id = {c.id: c for c in claims}
    thresholds = {
        "count": params.count_similarity,
        "date": params.date_similarity,
        "quantity": params.quantity_similarity,
    }
    facts: dict[str, tuple[Fact, ...]] = {}
    for kind, threshold in thresholds.items():
        facts[kind] = tuple(_clustered(kind, pairs.get(kind, ()), threshold, order, by_id))
    facts["entity"] = tuple(_entities(pairs.get("name", ()), by_id, order))
    facts["person"] = tuple(
        Fact("person", (key,), story, tuple(sorted(ids, key=order.__getitem__)))
        for (story, key), ids in sorted(link_persons(claims, story_of).items())
    )
    return facts


def _publication_order(claims: Sequence[Claim], articles: Sequence[Article]) -> dict[str, tuple[int, int, int, int]]:
    """Sort key: publication date, then batch order, headline before body, then position."""
    published = {a.id: (a.published or dt.date.max).toordinal() for a in articles}
    position = {a.id: i for i, a in enumerate(articles)}
    return {
        c.id: (published.get(c.article_id, 0), position.get(c.article_id, 0), c.field != "title", c.start)
        for c in claims
    }


def _clustered(
    kind: str,
    pairs: Iterable[CandidatePair],
    threshold: float,
    order: dict[str, tuple[int, int, int, int]],
    by_id: dict[str, Claim],
) -> list[Fact]:
    blocks: dict[tuple[str, ...], list[CandidatePair]] = defaultdict(list)
    for pair in pairs:
        blocks[pair.block].append(pair)
    facts: list[Fact] = []
    for block in sorted(blocks):
        similarity = {frozenset((p.a, p.b)): _similarity(p, by_id, threshold) for p in blocks[block]}
        members = sorted({i for p in blocks[block] for i in (p.a, p.b)}, key=order.__getitem__)
        story = blocks[block][0].story
        for group in average_linkage(members, similarity, threshold, lambda a, b: _other_event(by_id[a], by_id[b])):
            if len(group) > 1:
                facts.append(Fact(kind, _fact_key(kind, block, by_id[group[0]]), story, tuple(group)))
    return facts


def _similarity(pair: CandidatePair, by_id: dict[str, Claim], threshold: float) -> float:
    """Two dates that name one occasion are about one day, however unlike the rest of their sentences are."""
    a, b = by_id[pair.a], by_id[pair.b]
    return max(pair.similarity, threshold) if names_one_occasion(a, b) else pair.similarity


def names_one_occasion(a: Claim, b: Claim) -> bool:
    """Both dates are definite and of the same named event ("the ferry capsized Thursday" / "the ferry
    overturned on Wednesday"): within one story that is one occasion, whatever else the sentences say."""
    return (
        isinstance(a, DateClaim)
        and isinstance(b, DateClaim)
        and a.definite
        and b.definite
        and a.event is not None
        and a.event == b.event
    )


def _other_event(a: Claim, b: Claim) -> bool:
    """Dates of two named events ("the shooting", "his arrest") are days of two occasions."""
    event_a, event_b = getattr(a, "event", None), getattr(b, "event", None)
    return isinstance(a, DateClaim) and event_a is not None and event_b is not None and event_a != event_b


def _fact_key(kind: str, block: tuple[str, ...], first: Claim) -> tuple[str, ...]:
    """The block without its story or article (ids that change with the batch), plus the occasion's event."""
    key = block[1:]
    event = getattr(first, "event", None)
    if kind == "date" and isinstance(event, str):
        key = (*key, event)
    return key


_Entry = tuple[float, int, int, int, int]  # (-mean, group, group, the two groups' versions when queued)


def average_linkage(
    members: list[str],
    similarity: dict[frozenset[str], float],
    threshold: float,
    apart: Callable[[str, str], bool] = lambda a, b: False,
) -> list[list[str]]:
    """Greedy average-linkage clustering; two groups merge only when every cross pair is a candidate pair
    that is not ``apart``. Groups come in the order of their first member, members in ``members`` order.

    The best merge (highest mean similarity; ties to the groups whose first members come first) is taken
    from a heap, and each pair of groups keeps the sum and count of its cross candidate pairs, so a merge
    costs the number of groups linked to it: a block of n claims clusters in about n log n, not n^3."""
    position = {m: i for i, m in enumerate(members)}
    groups: dict[int, list[str]] = {i: [m] for i, m in enumerate(members)}
    version = dict.fromkeys(groups, 0)
    links: dict[int, dict[int, list[float]]] = {i: {} for i in groups}  # both directions share one [sum, count]
    for key, value in similarity.items():
        if len(key) != 2:
            continue
        a, b = sorted(key, key=lambda m: position.get(m, -1))
        if a not in position or b not in position or apart(a, b):
            continue
        links[position[a]][position[b]] = links[position[b]][position[a]] = [value, 1.0]

    def entry(g: int, h: int) -> _Entry | None:
        x, y = min(g, h), max(g, h)
        total, count = links[x][y]
        if count < len(groups[x]) * len(groups[y]) or total / count < threshold:
            return None  # some cross pair was never a candidate, or the groups are too unlike
        return (-(total / count), x, y, version[x], version[y])

    heap = [e for g in groups for h in links[g] if h > g and (e := entry(g, h)) is not None]
    heapq.heapify(heap)
    while heap:
        _, g, h, seen_g, seen_h = heapq.heappop(heap)
        if h not in groups or g not in groups or version[g] != seen_g or version[h] != seen_h:
            continue  # one of the two changed since this entry was queued
        groups[g] = sorted(groups[g] + groups.pop(h), key=position.__getitem__)
        version[g] += 1
        links[g].pop(h)
        for other, (total, count) in links.pop(h).items():
            if other == g:
                continue
            links[other].pop(h)
            merged = links[g].get(other)
            if merged is None:
                merged = links[g][other] = links[other][g] = [0.0, 0.0]
            merged[0] += total
            merged[1] += count
        for other in links[g]:
            if (e := entry(g, other)) is not None:
                heapq.heappush(heap, e)
    return [groups[i] for i in sorted(groups)]


def _entities(
    pairs: Iterable[CandidatePair], by_id: dict[str, Claim], order: dict[str, tuple[int, int, int, int]]
) -> list[Fact]:
    """One name however it is spelled: spellings joined when they are transliteration variants."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    story_of_claim: dict[str, str] = {}
    variants: dict[tuple[str, str, str, str], bool] = {}  # the verdict depends on spellings and types only
    for pair in pairs:
        a, b = by_id[pair.a], by_id[pair.b]
        assert isinstance(a, NameClaim) and isinstance(b, NameClaim)
        key = (a.name, a.entity_type, b.name, b.entity_type)
        if key not in variants:
            variants[key] = comparable(a, b) and variant_strength(a.name, b.name) is not None
        if not variants[key]:
            continue
        story_of_claim[a.id] = story_of_claim[b.id] = pair.story
        root_a, root_b = find(a.id), find(b.id)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)
    groups: dict[str, list[str]] = defaultdict(list)
    for claim_id in parent:
        groups[find(claim_id)].append(claim_id)
    facts: list[Fact] = []
    for ids in groups.values():
        ids.sort(key=order.__getitem__)
        names = [by_id[i] for i in ids]
        longest = max((c.name for c in names if isinstance(c, NameClaim)), key=len)
        facts.append(Fact("entity", (longest,), story_of_claim[ids[0]], tuple(ids)))
    return sorted(facts, key=lambda f: order[f.claims[0]])
