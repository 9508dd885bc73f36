"""The HTML report: the memo to the desk as one self-contained page, with filters.

Same words as the Markdown memo (both come from ``memo``): the verdict, then story by story and fact
by fact, each fact with its verdicts and what to check, a narrow timeline (date, outlet, who says it,
figure) and the quoted sentences side by side, the claims in conflict marked. Severity and story
filters are plain JavaScript; each rule links to its section of docs/rules.md.

One file, nothing fetched: the stylesheet and script are inline, and a Content-Security-Policy allows
those two blocks only, by hash, and no other script, style, image, frame or form target. Everything
from the input is HTML-escaped (headlines, outlets, sentences, messages, paths), so a ``<script>`` in an
article stays text; the policy is a second wall should an escape ever be missed.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Sequence
from typing import Any

from ...records import Rule
from .html_assets import SCRIPT, STYLE
from .memo import SEVERITY_WORD, ArticleRef, Entry, FactItem, Memo, Piece, Quote, StoryItem, build_memo, printable

__all__ = ["render_html"]

_PLURAL = {"error": "Errors", "warning": "Warnings", "note": "Notes"}


def h(text: Any) -> str:
    """Input text as HTML text or attribute value: one line, every markup character escaped."""
    return html.escape(printable(text), quote=True)


def _digest(block: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(report: dict[str, Any], rules: Sequence[Rule] = (), *, color: bool = False) -> str:
    memo = build_memo(report, rules)
    policy = (
        f"default-src 'none'; style-src {_digest(STYLE)}; script-src {_digest(SCRIPT)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>Fact-consistency report: {h(memo.verdict)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
    ]
    body = _header(memo) + ["<main>"]
    for story in memo.stories:
        body += _story(story)
    if memo.quiet:
        listed = "; ".join(_quiet(s) for s in memo.quiet)
        body.append(f'<p class="quiet">Nothing to check in {listed}.</p>')
    if memo.input_errors:
        body += ['<section class="extra"><h2>Files not read</h2><ul>']
        body += [f"<li>{h(e)}</li>" for e in memo.input_errors] + ["</ul></section>"]
    if memo.notes:
        body += ['<section class="extra"><h2>Notes</h2><ul>'] + [f"<li>{h(n)}</li>" for n in memo.notes]
        body += ["</ul></section>"]
    body += ["</main>", f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(head + body) + "\n"


def _header(memo: Memo) -> list[str]:
    lines = [
        "<header>",
        "<h1>Fact-consistency report</h1>",
        f'<p class="verdict status-{h(memo.status)}"><strong class="lead">{h(memo.verdict)}</strong> '
        f"{h(memo.summary)}</p>",
        f'<p class="tally">{h(memo.tally)}</p>',
    ]
    if memo.stories:
        lines.append(
            '<p class="tally">Claims in conflict are <strong class="mark">marked</strong>; '
            "the fact's other claims are in <em>italics</em>.</p>"
        )
    total = sum(len(f.verdicts) for s in memo.stories for f in s.facts)
    if total:
        lines += ['<form id="filters" class="filters" aria-label="Filter the findings">', "<fieldset>"]
        lines.append("<legend>Severity</legend>")
        for severity in ("error", "warning", "note"):
            n = memo.by_severity.get(severity, 0)
            lines.append(
                f'<label><input type="checkbox" name="severity" value="{severity}" checked> '
                f'<span class="badge sev-{severity}">{_PLURAL[severity]}</span> {n}</label>'
            )
        lines += ["</fieldset>", "<fieldset>", "<legend>Story</legend>"]
        for story in memo.stories:
            n = sum(len(f.verdicts) for f in story.facts)
            lines.append(
                f'<label><input type="checkbox" name="story" value="{h(story.id)}" checked> {h(story.headline)} '
                f"({n})</label>"
            )
        lines += [
            "</fieldset>",
            f'<p class="shown" aria-live="polite">Showing <span id="shown">{total}</span> of {total} findings</p>',
            "</form>",
        ]
    return lines + ["</header>"]


def _story(story: StoryItem) -> list[str]:
    lines = [f'<section class="story" data-story="{h(story.id)}">', f"<h2>{h(story.headline)}</h2>"]
    lines += ['<ul class="articles">'] + [f"<li>{_article(a)}</li>" for a in story.articles] + ["</ul>"]
    for fact in story.facts:
        lines += _fact(story, fact)
    return lines + ["</section>"]


def _article(ref: ArticleRef) -> str:
    headline = f"“{h(ref.headline)}”" if ref.headline else "no headline given"
    notes = "".join(f"; {h(n)}" for n in ref.notes)
    return f"{h(ref.outlet)}, {h(ref.date)}: {headline} <code>{h(ref.path)}</code>{notes}"


def _quiet(story: StoryItem) -> str:
    outlets = ", ".join(f"{h(a.outlet)}, {h(a.date)}" for a in story.articles)
    return f"“{h(story.headline)}” ({outlets})"


def _fact(story: StoryItem, fact: FactItem) -> list[str]:
    lines = [f'<article class="fact sev-{fact.severity}" data-story="{h(story.id)}">', f"<h3>{h(fact.topic)}</h3>"]
    lines.append('<ul class="verdicts">')
    for v in fact.verdicts:
        check = f'<p class="check"><em>Check</em> {h(v.check)}</p>' if v.check else ""
        trailer = (
            f'<p class="trailer"><a href="{h(v.docs)}" title="{h(v.name)}">{h(v.rule)}</a> · score {v.score:.2f}'
            f" · <code>{h(v.fingerprint)}</code></p>"
        )
        lines.append(
            f'<li class="finding sev-{v.severity}" data-severity="{v.severity}" data-story="{h(story.id)}">'
            f'<span class="badge">{SEVERITY_WORD[v.severity]}</span><div><p>{h(v.text)}</p>{check}{trailer}</div></li>'
        )
    lines.append("</ul>")
    lines += _timeline(fact.entries)
    lines.append('<div class="quotes">')
    for entry in fact.entries:
        lines += [_quote(entry, quote) for quote in entry.quotes]
    lines += ["</div>", "</article>"]
    return lines


def _timeline(entries: Sequence[Entry]) -> list[str]:
    """Date, outlet, who says it, figure: the columns that have something in them."""
    columns = [("Date", lambda e: e.article.short_date), ("Outlet", lambda e: e.article.outlet)]
    if any(e.who for e in entries):
        columns.append(("Who says it", lambda e: e.who))
    if any(e.figure for e in entries):
        columns.append(("Figure", lambda e: e.figure))
    lines = ['<table class="timeline">', "<thead><tr>" + "".join(f"<th>{name}</th>" for name, _ in columns)]
    lines.append("</tr></thead><tbody>")
    for entry in entries:
        cells = "".join(f"<td>{h(cell(entry))}</td>" for _, cell in columns)
        lines.append(f'<tr class="{"conflict" if entry.conflict else "context"}">{cells}</tr>')
    return lines + ["</tbody></table>"]


def _quote(entry: Entry, quote: Quote) -> str:
    conflict = any(p.mark == "conflict" for p in quote.pieces)
    ref = entry.article
    headline = f" · “{h(ref.headline)}”" if ref.headline else ""
    who = f" · {h(entry.who)}" if entry.who else ""
    return (
        f'<figure class="quote{" conflict" if conflict else ""}">'
        f"<blockquote>{''.join(_piece(p) for p in quote.pieces).strip()}</blockquote>"
        f"<figcaption>{h(ref.outlet)}, {h(ref.short_date)}{headline}{who}"
        f'<span class="where">{h(quote.location)}</span></figcaption></figure>'
    )


def _piece(piece: Piece) -> str:
    lead, core, trail = piece.parts()
    inner = h(core)
    if not inner:
        return lead
    if piece.mark == "conflict":
        inner = f"<strong>{inner}</strong>"
    elif piece.mark:
        inner = f'<em class="claim">{inner}</em>'
    return lead + inner + trail
