"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

Printed to stdout in a workflow step, each line becomes an annotation on the claim in the
pull request's diff. The runner parses these lines itself, so values are escaped exactly
as ``@actions/core`` does (toolkit ``packages/core/src/command.ts``): a stray ``::``,
comma or newline in a message or path would otherwise cut the command short. Control characters
from the input (an ESC in a source's name) are shown as escapes first (``terminal.printable``):
the runner's log is a terminal too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ...records import Rule
from ...terminal import printable
from .locations import Locator, in_conflict_first, posix_path

__all__ = [
    "LEVELS",
    "STEP_SUMMARY_LIMIT",
    "escape_data",
    "escape_property",
    "render_github",
    "step_summary",
    "workflow_command",
]

LEVELS = {"error": "error", "warning": "warning", "note": "notice"}


def _command_value(value: object) -> str:
    """toolkit ``toCommandValue``: strings as they are, nothing for null, anything else as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value)


def escape_data(value: object) -> str:
    """Escape a command's message (toolkit ``escapeData``): ``%``, CR and LF."""
    return _command_value(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: object) -> str:
    """Escape a property value (toolkit ``escapeProperty``): as data, plus ``:`` and ``,`` which delimit properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, properties: Mapping[str, object], message: object) -> str:
    """``::command k=v,k=v::message``; empty properties are dropped, as the toolkit does. Line breaks are
    kept (the toolkit's escapes carry them); any other control character is shown as an escape."""
    props = ",".join(
        f"{key}={escape_property(_visible(value) if isinstance(value, str) else value)}"
        for key, value in properties.items()
        if value not in (None, "")
    )
    return f"::{command}{' ' + props if props else ''}::{escape_data(_visible(_command_value(message)))}"


def _visible(text: str) -> str:
    return printable(text, keep="\r\n")  # line breaks travel as %0D/%0A, the toolkit's way


def render_github(report: dict[str, Any], rules: Sequence[Rule] = (), *, color: bool = False) -> str:
    """Annotations for every input error, then every finding, one line each, in report order."""
    locate = Locator(report)
    lines = [
        workflow_command("error", {"file": posix_path(e["path"]), "title": f"input error: {e['code']}"}, e["message"])
        for e in report["errors"]
    ]
    for finding in report["findings"]:
        span = locate.span(in_conflict_first(finding)[0])
        properties: dict[str, object] = {"file": posix_path(span.path), "line": span.line}
        if span.end_line is not None and span.end_line != span.line:
            properties["endLine"] = span.end_line
        properties["col"] = span.column
        if span.end_line == span.line and span.end_column is not None:
            properties["endColumn"] = span.end_column  # GitHub honours columns only within one line
        properties["title"] = f"{finding['rule']} {finding['name']}"
        lines.append(workflow_command(LEVELS[finding["severity"]], properties, _message(finding, locate.claims)))
    return "".join(line + "\n" for line in lines)


def _message(finding: dict[str, Any], claims: dict[str, dict[str, Any]]) -> str:
    """The finding's message, then where the other claims are: an annotation sits on one line only."""
    parts = [finding["message"]]
    for number, evidence in enumerate(finding["evidence"][1:], start=2):
        claim = claims.get(evidence["claim"])
        quoted = f"“{claim['text']}”" if claim else evidence["claim"]
        parts.append(
            f"Claim {number}: {quoted} at {posix_path(evidence['path'])}:{evidence['line']}:{evidence['column']}"
            f" ({evidence['article']})"
        )
    return "\n".join(parts)


# GitHub refuses a job summary over 1 MiB per step ("$GITHUB_STEP_SUMMARY upload aborted"); stay
# a little below it.
STEP_SUMMARY_LIMIT = 1024 * 1024 - 4096
_CUT_NOTE = (
    "\n\n> **The report is cut here:** GitHub shows at most 1 MiB of summary per step. "
    "The full report is in the run's output files (for example `--out reports/`, kept as an artifact).\n"
)


def step_summary(markdown: str, used: int = 0) -> str:
    """The Markdown report for the job summary, cut at a line so the step's summary stays under
    ``STEP_SUMMARY_LIMIT`` bytes, with a note saying so.

    ``used``: bytes the summary file already holds (an earlier command of the same step). A cut
    inside a fenced code block or an open ``<details>`` closes them, so the note still shows.
    """
    room = max(0, STEP_SUMMARY_LIMIT - used)
    data = markdown.encode("utf-8")
    if len(data) <= room:
        return markdown
    budget = room - len(_CUT_NOTE.encode("utf-8"))
    while True:
        kept = data[: max(0, budget)].decode("utf-8", errors="ignore")
        kept = kept[: kept.rfind("\n") + 1]
        closers = "```\n" if sum(1 for line in kept.splitlines() if line.lstrip().startswith("```")) % 2 else ""
        closers += "</details>\n" * max(0, kept.count("<details") - kept.count("</details>"))
        cut = kept + closers + _CUT_NOTE
        over = len(cut.encode("utf-8")) - room
        if over <= 0 or not kept:
            return cut
        budget -= over
