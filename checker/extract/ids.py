"""Claim ids: ``<article>#<kind letter><n>``, numbered in reading order within the article."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..records import Claim, CountClaim

__all__ = ["MOVED_FIELDS", "ClaimIds", "moved_claims"]

MOVED_FIELDS = ("id", "article_id", "parts", "total_of")  # what ``moved_claims`` changes


class ClaimIds:
    def __init__(self, article_id: str) -> None:
        self.article_id = article_id
        self._counter: Counter[str] = Counter()

    def next(self, prefix: str) -> str:
        self._counter[prefix] += 1
        return f"{self.article_id}#{prefix}{self._counter[prefix]}"


def moved_claims(claims: Sequence[Claim], article_id: str) -> list[Claim]:
    """The same claims under another article id (an unchanged article renamed, or a copy of another): claim
    ids and the ids a claim refers to (``parts``, ``total_of``) move with it."""
    out: list[Claim] = []
    for claim in claims:
        old = claim.article_id
        if old == article_id:
            out.append(claim)
            continue

        def move(claim_id: str, old: str = old) -> str:
            return article_id + claim_id[len(old) :] if claim_id.startswith(old + "#") else claim_id

        changes: dict[str, Any] = {"id": move(claim.id), "article_id": article_id}
        if isinstance(claim, CountClaim):
            changes["parts"] = tuple(move(p) for p in claim.parts)
            changes["total_of"] = move(claim.total_of) if claim.total_of else None
        out.append(dataclasses.replace(claim, **changes))
    return out
