"""Who gives a figure: speech verbs, kinds of source, hedges (``data/sources.yaml``)."""

from __future__ import annotations

from ._load import load

__all__ = ["CONTAINER_NOUNS", "HEDGE_PHRASES", "HEDGE_WORDS", "SOURCE_TYPES", "SPEECH_VERBS"]

_DATA = load("sources")

SPEECH_VERBS: frozenset[str] = frozenset(_DATA["speech_verbs"])
SOURCE_TYPES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (kind, frozenset(words)) for kind, words in _DATA["source_types"]
)
CONTAINER_NOUNS: tuple[str, ...] = tuple(_DATA["container_nouns"])
HEDGE_WORDS: dict[str, str] = dict(_DATA["hedge_words"])
HEDGE_PHRASES: tuple[str, ...] = tuple(_DATA["hedge_phrases"])
