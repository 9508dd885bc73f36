"""Command line: ``checker check``, ``checker schema``, ``checker rules``.

Exit codes are part of the contract:
0 = nothing reaches the fail level; 1 = findings at or above ``--fail-on``;
2 = usage or input error (bad path, unreadable/binary/undecodable file, bad front
matter, invalid rule file); 3 = internal error (a bug or a missing model package).
A crash never exits 0 or 1, so CI cannot mistake it for a pass or for findings.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Fact-consistency checker for news articles: finds claims that disagree within and across articles.",
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List the rules or explain one.", invoke_without_command=True, no_args_is_help=False)
app.add_typer(rules_app, name="rules")


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    typer.echo(f"checker: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories (searched recursively).")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Directory for report.json and report.md.")] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="Lowest severity that fails the run: error, warning, note or never.")] = "error",
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Rules to run: ids, id prefixes, names or groups (comma-separated, repeatable).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Rules to skip (same forms as --select).")] = None,
    rules_dir: Annotated[Optional[list[Path]], typer.Option("--rules-dir", help="Extra directory of rule files.")] = None,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="Cache directory (default .checker_cache).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the cache.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Check articles and write a discrepancy report."""
    from .runner import CheckRequest, run_check

    if fail_on not in ("error", "warning", "note", "never"):
        _fail(f"--fail-on must be one of error, warning, note, never (got '{fail_on}')")
    request = CheckRequest(
        paths=tuple(paths),
        out=out,
        fail_on=fail_on,
        select=tuple(select or ()),
        ignore=tuple(ignore or ()),
        rules_dirs=tuple(rules_dir or ()),
        cache_dir=None if no_cache else (cache_dir or Path(".checker_cache")),
        quiet=quiet,
    )
    raise typer.Exit(run_check(request))


@app.command()
def schema() -> None:
    """Print the JSON Schema every report is validated against."""
    from .report import report_schema

    typer.echo(json.dumps(report_schema(), indent=2, ensure_ascii=False))


@rules_app.callback()
def rules_list(
    ctx: typer.Context,
    rules_dir: Annotated[Optional[list[Path]], typer.Option("--rules-dir", help="Extra directory of rule files.")] = None,
) -> None:
    """List rules: id, name, severity, engine and whether they are enabled."""
    if ctx.invoked_subcommand is not None:
        return
    from tabulate import tabulate

    rules = _load_rules(rules_dir)
    rows = [[r.id, r.name, r.group, r.severity.value, r.engine, "yes" if r.enabled else "no"] for r in rules]
    typer.echo(tabulate(rows, headers=["Id", "Name", "Group", "Severity", "Engine", "Enabled"], tablefmt="simple"))


@rules_app.command("explain")
def rules_explain(
    rule_id: Annotated[str, typer.Argument(help="Rule id or name, e.g. CNT001.")],
    rules_dir: Annotated[Optional[list[Path]], typer.Option("--rules-dir", help="Extra directory of rule files.")] = None,
) -> None:
    """Explain a rule: what it flags, why, and an example."""
    from .docs import explain

    rules = _load_rules(rules_dir)
    match = [r for r in rules if rule_id in (r.id, r.name)]
    if not match:
        _fail(f"no rule '{rule_id}' (see 'checker rules')")
    typer.echo(explain(match[0]))


def _load_rules(rules_dir):
    from .ruleset import RuleError, load_rules

    try:
        return load_rules(rules_dir or ())
    except RuleError as exc:
        _fail(str(exc))


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; any unexpected exception becomes 3 with a one-line message."""
    try:
        app(args=argv, prog_name="checker")
        return EXIT_OK
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        typer.echo("checker: interrupted", err=True)
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence, never looks like a pass
        from .nlp import ModelUnavailable

        if isinstance(exc, ModelUnavailable):
            typer.echo(f"checker: {exc}", err=True)
        else:
            typer.echo(f"checker: internal error: {type(exc).__name__}: {exc}", err=True)
            if os.environ.get("CHECKER_DEBUG"):
                traceback.print_exc()
        return EXIT_INTERNAL


def main() -> None:
    """Console entry point."""
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":  # pragma: no cover
    main()
