"""What a run prints and writes: every output rendered first, files written as one set, stdout last.

An output path that cannot be written is refused before the articles are read (``preflight``); the
files go through ``files.write_files`` (temporary files, then the old ones out and the new ones in),
so a failure leaves no mix of two runs and says which files it removed; a run that ends without
writing its outputs removes the previous ones (``discard``), so CI never publishes a stale report as
this run's. Messages on stderr are made terminal- and runner-safe (``terminal.terminal_line``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from .config import Output
from .errors import CheckerError, ErrorCode
from .files import PartialWrite, remove_files, unwritable, write_files
from .records import Rule
from .report.render import RENDERERS
from .report.render.github import step_summary
from .report.render.text import render_text
from .terminal import terminal_line

__all__ = ["discard", "emit", "preflight", "say"]


def say(message: str) -> None:
    """One line on stderr: file names and ids in it come from the input, so it is made terminal- and runner-safe."""
    print(f"checker: {terminal_line(message)}", file=sys.stderr)


def preflight(outputs: list[Output]) -> None:
    """Refuse an output path that cannot be written before spending minutes on the articles."""
    for output in outputs:
        if output.path is not None and (problem := unwritable(output.path)):
            raise CheckerError(
                ErrorCode.OUTPUT, f"{output.path.as_posix()}: cannot write the {output.name} report: {problem}"
            )


def discard(outputs: list[Output]) -> None:
    """Remove the report files of a run that ends without writing them (an error before, or an internal
    error): the previous run's files must not pass for this run's results."""
    removed = remove_files(o.path for o in outputs if o.path is not None)
    if removed:
        shown = ", ".join(p.as_posix() for p in removed)
        say(f"removed the previous reports ({shown}): this run wrote none, and they are not its results")


def _render(output: Output, report: dict[str, Any], rules: list[Rule], *, color: bool, quiet: bool) -> str:
    """One output's text; ``--quiet`` keeps the terminal format's findings and drops its summary line."""
    if quiet and output.name == "text" and RENDERERS["text"] is render_text:
        return render_text(report, rules, color=color, summary=False)
    return RENDERERS[output.name](report, rules, color=color)


def emit(report: dict[str, Any], rules: list[Rule], outputs: list[Output], *, quiet: bool = False) -> int | None:
    """Render everything first, then write files (all or none), the step summary, and stdout last.

    A file that cannot be written is a usage error (exit 2) naming it, never an internal error: raised
    before the files are in place, returned (``ExitCode.USAGE``) after, since those files are this run's."""
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    rendered = [(o, _render(o, report, rules, color=color and o.path is None, quiet=quiet)) for o in outputs]
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    wants_summary = summary_file and any(o.name == "github" for o in outputs)
    markdown = RENDERERS["markdown"](report, rules) if wants_summary else None
    files = [(o.path, text) for o, text in rendered if o.path is not None]
    try:
        write_files(files)
    except OSError as exc:
        where = Path(exc.filename).as_posix() if exc.filename else ", ".join(p.as_posix() for p, _ in files)
        message = f"{where}: cannot write report: {exc.strerror or exc}"
        if isinstance(exc, PartialWrite):
            message += "; no report of this run or the previous one is left"
            if exc.removed:
                message += " (removed the new " + ", ".join(p.as_posix() for p in exc.removed) + ")"
        raise CheckerError(ErrorCode.OUTPUT, message) from None
    failed: int | None = None
    if markdown is not None and summary_file:
        try:
            used = Path(summary_file).stat().st_size if Path(summary_file).exists() else 0
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(step_summary(markdown, used))
        except OSError as exc:
            say(f"{summary_file}: cannot write the GitHub step summary: {exc.strerror or exc}")
            failed = ErrorCode.OUTPUT.exit_code
    for output, text in rendered:
        if output.path is None:
            try:
                sys.stdout.write(text)
                sys.stdout.flush()
            except OSError as exc:  # a full disk behind a redirect, a closed pipe
                say(f"standard output: cannot write the {output.name} report: {exc.strerror or exc}")
                failed = ErrorCode.OUTPUT.exit_code
    return failed
