"""What an engine is: code that judges claims for every rule file that names it.

Rules are data (``rules/*.yaml``): an id, a name, a severity, a message template
and params. An engine declares the params it accepts (as JSON Schema, checked when
rules load) and the template fields its hits fill, so a typo in a rule file fails
at load time, not in the middle of a run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from ..analysis import Batch
from ..models import Severity


@dataclass(frozen=True)
class RuleDoc:
    what: str
    why: str
    example_fail: str
    example_pass: str


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    engine: str
    severity: Severity
    message: str
    params: Mapping[str, Any]
    doc: RuleDoc
    group: str
    path: str
    enabled: bool = True


@dataclass(frozen=True)
class Hit:
    """One engine verdict: the claims involved, values for the message template, and a confidence."""

    claims: tuple[str, ...]
    values: Mapping[str, Any]
    score: float
    story: str | None = None
    fingerprint_extra: tuple[str, ...] = field(default_factory=tuple)


class Engine(Protocol):
    name: ClassVar[str]
    params_schema: ClassVar[dict[str, Any]]
    fields: ClassVar[frozenset[str]]

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]: ...
