"""The analysed batch that rules read: articles, sentences, claims, stories and candidate pairs.

Built once per run by the pipeline and never changed afterwards; engines only read it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..records import Article, Claim, CountClaim, InputError, Sentence


@dataclass(frozen=True)
class CandidatePair:
    """Two claims that may be about one fact; ``a`` comes first in batch order.

    ``block``: the cheap key both share (story, event and kind of people for counts; story and
    occasion for dates; article and unit for other figures; story for names)."""

    kind: str
    a: str
    b: str
    similarity: float
    same_article: bool
    story: str
    block: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """Claims about one fact, in publication order: one toll, one occasion's day, one name, one person.

    ``kind``: count | date | quantity | entity | person. ``key``: what the fact is about, in stable
    words (("killed", "fighters"), ("incident", "fighting"), the person's key); it never holds
    positions or claim ids, so it survives edits. Rules judge facts, one finding per fact and rule.
    """

    kind: str
    key: tuple[str, ...]
    story: str
    claims: tuple[str, ...]


@dataclass(frozen=True)
class ArticleClaims:
    """What extraction made of one article: its sentences, its claims, and the claims' JSON form, checked
    against their schemas when they were made (``records.validation``), so a report can use it as it is."""

    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    claims_json: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Batch:
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    stories: dict[str, str]  # article id -> story id
    pairs: dict[str, tuple[CandidatePair, ...]] = field(default_factory=dict)
    facts: dict[str, tuple[Fact, ...]] = field(default_factory=dict)  # kind -> facts
    errors: tuple[InputError, ...] = ()  # articles left out while analysing (over their time budget)
    claims_json: dict[str, tuple[dict[str, Any], ...]] = field(default_factory=dict)  # article id -> checked JSON

    @cached_property
    def similarity(self) -> dict[tuple[str, str], float]:
        """Clause similarity of every candidate pair, by the two claim ids in sorted order."""
        return {(p.a, p.b) if p.a < p.b else (p.b, p.a): p.similarity for pairs in self.pairs.values() for p in pairs}

    def similarity_of(self, a: str, b: str) -> float:
        return self.similarity.get((a, b) if a < b else (b, a), 0.0)

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
