"""Closed or open integer ranges: what a qualified figure stands for ("at least 12" is [12, open))."""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Range", "ranges_overlap"]


@dataclass(frozen=True)
class Range:
    """Inclusive integer range; ``None`` on a side means open."""

    min: int | None
    max: int | None

    def contains(self, value: int) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)

    @property
    def exact(self) -> int | None:
        return self.min if self.min is not None and self.min == self.max else None

    def describe(self) -> str:
        if self.min == self.max:
            return str(self.min)
        if self.max is None:
            return f"{self.min} or more"
        if self.min is None:
            return f"at most {self.max}"
        return f"{self.min}-{self.max}"


def ranges_overlap(a: Range, b: Range) -> bool:
    """Two figures conflict only when their ranges cannot overlap."""
    low_a = -math.inf if a.min is None else a.min
    low_b = -math.inf if b.min is None else b.min
    high_a = math.inf if a.max is None else a.max
    high_b = math.inf if b.max is None else b.max
    return low_a <= high_b and low_b <= high_a
