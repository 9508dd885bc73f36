"""One generic test runs every rule's pass and fail fixtures (tests/rule_cases/<RULE>.yaml).

A case lists articles (``published``, ``source``, ``text``...) and ``expect: fail`` or
``expect: pass``. It may set the rule's ``params`` for that case only (validated against the
engine's params schema, as a configuration file's would be) and, for a failing case, the exact
``message`` one of the findings must carry.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.rules.loading import params_error

CASES_DIR = Path(__file__).parent / "rule_cases"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{case['expect']}-{case['name'][:40]}")


@pytest.mark.parametrize("rule_id,case", list(_cases()))
def test_rule_case(rule_id, case, rules, run_articles):
    params = case.get("params")
    if params:
        rule = next(r for r in rules if r.id == rule_id)
        assert params_error(rule.engine, {**rule.params, **params}) is None, f"invalid params in case {case['name']}"
    checked = run_articles(case["articles"], select=(rule_id,), params=params)
    fired = [f for f in checked.findings if f.rule == rule_id]
    if case["expect"] == "fail":
        assert fired, f"{rule_id} should flag: {case['name']}"
        for finding in fired:
            assert finding.message and 0 <= finding.score <= 1
            assert all(e.sentence for e in finding.evidence)
        if "message" in case:
            assert case["message"] in [f.message for f in fired]
    else:
        assert not fired, f"{rule_id} should not flag: {case['name']}: {[f.message for f in fired]}"


def test_every_rule_has_pass_and_fail_cases(rules):
    for rule in rules:
        path = CASES_DIR / f"{rule.id}.yaml"
        assert path.exists(), f"{rule.id} has no fixture file {path.name}"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["rule"] == rule.id
        expects = {c["expect"] for c in data["cases"]}
        assert expects == {"pass", "fail"}, f"{rule.id} needs both pass and fail cases"
