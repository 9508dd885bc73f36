"""Telling this event's toll from tolls recalled for context.

"The 2009 attack that killed 13", "the city's 300th homicide this year", "a
five-year civil war that claimed thousands of lives": figures of other events must
not be compared with this event's toll. A figure is background when its clause is
anchored in another time (an older year, "last year", "so far this year") or names
an earlier event.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..lexicon.calendar import YEAR
from ..lexicon.events import RECALLED_EVENT_NOUNS, SEVERAL_MARKERS, TALLY_EVENT_NOUNS, TALLY_SPANS
from ..lexicon.numbers import CARDINALS, STREET_WORDS, TENS
from .dates import DateMention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

_CUMULATIVE = re.compile(
    r"\b(?:so\s+far\s+this\s+year|this\s+year|last\s+year|a\s+year\s+ago|years?\s+ago|since\s+(?:january|the\s+start|the\s+beginning|\d{4})"
    r"|year[-\s]to[-\s]date|in\s+recent\s+years|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|decades?|months?)"
    r"|in\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|decades?|months?)|annual|per\s+year|a\s+year\b|each\s+year|every\s+year"
    r"|record\s+(?:number|high|low)|statistics|homicides\b|anniversary|previous(?:ly)?\b|earlier\s+(?:shooting|attack|incident)"
    r"|another\s+(?:shooting|attack|incident)|separate\s+(?:shooting|attack|incident)|unrelated|in\s+total\s+this"
    r"|nationwide|nationally|across\s+the\s+(?:country|nation|city|state)|citywide|mass\s+shootings\s+(?:in|since)"
    r"|deadliest|worst\s+(?:mass\s+)?(?:shooting|attack)|since\s+the|civil\s+war"
    r"|series\s+of|string\s+of|spate\s+of|rash\s+of|wave\s+of|over\s+the\s+(?:weekend|holiday)"
    r"|over\s+(?:the\s+)?(?:past\s+|last\s+)?\w+\s+(?:days|weeks|months)|in\s+the\s+first\s+\w+\s+(?:days|weeks|months)"
    r")\b",
    re.IGNORECASE,
)


# "in separate shootings", "three shootings killed five", "12 wounded in shootings across the city".
_COUNTS = "|".join(sorted([*CARDINALS, *TENS, *SEVERAL_MARKERS, r"\d+"], key=len, reverse=True))
_TALLY = re.compile(
    rf"\b(?:(?i:{_COUNTS})\s+(?:[\w-]+\s+)?(?i:{'|'.join(TALLY_EVENT_NOUNS)})"
    rf"|(?i:{'|'.join(TALLY_EVENT_NOUNS)})\s+(?i:across|around|throughout|all\s+over)\s+"
    rf"(?:(?i:the\s+)?(?i:{'|'.join(TALLY_SPANS)})\b|[A-Z][a-z]+))",  # "... around Chicago", "... across the city"
)


def background_reason(sent: Span, anchor: Token, dates: list[DateMention], published: dt.date | None) -> str | None:
    """Why a figure in this sentence is about another event, or None when it is about this one."""
    clause = _clause_tokens(anchor)
    clause_text = " ".join(t.text for t in clause)
    match = _CUMULATIVE.search(clause_text) or _CUMULATIVE.search(sent.text)
    if match:
        return f"recalled figure ('{match.group(0)}')"
    tally = _TALLY.search(_shared_clause(anchor))
    if tally:
        return f"tally over several events ('{tally.group(0)}')"
    clause_start = min(t.idx for t in clause) - sent.start_char if clause else 0
    clause_end = max(t.idx + len(t.text) for t in clause) - sent.start_char if clause else len(sent.text)
    for mention in dates:
        inside = clause_start <= mention.start_char < clause_end
        if not inside:
            continue
        if mention.granularity in ("year", "decade") and mention.range_end is not None:
            if published is None or mention.range_end.year < published.year:
                return f"dated to another time ('{mention.expression}')"
        if mention.granularity in ("month", "week") and mention.range_end is not None and published is not None:
            if (published - mention.range_end).days > 21:
                return f"dated to another time ('{mention.expression}')"
        if mention.date is not None and published is not None and (published - mention.date).days > 60:
            return f"dated to another time ('{mention.expression}')"
    # A year earlier than the paper's anywhere in the clause: "the 2009 attack at the club killed 13".
    if published is not None:
        for token in clause:
            if _past_year(token, published):
                return f"dated to another time ('{token.text}')"
    # A past year elsewhere in the sentence, with nothing in the claim's clause dating it to this event:
    # "... the 2009 shooting at the post's Soldier Readiness Center that left 13 dead".
    if published is not None and any(_past_year(t, published) for t in sent):
        recent = any(
            m.date is not None and abs((published - m.date).days) <= 14
            for m in dates
            if clause_start <= m.start_char < clause_end
        )
        if not recent:
            year = next(t.text for t in sent if _past_year(t, published))
            return f"sentence is about another time ('{year}')"
    # The event the figure belongs to is marked as another one: "a previous shooting killed two".
    for child in anchor.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in RECALLED_EVENT_NOUNS:
            for modifier in child.children:
                if modifier.lower_ in ("previous", "earlier", "prior", "another", "separate", "unrelated", "last"):
                    return f"recalled figure ('{modifier.text} {child.text}')"
    # "the 2009 attack that killed 13": a relative clause on an event noun modified by a year or 'previous'.
    node = anchor
    while node.dep_ not in ("relcl", "acl", "ROOT") and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("relcl", "acl"):
        noun = node.head
        if noun.lemma_.lower() in RECALLED_EVENT_NOUNS:
            for child in noun.children:
                if re.fullmatch(YEAR, child.text) or child.lower_ in (
                    "previous",
                    "earlier",
                    "last",
                    "prior",
                    "former",
                    "past",
                    "another",
                    "separate",
                ):
                    return f"recalled figure ('{child.text} {noun.text}')"
    return None


def _shared_clause(anchor: Token) -> str:
    """The claim's clause with the conjoined figures that share its phrases ("eight killed and 12 wounded in
    separate shootings"), without clauses of their own ("... and police are investigating three shootings")."""
    drop: set[int] = set()
    clause = _clause_tokens(anchor)
    for token in clause:
        if token.dep_ in ("conj", "advcl", "parataxis", "ccomp", "relcl") and anchor not in token.subtree:
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and not any(c.like_num for c in subject.subtree):
                drop.update(t.i for t in token.subtree)
    return " ".join(t.text for t in clause if t.i not in drop)


def _clause_tokens(anchor: Token) -> list[Token]:
    node = anchor
    while node.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "conj") and node.head.i != node.i:
        node = node.head
    return list(node.subtree)


def _past_year(token: Token, published: dt.date) -> bool:
    """A year before the paper's: not an address ("the 1600 block", "1900-block of Elm"), not a count."""
    if not re.fullmatch(YEAR, token.text) or int(token.text) >= published.year:
        return False
    doc = token.doc
    following = [doc[k].lower_ for k in range(token.i + 1, min(len(doc), token.i + 3)) if doc[k].text not in ("-", "–")]
    return not (following and (following[0] in STREET_WORDS or following[0] in ("people", "residents")))
