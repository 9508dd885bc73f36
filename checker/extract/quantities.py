"""Quantity claims: figures that are not counts of people hurt, dated days or ages.

"5 years in prison", "$117 million", "a 50% chance", "married 5 times", "three sons",
"100 particles per second". Each keeps its unit (the noun or symbol it measures) so
that only figures of the same unit are ever compared, and the range its qualifier
sets ("more than 1000 years" is 1001 or more; "within 30 days" names a limit, 30).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from ..lexicon.calendar import MONTHS, YEAR
from ..lexicon.numbers import CURRENCY, NOT_MEASURE_UNITS, PERCENT, SCALES, UNIT_SYNONYMS
from ..nlp.sentences import ParsedSentence
from ..records import Article, QuantityClaim
from ..records.claims import Qualifier
from .context import clause_context, clause_tokens
from .dates import DateMention
from .ids import ClaimIds
from .measures import MeasureMention, anchor_token
from .numbers import apply_qualifier, incidental_number, number_groups  # one notion of "a number in copy"
from .proportions import find_proportions
from .scope import clause_scope, token_offsets

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

__all__ = ["MeasureMention", "find_measures", "quantity_claims"]


def find_measures(sent: Span, taken: set[int]) -> list[MeasureMention]:
    """Figures in the sentence not already read as counts, dates or ages (``taken`` token indexes)."""
    doc = sent.doc
    out = find_proportions(sent, taken)  # ordinals and fractions: "second recall", "more than a third"
    taken = taken | {i for m in out for i in range(m.start_token, m.end_token)}
    for group in number_groups(sent):
        if group.qualifier == "none" or group.vague is not None:
            continue
        tokens = set(range(group.number_start, group.end))
        if tokens & taken:
            continue
        first = doc[group.number_start]
        if re.fullmatch(YEAR, first.text) and group.end - group.number_start == 1:
            continue  # a year
        prev = doc[group.number_start - 1] if group.number_start > sent.start else None
        if prev is not None and prev.lower_.rstrip(".") in MONTHS:
            continue  # a day of a month
        value = group.value
        end = group.end
        unit = None
        nxt = doc[end] if end < sent.end else None
        if prev is not None and prev.text in CURRENCY:
            unit = CURRENCY[prev.text]
            if nxt is not None and nxt.lower_ in SCALES and "million" not in first.lower_:
                value *= SCALES[nxt.lower_]
                end += 1
        elif nxt is not None and (nxt.lower_ in PERCENT or nxt.text == "%"):
            unit = "percent"
            end += 1
        else:
            if incidental_number(sent, group):
                continue
            unit, unit_index = _unit_after(sent, end)
            if unit is not None:
                end = unit_index + 1
            elif _age_of_person(sent, group.number_start):
                unit = "age"
        if unit is None or unit in NOT_MEASURE_UNITS:
            continue
        # "within 30 days" states a limit; two different limits for one deadline conflict, so it stays exact
        qualifier = group.qualifier
        out.append(
            MeasureMention(
                start_token=group.start,
                end_token=min(end, sent.end),
                range=apply_qualifier(value, qualifier),
                qualifier=qualifier,
                unit=unit,
                anchor=anchor_token(doc[group.end - 1]),
            )
        )
    return out


def _unit_after(sent: Span, k: int) -> tuple[str | None, int]:
    """The noun a figure measures: the next noun within two words ("15 commercial robberies" -> robbery)."""
    doc = sent.doc
    for offset in range(0, 3):
        if k + offset >= sent.end:
            return None, -1
        token = doc[k + offset]
        if token.lower_ == "times":
            return "time", token.i
        if token.pos_ in ("NOUN", "PROPN") and token.is_alpha:
            lemma = token.lemma_.lower()
            return UNIT_SYNONYMS.get(lemma, lemma), token.i
        if token.pos_ not in ("ADJ", "ADV", "NUM") and token.text != "-":
            return None, -1
    return None, -1


def _age_of_person(sent: Span, start: int) -> bool:
    """'a man of about 30', 'a woman in her 40s' are ages."""
    doc = sent.doc
    words = [doc[k].lower_ for k in range(max(sent.start, start - 4), start)]
    if "of" not in words:
        return False
    before = doc[max(sent.start, start - 5) : start]
    return any(t.lemma_.lower() in ("man", "woman", "boy", "girl", "person") for t in before)


def quantity_claims(
    article: Article, item: ParsedSentence, dates: list[DateMention], taken: set[int], ids: ClaimIds
) -> list[QuantityClaim]:
    """The sentence's other figures as claims (``taken``: tokens already read as counts or dates)."""
    span, sentence = item.span, item.sentence
    out: list[QuantityClaim] = []
    for measure in find_measures(span, taken):
        anchor = span.doc[measure.anchor]
        start, end = token_offsets(item, measure.start_token, measure.end_token)
        keep = set(range(measure.start_token, measure.end_token))
        when, where = clause_scope(span, clause_tokens(span, anchor, keep), dates)
        out.append(
            QuantityClaim(
                id=ids.next("Q"),
                article_id=article.id,
                sentence_index=sentence.index,
                field=sentence.field,
                start=start,
                end=end,
                text=article.field_text(sentence.field)[start:end],
                min=measure.range.min,
                max=measure.range.max,
                qualifier=cast(Qualifier, measure.qualifier),
                unit=measure.unit,
                when=when,
                where=where,
                context=clause_context(span, anchor, keep),
            )
        )
    return out
