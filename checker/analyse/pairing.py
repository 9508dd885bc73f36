"""Candidate pairs: which claims may speak of the same fact.

Cheap keys block the search first (same story, same claim kind, same event and
subject class for counts, same kind of occasion for dates), then a
nearest-neighbour search over the embeddings of the claims' sentences keeps the
pairs whose context is alike. Names are paired by character n-gram similarity of
their transliteration-folded keys. Nothing here judges a pair; the rules do.

Blocking and pairing are two steps so that only what is compared gets embedded: the
pipeline forms every block first and embeds the clauses of claims in blocks of two or
more (``needs_vectors``); a claim alone in its block is never compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..extract.names import fold_name
from ..records import Claim, CountClaim, DateClaim, NameClaim, QuantityClaim
from .batch import CandidatePair
from .neighbours import char_ngram_vectors, nearest

__all__ = [
    "PAIRINGS",
    "CandidatePair",
    "Pairing",
    "count_blocks",
    "date_blocks",
    "name_blocks",
    "name_pairs",
    "needs_vectors",
    "quantity_blocks",
    "similar_pairs",
]

PAIRABLE_EVENTS = {"killed", "injured", "shot", "arrested", "missing", "casualties"}

StoryOf = Callable[[str], str]
VectorOf = Callable[[Claim], np.ndarray]
Blocks = dict[tuple[str, ...], list[Claim]]


def count_blocks(claims: Iterable[Claim], story_of: StoryOf) -> Blocks:
    """Counts of one story, event and kind of people."""
    blocks: Blocks = defaultdict(list)
    for claim in claims:
        if not isinstance(claim, CountClaim) or claim.background or claim.event not in PAIRABLE_EVENTS:
            continue
        if claim.partitive or claim.total_of is not None or claim.perpetrator or claim.implicit:
            # subsets are checked against their whole by the parts rule, not as the same fact; an implicit
            # "a man was killed" says "at least one" and could only ever contradict a zero
            continue
        blocks[(story_of(claim.article_id), claim.event, claim.subject_class)].append(claim)
    return blocks


def date_blocks(claims: Iterable[Claim], story_of: StoryOf) -> Blocks:
    """Resolved days of one story and kind of occasion."""
    blocks: Blocks = defaultdict(list)
    for claim in claims:
        if not isinstance(claim, DateClaim) or claim.granularity != "day" or claim.range_start is None:
            continue
        blocks[(story_of(claim.article_id), claim.about)].append(claim)
    return blocks


def quantity_blocks(claims: Iterable[Claim], story_of: StoryOf) -> Blocks:
    """Figures of one unit within one article (restatements of a figure, not comparisons across stories)."""
    blocks: Blocks = defaultdict(list)
    for claim in claims:
        if isinstance(claim, QuantityClaim):
            blocks[(claim.article_id, claim.unit)].append(claim)
    return blocks


def name_blocks(claims: Iterable[Claim], story_of: StoryOf) -> Blocks:
    """Names of one story (long enough to compare spellings)."""
    blocks: Blocks = defaultdict(list)
    for claim in claims:
        if isinstance(claim, NameClaim) and len(claim.key) >= 4:
            blocks[(story_of(claim.article_id),)].append(claim)
    return blocks


def needs_vectors(blocks: Mapping[tuple[str, ...], Sequence[Claim]]) -> list[Claim]:
    """Claims that will be compared: members of blocks with two or more claims."""
    return [claim for members in blocks.values() if len(members) >= 2 for claim in members]


def similar_pairs(
    kind: str,
    blocks: Mapping[tuple[str, ...], Sequence[Claim]],
    vector_of: VectorOf,
    story_of: StoryOf,
    *,
    floor: float,
    neighbours: int,
) -> list[CandidatePair]:
    """Within each block, each claim with its nearest ``neighbours`` by clause similarity (at least ``floor``)."""
    pairs: list[CandidatePair] = []
    for key in sorted(blocks):
        members = blocks[key]
        if len(members) < 2:
            continue
        similarities, found = nearest(np.stack([vector_of(c) for c in members]), neighbours)
        seen: set[tuple[int, int]] = set()
        for i in range(len(members)):
            for cosine, j in zip(similarities[i], found[i]):
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
                similarity = max(0.0, min(1.0, float(cosine)))
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
    blocks: Mapping[tuple[str, ...], Sequence[Claim]], *, floor: float = 0.45, neighbours: int = 10
) -> list[CandidatePair]:
    """Pairs of differently spelled names in one story whose folded keys share most character n-grams."""
    pairs: list[CandidatePair] = []
    for block in sorted(blocks):
        story = block[0]
        # One representative per (article, surface form): a variant is reported once, not per mention.
        forms: dict[tuple[str, str], NameClaim] = {}
        for claim in blocks[block]:
            if isinstance(claim, NameClaim):
                forms.setdefault((claim.article_id, claim.name), claim)
        reps = list(forms.values())
        surface = sorted({c.name for c in reps})
        if len(surface) < 2:
            continue
        similarities, found = nearest(char_ngram_vectors([_spaced_key(name) for name in surface]), neighbours)
        by_name: dict[str, dict[str, list[NameClaim]]] = defaultdict(lambda: defaultdict(list))
        for claim in reps:
            by_name[claim.name][claim.entity_type].append(claim)
        seen: set[tuple[str, str]] = set()
        for i, name in enumerate(surface):
            for cosine, j in zip(similarities[i], found[i]):
                other = surface[int(j)]
                if other == name:
                    continue
                similarity = float(cosine)
                if similarity < floor:
                    continue
                key = (min(name, other), max(name, other))
                if key in seen:
                    continue
                seen.add(key)
                for kind_a in by_name[key[0]].values():
                    for kind_b in by_name[key[1]].values():
                        for first, second in _star(kind_a, kind_b):
                            a, b = sorted((first, second), key=lambda c: c.id)
                            same = a.article_id == b.article_id
                            pairs.append(CandidatePair("name", a.id, b.id, similarity, same, story, (story,)))
    return pairs


def _star(group_a: list[NameClaim], group_b: list[NameClaim]) -> list[tuple[NameClaim, NameClaim]]:
    """Pairs that join two groups of mentions (one spelling and entity type each): every mention of one with
    the first of the other. Whether two mentions are variants depends only on their spellings and entity
    types, so these pairs join exactly the mentions all |A| x |B| pairs would, in |A| + |B| - 1 pairs (a
    story with copies of one article would otherwise grow its pairs with the square of the copies)."""
    return [(group_a[0], b) for b in group_b] + [(a, group_b[0]) for a in group_a[1:]]


def _spaced_key(name: str) -> str:
    return " ".join(fold_name(part) for part in name.replace("-", " ").split())


@dataclass(frozen=True)
class Pairing:
    """How claims of one kind are paired: their blocks (cheap keys), then pairs within each block, reading
    the clause embeddings of block members when ``embeds``."""

    blocks: Callable[[Iterable[Claim], StoryOf], Blocks]
    pairs: Callable[[Blocks, VectorOf, StoryOf], list[CandidatePair]]
    embeds: bool


def _similar(kind: str, floor: float, neighbours: int) -> Callable[[Blocks, VectorOf, StoryOf], list[CandidatePair]]:
    def pairs(blocks: Blocks, vector_of: VectorOf, story_of: StoryOf) -> list[CandidatePair]:
        return similar_pairs(kind, blocks, vector_of, story_of, floor=floor, neighbours=neighbours)

    return pairs


# One entry per claim kind (``records.CLAIM_KINDS``): a new kind adds its pairing here.
PAIRINGS: dict[str, Pairing] = {
    "count": Pairing(count_blocks, _similar("count", floor=0.2, neighbours=25), embeds=True),
    "date": Pairing(date_blocks, _similar("date", floor=0.2, neighbours=25), embeds=True),
    "name": Pairing(name_blocks, lambda blocks, vector_of, story_of: name_pairs(blocks), embeds=False),
    "quantity": Pairing(quantity_blocks, _similar("quantity", floor=0.5, neighbours=10), embeds=True),
}
