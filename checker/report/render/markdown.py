"""The Markdown report: a memo to the desk (``reports/report.md``, the GitHub job summary).

It opens with the verdict in words, then goes story by story (headline, the articles by outlet, date
and headline) and fact by fact: what is disputed, each verdict with what to check, and the fact's
reports in publication order, each a quoted sentence with the claims in conflict in bold. Rule ids,
scores and fingerprints sit in one small trailer line per fact, for whoever runs the gate.

Everything that comes from the input (headlines, outlets, sentences, names, paths, and messages that
quote them) is escaped, so a headline holding ``|``, ``*``, ``<script>``, backticks or line breaks
stays text and cannot change the document's structure. The words themselves come from ``memo``, shared
with the HTML report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ...records import Rule
from .memo import SEVERITY_WORD, ArticleRef, Entry, FactItem, Piece, build_memo, printable

__all__ = ["code", "escape", "render_markdown"]

# ASCII punctuation that can start inline or block syntax in CommonMark and GitHub's extensions:
# emphasis, code, links and images, raw HTML and autolinks, entities, tables, strikethrough, math,
# headings' closing sequence. Any ASCII punctuation may be backslash-escaped, so escaping is safe.
_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~$#!])")


def escape(text: Any) -> str:
    """Text from the input as literal Markdown inline content, on one line."""
    return _SPECIAL.sub(r"\\\1", printable(text))


def code(text: Any) -> str:
    """A code span that holds any text: the fence is one backtick longer than the longest run inside."""
    value = printable(text)
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or not value.strip() else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def render_markdown(report: dict[str, Any], rules: Sequence[Rule] = (), *, color: bool = False) -> str:
    memo = build_memo(report, rules)
    out = ["# Fact-consistency report", "", f"**{escape(memo.verdict)}** {escape(memo.summary)} {escape(memo.tally)}"]
    if memo.stories:
        out[-1] += " Claims in conflict are in **bold**, the fact's other claims in *italics*."
    out.append("")
    for story in memo.stories:
        out += [f"## {escape(story.headline)}", ""]
        out += [f"- {_article(a)}" for a in story.articles]
        out.append("")
        for fact in story.facts:
            out += _fact(fact)
    if memo.quiet:
        listed = "; ".join(_quiet(s.headline, s.articles) for s in memo.quiet)
        out += [f"Nothing to check in {listed}.", ""]
    if memo.input_errors:
        out += ["## Files not read", ""] + [f"- {escape(e)}" for e in memo.input_errors] + [""]
    if memo.notes:
        out += ["## Notes", ""] + [f"- {escape(n)}" for n in memo.notes] + [""]
    return "\n".join(out).rstrip() + "\n"


def _article(ref: ArticleRef) -> str:
    headline = f"“{escape(ref.headline)}”" if ref.headline else "no headline given"
    notes = "".join(f"; {escape(n)}" for n in ref.notes)
    return f"{escape(ref.outlet)}, {escape(ref.date)}: {headline} ({code(ref.path)}{notes})"


def _quiet(headline: str, articles: Sequence[ArticleRef]) -> str:
    outlets = ", ".join(f"{escape(a.outlet)}, {escape(a.date)}" for a in articles)
    return f"“{escape(headline)}” ({outlets})"


def _fact(fact: FactItem) -> list[str]:
    lines = [f"### {escape(fact.topic)}"]
    for verdict in fact.verdicts:
        check = f" *Check* {escape(verdict.check)}" if verdict.check else ""
        lines.append(f"- **{SEVERITY_WORD[verdict.severity]}:** {escape(verdict.text)}{check}")
    lines.append("")
    lines += [f"> - {_entry(e)}" for e in fact.entries]
    lines.append("")
    trailer = " · ".join(f"[{v.rule}]({v.docs}) {v.score:.2f} {code(v.fingerprint)}" for v in fact.verdicts)
    lines += [f"<sub>{trailer}</sub>", ""]
    return lines


def _entry(entry: Entry) -> str:
    said = [entry.article.short_date, entry.article.outlet] + [x for x in (entry.who, entry.figure) if x]
    quotes = " ".join("“" + "".join(_piece(p) for p in q.pieces).strip() + "”" for q in entry.quotes)
    return " · ".join(escape(x) for x in said) + ": " + quotes


def _piece(piece: Piece) -> str:
    """A run of a quote: a claim in conflict in bold, another claim in italics."""
    lead, core, trail = piece.parts()
    inner = escape(core)
    if not inner:
        return lead
    if piece.mark == "conflict":
        inner = f"**{inner}**"
    elif piece.mark:
        inner = f"*{inner}*"
    return lead + inner + trail
