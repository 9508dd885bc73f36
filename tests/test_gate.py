"""The editorial CI gate: configuration, suppression, baseline, output formats, --changed-since,
the cache and the progress bar. In-process (``checker.cli.run``), in a temporary working directory
so configuration discovery and the default cache directory are the test's own."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from checker.cli import run
from checker.globs import glob_match
from checker.progress import progress_bar
from checker.report.render import RENDERERS
from checker.report.render.github import STEP_SUMMARY_LIMIT

# Police give two figures (CNT001, error); the last paragraph has no claims.
ARTICLE = """---
title: Shooting at the mall
published: 2014-02-11
source: KTVB
---
Police said two people were killed in the shooting at the Boise Towne Square mall on Monday.

Police said four people were killed in the shooting at the Boise Towne Square mall.

The mall will reopen next week, the manager said.
"""

# Another outlet, same day, a third figure: one CNT002 (warning) for the toll, naming every figure.
OTHER = """---
title: Mall shooting leaves dead
published: 2014-02-11
source: Idaho Statesman
---
Hospital officials said three people were killed in the shooting at the Boise Towne Square mall on Monday.

Witnesses said the gunman fled in a grey car.
"""

CLEAN = """---
title: Quiet day
published: 2014-02-11
source: KTVB
---
The city council met on Monday to discuss the budget for the new library.
"""

NEW_ERROR = "\nThe mall was also closed on Tuesday, July 25, 2012, after a bomb threat, the manager said.\n"


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A fresh working directory with articles/a.md; nothing above it configures checker."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def report_of(argv: list[str], path: Path) -> tuple[int, dict]:
    code = run([*argv, "--format", f"json={path}"])
    return code, json.loads(path.read_text(encoding="utf-8"))


def rules_found(report: dict) -> list[str]:
    return sorted(f["rule"] for f in report["findings"])


# --- configuration ------------------------------------------------------------------------------------


def test_config_file_is_found_walking_up_and_flags_override_it(work, capsys):
    (work / "checker.toml").write_text('fail-on = "warning"\nignore = ["NAM"]\n', encoding="utf-8")
    sub = work / "articles"
    (sub / "b.md").write_text(OTHER, encoding="utf-8")
    (sub / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")  # no [tool.checker]: skipped
    import os

    os.chdir(sub)
    assert run(["config"]) == 0
    out = capsys.readouterr().out
    assert "# configuration file: " in out and out.splitlines()[0].endswith("checker.toml")
    assert (
        'fail-on = "warning"  # ' in out and "checker.toml" in out.split('fail-on = "warning"  # ')[1].splitlines()[0]
    )
    assert 'select = ["ALL"]  # default' in out
    assert run(["config", "--fail-on", "never"]) == 0
    assert 'fail-on = "never"  # command line' in capsys.readouterr().out
    # the config's fail-on applies to check: CNT002 warnings fail; the flag puts it back to error
    assert run(["check", ".", "--no-cache", "-q", "--ignore", "CNT001"]) == 1
    assert run(["check", ".", "--no-cache", "-q", "--ignore", "CNT001", "--fail-on", "error"]) == 0
    # the default cache sits beside the configuration file, not in whichever subdirectory the check runs from
    assert run(["check", "b.md", "-q", "--select", "DAT"]) == 0
    assert (work / ".checker_cache").is_dir() and not (sub / ".checker_cache").exists()


def test_nearest_config_wins_and_pyproject_table_is_read(work, capsys, monkeypatch):
    (work / "checker.toml").write_text('fail-on = "note"\n', encoding="utf-8")
    (work / "articles" / "pyproject.toml").write_text('[tool.checker]\nfail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(work / "articles")
    assert run(["config"]) == 0
    out = capsys.readouterr().out
    assert 'fail-on = "never"' in out and "pyproject.toml" in out.splitlines()[0]
    assert run(["check", ".", "--no-cache", "-q"]) == 0  # the CNT001 error does not fail: fail-on never
    assert run(["config", "--isolated"]) == 0
    assert "no configuration file" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text,named",
    [
        ('fail_onn = "warning"\n', "unknown key 'fail_onn' in checker.toml (did you mean 'fail-on'?)"),
        ('fail-on = "sometimes"\n', "'fail-on'"),
        ('select = ["NOPE999"]\n', "'select' in checker.toml: unknown rule selector 'NOPE999'"),
        ('[severity]\nCNT002 = "fatal"\n', "'severity'"),
        ('format = ["nosuchformat"]\n', "unknown format 'nosuchformat'"),
        ("[rules.CNT001]\nmin_similarity = 1.5\n", "invalid params for CNT001"),
        ("[rules.CNT001]\nno_such_param = 1\n", "invalid params for CNT001"),
        ("[rules.XYZ999]\nmin_similarity = 0.5\n", "unknown rule 'XYZ999'"),
        ("include = 3\n", "'include'"),
        ("this is not toml\n", "invalid TOML"),
    ],
)
def test_bad_configuration_exits_2_naming_the_key(work, capsys, text, named):
    (work / "checker.toml").write_text(text, encoding="utf-8")
    assert run(["check", "articles", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("checker: checker.toml: ") and named in err, err
    assert "[tool.checker]" not in err, "checker.toml has top-level keys"
    assert run(["config"]) == 2


def test_pyproject_unknown_key_is_named(work, capsys):
    (work / "pyproject.toml").write_text("[tool.checker]\nfail_on = 'warning'\n", encoding="utf-8")
    assert run(["check", "articles", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml: unknown key 'fail_on' in [tool.checker] (did you mean 'fail-on'?)" in err


def test_rule_params_severity_and_enabled_status_from_config(work, capsys):
    (work / "checker.toml").write_text(
        'ignore = ["NAM002"]\n[severity]\nCNT002 = "error"\n[rules.CNT001]\nmin_similarity = 0.5\n', encoding="utf-8"
    )
    assert run(["rules"]) == 0
    rows = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()[2:]}
    assert rows["NAM002"][-1] == "no" and rows["NAM001"][-1] == "yes"
    assert rows["CNT002"][3] == "error"
    assert run(["rules", "--select", "DAT"]) == 0
    rows = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()[2:]}
    assert rows["DAT001"][-1] == "yes" and rows["CNT001"][-1] == "no"
    assert run(["rules", "explain", "CNT001"]) == 0
    assert "min_similarity: 0.5" in capsys.readouterr().out
    # the severity override reaches findings and the report's rule list
    (work / "articles" / "b.md").write_text(OTHER, encoding="utf-8")
    code, report = report_of(["check", "articles", "--no-cache", "-q", "--ignore", "CNT001"], work / "r.json")
    assert code == 1
    assert {f["severity"] for f in report["findings"] if f["rule"] == "CNT002"} == {"error"}
    assert next(r for r in report["rules"] if r["id"] == "CNT002")["severity"] == "error"


def test_rules_dirs_cache_dir_and_include_exclude_are_relative_to_the_config_file(work, monkeypatch):
    (work / "articles" / "drafts").mkdir()
    (work / "articles" / "drafts" / "d.md").write_text(ARTICLE, encoding="utf-8")
    (work / "articles" / "clean.md").write_text(CLEAN, encoding="utf-8")
    (work / "extra-rules").mkdir()
    (work / "checker.toml").write_text(
        'cache-dir = "cache"\nrules-dirs = ["extra-rules"]\nexclude = ["drafts/", "a.md"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(work / "articles")
    code, report = report_of(["check", "."], work / "r.json")
    assert code == 0
    assert [a["id"] for a in report["articles"]] == ["clean"]
    assert (work / "cache" / "cache.sqlite3").exists() and not (work / "articles" / ".checker_cache").exists()
    # include narrows, exclude still applies: nothing is left, which fails unless an empty run is allowed
    assert run(["check", ".", "--no-cache", "--include", "drafts/**"]) == 2
    code, report = report_of(["check", ".", "--no-cache", "--include", "drafts/**", "--allow-empty"], work / "r.json")
    assert code == 0 and [a["id"] for a in report["articles"]] == []
    assert (
        glob_match("drafts/", "drafts/x/d.md") and glob_match("*.md", "x/y.md") and not glob_match("a/*.md", "a/b/c.md")
    )
    assert glob_match("a/**/*.md", "a/c.md") and glob_match("a/**/*.md", "a/b/c.md")


# --- exit codes and formats -----------------------------------------------------------------------------


def test_fail_on_warning_exit_codes(work):
    (work / "articles" / "b.md").write_text(OTHER, encoding="utf-8")
    base = ["check", "articles", "--no-cache", "-q", "--ignore", "CNT001"]
    assert run(base) == 0  # only CNT002 warnings left
    assert run([*base, "--fail-on", "warning"]) == 1
    assert run([*base, "--fail-on", "warning", "--severity", "CNT002=note"]) == 0
    assert run([*base, "--fail-on", "bogus"]) == 2


def test_formats_to_files_and_stdout(work, capsys):
    code = run(
        ["check", "articles", "--no-cache", "--format", "json=out/r.json", "--format", "markdown", "--out", "rep"]
    )
    assert code == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("# Fact-consistency report")
    report = json.loads((work / "out" / "r.json").read_text(encoding="utf-8"))
    assert report["summary"]["by_rule"] == {"CNT001": 1}
    assert (work / "rep" / "report.json").read_text(encoding="utf-8") == (work / "out" / "r.json").read_text(
        encoding="utf-8"
    )
    assert (work / "rep" / "report.md").read_text(encoding="utf-8") == captured.out
    assert run(["check", "articles", "--no-cache", "-q", "--format", "json=-"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["findings"] == 1


def test_format_usage_errors(work, capsys):
    assert run(["check", "articles", "--no-cache", "--format", "json", "--format", "markdown"]) == 2
    assert "only one format can go to stdout" in capsys.readouterr().err
    assert run(["check", "articles", "--no-cache", "--format", "nope"]) == 2
    assert "unknown format 'nope' (known: " in capsys.readouterr().err
    assert run(["check", "articles", "--no-cache", "--format", "json=x.json", "--format", "markdown=x.json"]) == 2


def test_no_file_is_written_when_a_renderer_fails(work, monkeypatch):
    def boom(report, rules, *, color=False):
        raise RuntimeError("renderer exploded")

    monkeypatch.setitem(RENDERERS, "boom", boom)
    code = run(
        ["check", "articles", "--no-cache", "-q", "--format", "json=r.json", "--format", "boom=b.txt", "--out", "rep"]
    )
    assert code == 3
    assert not (work / "r.json").exists() and not (work / "rep").exists()


def test_github_format_appends_the_markdown_report_to_the_step_summary(work, monkeypatch, capsys):
    if "github" not in RENDERERS:  # the real renderer lands separately; the wiring must not depend on it
        monkeypatch.setitem(RENDERERS, "github", lambda report, rules, *, color=False: "::error::stub\n")
    summary = work / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run(["check", "articles", "--no-cache", "-q", "--format", "github"]) == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n# Fact-consistency report")
    assert capsys.readouterr().out  # the annotations went to stdout


def test_step_summary_stays_below_githubs_1_mib_limit_with_a_note(work, monkeypatch, capsys):
    """GitHub drops a step summary over 1 MiB; whatever an earlier command of the step wrote, ours is cut to fit."""
    assert run(["check", "articles", "--no-cache", "-q", "--out", "rep"]) == 1
    full = (work / "rep" / "report.md").read_text(encoding="utf-8")
    summary = work / "summary.md"
    earlier = "x" * 99 + "\n"  # an earlier command of the step has used all but half a report's room
    summary.write_text(earlier * ((STEP_SUMMARY_LIMIT - len(full.encode("utf-8")) // 2) // 100), encoding="utf-8")
    before = summary.stat().st_size
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run(["check", "articles", "--no-cache", "-q", "--format", "github"]) == 1
    added = summary.read_bytes()[before:].decode("utf-8")
    assert summary.stat().st_size <= STEP_SUMMARY_LIMIT < 1024 * 1024
    kept, note = added.split("\n\n> **The report is cut here:**")
    assert full.startswith(kept) and kept.endswith("\n") and kept.strip()
    assert "GitHub shows at most 1 MiB of summary per step" in note
    capsys.readouterr()


# --- suppression ------------------------------------------------------------------------------------------


def _with_directive(before_paragraph: int, directive: str) -> str:
    head, body = ARTICLE.split("---\n", 2)[1:]
    paragraphs = body.split("\n\n")
    paragraphs.insert(before_paragraph, directive)
    return "---\n" + head + "---\n" + "\n\n".join(paragraphs)


@pytest.mark.parametrize("paragraph", [0, 1])
def test_ignore_directive_suppresses_findings_with_evidence_in_the_next_paragraph(work, paragraph):
    (work / "articles" / "a.md").write_text(
        _with_directive(paragraph, "<!-- checker: ignore CNT001 -->"), encoding="utf-8"
    )
    code, report = report_of(["check", "articles", "--no-cache", "-q"], work / "r.json")
    assert code == 0
    assert report["findings"] == []
    assert [(s["rule"], s["by"]) for s in report["suppressed"]] == [("CNT001", "directive")]
    assert report["suppressed"][0]["where"] == f"articles/a.md:{6 + 2 * paragraph}"
    assert report["summary"]["suppressed"] == 1
    assert report["notes"] == []
    assert report["articles"][0]["claims"], "the directive itself is not read as copy"


def test_ignore_directive_for_another_rule_or_paragraph_is_an_unused_note(work, capsys):
    text = _with_directive(2, "<!-- checker: ignore CNT001 -->")  # before the paragraph without claims
    text = text.replace("Police said two", "<!-- checker: ignore DAT001 -->\nPolice said two")
    (work / "articles" / "a.md").write_text(text + "\n<!-- checker: bogus CNT001 -->\n", encoding="utf-8")
    code, report = report_of(["check", "articles", "--no-cache"], work / "r.json")
    assert code == 1 and rules_found(report) == ["CNT001"]
    kinds = sorted((n["kind"], n["line"]) for n in report["notes"])
    assert kinds == [("invalid-directive", 15), ("unused-directive", 6), ("unused-directive", 11)]
    assert all(n["path"] == "articles/a.md" for n in report["notes"])
    err = capsys.readouterr().err
    assert "note: articles/a.md:11: '<!-- checker: ignore CNT001 -->' suppresses no finding" in err


def test_off_on_range(work):
    body = ARTICLE.replace("Police said two", "<!-- checker: off -->\nPolice said two").replace(
        "Police said four", "<!-- checker: on -->\n\nPolice said four"
    )
    (work / "articles" / "a.md").write_text(body, encoding="utf-8")
    code, report = report_of(["check", "articles", "--no-cache", "-q"], work / "r.json")
    assert code == 0 and [s["rule"] for s in report["suppressed"]] == ["CNT001"] and report["notes"] == []
    # a range for another rule, never closed: suppresses nothing, noted
    (work / "articles" / "a.md").write_text(
        ARTICLE.replace("Police said two", "<!-- checker: off NAM -->\nPolice said two"), encoding="utf-8"
    )
    code, report = report_of(["check", "articles", "--no-cache", "-q"], work / "r.json")
    assert code == 1 and [n["kind"] for n in report["notes"]] == ["unused-directive"]
    # ... but not when the rules it names did not run: whether it is needed is unknown
    code, report = report_of(["check", "articles", "--no-cache", "-q", "--ignore", "NAM"], work / "r.json")
    assert code == 1 and report["notes"] == []


# --- baseline ---------------------------------------------------------------------------------------------


def test_baseline_round_trip_new_finding_and_stale_entry(work, capsys):
    (work / "articles" / "b.md").write_text(OTHER, encoding="utf-8")
    assert run(["baseline", "articles", "--out", "baseline.json", "--no-cache"]) == 0
    baseline = json.loads((work / "baseline.json").read_text(encoding="utf-8"))
    assert sorted(e["rule"] for e in baseline["findings"]) == ["CNT001", "CNT002"]
    assert all(e["message"] and e["paths"] for e in baseline["findings"])

    check = ["check", "articles", "--no-cache", "-q", "--baseline", "baseline.json", "--fail-on", "note"]
    code, report = report_of(check, work / "r.json")
    assert code == 0 and report["findings"] == [] and report["notes"] == []
    assert sorted(s["rule"] for s in report["suppressed"]) == ["CNT001", "CNT002"]
    assert {s["by"] for s in report["suppressed"]} == {"baseline"}

    with (work / "articles" / "a.md").open("a", encoding="utf-8") as handle:
        handle.write(NEW_ERROR)  # a weekday that does not match its date
    code, report = report_of(check, work / "r.json")
    assert code == 1 and rules_found(report) == ["DAT001"]
    code, report = report_of([*check, "--select", "DAT"], work / "r.json")
    assert report["notes"] == [], "entries of rules that did not run are not stale"

    (work / "articles" / "b.md").unlink()
    code, report = report_of(check, work / "r.json")
    stale = [n for n in report["notes"] if n["kind"] == "stale-baseline"]
    assert len(stale) == 1 and all(n["path"] == "articles/b.md" and "CNT002" in n["message"] for n in stale)
    assert code == 1 and rules_found(report) == ["DAT001"]
    # checking only some of the files does not call the others' entries stale
    (work / "articles" / "b.md").write_text(OTHER, encoding="utf-8")
    code, report = report_of([*check[:1], "articles/b.md", *check[2:]], work / "r.json")
    assert code == 0 and report["notes"] == []


def test_bad_baseline_file_exits_2(work, capsys):
    assert run(["check", "articles", "--no-cache", "--baseline", "missing.json"]) == 2
    assert "missing.json: baseline file not found" in capsys.readouterr().err
    (work / "bad.json").write_text("[1, 2]", encoding="utf-8")
    assert run(["check", "articles", "--no-cache", "--baseline", "bad.json"]) == 2
    assert "not a checker baseline" in capsys.readouterr().err


def test_baseline_refuses_a_batch_with_input_errors(work):
    (work / "articles" / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    assert run(["baseline", "articles", "--out", "baseline.json", "--no-cache", "-q"]) == 2
    assert not (work / "baseline.json").exists()


# --- --changed-since --------------------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_reports_only_findings_that_involve_changed_articles(work, capsys):
    (work / "articles" / "clean.md").write_text(CLEAN, encoding="utf-8")
    _git(work, "init", "-q", "-b", "main")
    _git(work, "add", "articles")
    _git(work, "commit", "-q", "-m", "articles")
    check = ["check", "articles", "--no-cache", "-q", "--fail-on", "note", "--changed-since", "main"]
    code, report = report_of(check, work / "r.json")
    assert code == 0 and report["findings"] == [] and len(report["articles"]) == 2

    _git(work, "checkout", "-q", "-b", "edit")
    (work / "articles" / "b.md").write_text(OTHER, encoding="utf-8")  # untracked: counts as changed
    code, report = report_of(check, work / "r.json")
    assert code == 1 and rules_found(report) == ["CNT002"]  # b against a; a's own CNT001 is not new
    # anchored on the changed file, so the annotation shows on the pull request's diff
    assert [f["evidence"][0]["path"] for f in report["findings"]] == ["articles/b.md"]
    assert {e["path"] for f in report["findings"] for e in f["evidence"][1:]} == {"articles/a.md"}
    assert all(f["claims"] == [e["claim"] for e in f["evidence"]] for f in report["findings"])
    unanchored = run(["check", "articles", "--no-cache", "-q", "--fail-on", "note", "--format", "json=all.json"])
    everything = json.loads((work / "all.json").read_text(encoding="utf-8"))
    assert unanchored == 1 and any(f["evidence"][0]["path"] == "articles/a.md" for f in everything["findings"])
    same = {f["id"] for f in everything["findings"]} & {f["id"] for f in report["findings"]}
    assert len(same) == 1, "anchoring keeps each finding's id"
    capsys.readouterr()
    assert run([*check, "--format", "github"]) == 1
    annotations = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    assert len(annotations) == 1 and all(line.startswith("::warning file=articles/b.md,") for line in annotations)
    _git(work, "add", "articles/b.md")
    _git(work, "commit", "-q", "-m", "b")
    code, report = report_of(check, work / "r.json")
    assert rules_found(report) == ["CNT002"]

    assert run([*check[:-1], "no-such-ref"]) == 2
    assert "unknown git revision 'no-such-ref'" in capsys.readouterr().err


def test_changed_since_outside_a_git_repository_exits_2(work, capsys):
    assert run(["check", "articles", "--no-cache", "--changed-since", "HEAD"]) == 2
    assert "not inside a git repository" in capsys.readouterr().err


# --- cache and progress -----------------------------------------------------------------------------------


def test_check_uses_the_cache_by_default(work, monkeypatch):
    assert run(["check", "articles", "-q"]) == 1
    assert (work / ".checker_cache" / "cache.sqlite3").exists()
    import checker.analyse.build as build

    def no_parsing(articles, **kwargs):
        raise AssertionError("a cached article was parsed again")

    monkeypatch.setattr(build, "parse_articles", no_parsing)
    assert run(["check", "articles", "-q"]) == 1
    assert run(["check", "articles", "-q", "--cache-dir", "elsewhere"]) == 3  # an empty cache has to parse
    assert run(["check", "articles", "-q", "--no-cache"]) == 3


def test_no_progress_bar_when_stderr_is_not_a_tty(work, capsys):
    assert run(["check", "articles", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == ["checker: 1 article, 6 claims: 1 error, 0 warnings, 0 notes"], err


def test_progress_bar_draws_on_a_tty():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with progress_bar(stream) as progress:
        assert progress is not None
        progress(1, 3)
        progress(3, 3)
    assert "reading articles" in stream.getvalue()
    with progress_bar(io.StringIO()) as progress:
        assert progress is None
    with progress_bar(stream, enabled=False) as progress:
        assert progress is None


# --- rule ids in any case, `checker config` pastes back ----------------------------------------------------


def test_rule_ids_are_accepted_in_any_case(work, capsys):
    (work / "articles" / "b.md").write_text(OTHER, encoding="utf-8")
    code, report = report_of(["check", "articles", "--no-cache", "-q", "--select", "cnt001"], work / "r.json")
    assert code == 1 and rules_found(report) == ["CNT001"]
    code, report = report_of(["check", "articles", "--no-cache", "-q", "--ignore", "cnt,Nam002"], work / "r.json")
    assert code == 0 and rules_found(report) == []
    capsys.readouterr()
    assert run(["rules", "explain", "cnt003"]) == 0 and capsys.readouterr().out.startswith("CNT003 ")
    assert run(["rules", "explain", "Count-Conflict-Same-Source"]) == 0
    (work / "checker.toml").write_text(
        'select = ["cnt"]\n[severity]\ncnt002 = "error"\n[rules.cnt001]\nmin_similarity = 0.5\n', encoding="utf-8"
    )
    code, report = report_of(["check", "articles", "--no-cache", "-q"], work / "r.json")
    assert {f["severity"] for f in report["findings"] if f["rule"] == "CNT002"} == {"error"}
    assert run(["rules", "explain", "CNT001"]) == 0 and "min_similarity: 0.5" in capsys.readouterr().out
    (work / "articles" / "a.md").write_text(
        ARTICLE.replace("Police said four", "<!-- checker: ignore cnt001 -->\nPolice said four"), encoding="utf-8"
    )
    code, report = report_of(["check", "articles/a.md", "--no-cache", "-q"], work / "r.json")
    assert code == 0 and [s["rule"] for s in report["suppressed"]] == ["CNT001"] and report["notes"] == []


def _values(config_output: str) -> list[str]:
    """`checker config` lines without the comments saying where each value came from."""
    return [line.split("  # ")[0] for line in config_output.splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("name", ["checker.toml", "pyproject.toml"])
def test_config_output_pastes_back_into_the_file_it_came_from(work, monkeypatch, capsys, name):
    table = "[tool.checker]\n" if name == "pyproject.toml" else ""
    (work / "extra-rules").mkdir()
    (work / name).write_text(
        f'{table}fail-on = "warning"\nrules-dirs = ["extra-rules"]\ncache-dir = false\n'
        'format = ["json=out/r.json", "text"]\nexclude = ["drafts/"]\n'
        "[" + ("tool.checker." if table else "") + 'severity]\nCNT002 = "error"\n'
        "[" + ("tool.checker." if table else "") + "rules.CNT001]\nmin_similarity = 0.5\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(work / "articles")  # paths are written relative to the file, wherever config runs
    assert run(["config", "--ignore", "NAM002"]) == 0
    printed = capsys.readouterr().out
    assert ("[tool.checker]" in printed) == (name == "pyproject.toml"), printed
    assert 'rules-dirs = ["extra-rules"]' in printed and "cache-dir = false" in printed
    assert 'format = ["json=out/r.json", "text"]' in printed and 'ignore = ["NAM002"]  # command line' in printed
    # pasted into the same file elsewhere, it reads back to the same configuration
    copy = work / "copy"
    (copy / "extra-rules").mkdir(parents=True)
    (copy / name).write_text(printed, encoding="utf-8")
    monkeypatch.chdir(copy)
    assert run(["config"]) == 0
    again = capsys.readouterr().out
    assert _values(again) == _values(printed)
    assert all(line.endswith(f"# {name}") for line in again.splitlines() if "=" in line and "default" not in line)


def test_config_output_without_a_file_pastes_into_checker_toml(work, capsys):
    assert run(["config", "--fail-on", "note", "--no-cache", "--format", "sarif=x.sarif"]) == 0
    printed = capsys.readouterr().out
    assert "\n[tool.checker]" not in printed and "paste" in printed
    (work / "checker.toml").write_text(printed, encoding="utf-8")
    assert run(["config"]) == 0
    assert _values(capsys.readouterr().out) == _values(printed)
