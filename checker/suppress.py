"""Suppression: inline directives in Markdown articles and a baseline of accepted findings.

A gate that cannot be told "we know, this is deliberate" gets switched off, so editors
can silence a finding where it lives (a directive beside the paragraph) or accept
everything already published (a baseline) and gate only on what is new. Suppressed
findings stay visible in the report's ``suppressed`` list and never count toward the
exit code. A directive that suppresses nothing, and a baseline entry that matches no
finding any more, become notes: silent leftovers would hide the next real problem.

Directives (HTML comments, so they never show in the published copy and are never
read as claims):

- ``<!-- checker: ignore CNT001,DAT002 -->`` findings of those rules whose evidence lies
  in the next paragraph (no rule ids: every rule);
- ``<!-- checker: off [RULES] -->`` ... ``<!-- checker: on [RULES] -->`` a range (no ``on``:
  to the end of the article).

Rules are named as ``--select`` names them (id, id prefix, name or group).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis import Batch
from .engines import Rule
from .findings import position
from .models import Article, Finding
from .report import write_atomic
from .selection import names_rule

__all__ = ["Baseline", "BaselineError", "Outcome", "load_baseline", "suppress", "write_baseline"]

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_DIRECTIVE = re.compile(r"<!--\s*checker\s*:(?P<body>.*?)-->", re.DOTALL | re.IGNORECASE)
_BODY = re.compile(r"\s*(?P<verb>ignore|off|on)\b(?P<rules>[\w\s,.-]*)", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
BASELINE_VERSION = 1


@dataclass(frozen=True)
class _Origin:
    """The directive as written and where, for notes and the report's ``suppressed`` entries."""

    path: str
    line: int
    text: str


@dataclass(frozen=True)
class _Region:
    article_id: str
    start: int
    end: int
    selectors: tuple[str, ...]  # empty: every rule
    origin: _Origin


@dataclass(frozen=True)
class Outcome:
    findings: tuple[Finding, ...]  # what the report lists and the exit code counts
    suppressed: tuple[dict[str, Any], ...]
    notes: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class BaselineEntry:
    id: str
    rule: str
    message: str
    articles: tuple[str, ...]
    paths: tuple[str, ...]


@dataclass(frozen=True)
class Baseline:
    path: Path
    entries: dict[str, BaselineEntry]


class BaselineError(ValueError):
    """The baseline file is missing or not a checker baseline (a usage error, exit 2)."""


def _note(kind: str, message: str, path: str | None, line: int | None) -> dict[str, Any]:
    return {"kind": kind, "message": message, "path": path, "line": line}


def _is_markdown(article: Article) -> bool:
    return article.path.lower().endswith((".md", ".markdown"))


def directive_regions(article: Article, rules: Sequence[Rule]) -> tuple[list[_Region], list[dict[str, Any]]]:
    """The stretches of ``article.text`` each directive covers, plus notes on directives that cannot work."""
    if not _is_markdown(article):
        return [], []
    text = article.text
    masked = _COMMENT.sub(lambda m: " " * len(m.group(0)), text)
    regions: list[_Region] = []
    notes: list[dict[str, Any]] = []
    open_ranges: dict[str, tuple[int, _Origin]] = {}  # selector ("" = every rule) -> (start, the off directive)
    for match in _DIRECTIVE.finditer(text):
        line = position(article, "text", match.start())[0]
        written = " ".join(match.group(0).split())
        origin = _Origin(article.path, line, written)
        body = _BODY.fullmatch(match.group("body"))
        if body is None:
            notes.append(_note("invalid-directive", f"'{written}' is not a checker directive "
                               "(expected ignore, off or on, then optional rule ids)", article.path, line))
            continue
        selectors = tuple(s for s in re.split(r"[\s,]+", body.group("rules")) if s)
        unknown = [s for s in selectors if not any(names_rule([s], r) for r in rules)]
        if unknown:
            notes.append(_note("invalid-directive", f"'{written}' names no known rule '{unknown[0]}'", article.path, line))
        verb = body.group("verb").lower()
        if verb == "ignore":
            start = len(masked) - len(masked[match.end():].lstrip())
            gap = _BLANK_LINE.search(masked, start)
            regions.append(_Region(article.id, start, gap.start() if gap else len(text), selectors, origin))
        elif verb == "off":
            for selector in selectors or ("",):
                open_ranges.setdefault(selector, (match.end(), origin))
        else:
            closing = [s for s in open_ranges if not selectors or s in selectors]
            if not closing:
                notes.append(_note("unused-directive", f"'{written}' closes no 'checker: off' range", article.path, line))
            for selector in closing:
                start, off = open_ranges.pop(selector)
                regions.append(_Region(article.id, start, match.start(), (selector,) if selector else (), off))
    for selector, (start, off) in open_ranges.items():
        regions.append(_Region(article.id, start, len(text), (selector,) if selector else (), off))
    return regions, notes


def _covers(region: _Region, finding: Finding, rule: Rule | None, batch: Batch) -> bool:
    if region.selectors and (rule is None or not names_rule(region.selectors, rule)):
        return False
    return any(
        e.article_id == region.article_id
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
    selected: set[str] | None = None,
) -> Outcome:
    """Split findings into reported and suppressed; note unused directives and stale baseline entries.

    ``scope``: the articles whose findings were looked for (``--changed-since``); ``selected``:
    the rules that ran. A directive or baseline entry outside them cannot be judged unused
    (its findings were never looked for), so it is not noted.
    """
    by_id = {r.id: r for r in rules}
    regions: list[_Region] = []
    notes: list[dict[str, Any]] = []
    for article in batch.articles:
        if scope is None or article.id in scope:
            found, problems = directive_regions(article, rules)
            regions.extend(found)
            notes.extend(problems)
    used: set[_Origin] = set()
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
            suppressed.append({"finding": finding.id, "rule": finding.rule, "by": "baseline",
                               "where": baseline.path.as_posix() if baseline else ""})
        else:
            kept.append(finding)
    ran = [r for r in rules if selected is None or r.id in selected]
    judged = {r.origin for r in regions if any(not r.selectors or names_rule(r.selectors, rule) for rule in ran)}
    for origin in dict.fromkeys(r.origin for r in regions):
        if origin not in used and origin in judged:
            notes.append(_note("unused-directive", f"'{origin.text}' suppresses no finding; remove it",
                               origin.path, origin.line))
    if baseline is not None:
        notes.extend(_stale(baseline, matched_baseline, batch, scope, selected))
    notes.sort(key=lambda n: (n["path"] or "", n["line"] or 0, n["kind"], n["message"]))
    return Outcome(tuple(kept), tuple(suppressed), tuple(notes))


def _stale(
    baseline: Baseline, matched: set[str], batch: Batch, scope: set[str] | None, selected: set[str] | None
) -> Iterable[dict[str, Any]]:
    """Entries that could have matched this run but did not: their rule ran and their files were read (or are gone)."""
    read = {a.path for a in batch.articles}
    for entry in sorted(baseline.entries.values(), key=lambda e: (e.paths, e.rule, e.id)):
        if entry.id in matched or (selected is not None and entry.rule not in selected):
            continue
        gone = [p for p in entry.paths if not Path(p).exists()]
        checked = all(p in read or p in gone for p in entry.paths)
        in_scope = scope is None or bool(gone) or any(a in scope for a in entry.articles)
        if checked and in_scope:
            why = "its article is gone" if gone else "the finding is fixed"
            yield _note(
                "stale-baseline",
                f"baseline entry {entry.id} ({entry.rule}: {entry.message}) matches no finding ({why}); "
                f"re-run 'checker baseline' to drop it",
                (gone or list(entry.paths) or [None])[0],
                None,
            )


# --- the baseline file -----------------------------------------------------------------------------------


def _short(message: str, limit: int = 120) -> str:
    return message if len(message) <= limit else message[: limit - 1].rstrip() + "…"


def write_baseline(path: Path, findings: Sequence[Finding], batch: Batch) -> int:
    """Record findings by fingerprint (with rule and a short message for people reading the diff)."""
    entries = []
    for f in findings:
        articles = tuple(dict.fromkeys(e.article_id for e in f.evidence))
        paths = tuple(dict.fromkeys(batch.article[a].path for a in articles))
        entries.append({"id": f.id, "rule": f.rule, "message": _short(f.message), "articles": list(articles),
                        "paths": list(paths)})
    entries.sort(key=lambda e: (e["paths"], e["rule"], e["id"]))
    document = {"tool": "checker", "version": BASELINE_VERSION, "findings": entries}
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with 'checker baseline PATH... --out {path}')") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    records = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(records, list) or data.get("tool") != "checker":
        raise BaselineError(f"{path}: not a checker baseline (expected {{\"tool\": \"checker\", \"findings\": [...]}})")
    entries: dict[str, BaselineEntry] = {}
    for index, record in enumerate(records):
        if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not isinstance(record.get("rule"), str):
            raise BaselineError(f"{path}: findings[{index}] needs an 'id' and a 'rule'")
        entries[record["id"]] = BaselineEntry(
            id=record["id"],
            rule=record["rule"],
            message=str(record.get("message", "")),
            articles=tuple(record.get("articles", ())),
            paths=tuple(record.get("paths", ())),
        )
    return Baseline(path, entries)
