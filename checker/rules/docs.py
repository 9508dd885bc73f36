"""Rule documentation from the rule files: ``checker rules explain`` and ``docs/rules.md``."""

from __future__ import annotations

from collections.abc import Sequence

from .. import RULES_DOCS_URL
from ..records import Rule

__all__ = ["explain", "rule_docs_url", "rules_markdown"]


def rule_docs_url(rule_id: str) -> str:
    """The rule's section of docs/rules.md (its heading is the id, so the anchor is the id in lower case)."""
    return f"{RULES_DOCS_URL}#{rule_id.lower()}"


def explain(rule: Rule) -> str:
    lines = [
        f"{rule.id} {rule.name} ({rule.severity.value}, group {rule.group}, engine {rule.engine}"
        + ("" if rule.enabled else ", off by default")
        + ")",
        "",
        "What it does",
        "  " + rule.doc.what.replace("\n", "\n  "),
        "",
        "Why",
        "  " + rule.doc.why.replace("\n", "\n  "),
        "",
    ]
    if rule.doc.check:
        lines += ["What to check", "  Check " + rule.doc.check, ""]
    lines += [
        "Example that is flagged",
        "  " + rule.doc.example_fail.replace("\n", "\n  "),
        "",
        "Example that passes",
        "  " + rule.doc.example_pass.replace("\n", "\n  "),
    ]
    if rule.params:
        lines += ["", "Parameters"] + [f"  {k}: {v}" for k, v in sorted(rule.params.items())]
    return "\n".join(lines)


def rules_markdown(rules: Sequence[Rule]) -> str:
    """The generated ``docs/rules.md``; a test fails when the committed file differs."""
    out = [
        "# Rules",
        "",
        "Generated from `rules/*.yaml` by `.venv/bin/python -m checker.rules.docs > docs/rules.md`; "
        "do not edit by hand.",
        "",
        "| Id | Name | Group | Severity | Engine |",
        "|---|---|---|---|---|",
    ]
    for rule in rules:
        out.append(
            f"| [{rule.id}](#{rule.id.lower()}) | {rule.name} | {rule.group} | {rule.severity.value} | {rule.engine} |"
        )
    for rule in rules:
        out += [
            "",
            f"## {rule.id}",
            "",
            f"**{rule.name}** · severity `{rule.severity.value}` · group `{rule.group}` · engine `{rule.engine}`"
            + ("" if rule.enabled else " · off by default"),
            "",
            "**What it does.** " + " ".join(rule.doc.what.split()),
            "",
            "**Why.** " + " ".join(rule.doc.why.split()),
            "",
        ]
        if rule.doc.check:
            out += ["**What to check.** Check " + rule.doc.check, ""]
        out += [
            "**Flagged:**",
            "",
            "> " + rule.doc.example_fail.replace("\n", "\n> "),
            "",
            "**Passes:**",
            "",
            "> " + rule.doc.example_pass.replace("\n", "\n> "),
        ]
        if rule.params:
            out += ["", "Parameters: " + ", ".join(f"`{k}={v}`" for k, v in sorted(rule.params.items()))]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover
    from .loading import load_rules

    print(rules_markdown(load_rules()), end="")
