"""Candidate pairs: which claims may speak of the same fact.

Cheap keys block the search first (same story, same claim kind, same event and
subject class for counts, same kind of occasion for dates), then a
nearest-neighbour search over the embeddings of the claims' sentences keeps the
pairs whose context is alike. Names are paired by character n-gram similarity of
their transliteration-folded keys. Nothing here judges a pair; the rules do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.neighbors import NearestNeighbors

from ..extract.names import fold_name
from ..records import Claim, CountClaim, DateClaim, NameClaim, QuantityClaim
from .batch import CandidatePair

__all__ = ["PAIRINGS", "CandidatePair", "Pairing", "count_pairs", "date_pairs", "name_pairs", "quantity_pairs"]

PAIRABLE_EVENTS = {"killed", "injured", "shot", "arrested", "missing", "casualties"}


def count_pairs(
    claims: Iterable[Claim],
    story_of: Callable[[str], str],
    vector_of: Callable[[Claim], np.ndarray],
    *,
    floor: float = 0.2,
    neighbours: int = 25,
) -> list[CandidatePair]:
    blocks: dict[tuple[str, str, str], list[CountClaim]] = defaultdict(list)
    for claim in claims:
        if not isinstance(claim, CountClaim) or claim.background or claim.event not in PAIRABLE_EVENTS:
            continue
        if claim.partitive or claim.total_of is not None or claim.perpetrator or claim.implicit:
            # subsets are checked against their whole by the parts rule, not as the same fact; an implicit
            # "a man was killed" says "at least one" and could only ever contradict a zero
            continue
        blocks[(story_of(claim.article_id), claim.event, claim.subject_class)].append(claim)
    return _pairs_in_blocks("count", blocks, vector_of, floor, neighbours, story_of)


def date_pairs(
    claims: Iterable[Claim],
    story_of: Callable[[str], str],
    vector_of: Callable[[Claim], np.ndarray],
    *,
    floor: float = 0.2,
    neighbours: int = 25,
) -> list[CandidatePair]:
    blocks: dict[tuple[str, str], list[DateClaim]] = defaultdict(list)
    for claim in claims:
        if not isinstance(claim, DateClaim) or claim.granularity != "day" or claim.range_start is None:
            continue
        blocks[(story_of(claim.article_id), claim.about)].append(claim)
    return _pairs_in_blocks("date", blocks, vector_of, floor, neighbours, story_of)


def quantity_pairs(
    claims: Iterable[Claim],
    story_of: Callable[[str], str],
    vector_of: Callable[[Claim], np.ndarray],
    *,
    floor: float = 0.5,
    neighbours: int = 10,
) -> list[CandidatePair]:
    """Figures of one unit within one article (restatements of a figure, not comparisons across stories)."""
    blocks: dict[tuple[str, str], list[QuantityClaim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim, QuantityClaim):
            blocks[(claim.article_id, claim.unit)].append(claim)
    return _pairs_in_blocks("quantity", blocks, vector_of, floor, neighbours, story_of)


def _pairs_in_blocks(kind, blocks, vector_of, floor, neighbours, story_of) -> list[CandidatePair]:
    pairs: list[CandidatePair] = []
    for key in sorted(blocks):
        members = blocks[key]
        if len(members) < 2:
            continue
        vectors = np.stack([vector_of(c) for c in members])
        k = min(len(members), neighbours)
        index = NearestNeighbors(n_neighbors=k, metric="cosine").fit(vectors)
        distances, found = index.kneighbors(vectors)
        seen: set[tuple[int, int]] = set()
        for i in range(len(members)):
            for distance, j in zip(distances[i], found[i]):
                j = int(j)
                if j == i:
                    continue
                a, b = (i, j) if i < j else (j, i)
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                first, second = members[a], members[b]
                if first.article_id == second.article_id and first.sentence_index == second.sentence_index:
                    continue  # two figures in one sentence are parts or different events, never restatements
                if _apart(first, second):
                    continue
                similarity = max(0.0, min(1.0, 1.0 - float(distance)))
                if similarity < floor:
                    continue
                same = first.article_id == second.article_id
                story = story_of(first.article_id)
                pairs.append(CandidatePair(kind, first.id, second.id, similarity, same, story, tuple(key)))
    return pairs


def _apart(a: Claim, b: Claim) -> bool:
    """Figures dated to different days, or placed in different places, are about different events."""
    when_a, when_b = getattr(a, "when", ()), getattr(b, "when", ())
    if when_a and when_b and not set(when_a) & set(when_b):
        return True
    where_a, where_b = getattr(a, "where", ()), getattr(b, "where", ())
    return bool(where_a and where_b and not set(where_a) & set(where_b))


def name_pairs(
    claims: Iterable[Claim],
    story_of: Callable[[str], str],
    *,
    floor: float = 0.45,
    neighbours: int = 10,
) -> list[CandidatePair]:
    """Pairs of differently spelled names in one story whose folded keys share most character n-grams."""
    by_story: dict[str, list[NameClaim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim, NameClaim) and len(claim.key) >= 4:
            by_story[story_of(claim.article_id)].append(claim)
    pairs: list[CandidatePair] = []
    for story in sorted(by_story):
        members = by_story[story]
        # One representative per (article, surface form): a variant is reported once, not per mention.
        forms: dict[tuple[str, str], NameClaim] = {}
        for claim in members:
            forms.setdefault((claim.article_id, claim.name), claim)
        reps = list(forms.values())
        surface = sorted({c.name for c in reps})
        if len(surface) < 2:
            continue
        keys = [_spaced_key(name) for name in surface]
        vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3))
        matrix = vectorizer.fit_transform(keys)
        k = min(len(surface), neighbours)
        index = NearestNeighbors(n_neighbors=k, metric="cosine").fit(matrix)
        distances, found = index.kneighbors(matrix)
        by_name: dict[str, list[NameClaim]] = defaultdict(list)
        for claim in reps:
            by_name[claim.name].append(claim)
        seen: set[tuple[str, str]] = set()
        for i, name in enumerate(surface):
            for distance, j in zip(distances[i], found[i]):
                other = surface[int(j)]
                if other == name:
                    continue
                similarity = 1.0 - float(distance)
                if similarity < floor:
                    continue
                key = (min(name, other), max(name, other))
                if key in seen:
                    continue
                seen.add(key)
                for first in by_name[key[0]]:
                    for second in by_name[key[1]]:
                        a, b = sorted((first, second), key=lambda c: c.id)
                        same = a.article_id == b.article_id
                        pairs.append(CandidatePair("name", a.id, b.id, similarity, same, story, (story,)))
    return pairs


def _spaced_key(name: str) -> str:
    return " ".join(fold_name(part) for part in name.replace("-", " ").split())


StoryOf = Callable[[str], str]
VectorOf = Callable[[Claim], np.ndarray]


@dataclass(frozen=True)
class Pairing:
    """How claims of one kind are paired: the function, and whether it reads their clause embeddings."""

    pairs: Callable[[Sequence[Claim], StoryOf, VectorOf], list[CandidatePair]]
    embeds: bool


# One entry per claim kind (``records.CLAIM_KINDS``): a new kind adds its pairing here.
PAIRINGS: dict[str, Pairing] = {
    "count": Pairing(lambda claims, story_of, vector_of: count_pairs(claims, story_of, vector_of), embeds=True),
    "date": Pairing(lambda claims, story_of, vector_of: date_pairs(claims, story_of, vector_of), embeds=True),
    "name": Pairing(lambda claims, story_of, vector_of: name_pairs(claims, story_of), embeds=False),
    "quantity": Pairing(lambda claims, story_of, vector_of: quantity_pairs(claims, story_of, vector_of), embeds=True),
}
