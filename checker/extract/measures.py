"""A figure of some unit as found in one sentence, before it becomes a ``QuantityClaim``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Range

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["MeasureMention", "anchor_token"]


@dataclass(frozen=True)
class MeasureMention:
    """Token indexes are doc-level; ``unit`` is what is measured ("year", "usd", "percent", "recall (ordinal)")."""

    start_token: int
    end_token: int
    range: Range
    qualifier: str
    unit: str
    anchor: int


def anchor_token(token: Token) -> int:
    """The verb a figure hangs off (its clause is what says which fact the figure is about)."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node.i
        node = node.head
    return node.i
