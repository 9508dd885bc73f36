"""SARIF 2.1.0: the format code-scanning dashboards (GitHub, Azure DevOps, IDE viewers) ingest.

One run per report. Every selected rule becomes a ``reportingDescriptor`` with its documentation
and a ``helpUri`` to its section of docs/rules.md, so a viewer can explain a finding without the
rule files. Each finding becomes a result whose
primary location is its first claim and whose ``relatedLocations`` are the other claims; the
finding id goes into ``partialFingerprints`` so dashboards track a finding across runs the same
way the checker's baseline does (content, not position). Columns count Unicode code points,
as the checker's own offsets do. Nothing time- or machine-dependent is emitted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ...records import Rule
from ...rules.docs import rule_docs_url
from .locations import Locator, Span, artifact_uri, in_conflict_first

__all__ = ["SARIF_SCHEMA_URI", "SARIF_VERSION", "FINGERPRINT_KEY", "sarif_log", "render_sarif"]

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "checkerFinding/v1"


def render_sarif(report: dict[str, Any], rules: Sequence[Rule] = (), *, color: bool = False) -> str:
    """The SARIF log as deterministic JSON text (insertion-ordered keys, indent 2, trailing newline)."""
    return json.dumps(sarif_log(report, rules), ensure_ascii=False, indent=2) + "\n"


def sarif_log(report: dict[str, Any], rules: Sequence[Rule]) -> dict[str, Any]:
    """Build the SARIF log object from a validated report; ``rules`` supply the documentation text."""
    docs = {rule.id: rule for rule in rules}
    descriptors = [_descriptor(entry, docs.get(entry["id"])) for entry in report["rules"]]
    rule_index = {entry["id"]: i for i, entry in enumerate(report["rules"])}
    paths = list(
        dict.fromkeys(
            [a["path"] for a in report["articles"]] + [e["path"] for f in report["findings"] for e in f["evidence"]]
        )
    )
    artifact_index = {path: i for i, path in enumerate(paths)}
    locate = Locator(report)
    results = [_result(f, rule_index, artifact_index, locate) for f in report["findings"]]
    run: dict[str, Any] = {
        "tool": {
            "driver": {"name": report["tool"]["name"], "version": report["tool"]["version"], "rules": descriptors}
        },
        "invocations": [_invocation(report)],
        "artifacts": [
            {"location": {"uri": artifact_uri(p), "index": i}, "roles": ["analysisTarget"]} for i, p in enumerate(paths)
        ],
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def _descriptor(entry: dict[str, Any], rule: Rule | None) -> dict[str, Any]:
    """A rule's metadata; the report's copy gives id/name/severity, the loaded rule its documentation."""
    title = entry["name"].replace("-", " ").capitalize()
    descriptor: dict[str, Any] = {
        "id": entry["id"],
        "name": entry["name"],
        "shortDescription": {"text": title},
    }
    if rule is not None:
        what, why = _flat(rule.doc.what), _flat(rule.doc.why)
        descriptor["fullDescription"] = {"text": what}
        descriptor["help"] = {
            "text": f"{what}\n\nWhy: {why}\n\nFlagged: {rule.doc.example_fail.strip()}\n\n"
            f"Passes: {rule.doc.example_pass.strip()}",
            "markdown": f"**{entry['id']} {entry['name']}**\n\n{what}\n\n**Why.** {why}\n\n"
            f"**Flagged:**\n\n{_blockquote(rule.doc.example_fail)}\n\n"
            f"**Passes:**\n\n{_blockquote(rule.doc.example_pass)}",
        }
    else:
        descriptor["fullDescription"] = {"text": title}
    descriptor["helpUri"] = rule_docs_url(entry["id"])
    descriptor["defaultConfiguration"] = {"level": entry["severity"]}
    descriptor["properties"] = {"group": entry["group"], "engine": entry["engine"], "tags": [entry["group"]]}
    return descriptor


def _result(
    finding: dict[str, Any],
    rule_index: dict[str, int],
    artifact_index: dict[str, int],
    locate: Locator,
) -> dict[str, Any]:
    claims = locate.claims
    evidence = in_conflict_first(finding)
    spans = [locate.span(e) for e in evidence]
    result: dict[str, Any] = {"ruleId": finding["rule"]}
    if finding["rule"] in rule_index:
        result["ruleIndex"] = rule_index[finding["rule"]]
    result["level"] = finding["severity"]
    result["message"] = {"text": finding["message"]}
    result["locations"] = [_location(spans[0], evidence[0], 1, artifact_index, claims)]
    if len(evidence) > 1:
        result["relatedLocations"] = [
            {"id": i, **_location(spans[i], evidence[i], i + 1, artifact_index, claims)}
            for i in range(1, len(evidence))
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: finding["id"]}
    result["properties"] = {"score": finding["score"], "story": finding["story"], "claims": list(finding["claims"])}
    return result


def _location(
    span: Span, evidence: dict[str, Any], number: int, artifact_index: dict[str, int], claims: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": span.line, "startColumn": span.column}
    if span.end_line is not None and span.end_column is not None:
        region["endLine"] = span.end_line
        region["endColumn"] = span.end_column
    if span.text is not None:
        region["snippet"] = {"text": span.text}
    claim = claims.get(evidence["claim"])
    quoted = f"“{claim['text']}”" if claim else evidence["claim"]
    said = f", attributed to {evidence['source']}" if evidence["source"] else ""
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(evidence["path"]), "index": artifact_index[evidence["path"]]},
            "region": region,
        },
        "message": {"text": f"Claim {number}: {quoted} in article {evidence['article']}{said}"},
    }


def _invocation(report: dict[str, Any]) -> dict[str, Any]:
    """Input errors (unreadable files, bad front matter...) as tool notifications; 'succeeded' only without them."""
    invocation: dict[str, Any] = {"executionSuccessful": not report["errors"]}
    if report["errors"]:
        invocation["toolExecutionNotifications"] = [
            {
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(e["path"])}}}],
                "message": {"text": e["message"]},
                "level": "error",
                "descriptor": {"id": e["code"]},
            }
            for e in report["errors"]
        ]
    return invocation


def _flat(text: str) -> str:
    return " ".join(text.split())


def _blockquote(text: str) -> str:
    return "> " + text.strip().replace("\n", "\n> ")
