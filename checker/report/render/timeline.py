"""A fact's reports in publication order, as the editor's reports lay them out: one step per article and
source (date, outlet, who says it, the figure) with its sentences quoted, the claims marked.

Part of the memo (``memo``); kept apart because cutting sentences into marked runs is its own job.
The text is made printable here (one line, no control characters), and renderers escape it for their
syntax.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any

from ...records import Range

__all__ = ["ArticleRef", "Entry", "Piece", "Quote", "article_ref", "fact_entries", "parse_day", "printable"]

MAX_QUOTE_WORDS = 60  # longer sentences are cut around the claims: the memo quotes, it does not reprint

# Bidirectional overrides can make quoted text display other than it reads; never wanted in a report.
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def printable(text: Any) -> str:
    """Input text as one line: whitespace (line breaks included) collapsed, control characters and
    bidirectional overrides dropped. Renderers escape what this returns for their own syntax."""
    value = "" if text is None else str(text).translate(_BIDI)
    value = "".join(ch for ch in value if ch.isspace() or unicodedata.category(ch) != "Cc")
    return " ".join(value.split())


@dataclass(frozen=True)
class Piece:
    """A run of quoted text: ``mark`` is "conflict" for a claim in conflict, "claim" for another claim, "" else."""

    text: str
    mark: str = ""

    def parts(self) -> tuple[str, str, str]:
        """(space before, the run as one printable line, space after): a marker goes around the middle only,
        since ``** x**`` is not bold and a space inside ``<strong>`` is lost at a line's edge."""
        core = printable(self.text)
        if not core:
            return (" " if self.text else "", "", "")
        return (" " if self.text[0].isspace() else "", core, " " if self.text[-1].isspace() else "")


@dataclass(frozen=True)
class ArticleRef:
    outlet: str
    date: str  # "Jul 24, 2012" or "undated"
    short_date: str  # "Jul 24" when every article is from one year
    headline: str | None
    path: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    pieces: tuple[Piece, ...]
    location: str  # "path:line:col" of its first claim


@dataclass(frozen=True)
class Entry:
    """One step of a fact's timeline: what one article says, from one source, in one or more sentences."""

    article: ArticleRef
    who: str  # the source the sentences name ("security service"), or ""
    figure: str  # the claims' values when the quote alone does not show them ("30 / 25", "Mon Jul 23")
    quotes: tuple[Quote, ...]
    conflict: bool


def fact_entries(
    findings: list[dict[str, Any]],
    refs: dict[str, ArticleRef],
    order: dict[str, tuple[str, int]],
    claims: dict[str, dict[str, Any]],
    *,
    with_details: bool,
) -> tuple[Entry, ...]:
    """Every report of the fact in publication order, one entry per article and source (a source that gives
    two figures in one article is one step: "officials · 30 / 25"); a claim is in conflict if any verdict says so."""
    evidence: dict[str, dict[str, Any]] = {}
    in_conflict: set[str] = set()
    for finding in findings:
        for item in finding["evidence"]:
            evidence.setdefault(item["claim"], item)
            if item.get("conflict"):
                in_conflict.add(item["claim"])

    def position(item: dict[str, Any]) -> tuple[str, int, bool, int]:
        in_body = claims.get(item["claim"], {}).get("field") != "title"  # the headline comes first
        return (*order[item["article"]], in_body, item["start"])

    steps: list[tuple[tuple[str, str], dict[str, list[dict[str, Any]]]]] = []
    for item in sorted(evidence.values(), key=position):
        step = (item["article"], (item.get("source") or "").casefold())
        if not steps or steps[-1][0] != step:
            steps.append((step, {}))
        steps[-1][1].setdefault(item["text"], []).append(item)
    entries = []
    for (article, _), sentences in steps:
        items = [i for group in sentences.values() for i in group]
        sources = list(dict.fromkeys(i["source"] for i in items if i.get("source")))
        figures = list(dict.fromkeys(f for i in items if (f := _figure(claims.get(i["claim"]), with_details))))
        quotes = []
        for text, group in sentences.items():
            marked = [
                (claims.get(i["claim"], {}).get("text", ""), "conflict" if i["claim"] in in_conflict else "claim")
                for i in group
            ]
            where = f"{group[0]['path']}:{group[0]['line']}:{group[0]['column']}"
            quotes.append(Quote(_quote(text, marked), where))
        entries.append(
            Entry(
                article=refs[article],
                who=sources[0] if sources else "",
                figure=" / ".join(figures),
                quotes=tuple(quotes),
                conflict=any(i["claim"] in in_conflict for i in items),
            )
        )
    return tuple(entries)


def _quote(sentence: str, marked: list[tuple[str, str]]) -> tuple[Piece, ...]:
    """The sentence cut into plain and marked runs; each claim is found at or after the previous one."""
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    for text, mark in marked:
        at = sentence.find(text, cursor) if text else -1
        if at < 0 and text:
            at = sentence.find(text)
        if at < 0:
            continue
        spans.append((at, at + len(text), mark))
        cursor = at + len(text)
    spans.sort()
    pieces: list[Piece] = []
    end = 0
    for start, stop, mark in spans:
        if start < end:  # overlapping claims: the first one shown wins
            continue
        if start > end:
            pieces.append(Piece(sentence[end:start]))
        pieces.append(Piece(sentence[start:stop], mark))
        end = stop
    if end < len(sentence):
        pieces.append(Piece(sentence[end:]))
    return _trimmed(tuple(Piece(" ".join(p.text.split()) if p.mark else _spaced(p.text), p.mark) for p in pieces))


def _spaced(text: str) -> str:
    """Collapse whitespace inside a run but keep one space at its edges, where it meets a claim."""
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def _trimmed(pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Cut a long sentence's plain ends (never a claim) down to a few words beside the claims."""
    total = sum(len(p.text.split()) for p in pieces)
    if total <= MAX_QUOTE_WORDS or len(pieces) < 2:
        return pieces
    keep = max(8, (MAX_QUOTE_WORDS - sum(len(p.text.split()) for p in pieces if p.mark)) // 2)
    out = list(pieces)
    if not out[0].mark and len(out[0].text.split()) > keep:
        out[0] = Piece("… " + " ".join(out[0].text.split()[-keep:]) + " ")
    if not out[-1].mark and len(out[-1].text.split()) > keep:
        out[-1] = Piece(" " + " ".join(out[-1].text.split()[:keep]) + " …")
    return tuple(out)


def _figure(claim: dict[str, Any] | None, with_details: bool) -> str:
    """A claim's value in a form to compare down a timeline, where its words alone do not give it (a name's
    title and age only when they are what is disputed: a spelling shows in the quote)."""
    if claim is None:
        return ""
    kind = claim.get("kind")
    if kind == "count":
        value = claim["value"]
        return Range(value["min"], None if claim.get("implicit") else value["max"]).describe()
    if kind == "date":
        span = claim.get("range") or {}
        start, end = parse_day(span.get("start")), parse_day(span.get("end"))
        if start is None:
            return ""
        if end is None or end == start:
            return f"{start:%a %b} {start.day}"
        return f"{start:%b} {start.day} to {end:%b} {end.day}"
    if kind == "name" and with_details:
        details = [claim.get("title"), str(claim["age"]) if claim.get("age") is not None else None]
        return ", ".join(d for d in details if d)
    return ""


def article_ref(article: dict[str, Any], *, with_year: bool) -> ArticleRef:
    day = parse_day(article.get("published"))
    full = f"{day:%b} {day.day}, {day.year}" if day else "undated"
    short = (full if with_year else f"{day:%b} {day.day}") if day else "undated"
    return ArticleRef(
        outlet=article.get("source") or "No outlet given",
        date=full,
        short_date=short,
        headline=" ".join((article.get("title") or "").split()) or None,
        path=article["path"],
        notes=tuple(article.get("notes", ())),
    )


def parse_day(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
