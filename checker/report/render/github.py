"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

Printed to stdout in a workflow step, each line becomes an annotation on the claim in the
pull request's diff. The runner parses these lines itself, so values are escaped exactly
as ``@actions/core`` does (toolkit ``packages/core/src/command.ts``): a stray ``::``,
comma or newline in a message or path would otherwise cut the command short.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ...records import Rule
from .locations import Locator, in_conflict_first, posix_path

__all__ = ["LEVELS", "escape_data", "escape_property", "workflow_command", "render_github"]

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
    """``::command k=v,k=v::message``; empty properties are dropped, as the toolkit does."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items() if value not in (None, ""))
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"


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
