"""Explicit figures: a number that counts people and is tied to an event word ("12 soldiers ... were killed").

Ages, years, times, addresses, calibres and counts of things are not tolls; subgroups
("three others", "two remain in critical condition") are marked partitive so they are never
compared with a total.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lexicon.events import ADDITIVE, EVENT_NOUNS, FATAL_ADVERBS, SEVERITY_ADVERBS
from ...lexicon.numbers import HYPHEN_UNITS, NON_PERSON_UNITS, NOT_COUNT_BEFORE
from ...lexicon.people import PERPETRATOR_NOUNS, PERSON_NOUNS
from ...records import Range
from ..numbers import NumberGroup, apply_qualifier, incidental_number
from .events import event_for
from .mention import CountMention
from .syntax import anchor_of, class_of_subject, conj_root, counted_head, describe_subject, of_object, unrealised

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["explicit_count", "plausible_count"]


def explicit_count(sent: Span, group: NumberGroup) -> CountMention | None:
    doc = sent.doc
    last = doc[group.end - 1]
    if group.vague is None and group.qualifier != "none" and not plausible_count(sent, group):
        return None
    head = counted_head(last)
    subject_token = head
    of_obj = of_object(head)
    if head.i == last.i and of_obj is not None:
        subject_token = of_obj
    if head.i != last.i:
        if head.lower_ in NON_PERSON_UNITS and head.lower_ != "shot":
            return None
        if head.pos_ == "PROPN" and head.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "DATE", "TIME"):
            return None
    event = event_for(sent, group, head, subject_token)
    if event is None or unrealised(anchor_of(head)):
        return None
    rng = group.vague or apply_qualifier(group.value, group.qualifier)
    if group.qualifier == "none":
        rng = Range(0, 0)
    subject = describe_subject(subject_token, head, last)
    subject_class = class_of_subject(subject_token, head, last)
    perpetrator = subject_token.lemma_.lower() in PERPETRATOR_NOUNS
    end = max(group.end, head.i + 1)
    if of_obj is not None and head.i == last.i:
        end = max(end, of_obj.i + 1)
    root = conj_root(head)
    additive = _additive(head, last)
    # "a total of five other people": the others counted as a whole of their own, nothing to add them to
    summed = not any(doc[k].lower_ == "total" for k in range(max(sent.start, group.start - 3), group.start))
    return CountMention(
        start_token=group.start,
        end_token=end,
        range=rng,
        qualifier=group.qualifier,
        subject=subject,
        subject_class=subject_class,
        event=event,
        anchor=anchor_of(head).i,
        head=head.i,
        perpetrator=perpetrator,
        # "none of the passengers were hurt" is zero of the whole group, not a subset of it
        partitive=(head.i == last.i and of_obj is not None and group.qualifier != "none" and _definite_group(of_obj))
        or additive
        or _status_statement(sent, end),
        additive=additive and summed,
        fatal_subset=group.end < sent.end and doc[group.end].lower_ in FATAL_ADVERBS,
        conj_root=root.i if root.i != head.i or any(c.dep_ == "conj" for c in head.children) else None,
    )


_STATUS = re.compile(
    r"^\W*(?:\w+\s+){0,4}?(?:(?:is|are|was|were|remain|remains|remained|still|being|been|listed|reported)\s+)*"
    r"(?:in\s+(?:critical|serious|stable|fair|good|grave|satisfactory|life-threatening)|hospitalized|"
    r"(?:taken|transported|rushed|airlifted|flown|sent)\s+(?:to|by)|treated|released|recovering|undergoing|in\s+surgery)",
    re.IGNORECASE,
)


def _status_statement(sent: Span, end: int) -> bool:
    """'Two victims were taken to a hospital', 'three remain in critical condition', 'three wounded, one
    critically': the state of some of the victims, not a toll to compare with the article's totals."""
    doc = sent.doc
    if end < sent.end and doc[end].lower_ in SEVERITY_ADVERBS and end - 2 >= sent.start and doc[end - 2].text == ",":
        return True
    return bool(_STATUS.match(doc[end : sent.end].text))


def _definite_group(noun: Token) -> bool:
    """'two of the victims', 'three of them' pick from a group counted elsewhere; 'dozens of people' counts people."""
    if noun.pos_ in ("PRON", "NUM", "PROPN"):
        return True
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children)


def _additive(head: Token, last: Token) -> bool:
    """'three others', 'five more', 'two additional victims': a group beside the one counted elsewhere."""
    doc = head.doc
    if head.lower_ in ("others",):
        return True
    window = {doc[k].lower_ for k in range(last.i + 1, min(len(doc), head.i + 1))}
    window |= {c.lower_ for c in head.children if c.dep_ in ("amod", "advmod", "det")}
    after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    return bool(window & ADDITIVE) or after in ("more", "others", "other")


def plausible_count(sent: Span, group: NumberGroup) -> bool:
    """A figure that may count people: not incidental, not a measure of time, distance, money or things."""
    if incidental_number(sent, group) or group.value > 100000:
        return False
    doc = sent.doc
    nxt = doc[group.end] if group.end < sent.end else None
    nxt2 = doc[group.end + 1] if group.end + 1 < sent.end else None
    prev = doc[group.number_start - 1] if group.number_start > sent.start else None
    if nxt is not None:
        if nxt.text in ("-", "–") and nxt2 is not None and nxt2.lower_ in HYPHEN_UNITS:
            return False  # "13-year-old", "45-caliber"
        if (
            nxt.lower_ in ("percent", "%")
            or (nxt.lower_ in NON_PERSON_UNITS or nxt.lemma_.lower() in NON_PERSON_UNITS)
            and nxt.lower_ not in ("shot",)
        ):
            return False
        if nxt.lower_.startswith("-year"):
            return False
    if prev is not None and prev.lower_ in NOT_COUNT_BEFORE and group.qualifier == "exact":
        # "in 2009", "since 2 a.m." are not counts; "by 2" rarely is.
        if (
            prev.lower_ not in ("in", "from", "by", "since", "until", "til", "till")
            or group.value > 31
            or (nxt is not None and nxt.lower_ in NON_PERSON_UNITS)
        ):
            return False
        if not (
            nxt is not None
            and (nxt.lemma_.lower() in PERSON_NOUNS or nxt.lemma_.lower() in EVENT_NOUNS or nxt.lower_ == "of")
        ):
            return False
    return True
