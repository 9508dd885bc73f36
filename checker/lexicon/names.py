"""Titles and ranks, honorifics, transliteration folds, words that are never names (``data/names.yaml``)."""

from __future__ import annotations

from ._load import load
from .calendar import MONTH_NAMES, WEEKDAYS

__all__ = ["HONORIFICS", "NOT_NAMES", "RANK_FAMILIES", "TITLES", "TITLE_WORDS", "TRANSLITERATION"]

_DATA = load("names")

# written form -> (normalised title, family); titles of one family compare with each other
TITLES: dict[str, tuple[str, str]] = {k: (v[0], v[1]) for k, v in _DATA["titles"].items()}
RANK_FAMILIES: frozenset[str] = frozenset(_DATA["rank_families"])
# Every word a title is written with ("capt.", "chief", "fire"), and the words that qualify one: never a name.
TITLE_WORDS: frozenset[str] = frozenset(w.rstrip(".") for key in TITLES for w in key.split()) | frozenset(
    _DATA["title_qualifiers"]
)
HONORIFICS: frozenset[str] = frozenset(_DATA["honorifics"])
TRANSLITERATION: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in _DATA["transliteration"])
NOT_NAMES: frozenset[str] = frozenset(_DATA["not_names"]) | frozenset(WEEKDAYS) | frozenset(MONTH_NAMES)
