"""What happened to the people counted, and the occasions dates attach to (``data/events.yaml``)."""

from __future__ import annotations

from ._load import load

__all__ = [
    "ARRANGEMENT_VERBS",
    "ADDITIVE",
    "APPROXIMATE_MODIFIERS",
    "APPROXIMATE_PARTS",
    "BRIDGE_WORDS",
    "EVENT_NOUNS",
    "EVENT_NOUN_FORMS",
    "EVENT_PRIORITY",
    "EVENT_WORDS",
    "FATAL_ADVERBS",
    "FATAL_MODIFIERS",
    "FUTURE_HEADS",
    "FUTURE_NOUN_MODIFIERS",
    "INDEFINITE",
    "IRREALIS_HEADS",
    "IRREALIS_MODALS",
    "KEY_OCCASIONS",
    "LIGHT_VERBS",
    "LIFE_VERBS",
    "MULTIPLE_EVENTS",
    "NOUN_EVENTS",
    "OCCASION_WORDS",
    "OCCURRENCE_VERBS",
    "PROJECTILES",
    "RECALLED_EVENT_NOUNS",
    "RESPONSE_SUBJECTS",
    "RESPONSE_WORDS",
    "SEVERAL_MARKERS",
    "TALLY_EVENT_NOUNS",
    "TALLY_SPANS",
    "SEVERITY_ADVERBS",
    "SURVIVAL_PHRASES",
    "TALLY_WORDS",
    "VERB_EVENTS",
]

_DATA = load("events")

EVENT_WORDS: dict[str, str] = dict(_DATA["words"])
EVENT_NOUNS: dict[str, str] = dict(_DATA["nouns"])
EVENT_PRIORITY: dict[str, int] = dict(_DATA["priority"])
BRIDGE_WORDS: frozenset[str] = frozenset(_DATA["bridge_words"])
TALLY_WORDS: frozenset[str] = frozenset(_DATA["tally_words"])
MULTIPLE_EVENTS: dict[str, str] = dict(_DATA["multiple_events"])
EVENT_NOUN_FORMS: dict[str, str] = dict(_DATA["noun_forms"])
FATAL_MODIFIERS: frozenset[str] = frozenset(_DATA["fatal_modifiers"])
FATAL_ADVERBS: frozenset[str] = frozenset(_DATA["fatal_adverbs"])
SEVERITY_ADVERBS: frozenset[str] = frozenset(_DATA["severity_adverbs"])
ADDITIVE: frozenset[str] = frozenset(_DATA["additive"])
# word -> the kind of occasion a date attached to it is about (incident, death, arrest, court, memorial)
OCCASION_WORDS: dict[str, str] = {word: kind for kind, words in _DATA["occasions"].items() for word in words}
RESPONSE_WORDS: frozenset[str] = frozenset(_DATA["response_words"])
RESPONSE_SUBJECTS: frozenset[str] = frozenset(_DATA["response_subjects"])
FUTURE_HEADS: frozenset[str] = frozenset(_DATA["future_heads"])
ARRANGEMENT_VERBS: frozenset[str] = frozenset(_DATA["arrangement_verbs"])
OCCURRENCE_VERBS: frozenset[str] = frozenset(_DATA["occurrence_verbs"])
LIGHT_VERBS: frozenset[str] = frozenset(_DATA["light_verbs"])
FUTURE_NOUN_MODIFIERS: frozenset[str] = frozenset(_DATA["future_noun_modifiers"])
NOUN_EVENTS: dict[str, str] = dict(_DATA["noun_events"])
VERB_EVENTS: dict[str, str] = dict(_DATA["verb_events"])
KEY_OCCASIONS: dict[str, str] = dict(_DATA["key_occasions"])
INDEFINITE: frozenset[str] = frozenset(_DATA["indefinite"])
SURVIVAL_PHRASES: tuple[str, ...] = tuple(_DATA["survival_phrases"])
PROJECTILES: frozenset[str] = frozenset(_DATA["projectiles"])
LIFE_VERBS: frozenset[str] = frozenset(_DATA["life_verbs"])
IRREALIS_HEADS: frozenset[str] = frozenset(_DATA["irrealis_heads"])
IRREALIS_MODALS: frozenset[str] = frozenset(_DATA["irrealis_modals"])
APPROXIMATE_PARTS: frozenset[str] = frozenset(_DATA["approximate_parts"])
APPROXIMATE_MODIFIERS: frozenset[str] = frozenset(_DATA["approximate_modifiers"])
TALLY_EVENT_NOUNS: frozenset[str] = frozenset(_DATA["tally_event_nouns"])
SEVERAL_MARKERS: frozenset[str] = frozenset(_DATA["several_markers"])
TALLY_SPANS: frozenset[str] = frozenset(_DATA["tally_spans"])
RECALLED_EVENT_NOUNS: frozenset[str] = frozenset(_DATA["recalled_event_nouns"])
