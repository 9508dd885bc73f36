"""Figures written without a cardinal: ordinals ("the second recall") and fractions ("more than a third").

A fraction is a share of a whole, so it is read as percent and compares with percentages: "less than
10%" and "more than a third" cannot both hold. An ordinal ranks a thing in a series, so its unit is the
thing ranked: "second recall" and "first recall" compare, "second recall" and "two recalls" do not.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ..lexicon.numbers import CARDINALS, FRACTIONS, ORDINAL_NAMES, ORDINALS, RANKING_VERBS, UNIT_SYNONYMS
from ..records import Range
from .measures import MeasureMention, anchor_token
from .numbers import qualifier_before

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["find_proportions", "share_range"]

_NUMERIC_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.IGNORECASE)


def share_range(percent: float, qualifier: str) -> Range:
    """The whole percents a share stands for: a third is 33-34, more than a third 34 or more."""
    low, high = math.floor(percent), math.ceil(percent)
    if qualifier == "more than":
        return Range(low + 1, None)
    if qualifier == "at least":
        return Range(low, None)
    if qualifier == "fewer than":
        return Range(None, high - 1)
    if qualifier == "up to":
        return Range(None, high)
    if qualifier == "nearly":
        return Range(math.floor(percent * 0.85), high - 1)
    if qualifier == "about":
        return Range(math.floor(percent * 0.85), math.ceil(percent * 1.15))
    return Range(low, high)


def find_proportions(sent: Span, taken: set[int]) -> list[MeasureMention]:
    """Fractions and ordinals in the sentence, outside the tokens already read (``taken``)."""
    out: list[MeasureMention] = []
    for token in sent:
        if token.i in taken:
            continue
        mention = _fraction(sent, token) or _ordinal(sent, token)
        if mention is not None and not set(range(mention.start_token, mention.end_token)) & taken:
            out.append(mention)
            taken = taken | set(range(mention.start_token, mention.end_token))
    return out


def _fraction(sent: Span, token: Token) -> MeasureMention | None:
    """'half the homes', 'a third of the village', 'two-thirds of voters', 'three quarters of the crop'."""
    doc = sent.doc
    denominator = FRACTIONS.get(token.lower_)
    if denominator is None:
        return None
    nxt = doc[token.i + 1] if token.i + 1 < sent.end else None
    whole = nxt is not None and nxt.dep_ in ("det", "poss") and nxt.lower_ not in ("a", "an")
    if nxt is None or not (nxt.lower_ == "of" or (denominator == 2 and whole)):
        return None  # "half an hour", "a third victim", "the third time"
    start = token.i
    numerator = 1
    before = doc[token.i - 1] if token.i > sent.start else None
    if before is not None and before.text == "-" and token.i - 2 >= sent.start:
        start, before = token.i - 2, doc[token.i - 2]
    if before is not None and before.lower_ in CARDINALS:
        numerator, start = CARDINALS[before.lower_], before.i
    elif before is not None and before.lower_ in ("a", "an"):
        start = before.i
    elif denominator != 2:
        return None  # "the third of five", an ordinal
    qualifier, qstart = qualifier_before(sent, start)
    return MeasureMention(
        start_token=qstart,
        end_token=token.i + 1,
        range=share_range(100 * numerator / denominator, qualifier),
        qualifier=qualifier,
        unit="percent",
        anchor=anchor_token(token),
    )


def _ordinal(sent: Span, token: Token) -> MeasureMention | None:
    """'the second recall', 'its 3rd straight loss': a rank in a series of the thing named."""
    doc = sent.doc
    match = _NUMERIC_ORDINAL.match(token.text)
    value = int(match.group(1)) if match else ORDINALS.get(token.lower_)
    if value is None:
        return None
    before = doc[token.i - 1] if token.i > sent.start else None
    if before is not None and before.lemma_.lower() in RANKING_VERBS:
        # "ranked first in their heats", "finished seventh": a place in a ranking
        return MeasureMention(token.i, token.i + 1, Range(value, value), "exact", "place (ordinal)", before.i)
    if token.pos_ not in ("ADJ", "NUM", "NOUN"):
        return None
    if before is None or not (before.dep_ in ("det", "poss") or before.tag_ == "POS" or before.lower_ == "for"):
        return None  # "first responders", "June 3rd": no determiner, no ranked thing
    for k in range(token.i + 1, min(sent.end, token.i + 3)):
        noun = doc[k]
        if noun.pos_ == "NOUN" and noun.is_alpha:
            phrase = f"{token.lower_} {noun.lemma_.lower()}"
            if phrase in ORDINAL_NAMES or f"{token.lower_}-{noun.lemma_.lower()}" in ORDINAL_NAMES:
                return None
            lemma = noun.lemma_.lower()
            return MeasureMention(
                start_token=token.i,
                end_token=k + 1,
                range=Range(value, value),
                qualifier="exact",
                unit=f"{UNIT_SYNONYMS.get(lemma, lemma)} (ordinal)",
                anchor=anchor_token(token),
            )
        if noun.pos_ not in ("ADJ", "ADV"):
            return None
    return None
