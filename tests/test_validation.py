"""The compiled validators (fastjsonschema) give the same verdicts as jsonschema, on valid and broken
claims of every kind and on valid and broken reports; a broken claim or report is an internal error.

No models: the claims and the report are the committed seeds report, broken one field at a time.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.errors import CheckerError
from checker.records import CLAIM_KINDS, claim_from_json
from checker.records.validation import checked_json, claim_json_problem, claim_schema
from checker.report.schema import runtime_schema, validate_report

ROOT = Path(__file__).resolve().parent.parent
REPORT = json.loads((ROOT / "reports" / "report.json").read_text(encoding="utf-8"))
WRONG_VALUES = (None, True, 0, 1.0, 2.5, -1, 200, "", "x", "2014-1-1", [], ["x"], {}, {"x": 1})


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value[:2]):
            yield from _paths(inner, (*path, index))


def _set(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(document)
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


def _broken(document: dict[str, Any], limit: int | None = None) -> Iterator[Any]:
    """The document with one value replaced by a wrong one, one key removed, or one key added."""
    for path in list(_paths(document))[1:limit]:
        for value in WRONG_VALUES:
            yield _set(document, path, value)
        for drop in (True, False):
            changed = copy.deepcopy(document)
            parent = changed
            for part in path[:-1]:
                parent = parent[part]
            if isinstance(parent, dict):
                if drop:
                    del parent[path[-1]]
                else:
                    parent["unexpected"] = 1
                yield changed


def _one_claim_of_each_kind() -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for article in REPORT["articles"]:
        for claim in article["claims"]:
            found.setdefault(claim["kind"], claim)
    assert set(found) == set(CLAIM_KINDS), "the seeds report should hold a claim of every kind"
    return list(found.values())


@pytest.mark.parametrize("claim", _one_claim_of_each_kind(), ids=lambda c: c["kind"])
def test_claim_verdicts_match_jsonschema(claim):
    reference = jsonschema.Draft202012Validator(claim_schema(claim["kind"]))
    assert claim_json_problem(claim) is None and reference.is_valid(claim)
    cases = 0
    for broken in _broken(claim):
        if broken.get("kind") != claim["kind"]:
            continue  # another kind's schema applies (or none): checked below
        assert (claim_json_problem(broken) is None) == reference.is_valid(broken), broken
        cases += 1
    assert cases > 100
    assert claim_json_problem({**claim, "kind": "rumour"}) == "unknown claim kind 'rumour'"


def test_a_claim_that_breaks_its_schema_is_an_internal_error():
    claim = claim_from_json(_one_claim_of_each_kind()[0])
    assert checked_json([claim])[0]["id"] == claim.id
    broken = copy.copy(claim)
    object.__setattr__(broken, "start", -5)  # what a bug in an extractor would do
    with pytest.raises(CheckerError, match="breaks its schema at 'start'"):
        checked_json([broken])


def test_report_verdicts_match_jsonschema():
    reference = jsonschema.Draft202012Validator(runtime_schema())
    small = {**REPORT, "articles": REPORT["articles"][:2], "findings": REPORT["findings"][:2]}
    validate_report(small)
    cases = 0
    for broken in _broken(small, limit=150):
        expected = reference.is_valid(broken)
        try:
            validate_report(broken)
            verdict = True
        except CheckerError:
            verdict = False
        assert verdict == expected, broken
        cases += 1
    assert cases > 500
