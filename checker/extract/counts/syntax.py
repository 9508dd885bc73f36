"""Where a figure sits in the parse: the noun it counts, its group of conjoined nouns, its subject's class."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon.events import EVENT_NOUNS, IRREALIS_HEADS, IRREALIS_MODALS
from ...lexicon.people import PERSON_NOUNS, SUBJECT_CLASSES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = [
    "anchor_of",
    "class_of_subject",
    "conj_root",
    "counted_head",
    "describe_subject",
    "headline_case",
    "is_title_field",
    "of_object",
    "unrealised",
]


def counted_head(last: Token) -> Token:
    """The noun a figure counts ("12 soldiers" -> soldiers); the number itself when it stands alone."""
    if last.lower_ == "no" and (last.head.lemma_.lower() in EVENT_NOUNS or last.head.lemma_.lower() in PERSON_NOUNS):
        return last.head  # "no arrests", "no children"
    head = last
    while head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "advmod") and head.head.i != head.i:
        parent = head.head
        if parent.i > last.i and parent.like_num and parent.text[:1].isdigit():
            break  # "4 2 hurt": a figure beside another figure counts nothing of it
        if parent.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or parent.lemma_.lower() in PERSON_NOUNS:
            head = parent
            if parent.pos_ != "NUM":
                break
        else:
            break
    if head.i < last.i:
        return last
    return head


def unrealised(verb: Token) -> bool:
    """'planned to kill dozens', 'threatened to shoot two hostages', 'could have been killed': an event
    intended, threatened or imagined is no toll. ("may have been killed" is a hedged estimate, still a toll.)"""
    children = list(verb.children)
    if any(c.tag_ == "MD" and c.lower_ in IRREALIS_MODALS for c in children):
        return True
    if verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in children):
        node = verb
        for _ in range(3):
            if node.dep_ not in ("xcomp", "acl", "advcl", "ccomp", "conj") or node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in IRREALIS_HEADS:
                return True
    return False


def of_object(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def conj_root(token: Token) -> Token:
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node


def anchor_of(head: Token) -> Token:
    root = conj_root(head)
    return root.head if root.dep_ != "ROOT" else root


def describe_subject(subject: Token, head: Token, last: Token) -> str:
    if subject.i == last.i:
        return "people"
    if subject.pos_ == "PRON":
        return "people"
    words = [c.text for c in subject.children if c.dep_ in ("compound", "amod") and c.i < subject.i and not c.like_num]
    words.append(subject.text)
    return " ".join(words).lower()


def class_of_subject(subject: Token, head: Token, last: Token) -> str:
    if subject.i == last.i or subject.pos_ == "PRON":
        return "people"
    lemma = subject.lemma_.lower()
    for child in subject.children:
        if child.dep_ == "compound" and child.lemma_.lower() in ("police", "security", "army", "military"):
            return "police" if child.lemma_.lower() == "police" else "soldiers"
    if lemma in EVENT_NOUNS or lemma in ("dead", "shot", "injured", "wounded", "killed", "hurt"):
        return "people"
    return SUBJECT_CLASSES.get(lemma, lemma)


def headline_case(sent: Span) -> bool:
    """Headlines and title-case lines: capitalisation and part-of-speech tags say little there."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.6


def is_title_field(token: Token) -> bool:
    return bool(token.doc.user_data.get("field") == "title")
