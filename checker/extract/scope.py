"""Where a claim sits: its exact offsets in the article field, and when and where its clause puts it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..nlp.sentences import ParsedSentence
from .dates import DateMention
from .names import fold_name

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["clause_scope", "date_tokens", "token_offsets"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def token_offsets(item: ParsedSentence, start_token: int, end_token: int) -> tuple[int, int]:
    """Offsets into the article field of doc tokens ``[start_token, end_token)``."""
    doc = item.span.doc
    base = item.sentence.start - item.span.start_char  # doc char offset -> field offset
    last = doc[end_token - 1]
    return doc[start_token].idx + base, last.idx + len(last.text) + base


def clause_scope(
    span: Span, tokens: Sequence[Token], dates: Sequence[DateMention]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """When and where the clause puts a figure's event: two figures dated or placed apart are different facts."""
    if not tokens:
        return (), ()
    low = tokens[0].idx - span.start_char
    high = tokens[-1].idx + len(tokens[-1].text) - span.start_char
    when = sorted(
        {d.date.isoformat() for d in dates if d.date and d.granularity == "day" and low <= d.start_char < high}
    )
    indexes = {t.i for t in tokens}
    where = sorted(
        {fold_name(e.text) for e in span.ents if e.label_ in _PLACE_LABELS and e.start in indexes and len(e.text) > 2}
    )
    return tuple(when), tuple(where)


def date_tokens(span: Span, dates: Sequence[DateMention]) -> set[int]:
    """Doc indexes of the tokens inside the sentence's date expressions."""
    return {t.i for t in span if any(d.start_char <= t.idx - span.start_char < d.end_char for d in dates)}
