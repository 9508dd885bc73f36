"""Date claims: weekdays, calendar dates, 'yesterday', years, resolved against publication date and tense.

A claim that cannot be pinned to one day keeps a range, and the date rules only call two
claims different when their ranges cannot overlap. ``resolve`` turns an expression into
days; ``occasion`` says what the day is the day of.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from ...lexicon.calendar import MONTH_NAMES, MONTHS, WEEKDAYS, YEAR
from ...lexicon.events import APPROXIMATE_MODIFIERS, APPROXIMATE_PARTS, KEY_OCCASIONS
from ...nlp.sentences import ParsedSentence
from ...records import DateClaim
from ...records.claims import DateAbout, Granularity, Resolution, Tense
from ..context import clause_context
from ..ids import ClaimIds
from .occasion import content_anchor, date_anchor, event_key, occasion_of, past_event_noun, tense_of
from .resolve import resolve, resolve_weekday

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["DateMention", "date_claims", "find_dates", "resolve_weekday"]


_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + ")"
_ABBREVIATIONS = sorted((form for form in MONTHS if form not in MONTH_NAMES), key=len, reverse=True)
_MONTH = r"(?P<month>" + "|".join([*MONTH_NAMES, *(rf"{form}\.?" for form in _ABBREVIATIONS)]) + ")"
_YEAR = rf"(?P<year>{YEAR})"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night|overnight))?"
_MODIFIER = r"(?:(?P<mod>last|this|next|early|late|earlier|later\s+on|on|past)\s+)?"


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Tuesday, July 25, 2012  /  Tuesday, July 25
    (
        "weekday_date",
        re.compile(
            rf"\b{_MODIFIER}{_WD}{_PART}\s*,?\s+{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?", re.I
        ),
    ),
    # July 25, 2012 / July 25 / on Feb. 6
    (
        "month_day",
        re.compile(
            rf"\b(?:(?P<mod>on|early|late|since|by|until|before|after)\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:p\.?m|a\.?m|%|percent))(?:,?\s+{_YEAR})?",
            re.I,
        ),
    ),
    # 25 July 2012
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    # Monday night / last Tuesday / early Sunday
    ("weekday", re.compile(rf"\b{_MODIFIER}{_WD}{_PART}\b", re.I)),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>yesterday|today|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening"
            r"|overnight|earlier\s+today|tomorrow|the\s+day\s+before\s+yesterday)\b",
            re.I,
        ),
    ),
    (
        "span",
        re.compile(
            r"\b(?P<rel>last\s+week|last\s+month|last\s+year|earlier\s+this\s+(?:week|month|year)|this\s+week|this\s+month|this\s+year|next\s+week)\b",
            re.I,
        ),
    ),
    ("decade", re.compile(r"\b(?:in\s+)?the\s+(?P<decade>(?:19|20)\d0)['’]?s\b", re.I)),
    ("year", re.compile(rf"\b(?P<ymod>in|since|during|by|until|of|from)\s+{_YEAR}\b(?!\s*(?:-|–)\s*\d)", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    start_char: int  # offsets relative to the sentence text
    end_char: int
    expression: str
    date: dt.date | None
    range_start: dt.date | None
    range_end: dt.date | None
    granularity: str
    weekday: str | None
    stated_date: dt.date | None
    resolution: str
    tense: str
    anchor: str | None
    about: str
    approximate: bool
    anchor_index: int = -1  # doc token the date attaches to (for its clause context)
    token_index: int = -1  # first doc token of the expression
    event: str | None = None
    definite: bool = False
    predicated: bool = False


def find_dates(sent: Span, published: dt.date | None) -> list[DateMention]:
    """Every date expression in the sentence, longest pattern first, non-overlapping."""
    text = sent.text
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "month_day" and match.group("month").lower().rstrip(".") == "may" and not match.group("year"):
                if not re.match(
                    r"may\s+\d{1,2}\b(?!\s*(?:people|percent|of))", match.group(0)[match.start("month") - start :], re.I
                ):
                    continue
            if kind == "weekday" and not match.group("mod") and match.group("wd")[0].islower():
                continue
            if kind == "month_day" and match.group("month")[0].islower():
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            groups = {k: v for k, v in match.groupdict().items() if v}
            token = _token_at(sent, start)
            anchor_token = content_anchor(date_anchor(token), token)
            tense = tense_of(
                sent, anchor_token if anchor_token is not None and anchor_token.pos_ in ("VERB", "AUX") else token
            )
            if past_event_noun(anchor_token):
                # "is recovering after a shooting Saturday": the day of the shooting, whatever the main verb's tense
                tense = "past"
            mention = resolve(kind, groups, published, tense)
            if mention is None:
                continue
            expression = match.group(0)
            lead = len(expression) - len(expression.lstrip())
            anchor = anchor_token.lemma_.lower() if anchor_token is not None else None
            about = occasion_of(sent, anchor_token)
            key, _ = event_key(anchor_token)
            if key is not None:
                about = KEY_OCCASIONS.get(key.split(":")[0], about)
            approximate = (
                groups.get("part", "").lower() in APPROXIMATE_PARTS
                or groups.get("mod", "").lower() in APPROXIMATE_MODIFIERS
                or groups.get("rel", "").lower() in ("last night", "overnight", "tonight")
            )
            taken.append((start, end))
            date, rstart, rend, granularity, weekday, stated, resolution = mention
            event, definite = event_key(anchor_token)
            predicated = event is not None and anchor_token is not None and anchor_token.pos_ in ("VERB", "AUX")
            out.append(
                DateMention(
                    start + lead,
                    end,
                    expression.strip(),
                    date,
                    rstart,
                    rend,
                    granularity,
                    weekday,
                    stated,
                    resolution,
                    tense,
                    anchor,
                    about,
                    approximate,
                    anchor_token.i if anchor_token is not None else token.i,
                    token.i,
                    event,
                    definite,
                    predicated,
                )
            )
    return sorted(out, key=lambda m: m.start_char)


def _token_at(sent: Span, char: int) -> Token:
    target = sent.start_char + char
    for token in sent:
        if token.idx <= target < token.idx + len(token.text) or token.idx >= target:
            return token
    return sent[-1]


def date_claims(item: ParsedSentence, dates: list[DateMention], ids: ClaimIds) -> list[DateClaim]:
    """The sentence's date mentions as claims (offsets into the article field)."""
    sentence, span = item.sentence, item.span
    out: list[DateClaim] = []
    for mention in dates:
        out.append(
            DateClaim(
                id=ids.next("D"),
                article_id=sentence.article_id,
                sentence_index=sentence.index,
                field=sentence.field,
                start=sentence.start + mention.start_char,
                end=sentence.start + mention.end_char,
                text=mention.expression,
                expression=mention.expression,
                date=mention.date,
                range_start=mention.range_start,
                range_end=mention.range_end,
                granularity=cast(Granularity, mention.granularity),
                weekday=mention.weekday,
                stated_date=mention.stated_date,
                resolution=cast(Resolution, mention.resolution),
                tense=cast(Tense, mention.tense),
                anchor=mention.anchor,
                about=cast(DateAbout, mention.about),
                event=mention.event,
                definite=mention.definite,
                predicated=mention.predicated,
                approximate=mention.approximate,
                context=clause_context(span, span.doc[mention.anchor_index], {mention.token_index}),
            )
        )
    return out
