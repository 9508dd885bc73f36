"""The HTML report: one self-contained page, checked as text and in a real headless Chromium.

In the browser (Debian's chromium driven by Playwright, see tests/browser.py): the page renders with
its style and script allowed by its own Content-Security-Policy (a blocked block logs an error), the
severity and story filters hide and show findings, and a ``<script>`` or an ``onerror`` handler in an
article's headline, outlet, sentences or a message stays text: no dialog, no new element, no code run.
Without a browser the browser tests skip locally and fail on CI (``CI`` set), where .ci/run installs one.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from browser import browser_context, missing

from checker.report.render.html import render_html
from checker.report.render.html_assets import SCRIPT, STYLE
from checker.report.render.memo import build_memo
from checker.report.schema import validate_report
from checker.rules.docs import rule_docs_url

ROOT = Path(__file__).resolve().parent.parent
ATTACK = '<script>window.__pwned = 1; alert(1)</script><img src=x onerror="window.__pwned = 2; alert(2)">'


@pytest.fixture(scope="module")
def report() -> dict:
    return json.loads((ROOT / "reports" / "report.json").read_text(encoding="utf-8"))


def sha256(block: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii")


def test_the_page_is_self_contained_and_current(report, rules):
    page = render_html(report, rules)
    assert page == (ROOT / "reports" / "report.html").read_text(encoding="utf-8"), (
        "reports/report.html is stale: .venv/bin/checker check seeds/ --out reports/ --format html=reports/report.html"
    )
    assert page.count("<script>") == 1 and page.count("<style>") == 1
    assert f"<script>{SCRIPT}</script>" in page and f"<style>{STYLE}</style>" in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy and f"script-src '{sha256(SCRIPT)}'" in policy.group(1)
    assert f"style-src '{sha256(STYLE)}'" in policy.group(1) and "default-src 'none'" in policy.group(1)
    assert not re.search(r"\bsrc=", page) and "@import" not in page and "url(" not in page  # nothing fetched
    links = set(re.findall(r'href="([^"]+)"', page))
    assert links == {"data:,"} | {rule_docs_url(f["rule"]) for f in report["findings"]}
    for finding in report["findings"]:
        assert finding["id"] in page


def split_stories(report: dict) -> dict:
    """The seeds' report with its name-spelling findings moved to the second story, so both have findings."""
    out = copy.deepcopy(report)
    for finding in out["findings"]:
        if finding["rule"] == "NAM002":
            finding["story"] = "S2"
    validate_report(out)
    return out


def hostile(report: dict) -> dict:
    out = copy.deepcopy(report)
    for article in out["articles"]:
        article["title"] = f"{ATTACK} {article['title'] or ''}"
        article["source"] = f"{ATTACK} {article['source']}"
        article["path"] = f"{ATTACK}/{article['path']}"
    for finding in out["findings"]:
        finding["message"] = f"{ATTACK} {finding['message']}"
        for evidence in finding["evidence"]:
            evidence["text"] = f"{evidence['text']} {ATTACK}"
            evidence["source"] = ATTACK
    for story in out["stories"]:
        story["title"] = f"{ATTACK} {story['title']}"
        story["id"] = f'{story["id"]}" onmouseover="alert(3)'
    for article in out["articles"]:
        article["story"] = f'{article["story"]}" onmouseover="alert(3)'
    for finding in out["findings"]:
        finding["story"] = f'{finding["story"]}" onmouseover="alert(3)'
    validate_report(out)
    return out


@pytest.fixture(scope="module")
def browser():
    reason = missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"the HTML report must be tested in a browser on CI: {reason}")
        pytest.skip(reason)
    with browser_context() as context:
        yield context


@pytest.fixture
def open_page(browser, tmp_path):
    """Load a page from a file, as an editor opens the report; collect dialogs and console errors."""
    opened = []

    def load(html: str):
        path = tmp_path / f"report{len(opened)}.html"
        path.write_text(html, encoding="utf-8")
        page = browser.new_page()
        page.dialogs, page.errors = [], []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        opened.append(page)
        return page

    yield load
    for page in opened:
        page.close()


def visible(page, selector: str) -> int:
    return page.locator(f"{selector}:visible").count()


def test_the_report_renders_in_chromium(report, rules, open_page):
    page = open_page(render_html(report, rules))
    assert page.title().startswith("Fact-consistency report: Fails: 7 of 11 facts need a fix")
    assert page.errors == []  # a style or script blocked by the page's own policy would be logged here
    assert visible(page, ".finding") == len(report["findings"]) == 21
    assert visible(page, ".fact") == 11 and visible(page, "figure.quote") > 11
    assert page.locator("#shown").inner_text() == "21"
    # the stylesheet applies: an error badge is red, quotes sit side by side
    assert page.locator(".finding.sev-error .badge").first.evaluate("e => getComputedStyle(e).backgroundColor") == (
        "rgb(180, 35, 24)"
    )
    first, second = (page.locator(".fact").first.locator("figure.quote").nth(i).bounding_box() for i in (0, 1))
    assert first and second and second["x"] > first["x"] + first["width"] and second["y"] == first["y"]
    link = page.locator(".trailer a").first
    assert link.inner_text() == "CNT001" and link.get_attribute("href") == rule_docs_url("CNT001")


def test_filters_hide_and_show_findings(report, rules, open_page):
    report = split_stories(report)
    memo = build_memo(report, rules)
    page = open_page(render_html(report, rules))
    by_severity = {s: sum(f["severity"] == s for f in report["findings"]) for s in ("error", "warning", "note")}
    in_s2 = sum(f["story"] == "S2" for f in report["findings"])
    assert visible(page, ".story") == 2 and in_s2 == 3

    page.get_by_role("checkbox", name=re.compile("Warnings")).uncheck()
    assert visible(page, ".finding") == by_severity["error"] + by_severity["note"]
    assert visible(page, ".finding[data-severity='warning']") == 0
    assert page.locator("#shown").inner_text() == str(by_severity["error"] + by_severity["note"])
    only_warnings = [f.topic for s in memo.stories for f in s.facts if {v.severity for v in f.verdicts} == {"warning"}]
    assert only_warnings  # "A date stated twice", "A figure stated twice": their facts go with their findings
    for topic in only_warnings:
        assert not page.locator(".fact", has_text=topic).is_visible()
    assert page.locator(".fact", has_text="Fighters killed").is_visible()  # an error is still shown there

    page.get_by_role("checkbox", name=re.compile("Notes")).uncheck()
    assert visible(page, ".story") == 1  # the second story holds notes only
    page.get_by_role("checkbox", name=re.compile("Warnings")).check()
    page.get_by_role("checkbox", name=re.compile("Notes")).check()
    assert visible(page, ".finding") == len(report["findings"])

    stories = page.locator("input[name='story']")
    stories.nth(0).uncheck()
    assert visible(page, ".finding") == in_s2 and visible(page, ".story") == 1
    assert page.locator("#shown").inner_text() == str(in_s2)
    stories.nth(1).uncheck()
    assert visible(page, ".finding") == 0 and visible(page, ".story") == 0
    stories.nth(0).check()
    stories.nth(1).check()
    assert visible(page, ".finding") == len(report["findings"]) and page.errors == []


def test_a_script_in_an_article_stays_text(report, rules, open_page):
    page = open_page(render_html(hostile(report), rules))
    page.mouse.move(300, 300)
    page.locator(".story").first.hover()
    assert page.dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.scripts.length") == 1  # the page's own
    assert page.evaluate("document.images.length") == 0
    assert page.evaluate("document.querySelectorAll('[onerror], [onmouseover]').length") == 0
    text = page.locator("body").inner_text()
    assert text.count(ATTACK) >= len(report["findings"])  # shown as written, in headlines, quotes and messages
    # the filters still work with hostile story ids: they are data, compared as strings
    page.locator("input[name='story']").first.uncheck()
    assert visible(page, ".finding") == 0
    assert page.errors == []
