"""Parts and totals: figures under "including" / "among them" belong to the total they follow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon.people import PERPETRATOR_NOUNS
from ...records import Range
from ..numbers import apply_qualifier, number_groups
from .figures import plausible_count
from .mention import CountMention
from .syntax import class_of_subject, conj_root, counted_head, describe_subject, of_object

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["attach_parts"]


def attach_parts(sent: Span, mentions: list[CountMention]) -> list[CountMention]:
    """Parts under 'including' take their total's event; remember which total they belong to."""
    doc = sent.doc
    by_head = {m.head: m for m in mentions}
    out: list[CountMention] = []
    for mention in mentions:
        out.append(mention)
    # Figures introduced by "including"/"among them" whose event could not be read on their own.
    for group in number_groups(sent):
        last = doc[group.end - 1]
        head = counted_head(last)
        if head.i in by_head:
            continue
        root = conj_root(head)
        prep = root.head
        if root.dep_ == "pobj" and prep.lower_ in ("including", "among", "include", "includes"):
            total_head = prep.head
            total = by_head.get(total_head.i) or _mention_for_verb(mentions, total_head)
            if total is None or not plausible_count(sent, group):
                continue
            rng = group.vague or apply_qualifier(group.value, group.qualifier)
            subject_token = head if head.i != last.i else (of_object(head) or head)
            out.append(
                CountMention(
                    start_token=group.start,
                    end_token=max(group.end, head.i + 1),
                    range=rng,
                    qualifier=group.qualifier,
                    subject=describe_subject(subject_token, head, last),
                    subject_class=class_of_subject(subject_token, head, last),
                    event=total.event,
                    anchor=total.anchor,
                    head=head.i,
                    perpetrator=subject_token.lemma_.lower() in PERPETRATOR_NOUNS,
                    conj_root=root.i,
                    part_of_head=total.head,
                )
            )
    out.extend(_attackers_among(sent, mentions, by_head))
    out.extend(_breakdown(sent, out))
    return out


def _breakdown(sent: Span, mentions: list[CountMention]) -> list[CountMention]:
    """'Of the 30 evacuated, 20 were children and 15 were elderly': the figures after the comma break the
    total down, so each is a part of it, whatever the parse made of them."""
    doc = sent.doc
    first = doc[sent.start]
    if first.lower_ not in ("of", "among") or sent.end - sent.start < 6:
        return []
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None:
        return []
    total = next((m for m in mentions if sent.start < m.start_token < comma and not m.implicit), None)
    if total is None or total.event == "other" and total.subject_class != "people":
        return []
    taken = {i for m in mentions for i in range(m.start_token, m.end_token)}
    out: list[CountMention] = []
    for group in number_groups(sent):
        if group.start <= comma or group.start in taken or not plausible_count(sent, group):
            continue
        k = group.end
        while k < sent.end and doc[k].lower_ in ("were", "was", "are", "is", "of", "them", "those", "the"):
            k += 1
        if k >= sent.end or doc[k].pos_ not in ("NOUN", "ADJ", "PROPN"):
            continue
        subject = doc[k]
        while subject.dep_ == "compound" and subject.head.i > subject.i:
            subject = subject.head  # "police officers"
        out.append(
            CountMention(
                start_token=group.start,
                end_token=subject.i + 1,
                range=group.vague or apply_qualifier(group.value, group.qualifier),
                qualifier=group.qualifier,
                subject=subject.lower_,
                subject_class=class_of_subject(subject, subject, doc[group.end - 1]),
                event=total.event,
                anchor=total.anchor,
                head=subject.i,
                part_of_head=total.head,
            )
        )
    return out


def _attackers_among(sent: Span, mentions: list[CountMention], by_head: dict[int, CountMention]) -> list[CountMention]:
    """'Four dead, including the gunman': the attacker is one of the stated toll, not one more death."""
    out: list[CountMention] = []
    for token in sent:
        if token.dep_ != "pobj" or token.head.lower_ not in ("including", "among") or token.tag_ != "NN":
            continue
        if token.lemma_.lower() not in PERPETRATOR_NOUNS:
            continue
        prep = token.head
        total = by_head.get(prep.head.i) or _mention_for_verb(mentions, prep.head)
        if total is None or total.implicit or total.event != "killed":
            continue
        out.append(
            CountMention(
                start_token=min(c.i for c in token.subtree),
                end_token=token.i + 1,
                range=Range(1, 1),
                qualifier="implicit",
                subject=token.lemma_.lower(),
                subject_class="attackers",
                event=total.event,
                anchor=total.anchor,
                head=token.i,
                implicit=True,
                perpetrator=True,
                part_of_head=total.head,
            )
        )
    return out


def _mention_for_verb(mentions: list[CountMention], verb: Token) -> CountMention | None:
    for mention in mentions:
        if mention.anchor == verb.i and not mention.implicit:
            return mention
    return None
