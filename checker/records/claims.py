"""Claims: what an article states, one record class per kind, and the registry of kinds.

A claim kind is declared once, here: its fields (with their JSON names and constraints,
read by the codec), and its entry in ``CLAIM_KINDS``. The report schema, the cache codec
and the report's per-kind counts all follow from the registry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from .articles import Field
from .codec import ISO_DATE, decode, meta

__all__ = [
    "Attribution",
    "CLAIM_KINDS",
    "Claim",
    "CountClaim",
    "DateClaim",
    "NameClaim",
    "QuantityClaim",
    "claim_from_json",
    "REPORTER",
    "CountEvent",
    "DateAbout",
    "EntityType",
    "Granularity",
    "Qualifier",
    "Resolution",
    "SourceType",
    "Tense",
]

Qualifier = Literal[
    "exact", "at least", "more than", "nearly", "about", "up to", "fewer than", "word", "implicit", "none"
]
CountEvent = Literal["killed", "injured", "shot", "arrested", "missing", "casualties", "other"]
SourceType = Literal["official", "witness", "family", "media", "unnamed", "person", "organization", "reporter"]
Granularity = Literal["day", "week", "month", "year", "decade"]
Resolution = Literal["explicit", "relative", "ambiguous", "unresolved"]
Tense = Literal["past", "future"]
DateAbout = Literal["incident", "death", "arrest", "court", "memorial", "other"]
EntityType = Literal["person", "place", "organization", "unknown"]
_ISO_DAYS = meta(items=ISO_DATE)


@dataclass(frozen=True, kw_only=True)
class Attribution:
    """Who gives a figure, and what kind of source that is."""

    source: str  # e.g. "Tajikistan's security service"; "reporter" when unattributed
    type: SourceType
    cue: str | None = None  # the words that carried it: "said", "according to"


REPORTER = Attribution(source="reporter", type="reporter")


@dataclass(frozen=True, kw_only=True)
class Claim:
    """Fields every claim shares: where it is and which sentence carries it."""

    id: str = dataclasses.field(metadata=meta(minLength=1))
    kind: str = dataclasses.field(init=False, default="claim")
    article_id: str = dataclasses.field(metadata=meta(json="article"))
    field: Field
    sentence_index: int = dataclasses.field(metadata=meta(json="sentence", minimum=0))
    text: str = dataclasses.field(metadata=meta(minLength=1))
    start: int = dataclasses.field(metadata=meta(minimum=0))
    end: int = dataclasses.field(metadata=meta(minimum=0))
    context: str = ""  # the clause around the claim: what embeddings compare to decide "same fact"


@dataclass(frozen=True, kw_only=True)
class CountClaim(Claim):
    """How many people (or things) an event happened to, as a closed or open range."""

    kind: Literal["count"] = dataclasses.field(init=False, default="count")
    min: int | None = dataclasses.field(default=None, metadata=meta(json="value.min", minimum=0))
    max: int | None = dataclasses.field(default=None, metadata=meta(json="value.max", minimum=0))
    qualifier: Qualifier = "exact"
    subject: str = ""
    subject_class: str = "people"
    event: CountEvent = "other"
    attribution: Attribution = REPORTER
    hedge: str | None = None
    background: bool = False
    background_reason: str | None = None
    implicit: bool = False
    perpetrator: bool = False  # the count is of the attacker himself ("the gunman was killed")
    partitive: bool = False  # "two of the victims": a subset of a group counted elsewhere
    parts: tuple[str, ...] = ()  # ids of the claims a derived total sums
    total_of: str | None = None  # id of the explicit total this claim is a part of
    derived_from: tuple[str, ...] = ()  # ids of the claims a figure was worked out from, not read: 5 shot - 2 dead
    when: tuple[str, ...] = dataclasses.field(
        default=(), metadata=_ISO_DAYS
    )  # days (ISO) the sentence dates the event to
    where: tuple[str, ...] = ()  # places the figure's clause names (folded keys)


@dataclass(frozen=True, kw_only=True)
class DateClaim(Claim):
    """A day (or span of days) named in the copy, resolved against the publication date."""

    kind: Literal["date"] = dataclasses.field(init=False, default="date")
    expression: str = ""
    date: dt.date | None = None  # best single reading
    range_start: dt.date | None = dataclasses.field(default=None, metadata=meta(json="range.start"))
    range_end: dt.date | None = dataclasses.field(default=None, metadata=meta(json="range.end"))
    granularity: Granularity = "day"
    weekday: str | None = None  # weekday named in the expression, if any
    stated_date: dt.date | None = None  # calendar date written out in the expression
    resolution: Resolution = "unresolved"
    tense: Tense = "past"
    anchor: str | None = None  # lemma of the word the date attaches to ("erupt", "shooting")
    about: DateAbout = "other"
    event: str | None = None  # what happened that day, as a key: "fighting", "shooting:man", "death:toddler"
    definite: bool = False  # "the fighting", "Tuesday's shooting": the article's known event, not "a shooting"
    predicated: bool = False  # the day is when a verb's event happened ("erupted Tuesday"), not a noun's aside
    approximate: bool = False  # "late Monday", "overnight": may straddle midnight


@dataclass(frozen=True, kw_only=True)
class NameClaim(Claim):
    """A person or place as named, with the title, role and age the copy gives."""

    kind: Literal["name"] = dataclasses.field(init=False, default="name")
    name: str = dataclasses.field(default="", metadata=meta(minLength=1))
    entity_type: EntityType = "person"
    key: str = ""  # transliteration-folded form used to match variants
    person_key: str | None = None  # full-name identity of a person within its article
    title: str | None = None
    role: str | None = None
    age: int | None = dataclasses.field(default=None, metadata=meta(minimum=0, maximum=130))


@dataclass(frozen=True, kw_only=True)
class QuantityClaim(Claim):
    """A figure of some unit that is not a count of people hurt: "5 years in prison", "$117 million"."""

    kind: Literal["quantity"] = dataclasses.field(init=False, default="quantity")
    min: int | None = dataclasses.field(default=None, metadata=meta(json="value.min"))
    max: int | None = dataclasses.field(default=None, metadata=meta(json="value.max"))
    qualifier: Qualifier = "exact"
    unit: str = dataclasses.field(default="", metadata=meta(minLength=1))  # what is measured: "year", "usd", "percent"
    when: tuple[str, ...] = dataclasses.field(default=(), metadata=_ISO_DAYS)
    where: tuple[str, ...] = ()


# The registry of claim kinds, in report order: kind name -> record class.
CLAIM_KINDS: dict[str, type[Claim]] = {cls.kind: cls for cls in (CountClaim, DateClaim, NameClaim, QuantityClaim)}


def claim_from_json(data: dict[str, Any]) -> Claim:
    """A claim back from its JSON form (the cache, a stored report)."""
    cls = CLAIM_KINDS.get(data.get("kind", ""))
    if cls is None:
        raise ValueError(f"unknown claim kind {data.get('kind')!r}")
    return decode(cls, data)
