"""``checker check`` and ``checker baseline`` as use cases: configure, read, analyse, judge, gate,
report, render, write, and pick the exit code.

Kept apart from the CLI so tests and other front ends can run a check without Typer. What a run
prints and writes is ``checker.outputs``: every output rendered before the first byte is written,
files written as one set, an unwritable output path refused before the articles are read.
A run that ends without writing its reports removes the previous run's (``outputs.discard``).
A run that finds no article to check is a usage error (a mistyped path in CI must not pass
forever) unless the request allows an empty run. Exit codes come from ``checker.errors``: a
problem a user can act on is a ``CheckerError`` with a code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config, Output
from .errors import CheckerError, ErrorCode, ExitCode
from .ingest import READERS, ReadResult, Stdin, read_paths
from .outputs import discard, emit, preflight, say
from .progress import progress_bar
from .records import Article, Finding, InputError, Rule
from .report.build import build_report, failing
from .rules.loading import load_rules
from .timing import stage

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
    notes: tuple[str, ...] = ()  # about the run itself (a cache entry recomputed, the cache turned off)


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


def _read_and_check(
    request: CheckRequest, rules: list[Rule], written: Sequence[Path] = ()
) -> tuple[ReadResult, Checked, set[str] | None]:
    """Read the articles (never this run's own outputs, ``written`` included), analyse and judge them."""
    from .gate.changes import anchor_on_changed, changed_files

    changed = changed_files(request.changed_since) if request.changed_since else None  # a bad ref fails fast
    with stage("read"):
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
    if not read.articles and not read.errors and not request.allow_empty:  # files that held no article too
        raise CheckerError(ErrorCode.NO_ARTICLES, _nothing_found(request, read))
    scope = None if changed is None else {a.id for a in read.articles if Path(a.path).resolve() in changed}
    cache = None
    if request.config.cache_dir is not None and read.articles:
        from .analyse.cache import Cache

        cache = Cache(request.config.cache_dir)
    from .nlp.embeddings import Embedder

    embedder = Embedder(request.config.embedder, store=cache)
    try:
        if request.archive is not None:
            checked = check_against_archive(request.archive, list(read.articles), rules)
        elif request.engine == "ray":
            checked, failed = _check_with_ray(list(read.articles), rules, request.workers)
            read = replace(read, errors=(*read.errors, *failed))
        else:
            with progress_bar(enabled=not request.quiet) as progress:
                articles = list(read.articles)
                checked = check_articles(
                    articles, rules, embedder=embedder, cache=cache, progress=progress, only_articles=scope
                )
    finally:
        if cache is not None:
            cache.close()
    if cache is not None and cache.notes:
        checked = Checked(checked.batch, checked.findings, tuple(cache.notes))
    if scope is not None:  # annotations belong on the diff: a changed article's claim comes first
        checked = Checked(checked.batch, tuple(anchor_on_changed(checked.findings, scope)), checked.notes)
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
    if read.skipped:
        shown = ", ".join(f"{s.path} ({s.message})" for s in read.skipped[:3])
        more = f" and {len(read.skipped) - 3} more" if len(read.skipped) > 3 else ""
        found += f" (read but holding no article: {shown}{more})"
    return (
        f"no articles found in {where}: no {kinds} file to check{found}; "
        "check the paths and include/exclude, or pass --allow-empty if an empty run should pass"
    )


def run_check(request: CheckRequest) -> int:
    """The check use case; a run that ends without writing its outputs removes the previous ones."""
    outputs = request.outputs()
    try:
        return _run_check(request, outputs)
    except CheckerError as exc:
        say(str(exc))
        discard(outputs)
        return exc.exit_code
    except BaseException:  # an internal error (exit 3) or an interrupt: no stale report may pass for this run's
        discard(outputs)
        raise


def dropped_notes(articles: Sequence[Article]) -> list[dict[str, Any]]:
    """A note for each stretch of copy the junk filter left out that reads like copy (a comments section,
    a long line after ``Related:``): the article, where, the reason and the start of the text. Every
    other span left out is in the article's ``dropped`` list of the report."""
    from .rules.runner import position

    notes: list[dict[str, Any]] = []
    for article in articles:
        for span in article.dropped:
            if not span.looks_like_copy:
                continue
            text = " ".join(article.text[span.start : span.end].split())
            shown = text if len(text) <= 80 else text[:79] + "…"
            line = position(article, "text", span.start)[0]
            message = f"left out as {span.reason} ({span.end - span.start:,} characters): “{shown}”"
            notes.append({"kind": "dropped-copy", "message": message, "path": article.path, "line": line})
            notes[-1].update(article=article.id, start=span.start, end=span.end)
    return notes


def _run_check(request: CheckRequest, outputs: list[Output]) -> int:
    from .gate.baseline import load_baseline
    from .gate.directives import note
    from .gate.suppress import suppress

    config = request.config
    rules = configured_rules(config)
    preflight(outputs)
    baseline = load_baseline(request.baseline) if request.baseline is not None else None
    read, checked, scope = _read_and_check(request, rules)
    errors = [*read.errors, *checked.batch.errors]  # articles over their time budget are input errors too
    for error in checked.batch.errors:
        say(error.one_line())
    with stage("gate"):
        outcome = suppress(checked.findings, checked.batch, rules, baseline=baseline, scope=scope)
    skipped = [note(s.code.value, f"skipped: {s.message}", s.path, None) for s in read.skipped]
    skipped += [note("cache", message, None, None) for message in checked.notes]
    skipped += dropped_notes(checked.batch.articles)
    with stage("report"):
        report = build_report(
            checked.batch,
            outcome.findings,
            errors,
            rules,
            fail_on=config.fail_on,
            suppressed=outcome.suppressed,
            notes=[*skipped, *outcome.notes],
        )
    failed = emit(report, rules, outputs, quiet=request.quiet)
    if not request.quiet:
        _summarise(report, request.out)
    if failed is not None:
        return failed
    if errors:
        return ExitCode.USAGE
    return ExitCode.FINDINGS if failing(outcome.findings, config.fail_on) else ExitCode.OK


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
        preflight([Output("baseline", out)])
        read, checked, _ = _read_and_check(request, rules, written=[out])
    except CheckerError as exc:
        say(str(exc))
        return exc.exit_code
    for error in checked.batch.errors:  # over their time budget: their findings would be missing
        say(error.one_line())
    if read.errors or checked.batch.errors:
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
