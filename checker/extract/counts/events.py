"""What happened to the people a figure counts: killed, injured, shot, arrested...

Read from the counted noun ("17 deaths"), a toll phrase ("the death toll rose to 17"), the
words after the figure ("were killed"), the dependency parse, or the verb before it ("killing
two"). The strongest outcome a clause states wins ("shot and killed" is killed).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lexicon.events import (
    BRIDGE_WORDS,
    EVENT_NOUNS,
    EVENT_PRIORITY,
    EVENT_WORDS,
    FATAL_ADVERBS,
    LIFE_VERBS,
    TALLY_WORDS,
)
from ...lexicon.people import PERSON_NOUNS
from ..numbers import NumberGroup
from .syntax import conj_root, headline_case, is_title_field

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["event_for", "life_taken", "strongest"]


_EVENT_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^in\s+(?:police\s+)?custody\b", re.I), "arrested"),
    (
        re.compile(r"^(?:in|listed\s+in)\s+(?:critical|serious|stable|fair|good|grave|satisfactory)\s+condition", re.I),
        "injured",
    ),
    (
        re.compile(
            r"^(?:taken|transported|rushed|airlifted|flown|hospitalized)\s+(?:to|at)\s+(?:a\s+|the\s+|an?\s+area\s+)?(?:\w+\s+){0,3}(?:hospital|medical|trauma)",
            re.I,
        ),
        "injured",
    ),
    (re.compile(r"^(?:treated|being\s+treated)\s+(?:for|at)\b", re.I), "injured"),
    (re.compile(r"^(?:shot|gunned)\s+(?:dead|to\s+death|down\s+and\s+killed)", re.I), "killed"),
    (re.compile(r"^(?:lost|lose|losing)\s+(?:their|his|her)\s+li(?:ves|fe)", re.I), "killed"),
    (re.compile(r"^pronounced\s+dead", re.I), "killed"),
    (re.compile(r"^(?:suffered|sustained)\s+(?:\w+\s+){0,2}(?:gunshot\s+)?(?:wounds?|injuries)", re.I), "injured"),
    (re.compile(r"^(?:were\s+|was\s+)?struck\s+by\s+(?:gunfire|bullets?|stray)", re.I), "shot"),
]


def event_for(sent: Span, group: NumberGroup, head: Token, subject: Token) -> str | None:
    doc = sent.doc
    head_lemma = head.lemma_.lower()
    # "two fatally" / "2 critically"
    for k in range(group.end, min(sent.end, group.end + 2)):
        if doc[k].lower_ in FATAL_ADVERBS:
            return "killed"
    # The counted noun names the event: "17 deaths", "18 shot" (headline), "two dead".
    if head.i != group.end - 1:
        if head_lemma in EVENT_NOUNS:
            return EVENT_NOUNS[head_lemma]
        if head.lower_ in ("shot", "dead", "killed", "injured", "wounded", "hurt"):
            return EVENT_WORDS[head.lower_]
    if (
        subject.lemma_.lower() not in PERSON_NOUNS
        and subject.pos_ not in ("NUM", "PRON")
        and subject.i != group.end - 1
    ):
        if not (subject.tag_ in ("NNS", "NNPS") or subject.ent_type_ == "NORP"):
            return None
    # Death toll: "the death toll rose to 17", "put the toll at 17", "the number of people killed to three".
    tally = _toll_before(sent, group.start)
    if tally:
        return tally
    event = _event_right(sent, group, head, subject)
    if event is not None:
        return event
    event = _event_dependency(head)
    if event is not None:
        return event
    return _event_left(sent, group, head)


def _toll_before(sent: Span, start: int) -> str | None:
    """'the death toll rose to 17' -> killed; 'bringing the number of people killed to three' -> killed."""
    doc = sent.doc
    window = [doc[k] for k in range(max(sent.start, start - 12), start)]
    words = [t.lower_ for t in window]
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word == "toll" or (word == "number" and index + 1 < len(words) and words[index + 1] == "of"):
            between = window[index + 1 :]
            event = "killed" if word == "toll" else None
            for token in between:
                lemma = token.lower_ if token.lower_ in EVENT_WORDS else token.lemma_.lower()
                if lemma in EVENT_WORDS and EVENT_WORDS[lemma] != "other":
                    event = EVENT_WORDS[lemma]
            if word == "toll":
                injury = any(w in ("injury", "injuries", "wounded") for w in words[max(0, index - 2) : index])
                event = "injured" if injury else event
            tail = [t for t in between if t.lower_ in TALLY_WORDS]
            if (
                event
                and len(tail) >= 1
                and between
                and between[-1].lower_ in ("to", "at", "is", "was", "of", "stood", "stands", "reached", "hit")
            ):
                return event
            return None
    return None


def _event_right(sent: Span, group: NumberGroup, head: Token, subject: Token) -> str | None:
    doc = sent.doc
    k = max(group.end, head.i + 1, subject.i + 1 if subject.i > head.i else 0)
    steps = 0
    while k < sent.end and steps < 6:
        token = doc[k]
        lower = token.lower_
        if lower in ("not", "n't", "never") or token.dep_ == "neg":
            return None
        remainder = sent.doc[k : sent.end].text
        for pattern, event in _EVENT_PHRASES:
            if pattern.match(remainder):
                return event
        word = lower if lower in EVENT_WORDS else token.lemma_.lower()
        if word in EVENT_WORDS and token.pos_ in ("VERB", "ADJ", "NOUN", "AUX", "ADV", "PROPN"):
            if _agent_of_active(token):
                return None
            return strongest(token, EVENT_WORDS[word])
        if (
            lower in BRIDGE_WORDS
            or token.lemma_.lower() in BRIDGE_WORDS
            or token.pos_ in ("AUX", "ADV", "PART")
            or lower in ("who", "that", "which", "were", "was")
        ):
            k += 1
            steps += 1
            continue
        return None
    return None


def _agent_of_active(verb: Token) -> bool:
    """'two men shot the victim', 'two men began shooting at each other': the counted people did the shooting."""
    if verb.pos_ != "VERB" or verb.tag_ == "VBN":
        return False
    if verb.tag_ == "VBG" or any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
        return True
    if verb.lemma_.lower() in ("die", "perish"):
        return False
    return any(c.dep_ in ("dobj", "obj") and c.lower_ not in ("themselves",) for c in verb.children)


def strongest(token: Token, event: str) -> str:
    """'shot and killed', 'shot dead', 'shot to death': take the most severe outcome stated."""
    best = event
    for other in list(token.children) + [token.nbor(1) if token.i + 1 < len(token.doc) else token]:
        word = other.lower_ if other.lower_ in EVENT_WORDS else other.lemma_.lower()
        if other.dep_ in ("conj", "acomp", "oprd", "xcomp", "advmod") or other.i == token.i + 1:
            if word in EVENT_WORDS and EVENT_PRIORITY[EVENT_WORDS[word]] > EVENT_PRIORITY[best]:
                if other.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
                    continue
                best = EVENT_WORDS[word]
    following = token.doc[token.i + 1 : token.i + 4].text.lower()
    if following.startswith(("to death", "dead")):
        best = "killed"
    return best


def _event_dependency(head: Token) -> str | None:
    node = conj_root(head)
    if node.dep_ == "appos":
        node = node.head
    verb = node.head
    if node.dep_ in ("nsubj", "nsubjpass"):
        candidates = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp", "attr")]
        candidates += [
            c
            for c in verb.children
            if c.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ]
        best: str | None = None
        for candidate in candidates:
            if any(c.dep_ == "neg" for c in candidate.children):
                return None
            word = candidate.lower_ if candidate.lower_ in EVENT_WORDS else candidate.lemma_.lower()
            if word in EVENT_WORDS:
                if candidate is verb and node.dep_ == "nsubj" and _agent_of_active(candidate):
                    return None
                if candidate is not verb and node.dep_ == "nsubj" and candidate.tag_ in ("VBG", "VB"):
                    return None  # "two people started shooting": the subject does the shooting
                event = strongest(candidate, EVENT_WORDS[word])
                if best is None or EVENT_PRIORITY[event] > EVENT_PRIORITY[best]:
                    best = event
        return best
    if node.dep_ in ("dobj", "obj") and verb.pos_ == "VERB":
        word = verb.lemma_.lower()
        if word == "leave":
            for child in verb.children:
                w = child.lower_ if child.lower_ in EVENT_WORDS else child.lemma_.lower()
                if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "conj") and w in EVENT_WORDS:
                    return EVENT_WORDS[w]
            return None
        if word in EVENT_WORDS and word not in ("shoot",) or word in ("shoot",) and not _shots_object(node):
            return strongest(verb, EVENT_WORDS[word])
        if word in LIFE_VERBS and node.lemma_.lower() == "life":
            return "killed"
        if word in ("send", "rush", "take", "transport", "airlift", "fly"):
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("to", "at"):
                    if any(g.lemma_.lower() in ("hospital", "hospitals", "trauma") for g in child.subtree):
                        return "injured"
    if node.dep_ == "pobj" and node.head.lower_ in ("including", "among"):
        return None  # parts take the total's event in attach_parts
    if node.dep_ == "pobj" and node.head.lower_ == "of" and life_taken(node.head.head):
        return "killed"  # "claimed the lives of three people"
    return None


def life_taken(noun: Token) -> bool:
    """'the lives' a verb claimed, took or cost: a death."""
    if noun.lemma_.lower() != "life" or noun.dep_ not in ("dobj", "obj", "dative"):
        return False
    return noun.head.lemma_.lower() in LIFE_VERBS


def _shots_object(node: Token) -> bool:
    return node.lower_ in ("shots", "rounds", "bullets")


def _event_left(sent: Span, group: NumberGroup, head: Token) -> str | None:
    doc = sent.doc
    k = group.start - 1
    while k >= sent.start and doc[k].lower_ in ("the", "a", "an", "another", "other", "all", "its", "their"):
        k -= 1
    if k < sent.start:
        return None
    token = doc[k]
    word = token.lower_ if token.lower_ in EVENT_WORDS else token.lemma_.lower()
    if word in EVENT_WORDS and token.pos_ == "VERB" and token.tag_ in ("VBG", "VBD", "VBZ", "VBP"):
        return strongest(token, EVENT_WORDS[word])
    if word in EVENT_WORDS and token.tag_ == "NNS" and (headline_case(sent) or is_title_field(token)):
        # headlines tag the verb as a plural noun: "Drive-by shooting kills 2, injures 4"
        return EVENT_WORDS[word] if EVENT_WORDS[word] in ("killed", "injured", "shot") else None
    return None
