"""The analysed batch that rules read: articles, sentences, claims, stories and candidate pairs.

Built once per run by the pipeline and never changed afterwards; engines only read it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..records import Article, Claim, CountClaim, Sentence


@dataclass(frozen=True)
class CandidatePair:
    """Two claims that may be about one fact; ``a`` comes first in batch order."""

    kind: str
    a: str
    b: str
    similarity: float
    same_article: bool
    story: str


@dataclass(frozen=True)
class Batch:
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    stories: dict[str, str]  # article id -> story id
    pairs: dict[str, tuple[CandidatePair, ...]] = field(default_factory=dict)
    person_groups: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # -> claim ids

    @cached_property
    def article(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def claim(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def sentence(self) -> dict[tuple[str, int], Sentence]:
        return {(s.article_id, s.index): s for s in self.sentences}

    @cached_property
    def claims_by_article(self) -> dict[str, tuple[Claim, ...]]:
        grouped: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            grouped[claim.article_id].append(claim)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def article_order(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.articles)}

    @cached_property
    def stories_with_dead_perpetrator(self) -> frozenset[str]:
        return frozenset(
            self.story_of(c.article_id)
            for c in self.claims
            if isinstance(c, CountClaim) and c.perpetrator and c.event == "killed"
        )

    def sentence_of(self, claim: Claim) -> Sentence:
        return self.sentence[(claim.article_id, claim.sentence_index)]

    def story_of(self, article_id: str) -> str:
        return self.stories.get(article_id, article_id)
