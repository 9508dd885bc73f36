"""Locations point at the claim in the file: a headline claim at its ``title:`` line (not the front matter
fence), a claim in JSON or JSONL inside its string, escapes before it counted (not column 1 of the record)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from checker.cli import run
from checker.ingest import read_paths
from checker.rules.runner import position

TITLE_AND_BODY = """---
title: 'Mall shooting kills four, police say; gunman''s car found'
published: 2014-02-11
source: KTVB
---
Two people were killed in the shooting at the mall on Monday, police said.
"""

RECORD = {
    "id": "j1",
    "title": "Mall \u2014 \u201cfour\u201d killed",
    "published": "2014-02-11",
    "source": "KTVB",
    "text": 'KTVB \u2014 "Breaking":\r\nPolice said two people were killed in the shooting at the mall on Monday.\n\n'
    "Police said four people were killed in the shooting at the mall.",
}


def _json_escaped(text: str, ascii_only: bool) -> str:
    return json.dumps(text, ensure_ascii=ascii_only)[1:-1]


def test_headline_and_json_claims_point_at_their_real_line_and_column(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("title.md").write_text(TITLE_AND_BODY, encoding="utf-8")
    other = {"id": "x0", "text": "Nothing \u201chere\u201d."}
    Path("feed.jsonl").write_text(json.dumps(other) + "\n" + json.dumps(RECORD) + "\n", encoding="utf-8")
    Path("one.json").write_text(
        json.dumps({"articles": [{**RECORD, "id": "j2"}]}, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    assert run(["check", ".", "--no-cache", "-q", "--select", "CNT001", "--format", "json=r.json"]) == 1
    report = json.loads(Path("r.json").read_text(encoding="utf-8"))
    claims = {c["id"]: c for a in report["articles"] for c in a["claims"]}
    seen = set()
    for finding in report["findings"]:
        for evidence in finding["evidence"]:
            claim = claims[evidence["claim"]]
            line = Path(evidence["path"]).read_text(encoding="utf-8").split("\n")[evidence["line"] - 1]
            at = line[evidence["column"] - 1 :]
            if evidence["path"] == "title.md" and claim["field"] == "title":
                assert evidence["line"] == 2 and at.startswith("four, police say"), (evidence, at)
            elif evidence["path"] == "feed.jsonl":
                assert evidence["line"] == 2 and at.startswith(_json_escaped(claim["text"], True)), (evidence, at)
            elif evidence["path"] == "one.json":
                assert evidence["line"] == 8 and at.startswith(_json_escaped(claim["text"], False)), (evidence, at)
            else:
                assert at.startswith(claim["text"])
            seen.add((evidence["path"], claim["field"]))
    assert {("title.md", "title"), ("feed.jsonl", "text"), ("one.json", "text")} <= seen, seen
    # the terminal format and GitHub annotations carry the same positions
    text = json.loads(Path("r.json").read_text(encoding="utf-8"))
    first = next(f["evidence"][0] for f in text["findings"] if f["evidence"][0]["path"] == "feed.jsonl")
    assert run(["check", "feed.jsonl", "--no-cache", "-q", "--select", "CNT001", "--format", "github=gh.txt"]) == 1
    assert f"file=feed.jsonl,line=2,col={first['column']}," in Path("gh.txt").read_text(encoding="utf-8")


def _random_text(rng: random.Random) -> str:
    alphabet = ["a", "b", " ", '"', "\\", "\n", "\r\n", "\t", "\u2014", "\u00e9", "\U0001f600", "/", "'", "\x85"]
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))).strip() or "x"


@pytest.mark.parametrize("ascii_only", [True, False])
def test_every_offset_of_a_json_string_maps_to_its_escape(tmp_path, ascii_only):
    """Property over random strings: the column of each character is where the file writes it."""
    rng = random.Random(7 if ascii_only else 8)
    records = [{"id": f"r{i}", "title": " " + _random_text(rng), "text": _random_text(rng)} for i in range(60)]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=ascii_only) + "\n" for r in records), encoding="utf-8")
    read = read_paths([path])
    assert not read.errors and len(read.articles) == len(records)
    lines = path.read_text(encoding="utf-8").split("\n")
    for number, article in enumerate(read.articles, start=1):
        assert article.text_at is not None and article.text_at.exact
        for field in ("title", "text"):
            value = article.field_text(field)
            for offset, char in enumerate(value):
                line, column = position(article, field, offset)
                written = lines[line - 1][column - 1 :]
                assert line == number
                # "\r\n" in a record's text is one "\n", placed at the "\r"; a stray C1 control reads as cp1252
                forms = {char, "\r"} if char == "\n" else {char, "\x85"} if char == "\u2026" else {char}
                assert any(written.startswith(_json_escaped(form, flag)) for form in forms for flag in (True, False)), (
                    field,
                    offset,
                    char,
                    written[:14],
                )


@pytest.mark.parametrize(
    "front,column,starts",
    [
        ("title: Plain title kills four", 8, "Plain"),
        ("title:    'It''s quoted: four'", 12, "It''s"),
        ('title: "Esc\\"aped \\u00e9 four"', 9, 'Esc\\"'),
        ("title: >\n  Folded title\n  four", 8, ">"),  # several lines: the start of the value
    ],
)
def test_title_position_counts_yaml_quotes_and_escapes(tmp_path, front, column, starts):
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}\npublished: 2014-02-11\n---\nBody text.\n", encoding="utf-8")
    (article,) = read_paths([path]).articles
    line, found = position(article, "title", 0)
    assert (line, found) == (2, column)
    assert path.read_text(encoding="utf-8").split("\n")[1][found - 1 :].startswith(starts)
    last = len(article.title or "") - 1
    assert article.title is not None and article.title.endswith("four")
    if "\n" not in front:  # single-line titles: the last character too
        assert path.read_text(encoding="utf-8").split("\n")[1][position(article, "title", last)[1] - 1] == "r"
