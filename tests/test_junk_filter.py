"""The junk filter drops page furniture, never story copy, and nothing it drops is silent (issue 12, case 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import run
from checker.ingest.boilerplate import COPYRIGHT, PHOTO, PROMPT, SHARE, TAIL, copy_blocks, dropped_copy

HEADER = "---\ntitle: Attack in the city\npublished: 2012-07-26\nsource: Daily\n---\n"
WRONG = "Police said the attack happened on Tuesday, July 25, 2012, killing two people in the market."  # a Wednesday


def check(tmp_path: Path, body: str) -> tuple[int, dict]:
    article = tmp_path / "a.md"
    article.write_text(HEADER + body, encoding="utf-8")
    out = tmp_path / "out.json"
    code = run(["check", str(article), "--no-cache", "--quiet", "--format", f"json={out}"])
    return code, json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "body",
    [
        f"Photo: {WRONG}\n",
        f"Related: {WRONG}\n",
        f"Share this: {WRONG}\n",
        f"{WRONG} All rights reserved.\n",
        f"{WRONG} Copyright 2012 The Daily. All rights reserved.\n",
        f"• {WRONG}\n",
    ],
)
def test_a_story_paragraph_behind_a_furniture_label_still_fails_the_gate(tmp_path, body):
    code, report = check(tmp_path, "The market was busy that morning, witnesses said.\n\n" + body)
    assert code == 1 and report["summary"]["by_rule"] == {"DAT001": 1}, report["summary"]


def test_a_story_paragraph_after_a_comments_line_is_reported_with_its_span(tmp_path):
    body = "The market was busy that morning, witnesses said.\n\nComments\n\n" + WRONG + "\n"
    code, report = check(tmp_path, body)
    assert code == 0, "reader comments are not the article's claims"
    [note] = [n for n in report["notes"] if n["kind"] == "dropped-copy"]
    text = (tmp_path / "a.md").read_text(encoding="utf-8")[len(HEADER) :]
    assert text[note["start"] : note["end"]] == "Comments\n\n" + WRONG
    assert note["path"].endswith("a.md") and note["line"] == 8 and "after the line 'Comments'" in note["message"]
    assert report["articles"][0]["dropped"][-1]["looks_like_copy"] is True


def test_a_cut_that_drops_most_of_an_article_says_how_much(tmp_path):
    body = "Two people were killed, police said.\n\nRelated Stories:\n\n" + (WRONG + "\n\n") * 200
    code, report = check(tmp_path, body)
    [note] = [n for n in report["notes"] if n["kind"] == "dropped-copy"]
    assert "18,6" in note["message"] or "characters" in note["message"]
    assert note["end"] - note["start"] > 18_000


PAGE = """Gunman kills two at market
By John Smith, Staff Writer
Share this:
Tweet
Email
Photo: AP Photo/John Smith
Related: Man Shot Dead On Main Street In Separate Incident
Two people were killed when a gunman opened fire at the central market on Monday, police said.
Advertisement
Copyright 2015 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
Whenever John Smith posts new content, you'll get an email delivered to your inbox with a link.
By submitting your registration information, you agree to our Terms of Service and Privacy Policy .
Follow us on Twitter: @daily
2:31 Watch the video
• Man hurt in crash
Sign up for our newsletter and have the top headlines delivered right to your inbox.
The market will reopen on Wednesday, officials said. Copyright 2015 The Daily. All rights reserved.
3 Comments
Reader: I heard five people died on Sunday.
"""


def test_real_page_furniture_is_still_dropped_and_every_drop_is_recorded():
    kept = [b.text.strip() for b in copy_blocks(PAGE)]
    assert kept == [
        "Gunman kills two at market",
        "Two people were killed when a gunman opened fire at the central market on Monday, police said.",
        "The market will reopen on Wednesday, officials said.",
    ]
    reasons = {PAGE[d.start : d.end].split("\n")[0][:20]: d.reason for d in dropped_copy(PAGE)}
    assert reasons["Share this:"] == SHARE and reasons["Photo: AP Photo/John"] == PHOTO
    assert reasons["Copyright 2015 The As"[:20]] == COPYRIGHT and reasons["Whenever John Smith "] == PROMPT
    assert reasons["Copyright 2015 The Da"[:20]] == COPYRIGHT, "the notice is cut off the end of a line of copy"
    assert reasons["3 Comments"].startswith(TAIL)
    noted = [PAGE[d.start : d.end][:10] for d in dropped_copy(PAGE) if d.looks_like_copy]
    assert noted == ["3 Comments"], "furniture is recorded, only what reads like copy is called out"


def test_every_character_is_either_copy_or_recorded_as_dropped():
    stamps = "<!-- checker: ignore -->\nPosted: March 2, 2015 12:06 AM EST Police said two died.\n"
    text = stamps + PAGE.replace("3 Comments", "LA PORTE, Ind. (December 26, 2015) — Fire crews left.\n3 Comments")
    covered = [c.isspace() for c in text]
    for block in copy_blocks(text, markdown=True):
        for i in range(block.start, block.end):
            covered[i] = covered[i] or block.text[i - block.start] == text[i]
    reasons = set()
    for span in dropped_copy(text, markdown=True):
        reasons.add(span.reason)
        for i in range(span.start, span.end):
            covered[i] = True
    assert all(covered), "".join(c for c, seen in zip(text, covered) if not seen)
    assert {"HTML comment", "publication stamp or dateline date"} <= reasons
