"""The command-line options several commands share, declared once (``Annotated`` aliases for Typer).

Each option that reads the configuration replaces the file's value for its key; the help text here is
the only place that describes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = [
    "AllowEmpty",
    "CacheDir",
    "ConfigFile",
    "Exclude",
    "ExtendSelect",
    "FailOn",
    "ForceExclude",
    "Format",
    "Ignore",
    "Include",
    "Isolated",
    "NoCache",
    "Quiet",
    "RulesDir",
    "Select",
    "SeverityFlag",
    "StdinFilename",
]

ConfigFile = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Configuration file (default: the nearest checker.toml, or pyproject.toml with a tool.checker table, "
        "walking up).",
    ),
]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")]
Select = Annotated[
    list[str] | None,
    typer.Option("--select", help="Rules to run: ids, id prefixes, names or groups (comma-separated, repeatable)."),
]
Ignore = Annotated[list[str] | None, typer.Option("--ignore", help="Rules to skip (same forms as --select).")]
ExtendSelect = Annotated[
    list[str] | None,
    typer.Option("--extend-select", help="Rules to run on top of 'select' (e.g. ones off by default)."),
]
SeverityFlag = Annotated[
    list[str] | None,
    typer.Option("--severity", help="Change a rule's severity: SELECTOR=error|warning|note (repeatable)."),
]
FailOn = Annotated[
    str | None,
    typer.Option("--fail-on", help="Lowest severity that fails the run: error (default), warning, note or never."),
]
RulesDir = Annotated[list[Path] | None, typer.Option("--rules-dir", help="Extra directory of rule files (repeatable).")]
Include = Annotated[
    list[str] | None, typer.Option("--include", help="Only check discovered files matching these globs.")
]
Exclude = Annotated[list[str] | None, typer.Option("--exclude", help="Skip discovered files matching these globs.")]
CacheDir = Annotated[Path | None, typer.Option("--cache-dir", help="Cache directory (default .checker_cache).")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the cache.")]
Format = Annotated[
    list[str] | None,
    typer.Option(
        "--format", "-f", help="Output format NAME[=PATH] (repeatable; PATH '-' or none = stdout, one format at most)."
    ),
]
Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print findings and errors only: no summary, notes or progress bar.")
]
AllowEmpty = Annotated[
    bool,
    typer.Option("--allow-empty", help="Pass when no article is found (by default that is a usage error, exit 2)."),
]
ForceExclude = Annotated[
    bool,
    typer.Option(
        "--force-exclude",
        help="Leave out named files too when ignore files, default excludes or outputs cover them (for pre-commit).",
    ),
]
StdinFilename = Annotated[
    str | None,
    typer.Option("--stdin-filename", help="Name (and so format and path in the report) of the article read from '-'."),
]
