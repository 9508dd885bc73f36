"""The Markdown report editors read: summary first, then findings by story with the evidence side by side."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate

from ...records import Rule

__all__ = ["render_markdown", "cell"]

_SEVERITY_LABEL = {"error": "ERROR", "warning": "WARNING", "note": "NOTE"}


def cell(text: Any) -> str:
    """Make text safe inside a Markdown table cell: no pipes, no line breaks."""
    value = "" if text is None else str(text)
    value = value.replace("\\", "\\\\").replace("|", "\\|")
    return re.sub(r"\s*[\r\n]+\s*", " ", value).strip()


def render_markdown(report: dict[str, Any], rules: Sequence[Rule] = (), *, color: bool = False) -> str:
    summary = report["summary"]
    out: list[str] = ["# Fact-consistency report", ""]
    status = {"pass": "PASS", "fail": "FAIL", "error": "INPUT ERRORS"}[summary["status"]]
    out.append(
        tabulate(
            [
                [
                    status,
                    summary["articles"],
                    summary["claims"],
                    summary["by_severity"]["error"],
                    summary["by_severity"]["warning"],
                    summary["by_severity"]["note"],
                    summary["suppressed"],
                    summary["errors"],
                ]
            ],
            headers=["Status", "Articles", "Claims", "Errors", "Warnings", "Notes", "Suppressed", "Input errors"],
            tablefmt="github",
        )
    )
    out.append("")
    out.append(
        f"Fails on: `{report['settings']['fail_on']}`. Claims read: "
        + ", ".join(f"{n} {kind}" for kind, n in summary["claims_by_kind"].items())
        + "."
    )
    out.append("")
    listed = {r["id"]: r for r in report["rules"]}
    if summary["by_rule"]:
        rows = []
        for rule_id, count in summary["by_rule"].items():
            rule = listed.get(rule_id, {})
            severities = sorted({f["severity"] for f in report["findings"] if f["rule"] == rule_id})
            rows.append([rule_id, cell(rule.get("name", "")), ", ".join(severities), count])
        out.append(tabulate(rows, headers=["Rule", "Name", "Severity", "Findings"], tablefmt="github"))
        out.append("")
    if report["errors"]:
        out.append("## Input problems")
        out.append("")
        out.append(
            tabulate(
                [[cell(e["path"]), e["code"], cell(e["message"])] for e in report["errors"]],
                headers=["File", "Problem", "Detail"],
                tablefmt="github",
            )
        )
        out.append("")
    articles = {a["id"]: a for a in report["articles"]}
    claims = {c["id"]: c for a in report["articles"] for c in a["claims"]}
    by_story: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for finding in report["findings"]:
        by_story[finding["story"]].append(finding)
    for story in report["stories"]:
        findings = by_story.get(story["id"], [])
        out.append(f"## Story {story['id']}: {cell(story['title'])}")
        out.append("")
        out.append(
            tabulate(
                [
                    [
                        cell(aid),
                        cell(articles[aid]["source"] or "(no source)"),
                        articles[aid]["published"] or "(undated)",
                        cell(articles[aid]["path"]),
                    ]
                    for aid in story["articles"]
                ],
                headers=["Article", "Source", "Published", "File"],
                tablefmt="github",
            )
        )
        out.append("")
        if not findings:
            out.append("No findings.")
            out.append("")
            continue
        for finding in findings:
            out.extend(_finding_block(finding, articles, claims))
    notes = [(a["id"], n) for a in report["articles"] for n in a["notes"]]
    if notes or report["notes"]:
        out.append("## Notes on the input")
        out.append("")
        for article_id, note in notes:
            out.append(f"- `{article_id}`: {note}")
        for note in report["notes"]:
            where = f" ({note['path']}:{note['line']})" if note.get("path") else ""
            out.append(f"- {note['message']}{where}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _finding_block(finding: dict[str, Any], articles: dict[str, Any], claims: dict[str, Any]) -> list[str]:
    label = _SEVERITY_LABEL[finding["severity"]]
    lines = [f"### {label} {finding['rule']} {finding['name']}", "", cell(finding["message"]), ""]
    headers = [""] + [f"Claim {i + 1}" for i in range(len(finding["evidence"]))]
    rows: list[list[str]] = [
        ["Article"] + [cell(e["article"]) for e in finding["evidence"]],
        ["Source (outlet)"] + [cell(articles[e["article"]]["source"] or "(none)") for e in finding["evidence"]],
        ["Published"] + [articles[e["article"]]["published"] or "(undated)" for e in finding["evidence"]],
        ["Attributed to"] + [cell(e["source"] or "") for e in finding["evidence"]],
        ["Where"] + [cell(f"{e['path']}:{e['line']}:{e['column']}") for e in finding["evidence"]],
        ["Says"] + [_quote(e, claims) for e in finding["evidence"]],
    ]
    lines.append(tabulate(rows, headers=headers, tablefmt="github"))
    lines.append("")
    lines.append(f"Confidence {finding['score']:.2f} · finding `{finding['id']}`")
    lines.append("")
    return lines


def _quote(evidence: dict[str, Any], claims: dict[str, Any]) -> str:
    sentence = evidence["text"]
    claim = claims.get(evidence["claim"])
    text = claim["text"] if claim else ""
    index = sentence.find(text) if text else -1
    if index < 0:
        return cell(sentence)
    return cell(sentence[:index] + "**" + text + "**" + sentence[index + len(text) :])
