"""Rule files are valid, documented, and docs/rules.md is generated from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import run
from checker.errors import CheckerError
from checker.rules.docs import rules_markdown
from checker.rules.loading import load_rule_file

ROOT = Path(__file__).resolve().parent.parent


def test_docs_rules_md_is_current(rules):
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(rules), "docs/rules.md is stale: python -m checker.rules.docs > docs/rules.md"


def test_every_rule_is_documented(rules):
    assert len(rules) >= 13
    for rule in rules:
        assert rule.doc.what and rule.doc.why and rule.doc.example_fail and rule.doc.example_pass
        assert rule.name.replace("-", "").isalnum()
        # what to check reads on from "Check ..." in the editor's reports: lower case, one sentence
        assert rule.doc.check[:1].islower() and rule.doc.check.endswith("."), rule.id


def test_explain_prints_what_why_example(capsys):
    assert run(["rules", "explain", "CNT003"]) == 0
    out = capsys.readouterr().out
    for heading in ("What it does", "Why", "What to check", "Example that is flagged", "Example that passes"):
        assert heading in out
    assert "  Check that the copy carries both figures" in out
    assert run(["rules", "explain", "NOPE"]) == 2


def test_what_to_check_is_optional_in_a_rule_file(tmp_path):
    """Newsrooms' own rule files written before ``check`` existed still load."""
    path = tmp_path / "CNT900-own-rule.yaml"
    path.write_text(
        "id: CNT900\nname: own-rule\ngroup: counts\nengine: parts_total\nseverity: error\nmessage: 'parts exceed {total}'\n"
        "description: {what: 'what it does, at length', why: 'why it matters, at length', example: {fail: 'failing text', pass: 'passing text'}}\n",
        encoding="utf-8",
    )
    rule = load_rule_file(path)
    assert rule.doc.check == ""
    assert "What to check" not in rules_markdown([rule])


@pytest.mark.parametrize(
    "body,problem",
    [
        ("id: CNT900\nname: x\n", "invalid rule"),
        (
            "id: CNT900\nname: bad-engine\ngroup: counts\nengine: nope\nseverity: error\nmessage: 'some message here'\n"
            "description: {what: 'what it does, at length', why: 'why it matters, at length', example: {fail: 'failing text', pass: 'passing text'}}\n",
            "unknown engine",
        ),
        (
            "id: CNT900\nname: bad-field\ngroup: counts\nengine: parts_total\nseverity: error\nmessage: 'uses {nonsense} field'\n"
            "description: {what: 'what it does, at length', why: 'why it matters, at length', example: {fail: 'failing text', pass: 'passing text'}}\n",
            "unknown field",
        ),
        (
            "id: CNT900\nname: bad-param\ngroup: counts\nengine: parts_total\nseverity: error\nmessage: 'some message here'\nparams: {tolerance: -1}\n"
            "description: {what: 'what it does, at length', why: 'why it matters, at length', example: {fail: 'failing text', pass: 'passing text'}}\n",
            "invalid params",
        ),
        ("id: [CNT900\n", "invalid YAML"),
    ],
)
def test_invalid_rule_files_are_rejected_with_the_file_named(tmp_path, body, problem):
    path = tmp_path / "CNT900-x.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CheckerError) as info:
        load_rule_file(path)
    assert problem in str(info.value) and "CNT900-x.yaml" in str(info.value)
