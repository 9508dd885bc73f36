"""Counts without a figure: singular victims ("a man was shot and killed" = one), "double shooting"
(= two), and attackers who killed themselves.

A singular victim says "at least one", so it is marked implicit and never compared as a toll.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lexicon.events import EVENT_NOUN_FORMS, EVENT_WORDS, FATAL_MODIFIERS, MULTIPLE_EVENTS
from ...lexicon.numbers import MULTIPLES, ORDINALS
from ...lexicon.people import PERPETRATOR_NOUNS, REFLEXIVES
from ...records import Range
from .events import strongest
from .mention import CountMention
from .patients import (
    conj_group,
    implicit_subject,
    life_patient,
    noun_patient,
    singular_person,
    struck_patient,
    verb_patient,
)
from .syntax import conj_root

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["implicit_victims", "multiples", "suicides"]


# Ways copy says an attacker died by his own hand. "Shot himself" alone is not one of them: in
# accidental shootings the person who shot himself is a wounded victim.
_SUICIDE = re.compile(
    r"\b(?:took|take|takes|taking)\s+(?:his|her|their)\s+own\s+li(?:fe|ves)\b"
    r"|\b(?:killed|killing|kills)\s+(?:himself|herself|themselves)\b"
    r"|\b(?:killed|killing|kills|kill)\b[^.;]{1,40}?(?:\band|\bthen|,)\s+(?:then\s+)?(?:himself|herself)\b"
    r"|\bturn(?:ed|ing|s)?\s+the\s+(?:gun|weapon|rifle|pistol|shotgun)\s+on\s+(?:himself|herself|themselves)\b"
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
        k = token.i + 1
        fatal = False
        while k + 1 < sent.end and (token.doc[k].lower_ in FATAL_MODIFIERS or token.doc[k].text == "-"):
            fatal = fatal or token.doc[k].lower_ in FATAL_MODIFIERS  # "double fatal shooting" = two dead
            k += 1
        noun = token.doc[k]
        event = MULTIPLE_EVENTS.get(noun.lemma_.lower()) or MULTIPLE_EVENTS.get(noun.lower_)
        if event is None or noun.i in used_heads:
            continue
        if event == "shot" and (fatal or any(c.lower_ in FATAL_MODIFIERS for c in noun.children)):
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
        patient: Token | None = None
        struck = struck_patient(token)
        if struck is not None:  # "a teen was struck by shotgun pellets", "4-month-old baby shot" (headline)
            event, word = "shot", "shot"
        life = life_patient(token)
        if life is not None and any(c.tag_ == "MD" for c in token.children):
            continue  # "could have cost a child his life"
        if struck is not None:
            patient = struck
        elif life is not None:
            event, patient = "killed", life
        elif event not in ("killed", "injured", "shot", "arrested"):
            continue
        elif token.pos_ == "NOUN" and word in ("shooting", "death", "killing", "murder", "homicide", "shot"):
            patient = noun_patient(token)
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
            patient = verb_patient(token)
            if patient is None:
                continue
            event = strongest(token, event)
        else:
            continue
        if patient is None or event is None or patient.i in seen_patients:
            continue
        group = conj_group(patient)
        if len(group) > 1:  # "killed his wife and then himself": the killer is counted as a suicide
            group = [m for m in group if m.lower_ not in REFLEXIVES] or group
        elif group[0].lower_ in REFLEXIVES and event == "killed" and _SUICIDE.search(sent.text):
            continue
        if any(member.i in seen_patients for member in group):
            continue
        if not all(singular_person(member) for member in group):
            continue
        if any(any(c.dep_ == "nummod" for c in member.children) for member in group):
            continue
        seen_patients.update(member.i for member in group)
        tokens = [member.i for member in group] + [token.i]
        start = min(min(m.left_edge.i for m in group), token.i)
        end = max(tokens) + 1
        if life is not None:  # "lost his life": the span ends with the life taken
            end = max([end] + [c.i + 1 for c in token.children if c.lemma_.lower() == "life"])
        perpetrator = any(m.lemma_.lower() in PERPETRATOR_NOUNS for m in group)
        # "a second teen has died", "the third victim": the victims so far, the one named among them
        rank = max([ORDINALS.get(c.lower_, 0) for c in group[0].children if c.dep_ == "amod"] + [0])
        size = rank if len(group) == 1 and rank > 1 else len(group)
        subject = " and ".join(implicit_subject(m) for m in group)
        out.append(
            CountMention(
                start_token=max(start, sent.start),
                end_token=min(end, sent.end),
                range=Range(size, size),
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


# An attempt the attacker survived: "turned the gun on himself in an attempted suicide".
_ATTEMPT = re.compile(
    r"\battempted\s+(?:murder-)?suicide\b|\b(?:tried|attempted|trying|attempting)\s+to\s+(?:kill|shoot)\s+(?:himself|herself)",
    re.IGNORECASE,
)


def suicides(sent: Span, mentions: list[CountMention]) -> list[CountMention]:
    """The attacker who died by his own hand, as one more death; within a stated toll when the toll is the
    murder-suicide's ("a murder-suicide left two dead" is two in all, the killer among them)."""
    match = _SUICIDE.search(sent.text)
    if not match:
        return []
    if any(m.perpetrator and m.event == "killed" for m in mentions):
        return []
    char = sent.start_char + match.start()
    token = next((t for t in sent if t.idx >= char), sent[0])
    end_char = sent.start_char + match.end()
    end_token = next((t.i for t in sent if t.idx >= end_char), sent.end)
    survived = bool(_ATTEMPT.search(sent.text))
    total = None
    if "murder-suicide" in match.group(0).lower() and not survived:
        # "a man and his daughter were found dead in a murder-suicide": the two dead include the killer
        tolls = [m for m in mentions if m.event == "killed" and not m.perpetrator and (m.range.min or 0) >= 2]
        # "a double murder-suicide" counts the murdered; "killed his wife and two sons" the people he killed
        tolls = [m for m in tolls if not _victims_of_killing(sent.doc[m.head])]
        tolls = [m for m in tolls if sent.doc[m.start_token].lower_ not in MULTIPLES]
        total = max(tolls, key=lambda m: m.range.min or 0).head if tolls else None
    return [
        CountMention(
            start_token=token.i,
            end_token=end_token,
            range=Range(1, 1),
            qualifier="implicit",
            subject="perpetrator",
            subject_class="attackers",
            event="injured" if survived else "killed",
            anchor=token.i,
            head=token.i,
            implicit=True,
            perpetrator=True,
            part_of_head=total,
        )
    ]


def _victims_of_killing(head: Token) -> bool:
    """'killed his wife and two children': the people killed by the attacker, not the dead in all."""
    node = conj_root(head)
    return node.dep_ in ("dobj", "obj") and node.head.lemma_.lower() in ("kill", "shoot", "murder", "slay")
