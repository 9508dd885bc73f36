"""Concise terminal output, one line per problem, in the ``path:line:col: severity RULE message`` shape.

Editors and terminals turn ``path:line:col`` into a jump link, and the shape is what compilers
and linters print, so grep and problem matchers work unchanged. A finding about several claims
(two articles giving two tolls) lists every claim's location on the indented lines under it,
so each one is a click away. Colour (severity only, plus the status word) is opt-in: the caller
decides whether the stream is a TTY. ``summary=False`` (``--quiet``) drops the closing line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...records import Rule
from .locations import Locator, in_conflict_first, one_line

__all__ = ["render_text"]

_RESET = "\x1b[0m"
_COLOURS = {
    "error": "\x1b[1;31m",
    "warning": "\x1b[33m",
    "note": "\x1b[36m",
    "fail": "\x1b[1;31m",
    "error-status": "\x1b[1;31m",
    "pass": "\x1b[1;32m",
}


def render_text(
    report: dict[str, Any], rules: Sequence[Rule] = (), *, color: bool = False, summary: bool = True
) -> str:
    """Input errors, then findings at their first claim with every claim's location under them,
    then one summary line."""

    def paint(word: str, key: str) -> str:
        return f"{_COLOURS[key]}{word}{_RESET}" if color else word

    lines = [f"{e['path']}: {paint('error', 'error')} {e['code']} {one_line(e['message'])}" for e in report["errors"]]
    claims = Locator(report).claims
    for finding in report["findings"]:
        first = in_conflict_first(finding)[0]
        lines.append(
            f"{first['path']}:{first['line']}:{first['column']}: "
            f"{paint(finding['severity'], finding['severity'])} {finding['rule']} {one_line(finding['message'])}"
        )
        if len(finding["evidence"]) > 1:
            for evidence in in_conflict_first(finding):  # the claims in conflict, then the fact's other reports
                claim = claims.get(evidence["claim"])
                quoted = f"“{one_line(claim['text'])}”" if claim else evidence["claim"]
                said = f", {one_line(evidence['source'])}" if evidence.get("source") else ""
                mark = "!" if evidence.get("conflict") else " "
                lines.append(
                    f"  {mark} {evidence['path']}:{evidence['line']}:{evidence['column']}: {quoted} "
                    f"({evidence['article']}{said})"
                )
    if not summary:
        return "".join(line + "\n" for line in lines)
    totals = report["summary"]
    lines.append(_summary_line(totals, paint))
    return "\n".join(lines) + "\n"


def _summary_line(summary: dict[str, Any], paint: Callable[[str, str], str]) -> str:
    by_severity = summary["by_severity"]
    counts = ", ".join(_plural(by_severity[s], s) for s in ("error", "warning", "note"))
    extras = [_plural(summary["articles"], "article"), _plural(summary["claims"], "claim")]
    if summary["suppressed"]:
        extras.append(f"{summary['suppressed']} suppressed")
    if summary["errors"]:
        extras.append(_plural(summary["errors"], "input error"))
    status = summary["status"]
    word = paint(status.upper(), "error-status" if status == "error" else status)
    return f"{_plural(summary['findings'], 'finding')} ({counts}) in {', '.join(extras)}: {word}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
