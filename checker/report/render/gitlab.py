"""GitLab Code Quality report: the JSON array a ``codequality`` artifact holds.

GitLab shows these issues in the merge-request widget and diff, and compares them with the
target branch by ``fingerprint``; the finding id is a content fingerprint (rule + claims,
not positions), so an unchanged discrepancy stays "unchanged" when text above it moves.
Input errors are not code-quality issues and are left out: the run's exit code reports them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ...records import Rule
from .locations import Locator, in_conflict_first, posix_path

__all__ = ["SEVERITIES", "gitlab_issues", "render_gitlab"]

SEVERITIES = {"error": "major", "warning": "minor", "note": "info"}


def gitlab_issues(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One Code Quality issue per finding, located at its first claim."""
    locate = Locator(report)
    issues = []
    for finding in report["findings"]:
        span = locate.span(in_conflict_first(finding)[0])
        issues.append(
            {
                "type": "issue",
                "check_name": finding["rule"],
                "description": f"{finding['rule']} {finding['name']}: {finding['message']}",
                "categories": ["Bug Risk"],
                "severity": SEVERITIES[finding["severity"]],
                "fingerprint": finding["id"],
                "location": {"path": posix_path(span.path), "lines": {"begin": span.line}},
            }
        )
    return issues


def render_gitlab(report: dict[str, Any], rules: Sequence[Rule] = (), *, color: bool = False) -> str:
    """The issues as deterministic JSON (indent 2, trailing newline)."""
    return json.dumps(gitlab_issues(report), ensure_ascii=False, indent=2) + "\n"
