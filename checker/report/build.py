"""Findings -> the report: one JSON document, validated against its schema before anyone reads it.

The report is the contract every renderer reads (Markdown, SARIF, annotations...). It holds
no wall-clock time and keeps a stable order, so the same input gives byte-identical output.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..records import CLAIM_KINDS, Finding, InputError, Rule, Severity, encode
from ..records.validation import checked_json
from .schema import validate_report

if TYPE_CHECKING:  # pragma: no cover
    from ..analyse.batch import Batch

__all__ = ["SCHEMA_VERSION", "build_report", "dumps", "failing"]

SCHEMA_VERSION = "1.0"


def build_report(
    batch: Batch,
    findings: Sequence[Finding],
    errors: Sequence[InputError],
    rules: Sequence[Rule],
    *,
    fail_on: str,
    suppressed: Sequence[dict[str, Any]] = (),
    notes: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The report of one run; ``rules`` come resolved (``selected`` says which ran)."""
    articles = []
    for article in batch.articles:
        entry = encode(article)
        entry["story"] = batch.story_of(article.id)
        entry["claims"] = list(_claims_json(batch, article.id))
        articles.append(entry)
    stories: dict[str, list[str]] = {}
    for article in batch.articles:
        stories.setdefault(batch.story_of(article.id), []).append(article.id)
    selected = [r for r in rules if r.selected]
    by_severity = Counter(f.severity.value for f in findings)
    by_rule = Counter(f.rule for f in findings)
    claim_kinds = Counter(c.kind for c in batch.claims)
    status = "pass" if not failing(findings, fail_on) else "fail"
    if errors:
        status = "error"
    report = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "checker", "version": __version__},
        "settings": {"fail_on": fail_on, "rules": sorted(r.id for r in selected)},
        "rules": [
            {"id": r.id, "name": r.name, "group": r.group, "severity": r.severity.value, "engine": r.engine}
            for r in selected
        ],
        "stories": [
            {"id": story, "title": _story_title(batch, ids), "articles": ids} for story, ids in stories.items()
        ],
        "articles": articles,
        "findings": [encode(f) for f in findings],
        "suppressed": list(suppressed),
        "notes": list(notes),
        "errors": [encode(e) for e in errors],
        "summary": {
            "status": status,
            "articles": len(batch.articles),
            "claims": len(batch.claims),
            "claims_by_kind": {kind: claim_kinds.get(kind, 0) for kind in CLAIM_KINDS},
            "findings": len(findings),
            "by_severity": {s.value: by_severity.get(s.value, 0) for s in Severity},
            "by_rule": dict(sorted(by_rule.items())),
            "suppressed": len(suppressed),
            "errors": len(errors),
        },
    }
    validate_report(report)
    return report


def _claims_json(batch: Batch, article_id: str) -> tuple[dict[str, Any], ...]:
    """An article's claims as extraction encoded and checked them (a cached article's as they were cached);
    claims of a batch assembled by hand are encoded and checked here."""
    known = batch.claims_json.get(article_id)
    if known is not None:
        return known
    return checked_json(batch.claims_by_article.get(article_id, ()))


def failing(findings: Sequence[Finding], fail_on: str) -> list[Finding]:
    if fail_on == "never":
        return []
    threshold = Severity(fail_on).rank
    return [f for f in findings if f.severity.rank >= threshold]


def _story_title(batch: Batch, article_ids: list[str]) -> str:
    for article_id in article_ids:
        title = batch.article[article_id].title
        if title:
            return title
    first = batch.article[article_ids[0]]
    sentence = batch.sentence.get((first.id, 0))
    return (sentence.text[:90] if sentence else first.id).strip()


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
