"""``checker check`` and ``checker baseline`` end to end: configure, read, analyse, suppress,
build and validate the report, render every requested format, write, pick the exit code.

Kept apart from the CLI so tests and other front ends can run a check without Typer.
Every output is rendered before the first byte is written, and files are written
atomically, so a failing renderer never leaves a mix of new and stale reports behind.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .changes import ChangesError, changed_files
from .config import Config, ConfigError, Output
from .engines import Rule
from .ingest import ReadResult, read_paths
from .pipeline import Analysis, analyse
from .progress import progress_bar
from .render import RENDERERS
from .report import build_report, failing, write_atomic
from .ruleset import RuleError, load_rules
from .selection import Selection
from .suppress import BaselineError, Outcome, load_baseline, suppress, write_baseline

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[Path, ...]
    config: Config = field(default_factory=Config)
    out: Path | None = None  # directory for report.json + report.md
    baseline: Path | None = None
    changed_since: str | None = None
    quiet: bool = False


class UsageError(Exception):
    """Stops the run with exit code 2 and a one-line message, before any article is read."""


def configured_rules(config: Config) -> tuple[list[Rule], Selection]:
    """Rules after the configuration (extra directories, params, severities) and the selection to run."""
    try:
        rules = config.configure_rules(load_rules(config.rules_dirs))
    except (RuleError, ConfigError) as exc:
        raise UsageError(str(exc)) from None
    selection = config.selection()
    return selection.effective(rules), selection


def _say(message: str) -> None:
    print(f"checker: {message}", file=sys.stderr)


def _analyse(
    request: CheckRequest, rules: list[Rule], selection: Selection, scope_ref: str | None = None
) -> tuple[ReadResult, Analysis, set[str] | None]:
    changed = changed_files(scope_ref) if scope_ref else None  # before reading: a bad ref fails fast
    read = read_paths(request.paths, keep=request.config.keeps)
    for error in read.errors:
        _say(error.one_line())
    scope = None if changed is None else {a.id for a in read.articles if Path(a.path).resolve() in changed}
    cache = None
    if request.config.cache_dir is not None:
        from .cache import Cache

        cache = Cache(request.config.cache_dir)
    try:
        with progress_bar(enabled=not request.quiet) as progress:
            analysis = analyse(list(read.articles), rules, selection, cache=cache, progress=progress, only_articles=scope)
    finally:
        if cache is not None:
            cache.close()
    return read, analysis, scope


def run_check(request: CheckRequest) -> int:
    config = request.config
    try:
        rules, selection = configured_rules(config)
        baseline = load_baseline(request.baseline) if request.baseline is not None else None
        read, analysis, scope = _analyse(request, rules, selection, request.changed_since)
    except (UsageError, BaselineError, ChangesError) as exc:
        _say(str(exc))
        return EXIT_USAGE
    selected = [r.id for r in rules if selection.is_selected(r)]
    outcome = suppress(analysis.findings, analysis.batch, rules, baseline=baseline, scope=scope, selected=set(selected))
    report = build_report(
        analysis.batch, outcome.findings, read.errors, rules, fail_on=config.fail_on, selected=selected,
        suppressed=outcome.suppressed, notes=outcome.notes,
    )
    outputs = list(config.format)
    if request.quiet and config.origin("format") == "default":
        outputs = [o for o in outputs if o.path is not None]
    if request.out is not None:
        outputs += [Output("json", request.out / "report.json"), Output("markdown", request.out / "report.md")]
    _emit(report, rules, outputs)
    if not request.quiet:
        _summarise(report, outcome, request.out)
    if read.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing(outcome.findings, config.fail_on) else EXIT_OK


def _emit(report: dict, rules: list[Rule], outputs: list[Output]) -> None:
    """Render everything first, then write files atomically, the step summary, and stdout last."""
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    rendered = [(o, RENDERERS[o.name](report, rules, color=color and o.path is None)) for o in outputs]
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    step_summary = RENDERERS["markdown"](report, rules) if summary_file and any(o.name == "github" for o in outputs) else None
    for output, text in rendered:
        if output.path is not None:
            write_atomic(output.path, text)
    if step_summary is not None and summary_file:
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(step_summary)
    for output, text in rendered:
        if output.path is None:
            sys.stdout.write(text)
            sys.stdout.flush()


def _summarise(report: dict, outcome: Outcome, out: Path | None) -> None:
    for note in outcome.notes:
        where = f"{note['path']}:{note['line']}: " if note.get("line") else (f"{note['path']}: " if note.get("path") else "")
        _say(f"note: {where}{note['message']}")
    summary = report["summary"]
    sev = summary["by_severity"]
    where = f" -> {out / 'report.md'}" if out is not None else ""
    hidden = f", {summary['suppressed']} suppressed" if summary["suppressed"] else ""
    _say(
        f"{summary['articles']} articles, {summary['claims']} claims: "
        f"{sev['error']} errors, {sev['warning']} warnings, {sev['note']} notes{hidden}{where}"
    )


def run_baseline(request: CheckRequest, out: Path) -> int:
    """Record today's findings so the gate fails only on new ones; a batch with input errors is not recorded."""
    try:
        rules, selection = configured_rules(request.config)
        read, analysis, _ = _analyse(request, rules, selection)
    except (UsageError, ChangesError) as exc:
        _say(str(exc))
        return EXIT_USAGE
    if read.errors:
        _say(f"baseline not written: fix the input errors above first ({out})")
        return EXIT_USAGE
    outcome = suppress(analysis.findings, analysis.batch, rules)
    count = write_baseline(out, outcome.findings, analysis.batch)
    if not request.quiet:
        _say(f"baseline of {count} findings written to {out}")
    return EXIT_OK
