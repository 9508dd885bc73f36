"""The CLI contract: exit codes, bad inputs, atomic and deterministic reports, schema validation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from checker.cli import run
from checker.report.schema import report_schema

ROOT = Path(__file__).resolve().parent.parent

GOOD = """---
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


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def check(*args: str) -> int:
    return run(["check", *args, "--no-cache", "--quiet"])


def test_exit_1_when_an_error_level_finding(tmp_path):
    write(tmp_path / "in" / "a.md", GOOD)
    assert check(str(tmp_path / "in"), "--out", str(tmp_path / "out")) == 1
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["summary"]["status"] == "fail"
    assert report["summary"]["by_severity"]["error"] >= 1
    assert (tmp_path / "out" / "report.md").read_text().startswith("# Fact-consistency report")


def test_exit_0_when_clean_and_fail_on_never(tmp_path):
    write(tmp_path / "clean.md", CLEAN)
    assert check(str(tmp_path / "clean.md"), "--out", str(tmp_path / "out")) == 0
    write(tmp_path / "bad.md", GOOD)
    assert check(str(tmp_path / "bad.md"), "--fail-on", "never") == 0


def test_fail_on_warning_and_ignore(tmp_path):
    article = write(tmp_path / "a.md", GOOD.replace("Police said four", "Hospital officials said four"))
    # different sources on one day: a warning (CNT002), not an error
    assert check(str(article)) == 0
    assert check(str(article), "--fail-on", "warning") == 1
    assert check(str(article), "--fail-on", "warning", "--ignore", "CNT002") == 0


@pytest.mark.parametrize(
    "name,content,code",
    [
        ("binary.txt", b"\x00\x01\x02PNG\x00\x00binary", "binary"),
        ("latin.txt", "Caf\u00e9 owner said two people were killed.".encode("cp1252") + b"\x81\x8d", "decode"),
        ("bad.md", "---\ntitle: [unclosed\npublished: 2014-02-11\n---\nText here.\n", "bad-front-matter"),
        ("baddate.md", "---\npublished: last tuesday\n---\nText here.\n", "bad-front-matter"),
        ("broken.jsonl", '{"id": "x", "text": "Two people were killed."}\n{not json}\n', "bad-json"),
        (
            "notext.json",
            '[{"id": "a", "text": "Two people were killed."}, {"id": "x", "source": "no text"}]',
            "bad-record",
        ),
    ],
)
def test_bad_input_is_named_and_exits_2_while_good_files_are_checked(tmp_path, capsys, name, content, code):
    bad = write(tmp_path / "in" / name, content)
    write(tmp_path / "in" / "clean.md", CLEAN)
    assert check(str(tmp_path / "in"), "--out", str(tmp_path / "out")) == 2
    err = capsys.readouterr().err
    assert bad.name in err
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert any(e["code"] == code and bad.name in e["path"] for e in report["errors"])
    assert any(a["id"] == "clean" for a in report["articles"]), "good files are still checked"
    assert report["summary"]["status"] == "error"


def test_cp1252_is_decoded_with_a_note(tmp_path):
    write(
        tmp_path / "old.txt",
        "Published: 2014-02-11\n\nThe caf\u00e9\u2019s owner said the shooting happened Monday.\n".encode("cp1252"),
    )
    assert check(str(tmp_path / "old.txt"), "--out", str(tmp_path / "out")) == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert any("cp1252" in n for n in report["articles"][0]["notes"])
    assert report["articles"][0]["published"] == "2014-02-11"


def test_missing_path_and_usage_errors_exit_2(tmp_path, capsys):
    assert check(str(tmp_path / "nope")) == 2
    assert "nope: no such file or directory" in capsys.readouterr().err
    assert run(["check", str(tmp_path), "--fail-on", "sometimes"]) == 2
    assert run(["check", str(tmp_path), "--select", "NOPE999"]) == 2
    assert run(["check"]) == 2


def test_invalid_rule_file_exits_2_before_reading(tmp_path, capsys):
    rules = write(tmp_path / "rules" / "XYZ001-broken.yaml", "id: XYZ001\nname: broken\nengine: nonexistent\n")
    write(tmp_path / "a.md", CLEAN)
    assert run(["check", str(tmp_path / "a.md"), "--rules-dir", str(rules.parent), "--no-cache"]) == 2
    assert "XYZ001-broken.yaml" in capsys.readouterr().err


def test_no_partial_output_when_rendering_fails(tmp_path, monkeypatch):
    write(tmp_path / "a.md", GOOD)
    out = tmp_path / "out"
    from checker.report.render import RENDERERS

    def boom(report, rules, *, color=False):
        raise RuntimeError("renderer exploded")

    monkeypatch.setitem(RENDERERS, "markdown", boom)
    assert check(str(tmp_path / "a.md"), "--out", str(out)) == 3
    assert not (out / "report.json").exists() and not (out / "report.md").exists()


def test_reports_are_deterministic_and_valid(tmp_path):
    write(tmp_path / "in" / "a.md", GOOD)
    write(tmp_path / "in" / "b.md", CLEAN)
    check(str(tmp_path / "in"), "--out", str(tmp_path / "one"))
    check(str(tmp_path / "in"), "--out", str(tmp_path / "two"))
    for name in ("report.json", "report.md"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    report = json.loads((tmp_path / "one" / "report.json").read_text())
    jsonschema.Draft202012Validator(report_schema()).validate(report)


def test_schema_rejects_a_corrupted_report(tmp_path):
    write(tmp_path / "a.md", GOOD)
    check(str(tmp_path / "a.md"), "--out", str(tmp_path / "out"))
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    validator = jsonschema.Draft202012Validator(report_schema())
    broken = json.loads(json.dumps(report))
    broken["findings"][0]["severity"] = "catastrophic"
    assert list(validator.iter_errors(broken))
    broken = json.loads(json.dumps(report))
    del broken["articles"][0]["claims"][0]["start"]
    assert list(validator.iter_errors(broken))


def test_schema_command_prints_the_schema(capsys):
    assert run(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "checker discrepancy report"


def test_console_script_exit_codes_in_a_real_process(tmp_path):
    """The installed entry point, not just the in-process runner."""
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    exe = [sys.executable, "-m", "checker"]
    missing = subprocess.run([*exe, "check", str(tmp_path / "missing.md")], capture_output=True, text=True, env=env)
    assert missing.returncode == 2 and "missing.md" in missing.stderr
    usage = subprocess.run([*exe, "check", str(tmp_path), "--fail-on", "x"], capture_output=True, text=True, env=env)
    assert usage.returncode == 2


def test_version(capsys):
    from checker import __version__

    assert run(["--version"]) == 0
    assert capsys.readouterr().out == f"checker {__version__}\n"
    process = subprocess.run(
        [sys.executable, "-m", "checker", "--version"], capture_output=True, text=True, env=dict(os.environ)
    )
    assert process.returncode == 0 and process.stdout.strip() == f"checker {__version__}"


def test_quiet_prints_findings_and_hides_only_the_summary(tmp_path, capsys):
    write(
        tmp_path / "a.md", GOOD + "\n<!-- checker: ignore DAT001 -->\nThe mall reopened.\n"
    )  # an unused-directive note
    assert run(["check", str(tmp_path / "a.md"), "--no-cache"]) == 1
    loud = capsys.readouterr()
    assert run(["check", str(tmp_path / "a.md"), "--no-cache", "-q"]) == 1
    quiet = capsys.readouterr()
    findings = [line for line in loud.out.splitlines() if " error CNT001 " in line]
    assert findings and all(line in quiet.out.splitlines() for line in findings), quiet.out
    assert loud.out.splitlines()[-1].endswith("in 1 article, 3 claims: FAIL")
    assert not any(line.endswith(": FAIL") for line in quiet.out.splitlines())
    assert "note:" in loud.err and "claims:" in loud.err
    assert quiet.err == "", "no summary line, no notes"
    assert quiet.out == loud.out.rsplit("\n", 2)[0] + "\n"  # everything but the closing summary line


def test_unwritable_outputs_exit_2_with_a_message_and_write_nothing(tmp_path, capsys):
    write(tmp_path / "a.md", GOOD)
    blocker = write(tmp_path / "a-file", "not a directory")
    cases = [
        (["--out", str(blocker / "reports")], "a-file is not a directory"),
        (["--format", f"sarif={tmp_path}"], "is a directory"),
        (["--format", "json=/proc/no-such-dir/report.json"], "/proc/no-such-dir/report.json"),
    ]
    for extra, message in cases:
        code = check(str(tmp_path / "a.md"), "--format", f"json={tmp_path / 'ok.json'}", *extra)
        err = capsys.readouterr().err
        assert code == 2 and message in err and "internal error" not in err, err
        assert not (tmp_path / "ok.json").exists(), "no partial output: every file or none"


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_report_files_respect_the_umask(tmp_path, umask, mode):
    write(tmp_path / "a.md", GOOD)
    old = os.umask(umask)
    try:
        check(str(tmp_path / "a.md"), "--out", str(tmp_path / "out"), "--format", f"sarif={tmp_path / 'x.sarif'}")
    finally:
        os.umask(old)
    for path in (tmp_path / "out" / "report.json", tmp_path / "out" / "report.md", tmp_path / "x.sarif"):
        assert path.stat().st_mode & 0o777 == mode, (path, oct(path.stat().st_mode))
    os.chmod(tmp_path / "x.sarif", 0o600)  # a file someone restricted keeps its mode when replaced
    check(str(tmp_path / "a.md"), "--format", f"sarif={tmp_path / 'x.sarif'}")
    assert (tmp_path / "x.sarif").stat().st_mode & 0o777 == 0o600
