"""Who is counted: person nouns, classes of people, perpetrators, things that are not victims (``data/people.yaml``)."""

from __future__ import annotations

from ._load import load

__all__ = [
    "COLLECTIVE_NOUNS",
    "KIN_NOUNS",
    "NOT_VICTIMS",
    "PERPETRATOR_NOUNS",
    "PERSON_NOUNS",
    "PLACE_WORDS",
    "PRONOUNS",
    "REFLEXIVES",
    "SINGULAR_PRONOUNS",
    "SUBJECT_CLASSES",
]

_DATA = load("people")

PERSON_NOUNS: frozenset[str] = frozenset(_DATA["person_nouns"])
COLLECTIVE_NOUNS: frozenset[str] = frozenset(_DATA["collective_nouns"])
SUBJECT_CLASSES: dict[str, str] = dict(_DATA["classes"])
PERPETRATOR_NOUNS: frozenset[str] = frozenset(_DATA["perpetrators"])
NOT_VICTIMS: frozenset[str] = frozenset(_DATA["not_victims"])
PLACE_WORDS: frozenset[str] = frozenset(_DATA["place_words"])
SINGULAR_PRONOUNS: frozenset[str] = frozenset(_DATA["singular_pronouns"])
PRONOUNS: frozenset[str] = frozenset(_DATA["pronouns"])
KIN_NOUNS: frozenset[str] = frozenset(_DATA["kin_nouns"])
REFLEXIVES: frozenset[str] = frozenset(_DATA["reflexive_pronouns"])
