"""What a date is the day of: the word it attaches to, the event key, the tense.

"Fighting erupted Tuesday" dates the fighting; "a vigil is planned Friday" a memorial, in the
future; "Officers were called at 10:20 p.m. Sunday" the incident. Two dates are compared only
when they are days of one occasion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon.events import (
    ARRANGEMENT_VERBS,
    FUTURE_HEADS,
    FUTURE_NOUN_MODIFIERS,
    INDEFINITE,
    LIGHT_VERBS,
    NOUN_EVENTS,
    OCCASION_WORDS,
    OCCURRENCE_VERBS,
    RESPONSE_SUBJECTS,
    RESPONSE_WORDS,
    VERB_EVENTS,
)
from ...lexicon.sources import SPEECH_VERBS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["content_anchor", "date_anchor", "event_key", "occasion_of", "past_event_noun", "tense_of"]


def tense_of(sent: Span, token: Token) -> str:
    """Future only when the date's own clause says so ("will appear Sunday", "is scheduled to appear
    Sunday", "is holding a vigil Friday"); otherwise news copy reports the past."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "past"
    children = list(verb.children)
    if any(c.tag_ == "MD" and c.lower_ in ("will", "'ll", "shall", "wo") for c in children):
        return "future"
    if any(c.lower_ == "going" for c in children) and any(c.lower_ == "to" for c in children):
        return "future"
    node = verb
    for _ in range(2):
        if (
            node.lemma_.lower() in FUTURE_HEADS
            and node.tag_ != "VBD"
            or (
                node.lemma_.lower() in FUTURE_HEADS
                and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in node.children)
            )
        ):
            return "future"
        if any(c.tag_ == "MD" and c.lower_ in ("will", "'ll", "shall", "wo") for c in node.children):
            return "future"
        if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
            break
        node = node.head
    if (
        verb.tag_ in ("VBZ", "VBP")
        and verb.lemma_ == "be"
        and any(
            c.dep_ in ("attr", "acomp", "nsubj") and c.lemma_ in ("funeral", "vigil", "hearing", "service", "scheduled")
            for c in children
        )
    ):
        return "future"
    if verb.tag_ == "VBG" and any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in children):
        # "is holding a vigil Friday" is an arrangement, so the future; "are still cleaning up after the storm
        # Monday night" and "is recovering" are going on now, and the day they name has been
        if verb.lemma_.lower() in ARRANGEMENT_VERBS or any(
            OCCASION_WORDS.get(c.lemma_.lower()) in ("court", "memorial")
            for c in children
            if c.dep_ in ("dobj", "attr")
        ):
            return "future"
    return "past"


def past_event_noun(anchor: Token | None) -> bool:
    """A date on a noun of something that happened ("after an accidental shooting Saturday", "Friday's crash")
    names a day that has been, even in a sentence about the present ("is recovering") or the future."""
    if anchor is None or anchor.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.lower_ in FUTURE_NOUN_MODIFIERS for c in anchor.children):
        return False  # "the planned attack Friday"
    return OCCASION_WORDS.get(anchor.lemma_.lower()) in ("incident", "death")


def date_anchor(token: Token) -> Token | None:
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB",) or node.lemma_.lower() in OCCASION_WORDS:
            return _relative_clause_verb(node, token)
        if node.head.i == node.i:
            return node
        node = node.head
    return node


def _relative_clause_verb(verb: Token, date: Token) -> Token:
    """ "The man who was shot at Grand Avenue on Friday has died": a date between the subject's relative
    clause and the main verb belongs to the clause (the parser often hangs it on the main verb); a phrase
    that modifies the main verb comes after it, or opens the sentence."""
    if verb.pos_ != "VERB" or date.i > verb.i:
        return verb
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        for clause in (c for c in subject.children if c.dep_ == "relcl" and c.pos_ == "VERB"):
            if subject.i < clause.i < date.i:
                return clause
    return verb


def event_key(anchor: Token | None) -> tuple[str | None, bool]:
    """What happened on the day, as a comparable key, and whether the copy treats it as known ('the shooting')."""
    if anchor is None:
        return None, False
    lemma = anchor.lemma_.lower()
    if anchor.pos_ in ("NOUN", "PROPN") and lemma in NOUN_EVENTS:
        if anchor.tag_ == "NNS":
            return None, False  # "the shootings Thursday and Friday": several events
        return NOUN_EVENTS[lemma], _definite(anchor)
    subject = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("who", "that", "which") and anchor.dep_ == "relcl":
        subject = anchor.head
    if (
        subject is not None
        and subject.lemma_.lower() in NOUN_EVENTS
        and (lemma in OCCURRENCE_VERBS or lemma in VERB_EVENTS)
    ):
        # "the storm hit Thursday", "the blast killed 12 Tuesday": the day of the event itself; "the shooting
        # prompted a meeting Tuesday night" is the day of the meeting
        return NOUN_EVENTS[subject.lemma_.lower()], _definite(subject)
    if lemma in VERB_EVENTS:
        passive = anchor.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in anchor.children)
        obj = next((c for c in anchor.children if c.dep_ in ("dobj", "obj")), None)
        who = subject if (passive or lemma in ("die", "succumb") or obj is None) else obj
        if who is None:
            return VERB_EVENTS[lemma], True
        return f"{VERB_EVENTS[lemma]}:{who.lemma_.lower()}", _definite(who)
    return None, False


def _definite(noun: Token) -> bool:
    if noun.pos_ in ("PROPN", "PRON"):
        return True
    words = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "poss", "nummod")}
    if words & INDEFINITE:
        return False
    if any(c.dep_ == "poss" for c in noun.children) or words & {"the", "this", "that", "these", "those"}:
        return True
    return noun.tag_ == "NN" and not any(c.dep_ == "det" for c in noun.children)  # "Fighting erupted"


def content_anchor(anchor: Token | None, date_token: Token) -> Token | None:
    """'They are due in court Sunday, police said': a date before the attribution belongs to the reported clause."""
    if anchor is None or anchor.lemma_.lower() not in SPEECH_VERBS or date_token.i > anchor.i:
        return anchor
    for child in anchor.children:
        if child.dep_ in ("ccomp", "xcomp", "advcl") and child.i < anchor.i:
            return child
    return anchor


def occasion_of(sent: Span, anchor: Token | None) -> str:
    if anchor is not None:
        lemma = anchor.lemma_.lower()
        if lemma in SPEECH_VERBS and anchor.pos_ in ("VERB", "AUX"):
            return "other"  # "police said Thursday": the day of a statement, not of the event it reports
        if lemma in OCCASION_WORDS:
            kind = OCCASION_WORDS[lemma]
            if (
                kind == "incident"
                and lemma in ("find", "discover")
                and not any(t.lower_ in ("dead", "body", "bodies", "shot", "wounded") for t in anchor.subtree)
            ):
                return "other"
            return kind
        for child in anchor.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "xcomp") and child.lemma_.lower() in OCCASION_WORDS:
                return OCCASION_WORDS[child.lemma_.lower()]
        if lemma in RESPONSE_WORDS:
            subjects = {c.lower_ for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")}
            subjects |= {c.lemma_.lower() for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")}
            words = {t.lemma_.lower() for t in anchor.subtree}
            if lemma == "take" and "place" not in words:
                return "other"
            if lemma in ("find", "discover") and not words & {
                "dead",
                "body",
                "shoot",
                "wound",
                "unresponsive",
                "gunshot",
            }:
                return "other"
            if subjects & RESPONSE_SUBJECTS or words & {"shooting", "shoot", "gunfire", "gunshot", "scene"}:
                return "incident"
        if lemma in ("schedule", "set", "expect", "due", "plan"):
            for child in anchor.subtree:
                if child.lemma_.lower() in OCCASION_WORDS and OCCASION_WORDS[child.lemma_.lower()] in (
                    "court",
                    "memorial",
                ):
                    return OCCASION_WORDS[child.lemma_.lower()]
        # "shot outside a home after leaving a party early Sunday": the date sits in a clause of the event
        for ancestor in list(anchor.ancestors)[:2]:
            occasion = OCCASION_WORDS.get(ancestor.lemma_.lower())
            if occasion is not None:
                return occasion
    if anchor is not None and anchor.pos_ == "VERB" and anchor.lemma_.lower() not in LIGHT_VERBS:
        return "other"  # "the committee pushed Friday for ...": a verb of its own says what the day is of
    # Otherwise the sentence decides when it speaks of one kind of occasion only.
    kinds = {OCCASION_WORDS[t.lemma_.lower()] for t in sent if t.lemma_.lower() in OCCASION_WORDS}
    kinds |= {OCCASION_WORDS[t.lower_] for t in sent if t.lower_ in OCCASION_WORDS}
    if len(kinds) == 1:
        return kinds.pop()
    return "other"
