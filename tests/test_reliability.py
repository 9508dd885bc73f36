"""Never crash, never lie, never leak (issue 12): the run-level cases, each through the command line.

Lost articles on id collisions, results that depend on file order, injection into what CI reads,
one bad input failing the whole batch, outputs that are not one set, a poisoned cache and the span
invariant. The junk filter's cases are in ``test_junk_filter.py``, the input limits in ``test_limits.py``.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from checker import files
from checker.cli import run
from checker.ingest import read_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").iterdir())

WRONG_DAY = """---
title: Shooting at the mall
published: 2014-02-11
source: {source}
---
Police said two people were killed in the shooting at the mall on Tuesday, Feb. 11, 2013.
"""


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def check(*args: str) -> int:
    return run(["check", *args, "--no-cache", "--quiet"])


def report_of(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- 1. ids ---------------------------------------------------------------------------------------------


def test_colliding_ids_lose_and_double_no_article(tmp_path):
    texts = ["Two people were killed on Monday.", "Three people were hurt on Tuesday.", "Four were arrested."]
    for name, ident, text in zip("abc", ["same", "same", "same~2"], texts):
        write(tmp_path / f"{name}.json", json.dumps({"id": ident, "text": text}))
    read = read_paths([tmp_path / "c.json", tmp_path / "b.json", tmp_path / "a.json"])
    ids = {a.text: a.id for a in read.articles}
    assert ids == {texts[0]: "same", texts[1]: "same~3", texts[2]: "same~2"}, "a.json is first whatever the order"
    renamed = next(a for a in read.articles if a.id == "same~3")
    assert "id 'same' is also used by" in renamed.notes[-1] and "renamed 'same~3'" in renamed.notes[-1]


# --- 3. order ------------------------------------------------------------------------------------------


def test_findings_do_not_depend_on_the_order_of_the_files(tmp_path):
    forward, backward = tmp_path / "forward.json", tmp_path / "backward.json"
    assert check(*map(str, SEEDS), "--format", f"json={forward}", "--format", f"sarif={tmp_path / 'f.sarif'}") == 1
    reverse = [*map(str, SEEDS[::-1]), "--format", f"json={backward}", "--format", f"sarif={tmp_path / 'b.sarif'}"]
    assert check(*reverse) == 1
    assert forward.read_bytes() == backward.read_bytes()
    assert (tmp_path / "f.sarif").read_bytes() == (tmp_path / "b.sarif").read_bytes()


# --- 4. injection --------------------------------------------------------------------------------------


def _runner_commands(text: str) -> list[str]:
    """Lines a GitHub or Azure runner would execute: '::cmd' at a line start, '##[cmd]' or '##vso[' anywhere."""
    return [line for line in text.splitlines() if line.lstrip().startswith("::") or re.search(r"##(vso)?\[", line)]


def _seeds_with(tmp_path: Path, name: str, source: str) -> Path:
    """The seeds in ``tmp_path/in``, the AP article renamed ``name`` and its outlet ``source`` (outlets appear in
    the messages of findings across articles)."""
    folder = tmp_path / "in"
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        if seed.name.startswith("000"):
            write(folder / name, text.replace("source: The Associated Press", "source: " + json.dumps(source)))
        else:
            write(folder / seed.name, text)
    return folder


EVIL_SOURCE = "\x1b[2J\x1b[32mPASS\x1b[0m ##[error]owned"


def test_file_names_and_metadata_cannot_print_workflow_commands_or_drive_the_terminal(tmp_path, capsys):
    folder = _seeds_with(tmp_path, "x\n::error file=a.json,line=1::INJECTED.md", EVIL_SOURCE)
    write(folder / "bad\n::warning::also.json", "{not json")
    assert run(["check", str(folder), "--no-cache"]) == 2
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert not _runner_commands(stream), stream
        assert "\x1b" not in stream
    assert "x\\n::error file=a.json,line=1::INJECTED.md" in captured.out, "the name is shown, escaped"
    assert "\\x1b[2J\\x1b[32mPASS" in captured.out and "#\\#[error]owned" in captured.out
    assert "bad\\n::warning::also.json" in captured.err


def test_the_github_format_is_only_the_annotations(tmp_path, capsys):
    folder = _seeds_with(tmp_path, "x\n::error::injected.md", EVIL_SOURCE)
    assert run(["check", str(folder), "--no-cache", "--quiet", "--format", "github"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines), out
    assert "\x1b" not in out and "%0A%3A%3Aerror%3A%3Ainjected.md" in out and "\\x1b[2J" in out


# --- 5. one bad input is an input error, not exit 3 ------------------------------------------------------


def test_inputs_that_crashed_the_batch_are_named_and_the_rest_is_checked(tmp_path, capsys):
    good = write(tmp_path / "in" / "good.md", WRONG_DAY.format(source="KTVB"))
    write(tmp_path / "in" / "feb30.md", "---\npublished: 2012-02-30\n---\nTwo people were killed on Monday.\n")
    write(tmp_path / "in" / "year1.md", "---\npublished: 0001-01-01\n---\nTwo people were killed yesterday.\n")
    write(tmp_path / "in" / "deep.json", "[" * 100_000)
    write(tmp_path / "in" / "digits.json", '{"text": "Two died.", "n": ' + "9" * 5000 + "}")
    write(tmp_path / "in" / "emptyid.json", '{"id": "", "text": "Two people died."}')
    write(tmp_path / "in" / "surrogate.json", '{"text": "Two \\ud800 died."}')
    out = tmp_path / "out"
    assert check(str(tmp_path / "in"), "--out", str(out)) == 2
    report = report_of(out / "report.json")
    assert {e["path"].rsplit("/", 1)[-1]: e["code"] for e in report["errors"]} == {
        "deep.json": "too-deep",
        "digits.json": "bad-json",
        "emptyid.json": "bad-record",
        "feb30.md": "bad-front-matter",
        "surrogate.json": "bad-json",
        "year1.md": "bad-front-matter",
    }
    assert [a["path"] for a in report["articles"]] == [good.as_posix()]
    assert report["summary"]["by_rule"] == {"DAT001": 1}, "the good article is still checked"
    err = capsys.readouterr().err
    assert "internal error" not in err and "feb30.md: 'published'" in err


def test_a_malformed_baseline_is_a_usage_error_naming_the_field(tmp_path, capsys):
    write(tmp_path / "a.md", WRONG_DAY.format(source="KTVB"))
    entry = {"id": "abc", "rule": "DAT001"}
    cases = [
        ({"tool": "checker", "findings": [{**entry, "articles": 5}]}, "findings[0] 'articles' must be a list"),
        ({"tool": "checker", "findings": [{**entry, "paths": None}]}, "findings[0] 'paths' must be a list"),
        ({"tool": "checker", "findings": [{**entry, "message": 7}]}, "'message' must be a string"),
        ({"tool": "checker", "findings": 5}, "not a checker baseline"),
        ("[" * 100_000, "nested deeper"),
    ]
    for number, (document, words) in enumerate(cases):
        baseline = write(
            tmp_path / f"baseline{number}.json", document if isinstance(document, str) else json.dumps(document)
        )
        assert check(str(tmp_path / "a.md"), "--baseline", str(baseline)) == 2
        err = capsys.readouterr().err
        assert words in err and f"baseline{number}.json" in err and "internal error" not in err, err


def test_a_huge_baseline_is_refused_quickly_and_a_large_one_is_read_in_seconds(tmp_path, monkeypatch, capsys):
    write(tmp_path / "a.md", WRONG_DAY.format(source="KTVB"))
    entries = [{"id": f"{n:016x}", "rule": "DAT001", "message": "m", "paths": ["gone.md"]} for n in range(60_000)]
    baseline = write(tmp_path / "baseline.json", json.dumps({"tool": "checker", "findings": entries}))
    monkeypatch.setattr("checker.gate.baseline.MAX_BASELINE_ENTRIES", 50_000)
    assert check(str(tmp_path / "a.md"), "--baseline", str(baseline)) == 2
    assert "60,000 findings, over the limit of 50,000" in capsys.readouterr().err
    monkeypatch.undo()
    out = tmp_path / "out"
    assert check(str(tmp_path / "a.md"), "--baseline", str(baseline), "--out", str(out)) == 1
    stale = [n for n in report_of(out / "report.json")["notes"] if n["kind"] == "stale-baseline"]
    assert len(stale) == 101 and sum(n["message"].startswith("59,900 more baseline entries") for n in stale) == 1


@pytest.mark.parametrize(
    "message,words",
    [
        ("{figure_a:d} and {figure_b}", "'{figure_a:d}' has a format spec"),
        ("{figure_a!r}", "'{figure_a!r}' has a format spec or conversion"),
        ("{} then {}", "positional field"),
        ("unclosed {figure_a", "not a valid template"),
    ],
)
def test_a_rule_message_that_cannot_be_filled_is_refused_when_rules_load(tmp_path, capsys, message, words):
    rule = (ROOT / "rules" / "QTY001-figure-conflict-in-article.yaml").read_text(encoding="utf-8")
    rule = re.sub(r"(?m)^id: QTY001", "id: QTY901", rule).replace("name: figure-conflict-in-article", "name: x-rule")
    rule = re.sub(r"(?m)^message: .*$", "message: " + json.dumps(message), rule)
    write(tmp_path / "rules" / "QTY901-x.yaml", rule)
    write(tmp_path / "a.md", WRONG_DAY.format(source="KTVB"))
    assert check(str(tmp_path / "a.md"), "--rules-dir", str(tmp_path / "rules")) == 2
    err = capsys.readouterr().err
    assert "QTY901-x.yaml: message" in err and words in err and "internal error" not in err, err


def test_a_billion_laughs_rule_file_is_refused(tmp_path, capsys):
    laughs = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    write(tmp_path / "rules" / "XXX001-laughs.yaml", laughs)
    write(tmp_path / "a.md", WRONG_DAY.format(source="KTVB"))
    assert check(str(tmp_path / "a.md"), "--rules-dir", str(tmp_path / "rules")) == 2
    assert "XXX001-laughs.yaml: rule file refused: more than 64 aliases" in capsys.readouterr().err


# --- 6. the time budget ---------------------------------------------------------------------------------


def test_an_article_over_its_time_budget_is_an_input_error_and_the_rest_is_checked(tmp_path, monkeypatch):
    from checker.analyse import build
    from checker.limits import TimeBudget

    class SlowOnOne(TimeBudget):
        """Every moment spent on 'slow' costs a thousand seconds."""

        def charge(self, key: str, seconds: float) -> None:
            super().charge(key, 1000.0 if key == "slow" else 0.0)

    monkeypatch.setattr(build, "TimeBudget", SlowOnOne)
    write(tmp_path / "slow.md", WRONG_DAY.format(source="KTVB") + "\nThe mall reopened on Thursday.\n")
    write(tmp_path / "good.md", WRONG_DAY.format(source="KTVB"))  # not a copy of slow.md: a copy is not parsed
    out = tmp_path / "out"
    assert check(str(tmp_path), "--out", str(out)) == 2
    report = report_of(out / "report.json")
    assert [(e["path"].rsplit("/", 1)[-1], e["code"]) for e in report["errors"]] == [("slow.md", "time-budget")]
    assert "took over 120 s" in report["errors"][0]["message"]
    assert [a["id"] for a in report["articles"]] == ["good"] and report["summary"]["by_rule"] == {"DAT001": 1}


# --- 7. a run that checks nothing does not pass ---------------------------------------------------------


def test_a_folder_of_files_holding_no_article_is_no_pass(tmp_path, capsys):
    write(tmp_path / "in" / "list.json", "[]")
    assert check(str(tmp_path / "in")) == 2
    err = capsys.readouterr().err
    assert "no articles found" in err and "list.json" in err, err


# --- 8. outputs are one set ------------------------------------------------------------------------------


def test_a_failed_rename_leaves_no_mix_of_two_runs(tmp_path, monkeypatch):
    old_json, old_md = write(tmp_path / "report.json", "old"), write(tmp_path / "report.md", "old")
    real, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(files.PartialWrite) as caught:
        files.write_files([(old_json, "new"), (old_md, "new")])
    assert caught.value.removed == (old_json,)
    assert not old_json.exists() and not old_md.exists(), "neither a new json next to an old md, nor the reverse"
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left"


def test_a_run_killed_between_renames_leaves_no_old_file_next_to_a_new_one(tmp_path):
    old_json, old_md = write(tmp_path / "report.json", "old"), write(tmp_path / "report.md", "old")
    script = (
        "import os, signal, sys\n"
        "from checker import files\n"
        "real = os.replace\n"
        "def replace(src, dst):\n"
        "    real(src, dst)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "os.replace = replace\n"
        f"files.write_files([({str(old_json)!r}, 'new'), ({str(old_md)!r}, 'new')])\n"
    )
    killed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    assert old_json.read_text() == "new" and not old_md.exists()
    leftover = list(tmp_path.glob(".report.md.*.tmp"))
    assert len(leftover) == 1
    os.utime(leftover[0], (0, 0))  # a minute later, the next run clears it
    files.write_files([(old_json, "next"), (old_md, "next")])
    assert not list(tmp_path.glob(".*.tmp")) and old_md.read_text() == "next"


def test_a_failed_run_removes_the_previous_reports_and_says_so(tmp_path, capsys, monkeypatch):
    write(tmp_path / "a.md", WRONG_DAY.format(source="KTVB"))
    out = tmp_path / "out"
    assert check(str(tmp_path / "a.md"), "--out", str(out)) == 1 and (out / "report.md").exists()
    capsys.readouterr()
    assert check(str(tmp_path / "a.md"), "--out", str(out), "--select", "NOPE999") == 2
    assert not (out / "report.json").exists() and not (out / "report.md").exists()
    assert "removed the previous reports" in capsys.readouterr().err
    assert check(str(tmp_path / "a.md"), "--out", str(out)) == 1

    def crash(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("checker.commands.check_articles", crash)
    assert check(str(tmp_path / "a.md"), "--out", str(out)) == 3
    assert not (out / "report.json").exists() and not (out / "report.md").exists()


def test_an_unwritable_output_is_exit_2_and_leaves_nothing(tmp_path, capsys, monkeypatch):
    write(tmp_path / "a.md", WRONG_DAY.format(source="KTVB"))
    assert check(str(tmp_path / "a.md"), "--out", str(tmp_path / "a.md")) == 2
    assert "a.md/report.json: cannot write the json report" in capsys.readouterr().err

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system", kwargs.get("dir"))

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    assert check(str(tmp_path / "a.md"), "--out", str(tmp_path / "out")) == 2
    err = capsys.readouterr().err
    assert "cannot write report: Read-only file system" in err and "internal error" not in err
    assert not (tmp_path / "out" / "report.json").exists()


def test_a_full_disk_is_exit_2_and_leaves_no_report(tmp_path):
    """A real process whose file writes fail (RLIMIT_FSIZE: writes past 1 KB get EFBIG, as on a full disk)."""
    import resource

    write(tmp_path / "a.md", WRONG_DAY.format(source="KTVB"))
    out = tmp_path / "out"

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    env = dict(os.environ, HF_HUB_OFFLINE="1")
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(tmp_path / "a.md"), "--out", str(out), "--no-cache"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        preexec_fn=small_files,
    )
    assert done.returncode == 2, done.stderr
    assert "cannot write report" in done.stderr and "internal error" not in done.stderr
    assert not list(out.glob("*")) if out.exists() else True, "no report and no temporary file"


# --- 8. the cache -----------------------------------------------------------------------------------------


def _corruptions(db: Path) -> list[tuple[str, str]]:
    """(SQL run on the cache, or a file-level damage marker) -> what it does."""
    return [
        ("UPDATE articles SET payload = substr(payload, 1, 40)", "truncated entry"),
        ("UPDATE articles SET payload = 'garbage'", "no checksum"),
        ("UPDATE articles SET payload = replace(payload, '\"min\": 2', '\"min\": 7')", "poisoned counts"),
        ("UPDATE articles SET payload = replace(payload, '\"claims\"', '\"clams\"')", "wrong field"),
        ("UPDATE vectors SET vector = substr(vector, 1, 100)", "short vector"),
        ("UPDATE vectors SET vector = zeroblob(1552)", "zeroed vector"),
        ("FILE:garbage", "not a database"),
        ("FILE:truncate", "truncated file"),
        ("FILE:directory", "a directory in its place"),
        ("FILE:header", "damaged header"),
    ]


def _damage(db: Path, how: str) -> None:
    import sqlite3

    if how.startswith("FILE:"):
        kind = how[5:]
        for suffix in ("-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        if kind == "garbage":
            db.write_bytes(os.urandom(8192))
        elif kind == "truncate":
            db.write_bytes(db.read_bytes()[:1500])
        elif kind == "directory":
            db.unlink()
            db.mkdir()
        elif kind == "header":
            data = bytearray(db.read_bytes())
            data[:16] = b"not sqlite at al"
            db.write_bytes(bytes(data))
        return
    with sqlite3.connect(db) as connection:
        connection.execute(how)


def test_a_damaged_cache_heals_and_never_changes_the_result(tmp_path):
    text = WRONG_DAY.format(source="KTVB").replace("two people", "two people, and 3 were hurt,")
    # a second report of the toll: the two killed figures are compared, so their clauses' vectors are cached
    text += (
        "\nTwo people died in the mall shooting, the county coroner said.\n\nThe sheriff said two people were killed.\n"
    )
    write(tmp_path / "a.md", text)
    cache = tmp_path / "cache"
    clean = tmp_path / "clean.json"
    args = [str(tmp_path / "a.md"), "--cache-dir", str(cache), "--quiet"]
    assert run(["check", *args, "--format", f"json={clean}"]) == 1
    expected = report_of(clean)
    for how, what in _corruptions(cache / "cache.sqlite3"):
        if (cache / "cache.sqlite3").is_dir():
            (cache / "cache.sqlite3").rmdir()
        assert run(["check", *args, "--format", f"json={tmp_path / 'warm.json'}"]) == 1  # a whole cache again
        _damage(cache / "cache.sqlite3", how)
        assert run(["check", *args, "--format", f"json={tmp_path / 'healed.json'}"]) == 1, what
        healed = report_of(tmp_path / "healed.json")
        assert healed["articles"] == expected["articles"] and healed["findings"] == expected["findings"], what
        notes = [n["message"] for n in healed["notes"] if n["kind"] == "cache"]
        assert notes and any(w in notes[0] for w in ("corrupt; recomputed", "started a new one", "did without")), (
            what,
            notes,
        )


# --- 9. the span invariant ----------------------------------------------------------------------------------


def test_every_claim_quotes_its_field_exactly(tmp_path):
    write(
        tmp_path / "in" / "headline.md",
        "---\ntitle: Gunman Kills Two In Khorog On Monday, Police Say\npublished: 2012-07-24\nsource: AP\n---\n"
        "Posted: Monday, March 2, 2015 12:06 AM EST Maj. Gen. Abdullo Nazarov said 30 fighters died on Tuesday.\n\n"
        "John Posted: July 23, 2012 Smith, 45, said the fighting began Monday.\n",
    )
    paths = [str(tmp_path / "in"), *map(str, SEEDS)]
    out = tmp_path / "out"
    check(*paths, "--out", str(out))
    articles = {a.id: a for a in read_paths(paths).articles}
    claims = [c for a in report_of(out / "report.json")["articles"] for c in a["claims"]]
    assert any(c["field"] == "title" for c in claims), "headline claims are covered"
    for claim in claims:
        field = articles[claim["article"]].field_text(claim["field"])
        assert field[claim["start"] : claim["end"]] == claim["text"], claim
