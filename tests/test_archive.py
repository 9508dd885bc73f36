"""The archive: incremental adds, draft checks against published stories, removal, rebuild, and a killed writer."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.cli import run

ROOT = Path(__file__).resolve().parent.parent
GVA = ROOT.parent / "shared" / "eval" / "gva-dev" / "articles.jsonl"
PUBLISHED = ["seeds/000_ap_khorog_seed.md", "seeds/002_local_report.txt", "seeds/004_agreeing_regional.md"]


@pytest.fixture
def archive(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    directory = tmp_path / "archive"
    assert run(["archive", "add", *PUBLISHED, "--archive", str(directory), "-q"]) == 0
    return directory


def _stats(directory: Path, capsys) -> dict:
    capsys.readouterr()
    assert run(["archive", "stats", "--archive", str(directory)]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_draft_is_checked_against_its_published_story(archive, tmp_path, capsys):
    stats = _stats(archive, capsys)
    assert stats["articles"] == 3 and stats["stories"] == 1 and stats["claims"] > 50
    out = tmp_path / "r.json"
    code = run(
        ["check", "seeds/001_wire_next_day.md", "--archive", str(archive), "--no-cache", "--format", f"json={out}"]
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 1
    rules = {f["rule"] for f in report["findings"]}
    assert {"DAT003", "CNT004", "PER004", "NAM002"} <= rules
    for finding in report["findings"]:  # only findings with the draft's claims in the conflict
        assert any(e["conflict"] and e["article"] == "gws-khorog-0725" for e in finding["evidence"])
    # the archived articles of the story came back as stored: nothing lost on the way
    assert {a["id"] for a in report["articles"]} >= {"ap-khorog-0724", "002_local_report", "gws-khorog-0725"}


def test_an_unrelated_draft_matches_no_story(archive, tmp_path):
    draft = tmp_path / "floods.md"
    draft.write_text(
        "---\ntitle: Floods in Sindh\npublished: 2012-07-27\nsource: GWS\n---\n"
        "Flash floods swept through villages in Sindh province on Thursday, killing at least 20 people, "
        "disaster officials said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.json"
    code = run(["check", str(draft), "--archive", str(archive), "--no-cache", "--format", f"json={out}"])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and report["findings"] == [] and [a["id"] for a in report["articles"]] == ["floods"]


def test_adds_are_incremental_and_removal_and_rebuild_work(archive, capsys):
    assert run(["archive", "add", "seeds/", "--archive", str(archive), "-q"]) == 0
    stats = _stats(archive, capsys)
    assert stats["articles"] == 6  # the three already archived were skipped, not duplicated
    assert stats["stories"] == 2  # the Khorog story grew; the floods story is new
    assert run(["archive", "remove", "gws-floods-0727", "--archive", str(archive)]) == 0
    assert _stats(archive, capsys)["articles"] == 5
    assert run(["archive", "remove", "nope", "--archive", str(archive)]) == 2
    assert run(["archive", "rebuild", "--archive", str(archive)]) == 0
    assert _stats(archive, capsys)["stories"] == 1


def test_missing_archive_is_a_usage_error(tmp_path, capsys):
    assert run(["archive", "stats", "--archive", str(tmp_path / "none")]) == 2
    assert "no archive here" in capsys.readouterr().err


def test_a_killed_writer_loses_nothing_committed_and_leaves_no_half_article(tmp_path):
    """kill -9 the writer between commits: whole chunks only, consistent tables, and a re-run completes."""
    directory = tmp_path / "archive"
    lines = GVA.read_text(encoding="utf-8").splitlines()[:24]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    command = [
        sys.executable,
        "-m",
        "checker",
        "archive",
        "add",
        str(feed),
        "--archive",
        str(directory),
        "--chunk",
        "4",
        "-q",
    ]
    writer = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    database = directory / "archive.sqlite3"
    deadline = time.monotonic() + 300
    count = 0
    while time.monotonic() < deadline and writer.poll() is None:
        if database.exists():
            try:
                with sqlite3.connect(database, timeout=5) as db:
                    count = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                count = 0
            if count >= 4:
                break
        time.sleep(0.2)
    assert writer.poll() is None, "the writer finished before it could be killed"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert count % 4 == 0 and 4 <= count < 24  # whole chunks only
        for (payload,) in db.execute("SELECT extraction FROM articles"):
            assert json.loads(payload)["sentences"]  # every archived article is complete
        named = db.execute("SELECT COUNT(DISTINCT article) FROM names").fetchone()[0]
        assert named <= count
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 24
