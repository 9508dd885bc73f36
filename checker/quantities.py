"""Numbers as news writes them, and the ranges their qualifiers set.

"at least 12" is [12, open), "nearly 40" is [34, 39], "dozens" is [24, 99]: two
figures conflict only when their ranges cannot overlap. Number words ("a dozen",
"hundreds") need our own table because general quantity parsers do not cover them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = [
    "Range",
    "UNITS",
    "QUALIFIER_PHRASES",
    "VAGUE_QUANTITIES",
    "apply_qualifier",
    "parse_number",
    "ranges_overlap",
]

UNITS: dict[str, int] = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "both": 2, "twin": 2, "pair": 2, "couple": 2, "single": 1, "lone": 1, "dozen": 12,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague quantity words: (min, max), max None = open. Conventions from DOMAIN.md.
VAGUE_QUANTITIES: dict[str, tuple[int, int | None]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "thousand": (2000, 9999),  # "claimed thousand of lives" is a typo for "thousands"
    "several": (3, 9),
    "handful": (3, 6),
    "few": (2, 5),
    "many": (10, None),
    "numerous": (5, None),
    "multiple": (2, None),
}

# Qualifier phrases (lower-case, single spaces) that precede a number.
QUALIFIER_PHRASES: dict[str, str] = {
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than", "in excess of": "more than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly", "just shy of": "nearly",
    "about": "about", "around": "about", "some": "about", "roughly": "about", "approximately": "about",
    "an estimated": "about", "estimated": "about", "approx.": "about", "circa": "about",
    "up to": "up to", "as many as": "up to", "at most": "up to", "no more than": "up to",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
}


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
    low_a = -math.inf if a.min is None else a.min
    low_b = -math.inf if b.min is None else b.min
    high_a = math.inf if a.max is None else a.max
    high_b = math.inf if b.max is None else b.max
    return low_a <= high_b and low_b <= high_a


def apply_qualifier(value: int, qualifier: str) -> Range:
    """The range a qualified figure stands for."""
    if qualifier in ("exact", "word", "implicit", "none"):
        return Range(value, value)
    if qualifier == "at least":
        return Range(value, None)
    if qualifier == "more than":
        return Range(value + 1, None)
    if qualifier == "nearly":
        return Range(max(0, math.floor(value * 0.85)), max(0, value - 1))
    if qualifier == "about":
        spread = max(1, round(value * 0.15))
        return Range(max(0, value - spread), value + spread)
    if qualifier == "up to":
        return Range(None, value)
    if qualifier == "fewer than":
        return Range(None, max(0, value - 1))
    raise ValueError(f"unknown qualifier {qualifier!r}")


_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


def parse_number(words: list[str]) -> int | None:
    """Value of a number written in digits or words: '1,200', 'twenty-one', 'one hundred', 'a dozen'."""
    tokens: list[str] = []
    for word in words:
        tokens.extend(t for t in re.split(r"[-\s]+", word.lower().strip()) if t)
    tokens = [t for t in tokens if t not in ("a", "an", "and")]
    if not tokens:
        return None
    if len(tokens) == 1 and _DIGITS.match(tokens[0]):
        return int(tokens[0].replace(",", ""))
    total = 0
    current = 0
    seen = False
    for token in tokens:
        if _DIGITS.match(token):
            current += int(token.replace(",", ""))
        elif token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None
