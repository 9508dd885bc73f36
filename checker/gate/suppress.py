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


def _stale(
    baseline: Baseline, matched: set[str], batch: Batch, scope: set[str] | None, selected: set[str]
) -> Iterable[dict[str, Any]]:
    """Entries that could have matched this run but did not: their rule ran and their files were read (or are gone)."""
    read = {a.path for a in batch.articles}
    for entry in sorted(baseline.entries.values(), key=lambda e: (e.paths, e.rule, e.id)):
        if entry.id in matched or entry.rule not in selected:
            continue
        gone = [p for p in entry.paths if not Path(p).exists()]
        checked = all(p in read or p in gone for p in entry.paths)
        in_scope = scope is None or bool(gone) or any(a in scope for a in entry.articles)
        if checked and in_scope:
            why = "its article is gone" if gone else "the finding is fixed"
            yield note(
                "stale-baseline",
                f"baseline entry {entry.id} ({entry.rule}: {entry.message}) matches no finding ({why}); "
                f"re-run 'checker baseline' to drop it",
                next(iter(gone or entry.paths), None),
                None,
            )
