"""Findings -> the report: one JSON document, validated against ``report.schema.json``.

The report is the contract every renderer reads (Markdown, SARIF, annotations...).
It holds no wall-clock time and is serialised with sorted, stable ordering, so the
same input gives byte-identical output.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from . import __version__
from .analysis import Batch
from .engines import Rule
from .models import Finding, InputError, Severity

__all__ = ["SCHEMA_VERSION", "build_report", "report_schema", "validate_report", "dumps", "write_atomic", "ReportInvalid"]

SCHEMA_VERSION = "1.0"
FAIL_LEVELS = ("error", "warning", "note", "never")


class ReportInvalid(RuntimeError):
    """The report did not validate against its own schema: a bug, never written to disk."""


@lru_cache(maxsize=1)
def report_schema() -> dict[str, Any]:
    return json.loads((resources.files("checker") / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def build_report(
    batch: Batch,
    findings: Sequence[Finding],
    errors: Sequence[InputError],
    rules: Sequence[Rule],
    *,
    fail_on: str,
    selected: Sequence[str],
    suppressed: Sequence[dict[str, Any]] = (),
    notes: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    claims_by_article = batch.claims_by_article
    articles = []
    for article in batch.articles:
        entry = article.to_dict()
        entry["story"] = batch.story_of(article.id)
        entry["claims"] = [c.to_dict() for c in claims_by_article.get(article.id, ())]
        articles.append(entry)
    stories: dict[str, list[str]] = {}
    for article in batch.articles:
        stories.setdefault(batch.story_of(article.id), []).append(article.id)
    by_severity = Counter(f.severity.value for f in findings)
    by_rule = Counter(f.rule for f in findings)
    claim_kinds = Counter(c.kind for c in batch.claims)
    status = "pass" if not failing(findings, fail_on) else "fail"
    if errors:
        status = "error"
    report = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "checker", "version": __version__},
        "settings": {"fail_on": fail_on, "rules": sorted(selected)},
        "rules": [
            {"id": r.id, "name": r.name, "group": r.group, "severity": r.severity.value, "engine": r.engine}
            for r in rules
            if r.id in set(selected)
        ],
        "stories": [
            {"id": story, "title": _story_title(batch, ids), "articles": ids} for story, ids in stories.items()
        ],
        "articles": articles,
        "findings": [f.to_dict() for f in findings],
        "suppressed": list(suppressed),
        "notes": list(notes),
        "errors": [e.to_dict() for e in errors],
        "summary": {
            "status": status,
            "articles": len(batch.articles),
            "claims": len(batch.claims),
            "claims_by_kind": {k: claim_kinds.get(k, 0) for k in ("count", "date", "name", "quantity")},
            "findings": len(findings),
            "by_severity": {s.value: by_severity.get(s.value, 0) for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE)},
            "by_rule": dict(sorted(by_rule.items())),
            "suppressed": len(suppressed),
            "errors": len(errors),
        },
    }
    validate_report(report)
    return report


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


def validate_report(report: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(report_schema())
    error = next(iter(sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise ReportInvalid(f"report does not match its schema at '{where}': {error.message}")


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_atomic(path: str | Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: readers never see half a report."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
