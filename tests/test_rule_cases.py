"""One generic test runs every rule's pass and fail fixtures (tests/rule_cases/<RULE>.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES_DIR = Path(__file__).parent / "rule_cases"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{case['expect']}-{case['name'][:40]}")


@pytest.mark.parametrize("rule_id,case", list(_cases()))
def test_rule_case(rule_id, case, run_articles):
    analysis = run_articles(case["articles"], select=(rule_id,))
    fired = [f for f in analysis.findings if f.rule == rule_id]
    if case["expect"] == "fail":
        assert fired, f"{rule_id} should flag: {case['name']}"
        for finding in fired:
            assert finding.message and 0 <= finding.score <= 1
            assert all(e.sentence for e in finding.evidence)
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
