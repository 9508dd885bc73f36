"""Which files a run reads, through the real CLI: never its own output, ignore files, default excludes,
non-article files (noted when a walk meets them, errors when named), "no articles found" as a usage error,
--force-exclude, and one article from stdin. In-process (``checker.cli.run``) in a temporary working
directory; stdin through a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import run

ROOT = Path(__file__).resolve().parent.parent

# Police give two figures (CNT001, error).
BAD = """---
title: Shooting at the mall
published: 2014-02-11
source: KTVB
---
Police said two people were killed in the shooting at the mall on Monday.

Police said four people were killed in the shooting at the mall.
"""

CLEAN = """---
title: Quiet day
published: 2014-02-11
source: KTVB
---
The city council met on Monday to discuss the budget for the new library.
"""


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def put(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def report_of(argv: list[str], path: Path) -> tuple[int, dict]:
    code = run([*argv, "--no-cache", "--format", f"json={path}"])
    return code, json.loads(path.read_text(encoding="utf-8"))


def paths_read(report: dict) -> list[str]:
    return sorted({a["path"] for a in report["articles"]})


def test_a_second_run_does_not_read_its_own_reports_or_repository_files(work, capsys):
    put(work / "articles" / "a.md", BAD)
    put(work / "articles" / "b.md", CLEAN)
    put(work / "README.md", "# Our newsroom\n\nTwo people were killed, the README says.\n")
    put(work / "CHANGELOG.md", "## 1.0\n\nFirst release.\n")
    put(work / "CONTRIBUTING.txt", "Send patches.\n")
    put(work / "package.json", '{"name": "site", "version": "1.0.0", "dependencies": {}}\n')
    put(work / "package-lock.json", '{"name": "site", "lockfileVersion": 3}\n')
    put(work / "requirements.txt", "mkdocs\n")
    put(work / "node_modules" / "lib" / "readme.md", "Three people were killed.\n")
    put(work / "node_modules" / "lib" / "notes.txt", "Five people were killed.\n")
    for _ in range(2):
        assert run(["check", ".", "--no-cache", "-q", "--out", "reports/", "--format", "sarif=checker.sarif"]) == 1
        report = json.loads((work / "reports" / "report.json").read_text(encoding="utf-8"))
        assert paths_read(report) == ["articles/a.md", "articles/b.md"]
        assert report["errors"] == [] and report["notes"] == []
    capsys.readouterr()
    # the output directory is skipped whole; when the walk starts in it, only the report files are
    assert run(["check", "reports", "-q", "--no-cache", "--out", "reports"]) == 2
    assert "no articles found in reports" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignore_and_checkerignore_are_respected(work):
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)  # ignore files count up to the repository root
    put(work / ".gitignore", "articles/drafts/\n*.draft.md\n")
    put(work / ".checkerignore", "!keep.draft.md\narchive/\n")
    put(work / "articles" / "a.md", BAD)
    put(work / "articles" / "drafts" / "d.md", BAD)
    put(work / "articles" / "x.draft.md", BAD)
    put(work / "articles" / "keep.draft.md", CLEAN)
    put(work / "articles" / "archive" / "old.md", BAD)
    put(work / "articles" / "sub" / ".gitignore", "local.md\n")
    put(work / "articles" / "sub" / "local.md", BAD)
    put(work / "articles" / "sub" / "kept.md", CLEAN)
    code, report = report_of(["check", "articles", "-q"], work / "r.json")
    assert paths_read(report) == ["articles/a.md", "articles/keep.draft.md", "articles/sub/kept.md"]
    # from inside the tree, the ignore files above it still count (up to the repository root)
    os.chdir(work / "articles")
    code, report = report_of(["check", ".", "-q"], work / "r.json")
    assert paths_read(report) == ["a.md", "keep.draft.md", "sub/kept.md"]
    # a directory the user names is walked even when it is ignored; a named file is always read
    code, report = report_of(["check", "drafts", "x.draft.md", "-q"], work / "r.json")
    assert paths_read(report) == ["drafts/d.md", "x.draft.md"] and code == 1


def test_non_article_json_is_noted_when_walked_and_an_error_when_named(work, capsys):
    put(work / "articles" / "a.md", CLEAN)
    put(work / "articles" / "settings.json", '{"theme": "dark", "title": "Site settings"}\n')
    put(work / "articles" / "feed.jsonl", '{"event": "click"}\n{"event": "view"}\n')
    put(work / "articles" / "placeholder.txt", "")
    code, report = report_of(["check", "articles"], work / "r.json")
    assert code == 0 and paths_read(report) == ["articles/a.md"] and report["errors"] == []
    assert sorted((n["kind"], n["path"]) for n in report["notes"]) == [
        ("empty", "articles/placeholder.txt"),
        ("not-an-article", "articles/feed.jsonl"),
        ("not-an-article", "articles/settings.json"),
    ]
    err = capsys.readouterr().err
    assert "note: articles/settings.json: skipped: not an article file: no record has a 'text' or 'content'" in err
    # an old checker report is not articles either (its articles carry titles, not text)
    shutil.copy(work / "r.json", work / "articles" / "old-report.json")
    code, report = report_of(["check", "articles", "-q"], work / "r2.json")
    assert code == 0 and paths_read(report) == ["articles/a.md"]
    assert ("not-an-article", "articles/old-report.json") in {(n["kind"], n["path"]) for n in report["notes"]}
    # named explicitly, each is an input error: exit 2, named on stderr and in the report
    for name, code_name in (("settings.json", "not-an-article"), ("feed.jsonl", "not-an-article")):
        code, report = report_of(["check", f"articles/{name}", "articles/a.md"], work / "r.json")
        assert code == 2 and [(e["code"], e["path"]) for e in report["errors"]] == [(code_name, f"articles/{name}")]
        assert f"articles/{name}: not an article file" in capsys.readouterr().err
    assert run(["check", "articles/placeholder.txt", "articles/a.md", "--no-cache", "-q"]) == 2


@pytest.mark.parametrize(
    "argv,why",
    [
        (["check", "empty"], "no articles found in empty: no .json, .jsonl, .markdown, .md"),
        (["check", "articles", "--include", "atricles/**"], "1 file by include/exclude"),
        (["check", "articles", "--exclude", "*.md"], "1 file by include/exclude"),
        (["check", "empty", "articles/README.md", "--force-exclude"], "(left out: 1 file as repository files (README"),
        (["baseline", "empty", "--out", "baseline.json"], "no articles found in empty"),
    ],
)
def test_no_articles_found_is_a_usage_error_unless_allowed(work, capsys, argv, why):
    (work / "empty").mkdir()
    put(work / "articles" / "a.md", BAD)
    put(work / "articles" / "README.md", "# About these articles\n")
    assert run([*argv, "--no-cache", "--format", "json=r.json"] if argv[0] == "check" else argv) == 2
    err = capsys.readouterr().err
    assert why in err and "--allow-empty" in err, err
    assert not (work / "r.json").exists() and not (work / "baseline.json").exists(), "no partial output"
    allowed = [*argv, "--allow-empty", "--no-cache"]
    assert run([*allowed, "--format", "json=r.json"] if argv[0] == "check" else allowed) == 0
    if argv[0] == "check":
        report = json.loads((work / "r.json").read_text(encoding="utf-8"))
        assert report["articles"] == [] and report["summary"]["status"] == "pass"


def test_force_exclude_applies_ignore_rules_to_named_files(work):
    put(work / ".checkerignore", "drafts/\n")
    put(work / "README.md", "Five people were killed, police said. Police said six people were killed.\n")
    put(work / "drafts" / "d.md", BAD)
    put(work / "a.md", CLEAN)
    named = ["check", "README.md", "drafts/d.md", "a.md", "-q"]
    code, report = report_of(named, work / "r.json")
    assert code == 1 and paths_read(report) == ["README.md", "a.md", "drafts/d.md"]  # named: read as asked
    code, report = report_of([*named, "--force-exclude"], work / "r.json")
    assert code == 0 and paths_read(report) == ["a.md"]


def _checker(args: list[str], cwd: Path, stdin: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "checker", *args]
    return subprocess.run(command, cwd=cwd, env=env, input=stdin, capture_output=True, text=True)


def test_one_article_from_stdin(tmp_path):
    (tmp_path / "articles").mkdir()
    put(tmp_path / "articles" / "a.md", CLEAN)
    draft = _checker(["check", "-", "--stdin-filename", "drafts/new.md", "--no-cache"], tmp_path, BAD)
    assert draft.returncode == 1, draft.stderr
    assert "drafts/new.md:6:13: error CNT001" in draft.stdout  # named, located and read as Markdown
    # the buffer stands in for the file of the same name, compared with the rest of the batch
    edited = _checker(
        ["check", "-", "articles", "--stdin-filename", "articles/a.md", "--no-cache", "--format", "json"],
        tmp_path,
        BAD,
    )
    assert edited.returncode == 1, edited.stderr
    report = json.loads(edited.stdout)
    assert [a["path"] for a in report["articles"]] == ["articles/a.md"] and report["findings"]
    plain = _checker(
        ["check", "-", "--no-cache", "--format", "json", "--select", "CNT"], tmp_path, "Two were killed.\n"
    )
    assert plain.returncode == 0 and json.loads(plain.stdout)["articles"][0]["path"] == "-"
    for args, message in (
        (["check", "-", "--stdin-filename", "draft.pdf"], "unsupported file type '.pdf'"),
        (["check", "articles", "--stdin-filename", "draft.md"], "add '-' to the paths"),
        (["check", "-", "-"], "'-' (standard input) can be given once"),
    ):
        wrong = _checker([*args, "--no-cache"], tmp_path, BAD)
        assert wrong.returncode == 2 and message in wrong.stderr and "internal error" not in wrong.stderr
