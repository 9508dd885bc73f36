"""The baseline file: findings accepted as they are, so the gate fails only on new ones.

Each entry keeps the finding's stable id (a fingerprint of the rule and the claims' content)
with its rule, a short message and the articles and paths it involves, for people reading the
file's diff.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CheckerError, ErrorCode
from ..files import write_atomic
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
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CheckerError(
            ErrorCode.BASELINE,
            f"{path}: baseline file not found (create it with 'checker baseline PATH... --out {path}')",
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CheckerError(ErrorCode.BASELINE, f"{path}: cannot read baseline: {exc}") from None
    records = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(records, list) or data.get("tool") != "checker":
        raise CheckerError(
            ErrorCode.BASELINE, f'{path}: not a checker baseline (expected {{"tool": "checker", "findings": [...]}})'
        )
    entries: dict[str, BaselineEntry] = {}
    for index, record in enumerate(records):
        if (
            not isinstance(record, dict)
            or not isinstance(record.get("id"), str)
            or not isinstance(record.get("rule"), str)
        ):
            raise CheckerError(ErrorCode.BASELINE, f"{path}: findings[{index}] needs an 'id' and a 'rule'")
        entries[record["id"]] = BaselineEntry(
            id=record["id"],
            rule=record["rule"],
            message=str(record.get("message", "")),
            articles=tuple(record.get("articles", ())),
            paths=tuple(record.get("paths", ())),
        )
    return Baseline(path, entries)
