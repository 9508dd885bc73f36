"""Counts without a figure: singular victims ("a man was shot and killed" = one), "double shooting"
(= two), and attackers who killed themselves.

A singular victim says "at least one", so it is marked implicit and never compared as a toll.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lexicon.events import EVENT_NOUN_FORMS, EVENT_WORDS, FATAL_MODIFIERS, MULTIPLE_EVENTS
from ...lexicon.numbers import MULTIPLES
from ...lexicon.people import NOT_VICTIMS, PERPETRATOR_NOUNS, PERSON_NOUNS, PLACE_WORDS, SINGULAR_PRONOUNS
from ...records import Range
from .events import strongest
from .mention import CountMention
from .syntax import conj_root, headline_case, is_title_field

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["implicit_victims", "multiples", "suicides"]


# Ways copy says an attacker died by his own hand. "Shot himself" alone is not one of them: in
# accidental shootings the person who shot himself is a wounded victim.
_SUICIDE = re.compile(
    r"\b(?:took|take|takes|taking)\s+(?:his|her|their)\s+own\s+li(?:fe|ves)\b"
    r"|\b(?:killed|killing|kills)\s+(?:himself|herself|themselves)\b"
    r"|\bturned\s+the\s+(?:gun|weapon|rifle|pistol|shotgun)\s+on\s+(?:himself|herself|themselves)\b"
    r"|\b(?:fatal|apparent)\s+self-inflicted\b|\bself-inflicted\b[^.]*\b(?:died|dead|death|fatal)\b"
    r"|\b(?:died|dead|death)\b[^.]*\bself-inflicted\b"
    r"|\bcommitted\s+suicide\b|\bdied\s+by\s+suicide\b|\bmurder-suicide\b",
    re.IGNORECASE,
)


def multiples(sent: Span, used_heads: set[int]) -> list[CountMention]:
    out: list[CountMention] = []
    for token in sent:
        value = MULTIPLES.get(token.lower_)
        if value is None or token.i + 1 >= sent.end:
            continue
        noun = token.doc[token.i + 1]
        event = MULTIPLE_EVENTS.get(noun.lemma_.lower()) or MULTIPLE_EVENTS.get(noun.lower_)
        if event is None or noun.i in used_heads:
            continue
        if event == "shot" and any(c.lower_ in FATAL_MODIFIERS for c in noun.children):
            event = "killed"
        used_heads.add(noun.i)
        out.append(
            CountMention(
                start_token=token.i,
                end_token=noun.i + 1,
                range=Range(value, value),
                qualifier="word",
                subject="people",
                subject_class="people",
                event=event,
                anchor=noun.i,
                head=noun.i,
            )
        )
    return out


def implicit_victims(sent: Span, used_heads: set[int], explicit: list[CountMention]) -> list[CountMention]:
    out: list[CountMention] = []
    seen_patients: set[int] = set(used_heads)
    for token in sent:
        word = token.lower_ if token.lower_ in EVENT_WORDS else token.lemma_.lower()
        event = EVENT_WORDS.get(word) or EVENT_NOUN_FORMS.get(word)
        if event not in ("killed", "injured", "shot", "arrested"):
            continue
        if token.pos_ == "NOUN" and word in ("shooting", "death", "killing", "murder", "homicide", "shot"):
            patient = _noun_patient(token)
            if patient is None:
                if (
                    token.lemma_.lower() in ("shooting", "stabbing")
                    and token.tag_ == "NN"
                    and any(c.lower_ in ("fatal", "deadly") for c in token.children)
                    and token.i not in seen_patients
                ):
                    # "a fatal shooting" names at least one death even when the victim is not named
                    seen_patients.add(token.i)
                    out.append(
                        CountMention(
                            start_token=min(c.i for c in token.children if c.lower_ in ("fatal", "deadly")),
                            end_token=token.i + 1,
                            range=Range(1, 1),
                            qualifier="implicit",
                            subject="victim",
                            subject_class="people",
                            event="killed",
                            anchor=token.i,
                            head=token.i,
                            implicit=True,
                        )
                    )
                continue
            if token.lemma_.lower() == "shooting" or token.lower_ == "shot":
                fatal = any(c.lower_ in FATAL_MODIFIERS for c in token.children)
                if not fatal:
                    continue
                event = "killed"
        elif token.pos_ in ("VERB", "ADJ"):
            if token.tag_ == "VB":
                continue  # "moved in to arrest him", "will kill": intentions are not events
            if any(c.dep_ == "neg" for c in token.children) or any(
                c.lower_ in ("nearly", "almost") for c in token.children
            ):
                continue
            if any(
                c.tag_ == "MD" and c.lower_ not in ("will",) for c in list(token.children) + list(token.head.children)
            ):
                continue  # "could have been killed", "she could've been dead"
            patient = _verb_patient(token)
            if patient is None:
                continue
            event = strongest(token, event)
        else:
            continue
        if patient.i in seen_patients:
            continue
        group = _conj_group(patient)
        if any(member.i in seen_patients for member in group):
            continue
        if not all(_singular_person(member) for member in group):
            continue
        if any(any(c.dep_ == "nummod" for c in member.children) for member in group):
            continue
        seen_patients.update(member.i for member in group)
        tokens = [member.i for member in group] + [token.i]
        start = min(min(m.left_edge.i for m in group), token.i)
        end = max(tokens) + 1
        perpetrator = any(m.lemma_.lower() in PERPETRATOR_NOUNS for m in group)
        subject = " and ".join(_implicit_subject(m) for m in group)
        out.append(
            CountMention(
                start_token=max(start, sent.start),
                end_token=min(end, sent.end),
                range=Range(len(group), len(group)),
                qualifier="implicit",
                subject=subject,
                subject_class="people",
                event=event,
                anchor=token.i,
                head=group[0].i,
                implicit=True,
                perpetrator=perpetrator and len(group) == 1,
            )
        )
    return out


def _verb_patient(verb: Token) -> Token | None:
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    passive = verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in children)
    if verb.pos_ == "ADJ":  # "was found dead", "is dead"
        head = verb.head
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and head.lemma_.lower() == "leave":
            subject = next((c for c in head.children if c.dep_ == "dobj"), None)
        return _resolve_relative(subject) if subject is not None else None
    if lemma in ("die", "perish"):
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "relcl":
            return verb.head
        return _resolve_relative(subject) if subject is not None else None
    obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and not passive:
        return obj if obj.lower_ not in ("shots", "rounds", "bullets", "gun", "weapon") else None
    if (
        obj is None
        and not passive
        and verb.tag_ in ("VBD", "VBZ")
        and (
            headline_case(verb.sent)
            or is_title_field(verb)
            or any(c.lower_ in ("fatally", "critically", "mortally") for c in children)
        )
    ):
        # headlines drop the auxiliary: "Woman fatally shot in Hazelwood", "Teen shot at mall"
        subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ in ("csubj", "csubjpass"):
            subject = next((c for c in children if c.dep_ == "nsubj"), None)
        return subject
    if passive:
        subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if subject is None:
            # headline parses: "14-year-old killed in accidental shooting" ("old" hangs off the verb)
            subject = next(
                (c for c in children if c.lemma_.lower() == "old" and any("year" in g.lower_ for g in c.subtree)), None
            )
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subject is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        return _resolve_relative(subject) if subject is not None else None
    return None


def _noun_patient(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
    return None


def _resolve_relative(token: Token | None) -> Token | None:
    if token is None:
        return None
    if token.lower_ in ("who", "that", "whom") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _conj_group(token: Token) -> list[Token]:
    """'a teen and his mother'; in headlines also comma lists parsed as appositions ('wife, son, daughter')."""
    root = conj_root(token)
    group = [root]
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "conj" or (
                child.dep_ == "appos"
                and child.tag_ == "NN"
                and child.lemma_.lower() in PERSON_NOUNS
                and child.lower_ not in ("victim", "suspect")
            ):
                group.append(child)
                stack.append(child)
    return sorted(group, key=lambda t: t.i)


def _singular_person(token: Token) -> bool:
    if token.lower_ in SINGULAR_PRONOUNS or token.lower_ in ("himself", "herself"):
        return True
    headline = headline_case(token.sent) or is_title_field(token)
    lemma = token.lemma_.lower()
    if token.ent_type_ == "PERSON" and token.pos_ == "PROPN" and lemma not in PERSON_NOUNS:
        return True
    if token.pos_ == "PROPN" and token.tag_ == "NNP" and token.is_title and token.ent_type_ == "" and not headline:
        # a named victim the recogniser missed: "LaPrida Shears, 25, was killed" (a multi-word name)
        return lemma not in PLACE_WORDS and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    if lemma == "old" and any("year" in c.lower_ for c in token.subtree):
        return True  # "a 13-year-old", "14-year-old killed"
    if token.tag_ not in ("NN", "NNP"):
        return False
    if lemma in ("people", "other", "couple", "security", "official") or lemma in NOT_VICTIMS:
        return False
    if lemma in PERSON_NOUNS or _victim_word(token):
        if any(c.dep_ in ("det", "poss") or c.lower_ in ("a", "an", "the") for c in token.children):
            return True
        # headlines drop articles: "Woman fatally shot in Hazelwood", "Teen shot in head at mall"
        return headline or token.i == token.sent.start
    if lemma == "old" and any("year" in c.lower_ for c in token.subtree):
        return True
    return False


def _victim_word(token: Token) -> bool:
    """A singular common noun that is the one shot or killed names a person ("turkey hunter", "senator",
    "ex-wife") unless it is a thing or an animal; the patient role is what makes it a victim."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.is_alpha is not None
        and token.ent_type_
        not in ("GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PRODUCT", "EVENT")
    )


def _implicit_subject(token: Token) -> str:
    """The victim as named ("Garcia", "toddler"): two differently named victims are two people."""
    if token.pos_ == "PROPN" and token.is_title:
        return token.text
    if token.lower_ in SINGULAR_PRONOUNS:
        return "person"
    return token.lemma_.lower()


def suicides(sent: Span, mentions: list[CountMention]) -> list[CountMention]:
    match = _SUICIDE.search(sent.text)
    if not match:
        return []
    if any(m.perpetrator and m.event == "killed" for m in mentions):
        return []
    char = sent.start_char + match.start()
    token = next((t for t in sent if t.idx >= char), sent[0])
    end_char = sent.start_char + match.end()
    end_token = next((t.i for t in sent if t.idx >= end_char), sent.end)
    return [
        CountMention(
            start_token=token.i,
            end_token=end_token,
            range=Range(1, 1),
            qualifier="implicit",
            subject="perpetrator",
            subject_class="attackers",
            event="killed",
            anchor=token.i,
            head=token.i,
            implicit=True,
            perpetrator=True,
        )
    ]
