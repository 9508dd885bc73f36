"""Where a claim sits in its file, in the terms CI formats want (1-based lines and columns, an end).

The report gives each piece of evidence a start line and column only (the real ones: the
readers record where a JSON string or a front-matter title sits, escapes counted). SARIF
regions and GitHub annotations can underline the claim itself, so the end is derived here,
from the claim's exact text: the report guarantees ``text == article_text[start:end]`` and
newlines are normalised when files are read, so counting ``\\n`` in the claim gives the end
line. Two cases have no trustworthy end and get a start only:

- articles embedded in JSON/JSONL: the claim's text is decoded, and an escape inside it
  (``\\"``, ``\\u2019``) makes it longer in the file than in the report;
- headline claims (``field == "title"``): a quoted or escaped title differs the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

__all__ = ["Locator", "Span", "artifact_uri", "in_conflict_first", "one_line", "posix_path"]

_EMBEDDED_FORMATS = {"json", "jsonl"}  # the report article's ``format``


@dataclass(frozen=True)
class Span:
    """A claim's place in a file; ``end_line``/``end_column`` are None when unknown (end column is exclusive)."""

    path: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None
    text: str | None = None  # the claim text exactly as it appears in the span, when the span is exact


class Locator:
    """Places evidence in its file: claims by id, and whether each article's text is embedded in JSON."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.claims = {claim["id"]: claim for article in report["articles"] for claim in article["claims"]}
        self.embedded = {a["id"] for a in report["articles"] if a["format"] in _EMBEDDED_FORMATS}

    def span(self, evidence: dict[str, Any]) -> Span:
        """The span of one piece of evidence; exact (with an end) only when the claim text maps onto the file."""
        line, column, path = evidence["line"], evidence["column"], evidence["path"]
        claim = self.claims.get(evidence["claim"])
        if claim is None or claim.get("field") != "text" or evidence["article"] in self.embedded:
            return Span(path, line, column)
        text: str = claim["text"]
        if len(text) != evidence["end"] - evidence["start"] or "\r" in text:
            return Span(path, line, column)  # not a verbatim slice: do not guess an end
        breaks = text.count("\n")
        if breaks == 0:
            return Span(path, line, column, line, column + len(text), text)
        return Span(path, line, column, line + breaks, len(text) - text.rfind("\n"), text)


def in_conflict_first(finding: dict[str, Any]) -> list[dict[str, Any]]:
    """A finding's evidence with the claims in conflict first: where an annotation belongs is where the
    problem is, not the fact's earliest report."""
    evidence = finding["evidence"]
    return [e for e in evidence if e.get("conflict")] + [e for e in evidence if not e.get("conflict")]


def posix_path(path: str) -> str:
    """Forward slashes whatever the platform: CI tools resolve paths against the repository root."""
    return path.replace("\\", "/")


def artifact_uri(path: str) -> str:
    """A URI reference for a report path: relative paths stay relative (percent-encoded), absolute ones file URIs."""
    posix = posix_path(path)
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    if re.match(r"^[A-Za-z]:/", posix):
        return "file:///" + posix[:2] + quote(posix[2:], safe="/")
    return quote(posix, safe="/")


def one_line(text: str) -> str:
    """Collapse whitespace (including newlines) so a message fits the one-line-per-finding formats."""
    return " ".join(text.split())
