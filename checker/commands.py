"""``checker check`` and ``checker baseline`` as use cases: configure, read, analyse, judge, gate,
report, render, write, and pick the exit code.

Kept apart from the CLI so tests and other front ends can run a check without Typer. Every
output is rendered before the first byte is written, and files are written atomically, so a
failing renderer never leaves a mix of new and stale reports behind. Exit codes come from
``checker.errors``: a problem a user can act on is a ``CheckerError`` with a code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config, Output
from .errors import CheckerError, ErrorCode, ExitCode
from .files import write_atomic
from .ingest import ReadResult, read_paths
from .progress import progress_bar
from .records import Article, Finding, Rule
from .report.build import build_report, failing
from .report.render import RENDERERS
from .rules.loading import load_rules
from .timing import stage

if TYPE_CHECKING:  # pragma: no cover
    from .analyse.batch import Batch
    from .analyse.cache import Cache
    from .gate.suppress import Outcome
    from .nlp.embeddings import Embedder

__all__ = ["CheckRequest", "Checked", "check_articles", "configured_rules", "run_baseline", "run_check"]


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[Path, ...]
    config: Config = field(default_factory=Config)
    out: Path | None = None  # directory for report.json + report.md
    baseline: Path | None = None
    changed_since: str | None = None
    quiet: bool = False


@dataclass(frozen=True)
class Checked:
    """A batch analysed and judged: what the gate and the report start from."""

    batch: Batch
    findings: tuple[Finding, ...]


def configured_rules(config: Config) -> list[Rule]:
    """Rules after the configuration (extra directories, params, severities), selection resolved once."""
    rules = config.configure_rules(load_rules(config.rules_dirs))
    return config.selection().resolve(rules)


def check_articles(
    articles: Sequence[Article],
    rules: Sequence[Rule],
    *,
    embedder: Embedder | None = None,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
    only_articles: set[str] | None = None,
) -> Checked:
    """Analyse a batch and run the selected rules over it.

    ``embedder``: the configured default backend when not given (with ``cache`` as its vector store).
    ``only_articles``: keep only findings whose conflicting claims include one of these articles (the
    rest of the batch is still read, so a changed article is compared against all others).
    """
    if not articles:  # nothing to analyse: no model loads
        from .analyse.batch import Batch

        return Checked(Batch(articles=(), sentences=(), claims=(), stories={}), ())
    from .analyse.build import build_batch
    from .nlp.embeddings import Embedder
    from .rules.runner import run_rules

    embedder = embedder or Embedder(Config().embedder, store=cache)
    batch = build_batch(articles, embedder=embedder, cache=cache, progress=progress)
    with stage("rules"):
        findings = run_rules(rules, batch)
    if only_articles is not None:
        findings = [f for f in findings if any(e.conflict and e.article_id in only_articles for e in f.evidence)]
    return Checked(batch, tuple(findings))


def _say(message: str) -> None:
    print(f"checker: {message}", file=sys.stderr)


def _read_and_check(request: CheckRequest, rules: list[Rule]) -> tuple[ReadResult, Checked, set[str] | None]:
    from .gate.changes import changed_files

    changed = changed_files(request.changed_since) if request.changed_since else None  # a bad ref fails fast
    with stage("read"):
        read = read_paths(request.paths, keep=request.config.keeps)
    for error in read.errors:
        _say(error.one_line())
    scope = None if changed is None else {a.id for a in read.articles if Path(a.path).resolve() in changed}
    cache = None
    if request.config.cache_dir is not None:
        from .analyse.cache import Cache

        cache = Cache(request.config.cache_dir)
    from .nlp.embeddings import Embedder

    embedder = Embedder(request.config.embedder, store=cache)
    try:
        with progress_bar(enabled=not request.quiet) as progress:
            checked = check_articles(
                list(read.articles), rules, embedder=embedder, cache=cache, progress=progress, only_articles=scope
            )
    finally:
        if cache is not None:
            cache.close()
    return read, checked, scope


def run_check(request: CheckRequest) -> int:
    from .gate.baseline import load_baseline
    from .gate.suppress import suppress

    config = request.config
    try:
        rules = configured_rules(config)
        baseline = load_baseline(request.baseline) if request.baseline is not None else None
        read, checked, scope = _read_and_check(request, rules)
    except CheckerError as exc:
        _say(str(exc))
        return exc.exit_code
    with stage("gate"):
        outcome = suppress(checked.findings, checked.batch, rules, baseline=baseline, scope=scope)
    with stage("report"):
        report = build_report(
            checked.batch,
            outcome.findings,
            read.errors,
            rules,
            fail_on=config.fail_on,
            suppressed=outcome.suppressed,
            notes=outcome.notes,
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
        return ExitCode.USAGE
    return ExitCode.FINDINGS if failing(outcome.findings, config.fail_on) else ExitCode.OK


def _emit(report: dict[str, Any], rules: list[Rule], outputs: list[Output]) -> None:
    """Render everything first, then write files atomically, the step summary, and stdout last."""
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    with stage("render"):
        rendered = [(o, RENDERERS[o.name](report, rules, color=color and o.path is None)) for o in outputs]
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        wants_summary = summary_file and any(o.name == "github" for o in outputs)
        step_summary = RENDERERS["markdown"](report, rules) if wants_summary else None
    with stage("write"):
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


def _summarise(report: dict[str, Any], outcome: Outcome, out: Path | None) -> None:
    for note in outcome.notes:
        if note.get("line"):
            where = f"{note['path']}:{note['line']}: "
        else:
            where = f"{note['path']}: " if note.get("path") else ""
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
    from .gate.baseline import write_baseline
    from .gate.suppress import suppress

    try:
        rules = configured_rules(request.config)
        read, checked, _ = _read_and_check(request, rules)
    except CheckerError as exc:
        _say(str(exc))
        return exc.exit_code
    if read.errors:
        _say(f"baseline not written: fix the input errors above first ({out})")
        return ExitCode.USAGE
    outcome = suppress(checked.findings, checked.batch, rules)
    count = write_baseline(out, outcome.findings, checked.batch)
    if not request.quiet:
        _say(f"baseline of {count} findings written to {out}")
    return ExitCode.OK


_ = ErrorCode  # re-exported for front ends that raise usage errors
