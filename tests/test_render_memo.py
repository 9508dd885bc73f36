"""The Markdown memo to the desk: every finding in it, in words an editor reads, and nothing from the input
able to change its structure.

Reports come from the committed reports/report.json (tests/test_seeds.py keeps it current), altered
where a case needs it and validated against the report schema, so each case is a report the checker
could write. Markdown is parsed with markdown-it (CommonMark, plus GitHub's tables and strikethrough).
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from checker.report.render import RENDERERS
from checker.report.render.markdown import code, escape, render_markdown
from checker.report.render.memo import build_memo
from checker.report.schema import validate_report

ROOT = Path(__file__).resolve().parent.parent
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
HOSTILE = (
    "Evil | *bold* _it_ <script>alert(1)</script> `tick` [link](javascript:alert(1)) ![img](x.png) $x^2$ "
    "~~gone~~ &amp; \\ # not a heading\n\n- not a list\n> not a quote\n---\n1. not ordered  \n<img src=x onerror=alert(1)>"
)


@pytest.fixture(scope="module")
def report() -> dict:
    return json.loads((ROOT / "reports" / "report.json").read_text(encoding="utf-8"))


def plain_text(markdown: str, *, code_spans: bool = True) -> str:
    """What a reader sees: the text of every inline token (code spans optionally left out)."""
    out = []
    for token in MD.parse(markdown):
        for child in token.children or ():
            if child.type in ("text", "html_inline") or (code_spans and child.type == "code_inline"):
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append(" ")
    return " ".join(out)


def blocks(markdown: str) -> list[str]:
    return [t.type for t in MD.parse(markdown) if t.type != "inline"]


def inline_markup(markdown: str) -> Counter[str]:
    """How many of each inline construct (emphasis, links, code, html...) the document holds; text aside."""
    return Counter(
        c.type for t in MD.parse(markdown) for c in (t.children or ()) if c.type not in ("text", "softbreak")
    )


def test_memo_of_the_seeds_is_short_and_carries_every_finding(report, rules):
    memo = render_markdown(report, rules)
    committed = (ROOT / "reports" / "report.md").read_text(encoding="utf-8")
    assert memo == committed
    # a third of the 360 lines the table-per-finding report took for the same articles (plus the note on the
    # reader comments left out of 002_local_report: dropped copy is never silent)
    assert len(memo.splitlines()) <= 125
    assert max(len(line) for line in memo.splitlines()) < 1200
    seen = plain_text(memo)
    summary = build_memo(report, rules)
    verdicts = {v.fingerprint: v for s in summary.stories for f in s.facts for v in f.verdicts}
    assert set(verdicts) == {f["id"] for f in report["findings"]}
    for finding in report["findings"]:
        assert finding["id"] in seen  # the trailer
        assert " ".join(verdicts[finding["id"]].text.split()) in " ".join(seen.split())
        assert finding["rule"] in seen


def test_articles_are_named_by_outlet_and_headline_never_by_id(report, rules):
    memo = render_markdown(report, rules)
    prose = plain_text(memo, code_spans=False)  # paths sit in code spans
    named = prose.split("Notes", 1)[0]  # a note ends with its file's path, where a .txt article's stem is its id
    for article in report["articles"]:
        assert article["id"] not in named
        assert article["source"] in prose
        if article["title"]:
            assert f"“{article['title']}”" in prose
    assert "no headline given" in prose  # the local report has none


def test_facts_group_findings_and_lay_out_the_timeline(report, rules):
    memo = render_markdown(report, rules)
    fighters = memo.split("### Fighters killed\n", 1)[1].split("\n### ", 1)[0]
    # four verdicts on one toll, one quote block, one trailer line
    assert [line[:14] for line in fighters.splitlines() if line.startswith("- **")] == [
        "- **Error:** O",
        "- **Warning:**",
        "- **Warning:**",
        "- **Note:** Th",
    ]
    timeline = [line for line in fighters.splitlines() if line.startswith("> - ")]
    assert [line.split(":")[0] for line in timeline] == [
        "> - Jul 24 · The Associated Press · Tajikistan's security service · 30",
        "> - Jul 24 · Pamir Daily Bulletin · Officials · 30 / 25",
        "> - Jul 25 · Global Wire Service · security service · 40",
        "> - Jul 27 · Global Wire Service · security service · 25",
    ]
    assert "officials said **25 opposition fighters** were killed." in timeline[1]
    assert sum(line.startswith("<sub>") for line in fighters.splitlines()) == 1
    # the message's own timeline ("; reports: ... -> ...") is not repeated beside the laid-out one
    assert "->" not in memo and "reports:" not in memo
    # a sentence shared by three claims is quoted once, its claims in bold
    assert memo.count("“**Forty people** were killed in the fighting, including **12 soldiers** and") == 1


def one_finding(report: dict, rule: str) -> dict:
    """The report cut down to one finding of ``rule`` (still a report the schema accepts)."""
    out = copy.deepcopy(report)
    out["findings"] = [f for f in out["findings"] if f["rule"] == rule][:1]
    severity = out["findings"][0]["severity"]
    summary = out["summary"]
    summary["findings"] = 1
    summary["by_severity"] = {s: int(s == severity) for s in summary["by_severity"]}
    summary["by_rule"] = {rule: 1}
    summary["articles"] = 1
    summary["status"] = "fail" if severity == "error" else "pass"
    validate_report(out)
    return out


PLURAL_AFTER_ONE = re.compile(r"\b1 (errors|warnings|notes|articles|stories|facts|findings|files|more are|need)\b")


def test_counts_of_one_are_singular(report, rules):
    memo = render_markdown(one_finding(report, "DAT001"), rules)
    assert "**Fails: 1 fact needs a fix before publishing.**" in memo
    assert "Checked 1 article in 2 stories; 1 fact to check: 1 wrong weekday. 1 finding: 1 error." in memo
    assert not PLURAL_AFTER_ONE.search(memo)
    warning = render_markdown(one_finding(report, "QTY001"), rules)
    assert "**Passes: nothing needs a fix before publishing; 1 fact is worth a look.**" in warning
    assert not PLURAL_AFTER_ONE.search(warning)
    assert not PLURAL_AFTER_ONE.search(render_markdown(report, rules))


def test_a_clean_batch_and_unreadable_files_are_said_in_words(report, rules):
    clean = copy.deepcopy(report)
    clean["findings"] = []
    clean["summary"].update(findings=0, by_rule={}, status="pass", by_severity={"error": 0, "warning": 0, "note": 0})
    validate_report(clean)
    memo = render_markdown(clean, rules)
    assert memo.startswith("# Fact-consistency report\n\n**Passes: no disagreements found.** Checked 6 articles")
    assert "Nothing to check in “Fighting erupts" in memo
    broken = copy.deepcopy(report)
    broken["errors"] = [{"path": "drafts/bad `file`.md", "code": "bad-front-matter", "message": "line 3: *oops*"}]
    broken["summary"].update(errors=1, status="error")
    validate_report(broken)
    memo = render_markdown(broken, rules)
    assert "**Input errors: 1 file could not be read (listed at the end). 7 of 11 facts need a fix" in memo
    assert "drafts/bad `file`.md: line 3: *oops*" in plain_text(memo)


def hostile(report: dict, text: str) -> dict:
    """Input text everywhere an article's words reach the memo: headline, outlet, path, sentence, source,
    claim, and the message that quotes them."""
    out = copy.deepcopy(report)
    for article in out["articles"]:
        article["title"] = f"{text} {article['title'] or ''}"
        article["source"] = f"{text} {article['source']}"
        article["path"] = f"{text}/{article['path']}"
        article["notes"] = [text]
    for finding in out["findings"]:
        finding["message"] = f"{text} {finding['message']}"
        finding["topic"] = f"{text} {finding['topic']}"
        for evidence in finding["evidence"]:
            evidence["text"] = f"{text} {evidence['text']} {text}"
            evidence["source"] = text
    for story in out["stories"]:
        story["title"] = f"{text} {story['title']}"
    validate_report(out)
    return out


@pytest.mark.parametrize("text", [HOSTILE, "x", "a\r\nb\u2028c\u202eevil\x00\x1b[31m"])
def test_input_cannot_change_the_memos_structure(report, rules, text):
    plain = render_markdown(hostile(report, "Headline"), rules)
    attacked = render_markdown(hostile(report, text), rules)
    assert blocks(attacked) == blocks(plain)  # same headings, lists, quotes, paragraphs, in the same order
    assert inline_markup(attacked) == inline_markup(plain)  # no emphasis, link, image, code or html of its own
    rendered = MD.render(attacked)
    assert (
        "<script" not in rendered
        and "<img" not in rendered
        and "javascript:" not in rendered.replace("[link](javascript:alert(1))", "")
    )
    if text == HOSTILE:
        one_line = " ".join(HOSTILE.split())
        assert one_line in plain_text(attacked, code_spans=False)  # escaped, not dropped: read as written
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    else:
        assert "\u202e" not in attacked and "\x1b" not in attacked and "\x00" not in attacked


def test_escape_and_code_spans():
    assert escape("a|b *c* <d> `e` [f] _g_ $h$ ~i~ #j !k &l \\m") == (
        "a\\|b \\*c\\* \\<d\\> \\`e\\` \\[f\\] \\_g\\_ \\$h\\$ \\~i\\~ \\#j \\!k \\&l \\\\m"
    )
    assert escape("two\nlines\ttabbed") == "two lines tabbed"
    assert code("seeds/a.md") == "`seeds/a.md`"
    assert code("has `one` tick") == "``has `one` tick``"
    assert code("`edge``") == "``` `edge`` ```"
    for value in ("seeds/a.md", "has `one` tick", "`edge``"):
        (token,) = [c for t in MD.parse(code(value)) for c in (t.children or ())]
        assert token.type == "code_inline" and token.content == value


def test_the_registry_renders_markdown_and_html(report, rules):
    assert RENDERERS["markdown"](report, rules) == render_markdown(report, rules)
    assert RENDERERS["html"](report, rules).startswith("<!DOCTYPE html>")


def test_missing_metadata_notes_and_suppressed_findings_are_reported(report, rules):
    changed = copy.deepcopy(report)
    local = next(a for a in changed["articles"] if a["id"] == "002_local_report")
    local.update(published=None, source=None, notes=["no publication date: relative dates left unresolved"])
    changed["notes"] = [
        {"kind": "unused-directive", "message": "directive suppresses nothing", "path": "a.md", "line": 3}
    ]
    changed["suppressed"] = [{"finding": "0123456789abcdef", "rule": "NAM002", "by": "directive"}]
    changed["summary"]["suppressed"] = 1
    validate_report(changed)
    memo = render_markdown(changed, rules)
    assert "- No outlet given, undated: no headline given (`seeds/002_local_report.txt`; no publication date:" in memo
    assert "> - undated · No outlet given · Officials · 30 / 25:" in memo  # an undated report comes last
    assert "21 findings: 7 errors, 8 warnings and 6 notes; 1 more suppressed." in memo
    assert memo.endswith("## Notes\n\n- directive suppresses nothing (a.md:3)\n")
    page = RENDERERS["html"](changed, rules)
    assert "No outlet given, undated: no headline given" in page and "directive suppresses nothing (a.md:3)" in page
