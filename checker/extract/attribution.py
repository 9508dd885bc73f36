"""Who gives a figure: the attribution cue, the source phrase and the kind of source.

Attribution decides severity downstream: two figures from one source that disagree
are an error, an official toll against residents' estimates is a reported
disagreement. A figure with no attribution is in the reporter's own voice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from ..lexicon.events import NOUN_EVENTS, OCCASION_WORDS
from ..lexicon.names import TITLES
from ..lexicon.people import PRONOUNS
from ..lexicon.sources import CONTAINER_NOUNS, HEDGE_PHRASES, HEDGE_WORDS, SOURCE_TYPES, SPEECH_VERBS
from ..records import REPORTER, Attribution
from ..records.claims import SourceType

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token


# Abbreviated ranks and titles ("col.", "sgt.", "gov."); spelled-out ones are in the official source words.
_RANKS = frozenset(key for key in TITLES if key.endswith(".") and " " not in key)


@dataclass
class SourceMemory:
    """The last named source in an article, for 'It said' / 'They said' in later sentences."""

    last: Attribution | None = None
    by_pronoun: dict[str, Attribution] = field(default_factory=dict)


def attribution_for(sent: Span, anchor: Token, memory: SourceMemory) -> Attribution:
    """Walk from the claim's anchor up to a speech verb; fall back to 'according to' and sentence-level cues."""
    found = _from_ancestors(anchor) or _according_to(sent) or _sentence_speech(sent, anchor)
    if found is None:
        return REPORTER
    phrase, cue, head = found
    text = _clean_phrase(phrase)
    lower = text.lower()
    if lower in PRONOUNS and head is not None:
        remembered = memory.by_pronoun.get(lower) or memory.last
        if remembered is not None:
            return Attribution(source=remembered.source, type=remembered.type, cue=cue)
        return Attribution(source=text, type="unnamed", cue=cue)
    attribution = Attribution(source=text, type=classify_source(phrase), cue=cue)
    memory.last = attribution
    memory.by_pronoun["it" if attribution.type in ("official", "media") and not _plural(phrase) else "they"] = (
        attribution
    )
    if attribution.type in ("witness", "family", "official") and _plural(phrase):
        memory.by_pronoun["they"] = attribution
    return attribution


def remember_sentence_source(sent: Span, memory: SourceMemory) -> None:
    """Note a sentence's speaker even when it carries no figure, so a later 'they said' resolves."""
    for token in sent:
        if _speaks(token):
            subject = _subject(token)
            if subject is not None and subject.lower_ not in PRONOUNS:
                phrase = _phrase_of(subject)
                attribution = Attribution(source=_clean_phrase(phrase), type=classify_source(phrase), cue=token.lower_)
                memory.last = attribution
                memory.by_pronoun["they" if _plural(phrase) else "it"] = attribution
                return
    according = _according_to(sent)
    if according is not None:
        phrase = according[0]
        attribution = Attribution(source=_clean_phrase(phrase), type=classify_source(phrase), cue=according[1])
        memory.last = attribution
        memory.by_pronoun["they" if _plural(phrase) else "it"] = attribution


def classify_source(phrase: list[Token]) -> SourceType:
    """Kind of source from the words of its phrase (a named person is a 'person' unless a role says more)."""
    words = {t.lower_ for t in phrase} | {t.lemma_.lower() for t in phrase}
    words |= {w.rstrip(".") for w in words} | {w + "." for w in words}  # "Lt" "." as the tokenizer splits "Lt."
    if words & _RANKS:
        return "official"  # "Lt. Col. Sam Ode", "Sgt. Mark Lee": a rank or title of office speaks for an office
    for kind, vocabulary in SOURCE_TYPES:
        if kind == "witness" and words & {"police", "officials", "official", "authorities"}:
            continue
        if words & vocabulary:
            return cast(SourceType, kind)
    if any(t.ent_type_ == "ORG" for t in phrase):
        return "organization"
    if any(t.ent_type_ == "PERSON" for t in phrase):
        return "person"
    return "unnamed"


def hedge_in(sent: Span) -> str | None:
    """Words that lower confidence in a figure ("believed", "could not be independently verified")."""
    lower = sent.text.lower()
    for phrase in HEDGE_PHRASES:
        if phrase in lower:
            return phrase
    for token in sent:
        word = token.lower_
        if word in ("may", "might") and token.tag_ != "MD":
            continue
        if word in HEDGE_WORDS or (token.lemma_ in ("believe", "estimate") and token.pos_ == "VERB"):
            return HEDGE_WORDS.get(word) or HEDGE_WORDS.get(token.lemma_)
    return None


def _from_ancestors(anchor: Token) -> tuple[list[Token], str, Token] | None:
    pronoun: tuple[list[Token], str, Token] | None = None
    for ancestor in anchor.ancestors:
        if _speaks(ancestor):
            subject = _subject(ancestor)
            if subject is not None and subject.lower_ in PRONOUNS:
                # "Residents said they believed ...": the pronoun's speaker is further up.
                pronoun = pronoun or (_phrase_of(subject), ancestor.lower_, subject)
                continue
            if subject is not None:
                return _phrase_of(subject), ancestor.lower_, subject
            agent = _agent(ancestor)
            if agent is not None:
                return _phrase_of(agent), ancestor.lower_, agent
    return pronoun


def _according_to(sent: Span) -> tuple[list[Token], str, Token] | None:
    for token in sent:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return _phrase_of(objects[0]), "according to", objects[0]
            nxt = token.nbor(1) if token.i + 1 < token.doc.__len__() else None
            if nxt is not None and nxt.lower_ == "to":
                objects = [c for c in nxt.children if c.dep_ == "pobj"]
                if objects:
                    return _phrase_of(objects[0]), "according to", objects[0]
    return None


def _sentence_speech(sent: Span, anchor: Token) -> tuple[list[Token], str, Token] | None:
    """A speech verb elsewhere in the sentence ('..., police said.') that is not inside the claim's own clause."""
    for token in sent:
        if _speaks(token) and token.dep_ in ("ROOT", "parataxis", "conj"):
            if token in anchor.subtree:
                continue
            subject = _subject(token)
            if subject is not None:
                return _phrase_of(subject), token.lower_, subject
    return None


def _speaks(verb: Token) -> bool:
    """A speech verb used as one: "the fire claimed three lives" and "the storm claimed" report no source."""
    if verb.lemma_ not in SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return False
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and child.lemma_.lower() in ("life", "live"):
            return False
        if child.dep_ == "nsubj" and (child.lemma_.lower() in NOUN_EVENTS or child.lemma_.lower() in OCCASION_WORDS):
            return False
    return True


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("there",):
            return child
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _phrase_of(head: Token) -> list[Token]:
    """The source's noun phrase without relative clauses ("police, who arrived later, said")."""
    drop: set[int] = set()
    for t in head.subtree:
        if t is not head and t.dep_ in ("relcl", "acl"):
            drop.update(x.i for x in t.subtree)
    for t in head.subtree:
        if t.like_num and t.head.pos_ == "PROPN" and t.dep_ in ("appos", "npadvmod", "amod", "nummod", "conj"):
            drop.add(t.i)  # "Jane Doe, 49, said": the age is no part of who the source is
    return [t for t in head.subtree if t.i not in drop and (not t.is_punct or t.text in ("'", "’", "-", "."))]


def _clean_phrase(tokens: list[Token]) -> str:
    if not tokens:
        return "unnamed"
    tokens = sorted(tokens, key=lambda t: t.i)
    # a dropped word between two kept ones leaves a space, never two words glued ("Doe" + "49")
    text = "".join(
        t.text + (t.whitespace_ or (" " if k + 1 < len(tokens) and tokens[k + 1].i != t.i + 1 else ""))
        for k, t in enumerate(tokens)
    ).strip()
    text = re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    lowered = text.lower()
    for container in CONTAINER_NOUNS:
        match = re.match(rf"^(?:\w+\s+)?{container}\s+(?:from|of|by|issued by|released by)\s+(.+)$", lowered)
        if match:
            return text[len(text) - len(match.group(1)) :]
    return text or "unnamed"


def _plural(tokens: list[Token]) -> bool:
    heads = [t for t in tokens if t.dep_ not in ("det", "amod", "compound", "poss", "case")]
    head = heads[0] if heads else (tokens[0] if tokens else None)
    return bool(head is not None and head.tag_ in ("NNS", "NNPS"))
