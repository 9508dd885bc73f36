"""Checking a claim's JSON form against its kind's schema, once, when the claim is made.

A report holds tens of thousands of claims; validating each inside the whole report with a
generic validator took most of a warm re-check. So each claim is checked on its own, against
the schema of its kind only (``schema_of`` of its record class, the same definition the report
schema uses), with a validator compiled to Python code (fastjsonschema): about 8 microseconds a
claim. A claim is checked when it is extracted; a cached claim was checked before it was cached,
so a re-check never checks it again. On failure, jsonschema words the message (same verdicts:
``tests/test_validation.py`` compares the two on valid and broken claims of every kind).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from ..errors import CheckerError, ErrorCode
from .claims import CLAIM_KINDS, Claim
from .codec import encode, schema_of

__all__ = ["checked_json", "claim_json_problem", "claim_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def claim_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind's claims, standalone."""
    return {"$schema": DIALECT, **schema_of(CLAIM_KINDS[kind])}


def checked_json(claims: Sequence[Claim]) -> tuple[dict[str, Any], ...]:
    """The claims' JSON form, each checked against its kind's schema (an internal error if one breaks it)."""
    out = tuple(encode(c) for c in claims)
    for data in out:
        problem = claim_json_problem(data)
        if problem is not None:
            raise CheckerError(ErrorCode.REPORT_INVALID, f"claim {data.get('id')} breaks its schema {problem}")
    return out


def claim_json_problem(data: Any) -> str | None:
    """None when ``data`` is a valid claim of a registered kind, else what is wrong, in one line."""
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind not in CLAIM_KINDS:
        return f"unknown claim kind {kind!r}"
    if _compiled(kind)(data):
        return None
    import jsonschema

    error = jsonschema.Draft202012Validator(claim_schema(kind)).iter_errors(data)
    first = next(iter(sorted(error, key=lambda e: list(e.absolute_path))), None)
    if first is None:  # pragma: no cover - the two validators agree (tested)
        return "invalid claim"
    where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
    return f"at '{where}': {first.message}"


@cache
def _compiled(kind: str) -> Callable[[Any], bool]:
    """A yes/no validator for one kind, compiled once per process."""
    import fastjsonschema

    # fastjsonschema implements drafts 4-7; the claim schemas use only keywords that mean the same in
    # 2020-12 (type, enum, const, required, properties, additionalProperties, items, pattern, bounds).
    schema = {**schema_of(CLAIM_KINDS[kind]), "$schema": "http://json-schema.org/draft-07/schema#"}
    check = fastjsonschema.compile(schema)

    def valid(data: Any) -> bool:
        try:
            check(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return valid
