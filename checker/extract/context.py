"""The clause around a claim: the text embeddings compare to decide whether two claims are about one fact.

A whole sentence often carries several facts ("Fighting erupted Tuesday ... after
forces moved in on a warlord believed to be behind the killing of a general"); the
clause that holds the claim, without subordinate clauses and attributions that do
not contain it, says which fact the claim is about.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon.calendar import MONTHS, RELATIVE_DAYS, WEEKDAYS
from ..lexicon.numbers import CARDINALS, SCALES, TENS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

_DETACHABLE = {"advcl", "relcl", "ccomp", "parataxis", "conj", "acl", "appos", "cc", "mark"}
_MAX_TOKENS = 30


def clause_context(sent: Span, anchor: Token, keep: set[int]) -> str:
    tokens = clause_tokens(sent, anchor, keep)
    text = "".join(t.text_with_ws for t in tokens).strip(" ,;:—-")
    return text or sent.text


def clause_tokens(sent: Span, anchor: Token, keep: set[int]) -> list[Token]:
    """Tokens of the clause that holds the claim, without subordinate clauses that do not contain it."""
    head = anchor
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    drop: set[int] = set()
    for node in head.subtree:
        if node is head or node.i in drop or node.dep_ not in _DETACHABLE:
            continue
        members = {t.i for t in node.subtree}
        if members & keep:
            continue
        drop |= members
    tokens = [t for t in head.subtree if t.i not in drop and sent.start <= t.i < sent.end]
    if keep:
        low, high = min(keep), max(keep)
        while len(tokens) > _MAX_TOKENS:
            # trim from the side farther from the claim
            if (low - tokens[0].i) > (tokens[-1].i - high):
                tokens = tokens[1:]
            else:
                tokens = tokens[:-1]
    return tokens


# Words that state a figure or a day; "may" is left out: it is far more often the verb than the month.
_FIGURE_WORDS = "|".join(
    [*CARDINALS, *TENS, *SCALES, "dozen", "dozens", "hundreds", "thousands", *WEEKDAYS, *RELATIVE_DAYS]
    + [form for form in MONTHS if form != "may"]
)
_FIGURE = re.compile(rf"\$?\d[\d,.]*%?|\b(?:{_FIGURE_WORDS})\b\.?", re.IGNORECASE)


def masked(text: str) -> str:
    """The context with its figures and days blanked out: whether two claims speak of one fact
    must not depend on the very values being compared ("12 killed" vs "17 killed")."""
    return _FIGURE.sub("#", text)
