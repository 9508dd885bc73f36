"""The report's JSON Schema: a hand-written envelope plus definitions generated from the records.

Articles, claims (one definition per registered claim kind, chosen by ``kind``), evidence,
findings and input errors are declared once, as records; their schemas come from the codec.
Claims are matched by ``kind`` with ``if``/``then`` rather than ``oneOf``, so a validator checks
each claim against one definition instead of all of them. At run time each claim is checked once,
when it is made (``records.validation``); a report is checked against the same schema with claim
bodies left to that check (``runtime_schema``), by a compiled validator.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import CheckerError, ErrorCode
from ..records import CLAIM_KINDS, Article, Evidence, Finding, InputError, schema_of
from ..timing import stage

__all__ = ["report_schema", "runtime_schema", "validate_report"]


@lru_cache(maxsize=1)
def report_schema() -> dict[str, Any]:
    text = (resources.files("checker.report") / "report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    defs = schema["$defs"]
    defs["article"] = schema_of(
        Article,
        extra={"story": {"type": "string"}, "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}}},
    )
    defs["claim"] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(CLAIM_KINDS)}},
        "allOf": [
            {"if": {"properties": {"kind": {"const": kind}}}, "then": {"$ref": f"#/$defs/{kind}Claim"}}
            for kind in CLAIM_KINDS
        ],
    }
    for kind, cls in CLAIM_KINDS.items():
        defs[f"{kind}Claim"] = schema_of(cls)
    defs["claimsByKind"] = {
        "type": "object",
        "required": list(CLAIM_KINDS),
        "additionalProperties": False,
        "properties": {kind: {"type": "integer", "minimum": 0} for kind in CLAIM_KINDS},
    }
    defs["evidence"] = schema_of(Evidence)
    defs["finding"] = schema_of(Finding)
    defs["inputError"] = schema_of(InputError)
    return schema


def runtime_schema() -> dict[str, Any]:
    """The report schema as checked at run time: the same, except that each claim is only required to be
    an object of a known kind. Claims are checked against their kind's schema when they are made
    (``records.validation``), once in their life, rather than again in every report that lists them."""
    schema = copy.deepcopy(report_schema())
    schema["$defs"]["claim"] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(CLAIM_KINDS)}},
    }
    return schema


@lru_cache(maxsize=1)
def _verdict() -> Callable[[Any], Any]:
    """A compiled yes/no check (fastjsonschema: about 50 times faster than jsonschema on a report). It
    implements drafts 4-7; the report schema uses only keywords that mean the same in 2020-12, and
    ``tests/test_validation.py`` compares its verdicts with jsonschema's."""
    import fastjsonschema

    schema = {**runtime_schema(), "$schema": "http://json-schema.org/draft-07/schema#"}
    return fastjsonschema.compile(schema)


def validate_report(report: dict[str, Any]) -> None:
    """Raise (an internal error: never written to disk) when the report breaks its own schema."""
    import fastjsonschema

    with stage("validate"):
        try:
            _verdict()(report)
            return
        except fastjsonschema.JsonSchemaException:
            pass
        import jsonschema

        validator = jsonschema.Draft202012Validator(runtime_schema())  # words the message
        error = next(iter(sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        message = f"report does not match its schema at '{where}': {error.message}"
        raise CheckerError(ErrorCode.REPORT_INVALID, message)
