"""Immutable records that flow through the pipeline.

Every layer hands the next one frozen dataclasses, so a rule can never change
what extraction saw and two runs over the same input build the same objects.
The ``to_dict`` methods define the JSON shape that ``report.schema.json``
validates; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """Finding levels, ordered so that ``rank`` compares against ``--fail-on``."""

    NOTE = "note"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"note": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True)
class Article:
    """One news article as read from disk, before any analysis."""

    id: str
    path: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    published_raw: str | None = None
    source: str | None = None
    url: str | None = None
    line_offset: int = 0  # 0-based line of the file where ``text`` starts (after front matter)
    record_line: int | None = None  # 1-based JSONL/JSON record line when the text is embedded in JSON
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Sentence:
    """A sentence of article copy (junk lines never become sentences)."""

    article_id: str
    index: int
    field: str  # "text" or "title"
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Attribution:
    """Who gives a figure, and what kind of source that is."""

    source: str  # e.g. "Tajikistan's security service"; "reporter" when unattributed
    type: str  # official | witness | family | media | unnamed | person | reporter
    cue: str | None = None  # the words that carried it: "said", "according to"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "type": self.type, "cue": self.cue}


@dataclass(frozen=True)
class Claim:
    """Fields every claim shares: where it is and what sentence carries it."""

    id: str
    article_id: str
    sentence_index: int
    field: str
    start: int
    end: int
    text: str
    context: str = ""  # the clause around the claim: what embeddings compare to decide "same fact"

    kind = "claim"

    def base_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "article": self.article_id,
            "field": self.field,
            "sentence": self.sentence_index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "context": self.context,
        }

    def to_dict(self) -> dict[str, Any]:  # pragma: no cover - overridden
        return self.base_dict()


@dataclass(frozen=True)
class CountClaim(Claim):
    """How many people (or things) an event happened to, as a closed or open range."""

    min: int | None = None
    max: int | None = None
    qualifier: str = "exact"
    subject: str = ""
    subject_class: str = "people"
    event: str = "other"
    attribution: Attribution = field(default_factory=lambda: Attribution("reporter", "reporter"))
    hedge: str | None = None
    background: bool = False
    background_reason: str | None = None
    implicit: bool = False
    perpetrator: bool = False  # the count is of the attacker himself ("the gunman was killed")
    partitive: bool = False  # "two of the victims": a subset of a group counted elsewhere
    parts: tuple[str, ...] = ()  # ids of the claims a derived total sums
    total_of: str | None = None  # id of the explicit total this claim is a part of
    when: tuple[str, ...] = ()  # days (ISO) the sentence dates this figure's event to
    where: tuple[str, ...] = ()  # places the figure's clause names (folded keys)

    kind = "count"

    @property
    def derived(self) -> bool:
        return bool(self.parts)

    def to_dict(self) -> dict[str, Any]:
        data = self.base_dict()
        data.update(
            {
                "value": {"min": self.min, "max": self.max},
                "qualifier": self.qualifier,
                "subject": self.subject,
                "subject_class": self.subject_class,
                "event": self.event,
                "attribution": self.attribution.to_dict(),
                "hedge": self.hedge,
                "background": self.background,
                "background_reason": self.background_reason,
                "implicit": self.implicit,
                "perpetrator": self.perpetrator,
                "partitive": self.partitive,
                "parts": list(self.parts),
                "total_of": self.total_of,
                "when": list(self.when),
                "where": list(self.where),
            }
        )
        return data


@dataclass(frozen=True)
class DateClaim(Claim):
    """A day (or span of days) named in the copy, resolved against the publication date."""

    expression: str = ""
    date: dt.date | None = None  # best single reading
    range_start: dt.date | None = None
    range_end: dt.date | None = None
    granularity: str = "day"  # day | week | month | year | decade
    weekday: str | None = None  # weekday named in the expression, if any
    stated_date: dt.date | None = None  # calendar date written out in the expression
    resolution: str = "unresolved"  # explicit | relative | ambiguous | unresolved
    tense: str = "past"
    anchor: str | None = None  # lemma of the word the date attaches to ("erupt", "shooting")
    about: str = "other"  # incident | death | arrest | court | memorial | other
    event: str | None = None  # what happened that day, as a key: "fighting", "shooting:man", "death:toddler"
    definite: bool = False  # "the fighting", "Tuesday's shooting": the article's known event, not "a shooting"
    predicated: bool = False  # the day is when a verb's event happened ("erupted Tuesday"), not a noun's aside
    approximate: bool = False  # "late Monday", "overnight": may straddle midnight

    kind = "date"

    def to_dict(self) -> dict[str, Any]:
        data = self.base_dict()
        data.update(
            {
                "expression": self.expression,
                "date": _iso(self.date),
                "range": {"start": _iso(self.range_start), "end": _iso(self.range_end)},
                "granularity": self.granularity,
                "weekday": self.weekday,
                "stated_date": _iso(self.stated_date),
                "resolution": self.resolution,
                "tense": self.tense,
                "anchor": self.anchor,
                "about": self.about,
                "event": self.event,
                "definite": self.definite,
                "predicated": self.predicated,
                "approximate": self.approximate,
            }
        )
        return data


@dataclass(frozen=True)
class NameClaim(Claim):
    """A person or place as named, with the title, role and age the copy gives."""

    name: str = ""
    entity_type: str = "person"  # person | place | organization
    key: str = ""  # transliteration-folded form used to match variants
    person_key: str | None = None  # full-name identity of a person within its article
    title: str | None = None
    role: str | None = None
    age: int | None = None

    kind = "name"

    def to_dict(self) -> dict[str, Any]:
        data = self.base_dict()
        data.update(
            {
                "name": self.name,
                "entity_type": self.entity_type,
                "key": self.key,
                "person_key": self.person_key,
                "title": self.title,
                "role": self.role,
                "age": self.age,
            }
        )
        return data


@dataclass(frozen=True)
class QuantityClaim(Claim):
    """A figure of some unit that is not a count of people hurt: "5 years in prison", "$117 million"."""

    min: int | None = None
    max: int | None = None
    qualifier: str = "exact"
    unit: str = ""  # the noun or symbol measured: "year", "usd", "percent", "robbery"
    when: tuple[str, ...] = ()
    where: tuple[str, ...] = ()

    kind = "quantity"

    def to_dict(self) -> dict[str, Any]:
        data = self.base_dict()
        data.update(
            {
                "value": {"min": self.min, "max": self.max},
                "qualifier": self.qualifier,
                "unit": self.unit,
                "when": list(self.when),
                "where": list(self.where),
            }
        )
        return data


AnyClaim = CountClaim | DateClaim | NameClaim | QuantityClaim


@dataclass(frozen=True)
class Evidence:
    """One claim as a reader sees it in a finding: the article and the sentence around it."""

    claim_id: str
    article_id: str
    path: str
    sentence: str
    start: int
    end: int
    line: int
    column: int
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim_id,
            "article": self.article_id,
            "path": self.path,
            "text": self.sentence,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "source": self.source,
        }


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on one or more claims."""

    id: str
    rule: str
    rule_name: str
    severity: Severity
    message: str
    score: float
    claims: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    story: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "name": self.rule_name,
            "severity": self.severity.value,
            "message": self.message,
            "score": round(self.score, 4),
            "claims": list(self.claims),
            "story": self.story,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class InputError:
    """A problem with an input file that stopped it (or part of it) from being checked."""

    path: str
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "code": self.code, "message": self.message}

    def one_line(self) -> str:
        return f"{self.path}: {self.message}"


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
