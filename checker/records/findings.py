"""Findings: a rule's verdict on claims, with the evidence a reader checks it against."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .codec import meta

__all__ = ["TIMELINE_LEAD", "Evidence", "Finding", "Severity"]

# A finding's message may end with the fact's timeline ("; reports: 30 (officials; AP, Jul 24, 2012) -> ...").
# One-line formats keep it; reports that lay the timeline out themselves (the memo, the HTML page) cut it here.
TIMELINE_LEAD = "; reports: "


class Severity(str, Enum):
    """Finding levels, ordered so that ``rank`` compares against ``--fail-on``."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"note": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """One claim as a reader sees it in a finding: the article and the sentence around it."""

    claim_id: str = field(metadata=meta(json="claim"))
    article_id: str = field(metadata=meta(json="article"))
    path: str
    sentence: str = field(metadata=meta(json="text"))
    start: int = field(metadata=meta(minimum=0))
    end: int = field(metadata=meta(minimum=0))
    line: int = field(metadata=meta(minimum=1))
    column: int = field(metadata=meta(minimum=1))
    source: str | None = None
    conflict: bool = False  # one of the claims in conflict (the others are the fact's other reports)


@dataclass(frozen=True, kw_only=True)
class Finding:
    """A rule's verdict on one fact: the claims about it (in publication order), the conflicting ones marked."""

    id: str = field(metadata=meta(pattern="^[0-9a-f]{16}$"))
    rule: str = field(metadata=meta(pattern="^[A-Z]{3}[0-9]{3}$"))
    rule_name: str = field(metadata=meta(json="name"))
    severity: Severity
    message: str = field(metadata=meta(minLength=1))
    score: float = field(metadata=meta(minimum=0, maximum=1))  # rounded to 4 places when made
    claims: tuple[str, ...] = field(metadata=meta(minItems=1))
    story: str | None = None
    topic: str = ""  # what is disputed, in words: "opposition fighters killed", "the name Gorno-Badakhshan"
    evidence: tuple[Evidence, ...] = field(metadata=meta(minItems=1))
