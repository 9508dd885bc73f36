"""Command line: ``checker check``, ``checker baseline``, ``checker config``, ``checker schema``, ``checker rules``.

Commands only: options shared by several commands are declared once (the ``Annotated`` aliases
below), the use cases live in ``checker.commands`` and the exit codes in ``checker.errors``
(0 pass, 1 findings at the fail level, 2 usage or input error, 3 internal error). A crash never
exits 0 or 1, so CI cannot mistake it for a pass or for findings. Heavy libraries (spaCy, torch,
scikit-learn) are imported only by the commands that read articles.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from .cli_archive import archive_app, serve
from .cli_options import (
    AllowEmpty,
    CacheDir,
    ConfigFile,
    Exclude,
    ExtendSelect,
    FailOn,
    ForceExclude,
    Format,
    Ignore,
    Include,
    Isolated,
    NoCache,
    Quiet,
    RulesDir,
    Select,
    SeverityFlag,
    StdinFilename,
)
from .errors import CheckerError, ExitCode
from .terminal import terminal_line

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .ingest import Stdin
    from .records import Rule

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Fact-consistency checker for news articles: finds claims that disagree within and across articles.",
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List the rules or explain one.", invoke_without_command=True, no_args_is_help=False)
app.add_typer(rules_app, name="rules")
app.add_typer(archive_app, name="archive")
app.command("serve")(serve)


def _fail(message: str, code: int = ExitCode.USAGE) -> NoReturn:
    typer.echo(f"checker: {terminal_line(message)}", err=True)
    raise typer.Exit(code)


# Options shared by the commands that read the configuration; each replaces the file's value for its key.
def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"checker {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Fact-consistency checker for news articles: finds claims that disagree within and across articles."""


def _stdin(paths: list[Path], stdin_filename: str | None) -> tuple[tuple[Path, ...], Stdin | None]:
    """Split '-' (one article on standard input) from the paths; read it as bytes, like a file (never more than
    the file limit: a stream from /dev/zero has no end)."""
    from .ingest import READERS, Stdin
    from .limits import MAX_FILE_BYTES

    dashes = [p for p in paths if str(p) == "-"]
    if len(dashes) > 1:
        _fail("'-' (standard input) can be given once")
    if not dashes:
        if stdin_filename is not None:
            _fail("--stdin-filename names the article read from '-'; add '-' to the paths")
        return tuple(paths), None
    if stdin_filename is not None:
        suffix = Path(stdin_filename).suffix.lower()
        if suffix not in READERS:
            known = ", ".join(sorted(READERS))
            _fail(f"--stdin-filename {stdin_filename}: unsupported file type '{suffix or '(none)'}'; expected {known}")
    return tuple(p for p in paths if str(p) != "-"), Stdin(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), stdin_filename)


def _config(config_file: Path | None = None, isolated: bool = False, **flags: Any) -> Config:
    """Resolve the configuration (defaults < file < these flags); a bad file or flag exits 2.

    ``flags``: the command's option values by parameter name (``fail_on``, ``rules_dir``...); None
    means not given, so the file's value stands."""
    from .config import resolve_config

    severity, rules_dir, cache_dir = (
        flags.pop("severity", None),
        flags.pop("rules_dir", None),
        flags.pop("cache_dir", None),
    )
    levels = None
    if severity:
        pairs = [item.partition("=") for value in severity for item in value.split(",") if item.strip()]
        if any(not sep for _, sep, _ in pairs):
            _fail("--severity: expected SELECTOR=LEVEL, e.g. --severity CNT002=error")
        levels = {k.strip(): v.strip() for k, _, v in pairs}
    overrides = {name.replace("_", "-"): value for name, value in flags.items() if name not in ("no_cache", "formats")}
    overrides |= {
        "severity": levels,
        "rules-dirs": [str(d) for d in rules_dir] if rules_dir else None,
        "cache-dir": False if flags.get("no_cache") else (str(cache_dir) if cache_dir else None),
        "format": flags.get("formats"),
    }
    try:
        return resolve_config(overrides, config_file=config_file, isolated=isolated)
    except CheckerError as exc:
        _fail(str(exc), exc.exit_code)


@app.command()
def check(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or directories (searched recursively); '-' reads stdin.")
    ],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Directory for report.json and report.md.")] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Report only findings not recorded in this baseline file.")
    ] = None,
    archive: Annotated[
        Path | None,
        typer.Option("--archive", help="Check the articles as drafts against this archive of published ones."),
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local (one process) or ray (Ray Data; RAY_ADDRESS for a cluster).")
    ] = "local",
    workers: Annotated[int, typer.Option("--workers", min=1, help="Ray: parallel analysers (one model each).")] = 2,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since", help="Report only findings that involve articles changed since this git revision."
        ),
    ] = None,
    formats: Format = None,
    fail_on: FailOn = None,
    select: Select = None,
    ignore: Ignore = None,
    extend_select: ExtendSelect = None,
    severity: SeverityFlag = None,
    rules_dir: RulesDir = None,
    include: Include = None,
    exclude: Exclude = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    quiet: Quiet = False,
    stdin_filename: StdinFilename = None,
    allow_empty: AllowEmpty = False,
    force_exclude: ForceExclude = False,
) -> None:
    """Check articles and write a discrepancy report."""
    config = _config(
        config_file,
        isolated,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        severity=severity,
        fail_on=fail_on,
        rules_dir=rules_dir,
        include=include,
        exclude=exclude,
        cache_dir=cache_dir,
        no_cache=no_cache,
        formats=formats,
    )
    if engine not in ("local", "ray"):
        _fail(f"--engine: expected local or ray (got {engine!r})")
    named, stdin = _stdin(paths, stdin_filename)
    from .commands import CheckRequest, run_check  # the analysis stack, only once the command line is good

    request = CheckRequest(
        paths=named,
        config=config,
        out=out,
        baseline=baseline,
        changed_since=changed_since,
        quiet=quiet,
        stdin=stdin,
        allow_empty=allow_empty,
        force_exclude=force_exclude,
        archive=archive,
        engine=engine,
        workers=workers,
    )
    raise typer.Exit(run_check(request))


@app.command()
def baseline(
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Baseline file to write (JSON).")],
    select: Select = None,
    ignore: Ignore = None,
    extend_select: ExtendSelect = None,
    rules_dir: RulesDir = None,
    include: Include = None,
    exclude: Exclude = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    quiet: Quiet = False,
    allow_empty: AllowEmpty = False,
) -> None:
    """Record the current findings so 'checker check --baseline FILE' reports only new ones."""
    config = _config(
        config_file,
        isolated,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        rules_dir=rules_dir,
        include=include,
        exclude=exclude,
        cache_dir=cache_dir,
        no_cache=no_cache,
    )
    from .commands import CheckRequest, run_baseline

    request = CheckRequest(paths=tuple(paths), config=config, quiet=quiet, allow_empty=allow_empty)
    raise typer.Exit(run_baseline(request, out))


@app.command("config")
def show_config(
    formats: Format = None,
    fail_on: FailOn = None,
    select: Select = None,
    ignore: Ignore = None,
    extend_select: ExtendSelect = None,
    severity: SeverityFlag = None,
    rules_dir: RulesDir = None,
    include: Include = None,
    exclude: Exclude = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
) -> None:
    """Print the resolved configuration and where each value came from (default, file or command line)."""
    from .config import describe

    config = _config(
        config_file,
        isolated,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        severity=severity,
        fail_on=fail_on,
        rules_dir=rules_dir,
        include=include,
        exclude=exclude,
        cache_dir=cache_dir,
        no_cache=no_cache,
        formats=formats,
    )
    _configured_rules(config)  # a selector or rule param that names no rule is an error here too
    typer.echo(describe(config))


@app.command()
def schema() -> None:
    """Print the JSON Schema every report is validated against."""
    from .report.schema import report_schema

    typer.echo(json.dumps(report_schema(), indent=2, ensure_ascii=False))


@rules_app.callback()
def rules_list(
    ctx: typer.Context,
    select: Select = None,
    ignore: Ignore = None,
    extend_select: ExtendSelect = None,
    severity: SeverityFlag = None,
    rules_dir: RulesDir = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
) -> None:
    """List rules: id, name, severity and engine, and whether the configuration enables them."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"rules_dir": rules_dir, "config_file": config_file, "isolated": isolated}
        return
    from tabulate import tabulate

    config = _config(
        config_file,
        isolated,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        severity=severity,
        rules_dir=rules_dir,
    )
    rules = _configured_rules(config)
    rows = [[r.id, r.name, r.group, r.severity.value, r.engine, "yes" if r.selected else "no"] for r in rules]
    typer.echo(tabulate(rows, headers=["Id", "Name", "Group", "Severity", "Engine", "Enabled"], tablefmt="simple"))


@rules_app.command("explain")
def rules_explain(
    ctx: typer.Context,
    rule_id: Annotated[str, typer.Argument(help="Rule id or name, e.g. CNT001.")],
    rules_dir: RulesDir = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
) -> None:
    """Explain a rule: what it flags, why, an example, and its parameters after the configuration."""
    from .rules.docs import explain

    parent = ctx.obj or {}
    config = _config(
        config_file or parent.get("config_file"),
        isolated or parent.get("isolated", False),
        rules_dir=rules_dir or parent.get("rules_dir"),
    )
    rules = _configured_rules(config)
    match = [r for r in rules if rule_id.casefold() in (r.id.casefold(), r.name.casefold())]
    if not match:
        _fail(f"no rule '{rule_id}' (see 'checker rules')")
    typer.echo(explain(match[0]))


def _configured_rules(config: Config) -> list[Rule]:
    from .commands import configured_rules

    try:
        return configured_rules(config)
    except CheckerError as exc:
        _fail(str(exc), exc.exit_code)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; any unexpected exception becomes 3 with a one-line message."""
    try:
        app(args=argv, prog_name="checker")
        return ExitCode.OK
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (ExitCode.OK if code is None else ExitCode.USAGE)
    except KeyboardInterrupt:
        typer.echo("checker: interrupted", err=True)
        return 130
    except CheckerError as exc:  # e.g. a model package missing: the message says what to install
        typer.echo(f"checker: {terminal_line(exc)}", err=True)
        return exc.exit_code
    except Exception as exc:  # noqa: BLE001 - last line of defence, never looks like a pass
        typer.echo(f"checker: internal error: {type(exc).__name__}: {terminal_line(exc)}", err=True)
        if os.environ.get("CHECKER_DEBUG"):
            traceback.print_exc()
        return ExitCode.INTERNAL


def main() -> None:
    """Console entry point."""
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":  # pragma: no cover
    main()
