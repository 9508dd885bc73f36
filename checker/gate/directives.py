"""Inline suppression directives in Markdown articles: which stretches of copy each one covers.

Directives are HTML comments, so they never show in the published copy and are never read as
claims:

- ``<!-- checker: ignore CNT001,DAT002 -->`` findings of those rules whose evidence lies in the
  next paragraph (no rule ids: every rule);
- ``<!-- checker: off [RULES] -->`` ... ``<!-- checker: on [RULES] -->`` a range (no ``on``: to
  the end of the article).

Rules are named as ``--select`` names them (id, id prefix, name or group).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..records import Article, Rule
from ..rules.runner import position
from ..rules.selection import names_rule

__all__ = ["Origin", "Region", "directive_regions", "note"]


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


_DIRECTIVE = re.compile(r"<!--\s*checker\s*:(?P<body>.*?)-->", re.DOTALL | re.IGNORECASE)


_BODY = re.compile(r"\s*(?P<verb>ignore|off|on)\b(?P<rules>[\w\s,.-]*)", re.IGNORECASE)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Origin:
    """The directive as written and where, for notes and the report's ``suppressed`` entries."""

    path: str
    line: int
    text: str


@dataclass(frozen=True)
class Region:
    article_id: str
    start: int
    end: int
    selectors: tuple[str, ...]  # empty: every rule
    origin: Origin


def note(kind: str, message: str, path: str | None, line: int | None) -> dict[str, Any]:
    return {"kind": kind, "message": message, "path": path, "line": line}


def directive_regions(article: Article, rules: Sequence[Rule]) -> tuple[list[Region], list[dict[str, Any]]]:
    """The stretches of ``article.text`` each directive covers, plus notes on directives that cannot work."""
    if article.format != "markdown":
        return [], []
    text = article.text
    masked = _COMMENT.sub(lambda m: " " * len(m.group(0)), text)
    regions: list[Region] = []
    notes: list[dict[str, Any]] = []
    open_ranges: dict[str, tuple[int, Origin]] = {}  # selector ("" = every rule) -> (start, the off directive)
    for match in _DIRECTIVE.finditer(text):
        line = position(article, "text", match.start())[0]
        written = " ".join(match.group(0).split())
        origin = Origin(article.path, line, written)
        body = _BODY.fullmatch(match.group("body"))
        if body is None:
            notes.append(
                note(
                    "invalid-directive",
                    f"'{written}' is not a checker directive (expected ignore, off or on, then optional rule ids)",
                    article.path,
                    line,
                )
            )
            continue
        selectors = tuple(s for s in re.split(r"[\s,]+", body.group("rules")) if s)
        unknown = [s for s in selectors if not any(names_rule([s], r) for r in rules)]
        if unknown:
            notes.append(
                note("invalid-directive", f"'{written}' names no known rule '{unknown[0]}'", article.path, line)
            )
        verb = body.group("verb").lower()
        if verb == "ignore":
            start = len(masked) - len(masked[match.end() :].lstrip())
            gap = _BLANK_LINE.search(masked, start)
            regions.append(Region(article.id, start, gap.start() if gap else len(text), selectors, origin))
        elif verb == "off":
            for selector in selectors or ("",):
                open_ranges.setdefault(selector, (match.end(), origin))
        else:
            closing = [s for s in open_ranges if not selectors or s in selectors]
            if not closing:
                notes.append(
                    note("unused-directive", f"'{written}' closes no 'checker: off' range", article.path, line)
                )
            for selector in closing:
                start, off = open_ranges.pop(selector)
                regions.append(Region(article.id, start, match.start(), (selector,) if selector else (), off))
    for selector, (start, off) in open_ranges.items():
        regions.append(Region(article.id, start, len(text), (selector,) if selector else (), off))
    return regions, notes
