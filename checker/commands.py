"""``checker check`` and ``checker baseline`` as use cases: configure, read, analyse, judge, gate,
report, render, write, and pick the exit code.

Kept apart from the CLI so tests and other front ends can run a check without Typer. Every
output is rendered before the first byte is written, and files are written together and
atomically, so a failing renderer or an unwritable path never leaves a mix of new and stale
reports behind; an output path that cannot be written is refused before the articles are read.
A run that finds no article to check is a usage error (a mistyped path in CI must not pass
forever) unless the request allows an empty run. Exit codes come from ``checker.errors``: a
problem a user can act on is a ``CheckerError`` with a code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config, Output
from .errors import CheckerError, ErrorCode, ExitCode
from .files import unwritable, write_files
from .ingest import READERS, ReadResult, Stdin, read_paths
from .progress import progress_bar
from .records import Article, Finding, InputError, Rule
from .report.build import build_report, failing
from .report.render import RENDERERS
from .report.render.github import step_summary
from .report.render.text import render_text
from .rules.loading import load_rules

if TYPE_CHECKING:  # pragma: no cover
    from .analyse.batch import Batch
    from .analyse.cache import Cache
    from .nlp.embeddings import Embedder

__all__ = ["CheckRequest", "Checked", "check_articles", "configured_rules", "run_baseline", "run_check"]


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[Path, ...]
    config: Config = field(default_factory=Config)
    out: Path | None = None  # directory for report.json + report.md
    baseline: Path | None = None
    changed_since: str | None = None
    quiet: bool = False  # findings only: no summary line, notes or progress bar
    stdin: Stdin | None = None  # an article piped in (``checker check -``)
    allow_empty: bool = False  # finding no article is a pass, not a usage error
    force_exclude: bool = False  # named files are left out by ignore files and default excludes too
    archive: Path | None = None  # check the articles as drafts against this archive
    engine: str = "local"  # "ray": the same pipeline as Ray Data stages (pip install "newsroom-checker[scale]")
    workers: int = 2  # Ray: analysers (one model each) and judging partitions

    def outputs(self) -> list[Output]:
        """Every report this run writes or prints: the configured formats, then ``--out``'s two files."""
        outputs = list(self.config.format)
        if self.out is not None:
            outputs += [Output("json", self.out / "report.json"), Output("markdown", self.out / "report.md")]
        return outputs


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

    ``only_articles``: keep only findings whose conflicting claims include one of these articles (the
    rest of the batch is still read, so a changed article is compared against all others).
    """
    if not articles:  # nothing to analyse: no model, no scikit-learn
        from .analyse.batch import Batch

        return Checked(Batch(articles=(), sentences=(), claims=(), stories={}), ())
    from .analyse.build import build_batch
    from .rules.runner import run_rules

    batch = build_batch(articles, embedder=embedder, cache=cache, progress=progress)
    findings = run_rules(rules, batch)
    if only_articles is not None:
        findings = [f for f in findings if any(e.conflict and e.article_id in only_articles for e in f.evidence)]
    return Checked(batch, tuple(findings))


def say(message: str) -> None:
    """One line on stderr, as every message of a run is printed."""
    print(f"checker: {message}", file=sys.stderr)


def _read_and_check(
    request: CheckRequest, rules: list[Rule], written: Sequence[Path] = ()
) -> tuple[ReadResult, Checked, set[str] | None]:
    """Read the articles (never this run's own outputs, ``written`` included), analyse and judge them."""
    from .gate.changes import anchor_on_changed, changed_files

    changed = changed_files(request.changed_since) if request.changed_since else None  # a bad ref fails fast
    files = [o.path for o in request.outputs() if o.path is not None]
    read = read_paths(
        request.paths,
        keep=request.config.keeps,
        outputs=[*files, *written, *([request.baseline] if request.baseline else [])],
        output_dirs=[request.out] if request.out is not None else [],
        force_exclude=request.force_exclude,
        stdin=request.stdin,
    )
    for error in read.errors:
        say(error.one_line())
    if not read.files and not request.allow_empty:
        raise CheckerError(ErrorCode.NO_ARTICLES, _nothing_found(request, read))
    scope = None if changed is None else {a.id for a in read.articles if Path(a.path).resolve() in changed}
    cache = None
    if request.config.cache_dir is not None and read.articles:
        from .analyse.cache import Cache

        cache = Cache(request.config.cache_dir)
    try:
        if request.archive is not None:
            checked = check_against_archive(request.archive, list(read.articles), rules)
        elif request.engine == "ray":
            checked, failed = _check_with_ray(list(read.articles), rules, request.workers)
            read = replace(read, errors=(*read.errors, *failed))
        else:
            with progress_bar(enabled=not request.quiet) as progress:
                articles = list(read.articles)
                checked = check_articles(articles, rules, cache=cache, progress=progress, only_articles=scope)
    finally:
        if cache is not None:
            cache.close()
    if scope is not None:  # annotations belong on the diff: a changed article's claim comes first
        checked = Checked(checked.batch, tuple(anchor_on_changed(checked.findings, scope)))
    return read, checked, scope


def _check_with_ray(articles: list[Article], rules: list[Rule], workers: int) -> tuple[Checked, list[InputError]]:
    """The check on Ray Data, and the articles that failed on a worker (input errors of the run)."""
    try:
        from .scale.ray_engine import check_with_ray
    except ImportError:
        message = 'the ray engine needs Ray: pip install "newsroom-checker[scale]"'
        raise CheckerError(ErrorCode.MODEL_MISSING, message) from None
    if not articles:
        return check_articles(articles, rules), []
    batch, findings, errors = check_with_ray(articles, rules, workers=workers)
    for error in errors:
        say(error.one_line())
    return Checked(batch, tuple(findings)), errors


def check_against_archive(directory: Path, drafts: Sequence[Article], rules: Sequence[Rule]) -> Checked:
    """Drafts checked against the published stories they belong to; only findings involving a draft."""
    from .archive.draft import check_drafts
    from .archive.store import ArchiveStore

    store = ArchiveStore(directory)
    try:
        batch, findings = check_drafts(store, drafts, rules)
    finally:
        store.close()
    return Checked(batch, tuple(findings))


def _nothing_found(request: CheckRequest, read: ReadResult) -> str:
    """One line for "no articles": where it looked, for what, and what it left out and why."""
    where = ", ".join(p.as_posix() for p in request.paths) or "(no paths)"
    kinds = ", ".join(sorted(READERS))
    left_out = "; ".join(f"{_count(count, 'file')} {why}" for why, count in read.left_out.items())
    found = f" (left out: {left_out})" if left_out else ""
    return (
        f"no articles found in {where}: no {kinds} file to check{found}; "
        "check the paths and include/exclude, or pass --allow-empty if an empty run should pass"
    )


def _preflight(outputs: list[Output]) -> None:
    """Refuse an output path that cannot be written before spending minutes on the articles."""
    for output in outputs:
        if output.path is not None and (problem := unwritable(output.path)):
            raise CheckerError(
                ErrorCode.OUTPUT, f"{output.path.as_posix()}: cannot write the {output.name} report: {problem}"
            )


def run_check(request: CheckRequest) -> int:
    from .gate.baseline import load_baseline
    from .gate.directives import note
    from .gate.suppress import suppress

    config = request.config
    outputs = request.outputs()
    try:
        rules = configured_rules(config)
        _preflight(outputs)
        baseline = load_baseline(request.baseline) if request.baseline is not None else None
        read, checked, scope = _read_and_check(request, rules)
    except CheckerError as exc:
        say(str(exc))
        return exc.exit_code
    outcome = suppress(checked.findings, checked.batch, rules, baseline=baseline, scope=scope)
    skipped = [note(s.code.value, f"skipped: {s.message}", s.path, None) for s in read.skipped]
    report = build_report(
        checked.batch,
        outcome.findings,
        read.errors,
        rules,
        fail_on=config.fail_on,
        suppressed=outcome.suppressed,
        notes=[*skipped, *outcome.notes],
    )
    try:
        _emit(report, rules, outputs, quiet=request.quiet)
    except CheckerError as exc:
        say(str(exc))
        return exc.exit_code
    if not request.quiet:
        _summarise(report, request.out)
    if read.errors:
        return ExitCode.USAGE
    return ExitCode.FINDINGS if failing(outcome.findings, config.fail_on) else ExitCode.OK


def _render(output: Output, report: dict[str, Any], rules: list[Rule], *, color: bool, quiet: bool) -> str:
    """One output's text; ``--quiet`` keeps the terminal format's findings and drops its summary line."""
    if quiet and output.name == "text" and RENDERERS["text"] is render_text:
        return render_text(report, rules, color=color, summary=False)
    return RENDERERS[output.name](report, rules, color=color)


def _emit(report: dict[str, Any], rules: list[Rule], outputs: list[Output], *, quiet: bool = False) -> None:
    """Render everything first, then write files (all or none), the step summary, and stdout last.

    A file that cannot be written is a usage error (exit 2) naming it, never an internal error."""
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
        raise CheckerError(ErrorCode.OUTPUT, f"{where}: cannot write report: {exc.strerror or exc}") from None
    if markdown is not None and summary_file:
        try:
            used = Path(summary_file).stat().st_size if Path(summary_file).exists() else 0
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(step_summary(markdown, used))
        except OSError as exc:
            message = f"{summary_file}: cannot write the GitHub step summary: {exc.strerror or exc}"
            raise CheckerError(ErrorCode.OUTPUT, message) from None
    for output, text in rendered:
        if output.path is None:
            sys.stdout.write(text)
            sys.stdout.flush()


def _summarise(report: dict[str, Any], out: Path | None) -> None:
    for item in report["notes"]:
        if item.get("line"):
            where = f"{item['path']}:{item['line']}: "
        else:
            where = f"{item['path']}: " if item.get("path") else ""
        say(f"note: {where}{item['message']}")
    summary = report["summary"]
    sev = summary["by_severity"]
    where = f" -> {out / 'report.md'}" if out is not None else ""
    hidden = f", {summary['suppressed']} suppressed" if summary["suppressed"] else ""
    say(
        f"{_count(summary['articles'], 'article')}, {_count(summary['claims'], 'claim')}: "
        f"{_count(sev['error'], 'error')}, {_count(sev['warning'], 'warning')}, {_count(sev['note'], 'note')}"
        f"{hidden}{where}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def run_baseline(request: CheckRequest, out: Path) -> int:
    """Record today's findings so the gate fails only on new ones; a batch with input errors is not recorded."""
    from .gate.baseline import write_baseline
    from .gate.suppress import suppress

    try:
        rules = configured_rules(request.config)
        _preflight([Output("baseline", out)])
        read, checked, _ = _read_and_check(request, rules, written=[out])
    except CheckerError as exc:
        say(str(exc))
        return exc.exit_code
    if read.errors:
        say(f"baseline not written: fix the input errors above first ({out})")
        return ExitCode.USAGE
    outcome = suppress(checked.findings, checked.batch, rules)
    try:
        count = write_baseline(out, outcome.findings, checked.batch)
    except OSError as exc:
        say(f"{out.as_posix()}: cannot write the baseline: {exc.strerror or exc}")
        return ExitCode.USAGE
    if not request.quiet:
        say(f"baseline of {_count(count, 'finding')} written to {out}")
    return ExitCode.OK
