"""Number words, scales, vague quantities, qualifiers; words that say a number is no count (``data/numbers.yaml``)."""

from __future__ import annotations

from ._load import load

__all__ = [
    "CARDINALS",
    "COLLECTIVES",
    "CURRENCY",
    "FRACTIONS",
    "HYPHEN_UNITS",
    "MULTIPLES",
    "NON_PERSON_UNITS",
    "NOT_COUNT_BEFORE",
    "NOT_MEASURE_UNITS",
    "NUMBER_WORDS",
    "ORDINALS",
    "ORDINAL_NAMES",
    "PERCENT",
    "QUALIFIER_PHRASES",
    "RANKING_VERBS",
    "SCALES",
    "STREET_WORDS",
    "TENS",
    "UNIT_SYNONYMS",
    "VAGUE_QUANTITIES",
    "ZERO_WORDS",
]

_DATA = load("numbers")

CARDINALS: dict[str, int] = dict(_DATA["cardinals"])
COLLECTIVES: dict[str, int] = dict(_DATA["collectives"])
ZERO_WORDS: frozenset[str] = frozenset(_DATA["zero_words"])
TENS: dict[str, int] = dict(_DATA["tens"])
SCALES: dict[str, int] = dict(_DATA["scales"])
# Every word a number can be spelled with, and its value ("no" and "none" are zero).
NUMBER_WORDS: dict[str, int] = {**CARDINALS, **{w: 0 for w in ZERO_WORDS}, **COLLECTIVES}
VAGUE_QUANTITIES: dict[str, tuple[int, int | None]] = {k: (v[0], v[1]) for k, v in _DATA["vague"].items()}
QUALIFIER_PHRASES: dict[str, str] = dict(_DATA["qualifiers"])
MULTIPLES: dict[str, int] = dict(_DATA["multiples"])
STREET_WORDS: frozenset[str] = frozenset(_DATA["street_words"])
NOT_COUNT_BEFORE: frozenset[str] = frozenset(_DATA["not_count_before"])
HYPHEN_UNITS: frozenset[str] = frozenset(_DATA["hyphen_units"])
NON_PERSON_UNITS: frozenset[str] = frozenset(_DATA["non_person_units"])
CURRENCY: dict[str, str] = dict(_DATA["currency"])
PERCENT: frozenset[str] = frozenset(_DATA["percent"])
NOT_MEASURE_UNITS: frozenset[str] = frozenset(_DATA["not_measure_units"])
UNIT_SYNONYMS: dict[str, str] = dict(_DATA["unit_synonyms"])
ORDINALS: dict[str, int] = dict(_DATA["ordinals"])
ORDINAL_NAMES: frozenset[str] = frozenset(_DATA["ordinal_names"])
FRACTIONS: dict[str, int] = dict(_DATA["fractions"])  # word -> denominator
RANKING_VERBS: frozenset[str] = frozenset(_DATA["ranking_verbs"])
