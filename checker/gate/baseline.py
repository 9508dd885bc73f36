"""The baseline file: findings accepted as they are, so the gate fails only on new ones.

Each entry keeps the finding's stable id (a fingerprint of the rule and the claims' content)
with its rule, a short message and the articles and paths it involves, for people reading the
file's diff. Loading is bounded (``MAX_BASELINE_BYTES``, ``MAX_BASELINE_ENTRIES``) and every field
is checked, so a malformed or hostile baseline is one line naming the file and the field (exit 2).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CheckerError, ErrorCode
from ..files import write_atomic
from ..limits import MAX_BASELINE_BYTES, MAX_BASELINE_ENTRIES, JsonProblem, load_json, read_regular
from ..records import Finding

if TYPE_CHECKING:  # pragma: no cover
    from ..analyse.batch import Batch

__all__ = ["BASELINE_VERSION", "Baseline", "BaselineEntry", "load_baseline", "write_baseline"]

BASELINE_VERSION = 1


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


def _short(message: str, limit: int = 120) -> str:
    return message if len(message) <= limit else message[: limit - 1].rstrip() + "…"


def write_baseline(path: Path, findings: Sequence[Finding], batch: Batch) -> int:
    """Record findings by fingerprint (with rule and a short message for people reading the diff)."""
    entries = []
    for f in findings:
        articles = tuple(dict.fromkeys(e.article_id for e in f.evidence))
        paths = tuple(dict.fromkeys(batch.article[a].path for a in articles))
        entries.append(
            {"id": f.id, "rule": f.rule, "message": _short(f.message), "articles": list(articles), "paths": list(paths)}
        )
    entries.sort(key=lambda e: (e["paths"], e["rule"], e["id"]))
    document = {"tool": "checker", "version": BASELINE_VERSION, "findings": entries}
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def load_baseline(path: Path) -> Baseline:
    try:
        text = read_regular(path, MAX_BASELINE_BYTES).decode("utf-8")
        data = load_json(text)
    except FileNotFoundError:
        raise CheckerError(
            ErrorCode.BASELINE,
            f"{path}: baseline file not found (create it with 'checker baseline PATH... --out {path}')",
        ) from None
    except CheckerError as exc:  # not a regular file, or over the size limit
        code = ErrorCode.BASELINE_TOO_LARGE if exc.code is ErrorCode.TOO_LARGE else ErrorCode.BASELINE
        raise CheckerError(code, f"{path}: cannot read baseline: {exc.message}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(ErrorCode.BASELINE, f"{path}: cannot read baseline: {exc}") from None
    except JsonProblem as exc:
        raise CheckerError(ErrorCode.BASELINE, f"{path}: cannot read baseline: {exc.message}") from None
    records = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(records, list) or data.get("tool") != "checker":
        raise CheckerError(
            ErrorCode.BASELINE, f'{path}: not a checker baseline (expected {{"tool": "checker", "findings": [...]}})'
        )
    if len(records) > MAX_BASELINE_ENTRIES:
        message = f"{path}: baseline has {len(records):,} findings, over the limit of {MAX_BASELINE_ENTRIES:,}"
        raise CheckerError(ErrorCode.BASELINE_TOO_LARGE, message)
    entries: dict[str, BaselineEntry] = {}
    for index, record in enumerate(records):
        problem = _problem(record)
        if problem:
            raise CheckerError(ErrorCode.BASELINE, f"{path}: findings[{index}] {problem}")
        entries[record["id"]] = BaselineEntry(
            id=record["id"],
            rule=record["rule"],
            message=record.get("message", ""),
            articles=tuple(record.get("articles", ())),
            paths=tuple(record.get("paths", ())),
        )
    return Baseline(path, entries)


def _problem(record: Any) -> str | None:
    """What is wrong with one baseline entry, or None: the fields ``write_baseline`` writes, with their types."""
    if not isinstance(record, dict):
        return "must be an object"
    if not isinstance(record.get("id"), str) or not isinstance(record.get("rule"), str):
        return "needs an 'id' and a 'rule'"
    if not isinstance(record.get("message", ""), str):
        return "'message' must be a string"
    for key in ("articles", "paths"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"'{key}' must be a list of strings"
    return None
