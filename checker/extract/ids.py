"""Claim ids: ``<article>#<kind letter><n>``, numbered in reading order within the article."""

from __future__ import annotations

from collections import Counter

__all__ = ["ClaimIds"]


class ClaimIds:
    def __init__(self, article_id: str) -> None:
        self.article_id = article_id
        self._counter: Counter[str] = Counter()

    def next(self, prefix: str) -> str:
        self._counter[prefix] += 1
        return f"{self.article_id}#{prefix}{self._counter[prefix]}"
