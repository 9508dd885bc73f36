"""Rules as data: what a rule file declares, and what an engine's verdict carries.

Kept among the records (not with the engines) so that listing, selecting, documenting and
reporting rules never imports the code that runs them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .findings import Severity

__all__ = ["Hit", "Rule", "RuleDoc"]


@dataclass(frozen=True)
class RuleDoc:
    what: str
    why: str
    example_fail: str
    example_pass: str
    check: str = ""  # what to check when the rule fires, worded to follow "Check ..." (optional in a rule file)


@dataclass(frozen=True)
class Rule:
    """A rule after loading (params complete with the engine's defaults) and after the configuration
    (``severity`` is the one this run gives it, ``selected`` whether it runs)."""

    id: str
    name: str
    engine: str
    severity: Severity
    message: str
    params: Mapping[str, Any]
    doc: RuleDoc
    group: str
    path: str
    enabled: bool = True  # on unless the rule file says it runs only when named
    selected: bool = True  # resolved once from the configuration's selection


@dataclass(frozen=True)
class Hit:
    """One engine verdict on one fact.

    ``claims``: every claim about the fact, in publication order; ``conflicting``: the ones in
    conflict (all of them when empty); ``signature``: the fact's key and the normalised values in
    conflict, from which the finding's stable id is made (never sentences or positions, so an edit
    elsewhere, or a fix of another problem, leaves the id alone).
    """

    claims: tuple[str, ...]
    values: Mapping[str, Any]
    score: float
    story: str | None = None
    conflicting: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
    topic: str = ""
