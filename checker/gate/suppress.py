"""Suppression: inline directives and a baseline of accepted findings, applied to a run's findings.

A gate that cannot be told "we know, this is deliberate" gets switched off, so editors can
silence a finding where it lives (a directive beside the paragraph, see ``gate.directives``)
or accept everything already published (a baseline, see ``gate.baseline``) and gate only on
what is new. Suppressed findings stay visible in the report's ``suppressed`` list and never
count toward the exit code. A directive that suppresses nothing, and a baseline entry that
matches no finding any more, become notes: silent leftovers would hide the next real problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import Finding, Rule
from ..rules.selection import names_rule
from .baseline import Baseline
from .directives import Origin, Region, directive_regions, note

if TYPE_CHECKING:  # pragma: no cover
    from ..analyse.batch import Batch

__all__ = ["Outcome", "suppress"]


@dataclass(frozen=True)
class Outcome:
    findings: tuple[Finding, ...]  # what the report lists and the exit code counts
    suppressed: tuple[dict[str, Any], ...]
    notes: tuple[dict[str, Any], ...]


def _covers(region: Region, finding: Finding, rule: Rule | None, batch: Batch) -> bool:
    if region.selectors and (rule is None or not names_rule(region.selectors, rule)):
        return False
    return any(
        e.conflict
        and e.article_id == region.article_id
        and batch.claim[e.claim_id].field == "text"
        and region.start <= e.start < region.end
        for e in finding.evidence
    )


def suppress(
    findings: Sequence[Finding],
    batch: Batch,
    rules: Sequence[Rule],
    *,
    baseline: Baseline | None = None,
    scope: set[str] | None = None,
) -> Outcome:
    """Split findings into reported and suppressed; note unused directives and stale baseline entries.

    ``scope``: the articles whose findings were looked for (``--changed-since``). A directive or
    baseline entry outside the scope, or only about rules that did not run (``Rule.selected``),
    cannot be judged unused (its findings were never looked for), so it is not noted.
    """
    selected = {r.id for r in rules if r.selected}
    by_id = {r.id: r for r in rules}
    regions: list[Region] = []
    notes: list[dict[str, Any]] = []
    for article in batch.articles:
        if scope is None or article.id in scope:
            found, problems = directive_regions(article, rules)
            regions.extend(found)
            notes.extend(problems)
    used: set[Origin] = set()
    kept: list[Finding] = []
    suppressed: list[dict[str, Any]] = []
    matched_baseline: set[str] = set()
    for finding in findings:
        region = next((r for r in regions if _covers(r, finding, by_id.get(finding.rule), batch)), None)
        if baseline is not None and finding.id in baseline.entries:
            matched_baseline.add(finding.id)
        if region is not None:
            used.add(region.origin)
            where = f"{region.origin.path}:{region.origin.line}"
            suppressed.append({"finding": finding.id, "rule": finding.rule, "by": "directive", "where": where})
        elif finding.id in matched_baseline:
            suppressed.append(
                {
                    "finding": finding.id,
                    "rule": finding.rule,
                    "by": "baseline",
                    "where": baseline.path.as_posix() if baseline else "",
                }
            )
        else:
            kept.append(finding)
    ran = [r for r in rules if r.selected]
    judged = {r.origin for r in regions if any(not r.selectors or names_rule(r.selectors, rule) for rule in ran)}
    for origin in dict.fromkeys(r.origin for r in regions):
        if origin not in used and origin in judged:
            notes.append(
                note("unused-directive", f"'{origin.text}' suppresses no finding; remove it", origin.path, origin.line)
            )
    if baseline is not None:
        notes.extend(_stale(baseline, matched_baseline, batch, scope, selected))
    notes.sort(key=lambda n: (n["path"] or "", n["line"] or 0, n["kind"], n["message"]))
    return Outcome(tuple(kept), tuple(suppressed), tuple(notes))


STALE_NOTES = 100  # stale baseline entries noted one by one; past this, one note counts the rest


def _stale(
    baseline: Baseline, matched: set[str], batch: Batch, scope: set[str] | None, selected: set[str]
) -> Iterable[dict[str, Any]]:
    """Entries that could have matched this run but did not: their rule ran and their files were read (or are gone).

    Each path is looked up on disk once, however many entries name it, and past ``STALE_NOTES`` the
    rest are counted in one note: a baseline of a million entries costs seconds, not a report of a
    million notes."""
    read = {a.path for a in batch.articles}
    exists: dict[str, bool] = {}

    def gone(path: str) -> bool:
        if path not in exists:
            exists[path] = path in read or Path(path).exists()
        return not exists[path]

    stale = 0
    for entry in sorted(baseline.entries.values(), key=lambda e: (e.paths, e.rule, e.id)):
        if entry.id in matched or entry.rule not in selected:
            continue
        missing = [p for p in entry.paths if gone(p)]
        checked = all(p in read or p in missing for p in entry.paths)
        in_scope = scope is None or bool(missing) or any(a in scope for a in entry.articles)
        if checked and in_scope:
            stale += 1
            if stale > STALE_NOTES:
                continue
            why = "its article is gone" if missing else "the finding is fixed"
            yield note(
                "stale-baseline",
                f"baseline entry {entry.id} ({entry.rule}: {entry.message}) matches no finding ({why}); "
                f"re-run 'checker baseline' to drop it",
                next(iter(missing or entry.paths), None),
                None,
            )
    if stale > STALE_NOTES:
        yield note(
            "stale-baseline",
            f"{stale - STALE_NOTES:,} more baseline entries match no finding; re-run 'checker baseline' to drop them",
            baseline.path.as_posix(),
            None,
        )
