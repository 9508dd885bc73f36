"""Concise terminal output, one line per problem, in the ``path:line:col: severity RULE message`` shape.

Editors and terminals turn ``path:line:col`` into a jump link, and the shape is what compilers
and linters print, so grep and problem matchers work unchanged. A finding about several claims
(two articles giving two tolls) lists every claim's location on the indented lines under it,
so each one is a click away. Colour (severity only, plus the status word) is opt-in: the caller
decides whether the stream is a TTY. ``summary=False`` (``--quiet``) drops the closing line.

Every value from the input (paths, ids, messages, claims, sources) goes through ``terminal``: control
characters are shown as escapes and no line can be read by a CI runner as a workflow command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...records import Rule
from ...terminal import printable, runner_safe
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

    lines = [f"{_p(e['path'])}: {paint('error', 'error')} {e['code']} {_say(e['message'])}" for e in report["errors"]]
    claims = Locator(report).claims
    for finding in report["findings"]:
        first = in_conflict_first(finding)[0]
        lines.append(
            f"{_p(first['path'])}:{first['line']}:{first['column']}: "
            f"{paint(finding['severity'], finding['severity'])} {_p(finding['rule'])} {_say(finding['message'])}"
        )
        if len(finding["evidence"]) > 1:
            for evidence in in_conflict_first(finding):  # the claims in conflict, then the fact's other reports
                claim = claims.get(evidence["claim"])
                quoted = f"“{_say(claim['text'])}”" if claim else _p(evidence["claim"])
                said = f", {_say(evidence['source'])}" if evidence.get("source") else ""
                mark = "!" if evidence.get("conflict") else " "
                lines.append(
                    f"  {mark} {_p(evidence['path'])}:{evidence['line']}:{evidence['column']}: {quoted} "
                    f"({_p(evidence['article'])}{said})"
                )
    if summary:
        lines.append(_summary_line(report["summary"], paint))
    return "".join(runner_safe(line) + "\n" for line in lines)


def _p(value: Any) -> str:
    """A value from the input kept as it is (a path, an id), control characters shown as escapes."""
    return printable(value)


def _say(text: str) -> str:
    """Prose from the input (a message, a claim, a source) on one line, control characters shown as escapes."""
    return printable(one_line(text))


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
