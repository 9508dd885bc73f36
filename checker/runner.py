"""``checker check`` end to end: read, analyse, build and validate the report, write it, pick the exit code.

Kept apart from the CLI so tests and other front ends can run a check without Typer.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .ingest import read_paths

from .pipeline import analyse
from .render.markdown import render_markdown
from .report import build_report, dumps, failing, write_atomic
from .ruleset import RuleError, load_rules
from .selection import Selection

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[Path, ...]
    out: Path | None = None
    fail_on: str = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules_dirs: tuple[Path, ...] = ()
    cache_dir: Path | None = None
    quiet: bool = False


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def run_check(request: CheckRequest) -> int:
    try:
        rules = load_rules(request.rules_dirs)
    except RuleError as exc:
        print(f"checker: {exc}", file=sys.stderr)
        return EXIT_USAGE
    selection = Selection(select=_split(request.select) or ("ALL",), ignore=_split(request.ignore))
    unknown = selection.unknown_selectors(rules)
    if unknown:
        print(f"checker: unknown rule selector '{unknown[0]}' (see 'checker rules')", file=sys.stderr)
        return EXIT_USAGE
    read = read_paths(request.paths)
    for error in read.errors:
        print(f"checker: {error.one_line()}", file=sys.stderr)
    cache = None
    if request.cache_dir is not None:
        from .cache import Cache

        cache = Cache(request.cache_dir)
    analysis = analyse(list(read.articles), rules, selection, cache=cache)
    selected = [r.id for r in rules if selection.is_selected(r)]
    report = build_report(
        analysis.batch, analysis.findings, read.errors, rules, fail_on=request.fail_on, selected=selected
    )
    if request.out is not None:
        json_text = dumps(report)
        markdown = render_markdown(report)
        write_atomic(request.out / "report.json", json_text)
        write_atomic(request.out / "report.md", markdown)
    summary = report["summary"]
    if not request.quiet:
        where = f" -> {request.out / 'report.md'}" if request.out is not None else ""
        sev = summary["by_severity"]
        print(
            f"checker: {summary['articles']} articles, {summary['claims']} claims: "
            f"{sev['error']} errors, {sev['warning']} warnings, {sev['note']} notes{where}",
            file=sys.stderr,
        )
    if read.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing(analysis.findings, request.fail_on) else EXIT_OK


