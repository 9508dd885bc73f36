"""The ground floor: plain typed records every layer passes up, and the one codec that serialises them.

Imports nothing from ``checker`` but ``checker.errors``.
"""

from .articles import Anchor, Article, ArticleFormat, Dropped, InputError, Sentence
from .claims import (
    CLAIM_KINDS,
    REPORTER,
    Attribution,
    Claim,
    CountClaim,
    DateClaim,
    NameClaim,
    QuantityClaim,
    claim_from_json,
)
from .codec import decode, encode, schema_of
from .findings import TIMELINE_LEAD, Evidence, Finding, Severity
from .ranges import Range, ranges_overlap
from .rules import Hit, Rule, RuleDoc

__all__ = [
    "Anchor",
    "Article",
    "ArticleFormat",
    "Attribution",
    "CLAIM_KINDS",
    "Claim",
    "CountClaim",
    "DateClaim",
    "Dropped",
    "Evidence",
    "Finding",
    "Hit",
    "InputError",
    "NameClaim",
    "QuantityClaim",
    "REPORTER",
    "Range",
    "Rule",
    "RuleDoc",
    "Sentence",
    "TIMELINE_LEAD",
    "Severity",
    "claim_from_json",
    "decode",
    "encode",
    "ranges_overlap",
    "schema_of",
]
