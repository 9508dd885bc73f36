"""Rules -> findings: run each selected rule's engine, format its message, attach evidence.

A finding's id is a fingerprint of the rule and the hit's signature: the fact it speaks of and
the normalised values in conflict (articles and figures, dates, spellings), never sentences or
positions. Editing a sentence elsewhere, or fixing one problem, leaves every other finding's id
(and the baseline) intact.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..errors import CheckerError, ErrorCode
from ..records import Article, Claim, Evidence, Finding, Hit, Rule
from .engines import ENGINES

if TYPE_CHECKING:  # pragma: no cover
    from ..analyse.batch import Batch

__all__ = ["evidence_for", "finding_order", "fingerprint", "position", "run_rules"]


def run_rules(rules: Iterable[Rule], batch: Batch) -> list[Finding]:
    """Findings of the selected rules, one per fingerprint (the best-scoring), in report order."""
    findings: dict[str, Finding] = {}
    for rule in rules:
        if not rule.selected:
            continue
        for hit in ENGINES[rule.engine].run(rule, batch):
            finding = _finding(rule, hit, batch)
            previous = findings.get(finding.id)
            if previous is None or previous.score < finding.score:
                findings[finding.id] = finding
    return sorted(findings.values(), key=lambda f: finding_order(f, batch.article_order))


def _message(rule: Rule, hit: Hit) -> str:
    """The rule's message filled from the hit. Templates are checked when rules load (``template_error``);
    a rule built in code that slips past that is a rule-file error naming the rule, never a crash."""
    try:
        return rule.message.format_map(dict(hit.values))
    except (KeyError, IndexError, ValueError, TypeError, AttributeError) as exc:
        message = f"{rule.path or rule.id}: message of rule {rule.id} cannot be filled: {type(exc).__name__}: {exc}"
        raise CheckerError(ErrorCode.RULE_FILE, message) from None


def _finding(rule: Rule, hit: Hit, batch: Batch) -> Finding:
    claims = [batch.claim[c] for c in hit.claims]
    conflicting = set(hit.conflicting or hit.claims)
    return Finding(
        id=fingerprint(rule.id, hit, claims, batch),
        rule=rule.id,
        rule_name=rule.name,
        severity=rule.severity,
        message=_message(rule, hit),
        score=round(max(0.0, min(1.0, hit.score)), 4),
        claims=tuple(hit.claims),
        evidence=tuple(evidence_for(c, batch, conflict=c.id in conflicting) for c in claims),
        story=hit.story,
        topic=hit.topic,
    )


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def fingerprint(rule_id: str, hit: Hit, claims: list[Claim], batch: Batch) -> str:
    """16 hex digits from the rule and the hit's signature (or, for an engine that gives none, the
    content of its claims: article, kind, claim text and sentence text)."""
    parts = list(hit.signature) or sorted(
        f"{c.article_id}\x1f{c.kind}\x1f{_normalise(c.text)}\x1f{_normalise(batch.sentence_of(c).text)}" for c in claims
    )
    digest = hashlib.sha256("\x1e".join([rule_id, *parts]).encode("utf-8")).hexdigest()
    return digest[:16]


def position(article: Article, field: str, offset: int) -> tuple[int, int]:
    """1-based line and column in the file for an offset into the article's title or text.

    Fields the reader decoded (a JSON string, a YAML title) carry an anchor recorded at read time,
    which counts the escapes between the text and the file; a Markdown or plain-text body is the
    file itself from ``line_offset`` on. Without either, the record's line (or the file's first).
    """
    anchor = article.title_at if field == "title" else article.text_at
    if anchor is not None:
        return anchor.line, anchor.column(offset)
    if field == "title" or article.embedded:
        return article.record_line or 1, 1
    before = article.text[:offset]
    line = article.line_offset + before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    return line, column


def evidence_for(claim: Claim, batch: Batch, *, conflict: bool = False) -> Evidence:
    article = batch.article[claim.article_id]
    sentence = batch.sentence_of(claim)
    line, column = position(article, claim.field, claim.start)
    attribution = getattr(claim, "attribution", None)
    return Evidence(
        claim_id=claim.id,
        article_id=claim.article_id,
        path=article.path,
        sentence=sentence.text,
        start=claim.start,
        end=claim.end,
        line=line,
        column=column,
        source=attribution.source if attribution is not None else None,
        conflict=conflict,
    )


def finding_order(finding: Finding, article_order: Mapping[str, int]) -> tuple[int, int, str, int, int, str]:
    """Report order: story, severity, rule, then where the conflict first shows (batch order, offset)."""
    first = next((e for e in finding.evidence if e.conflict), finding.evidence[0])
    story_number = int(finding.story[1:]) if finding.story and finding.story[1:].isdigit() else 0
    position_in_batch = article_order.get(first.article_id, 0)
    return (story_number, -finding.severity.rank, finding.rule, position_in_batch, first.start, finding.id)
