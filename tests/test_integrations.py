"""Ready-made integrations: the pre-commit hook runs, the CI files are valid for their CI, and every
``checker`` command line they (and the README's CI section) contain runs with the real CLI."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from checker.cli import run
from checker.report.render import RENDERERS

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / "docs" / "ci" / "github-actions.yml"
GITLAB = ROOT / "docs" / "ci" / "gitlab-ci.yml"

CLEAN = "---\ntitle: Quiet day\npublished: 2014-02-11\nsource: KTVB\n---\nThe city council met on Monday to discuss the budget.\n"
BAD = (
    "---\ntitle: Shooting\npublished: 2014-02-11\nsource: KTVB\n---\n"
    "Police said two people were killed in the shooting at the mall on Monday.\n\n"
    "Police said four people were killed in the shooting at the mall.\n"
)


class _Yaml11WithoutOnOff(yaml.SafeLoader):
    """YAML 1.1 reads ``on:`` (GitHub's trigger key) as True; CI systems read it as the string "on"."""


_Yaml11WithoutOnOff.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml11WithoutOnOff.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml11WithoutOnOff)


def vendored_schema(name: str) -> dict:
    resources = pytest.importorskip("check_jsonschema.builtin_schemas.vendor", reason="pip install -e '.[dev]'")
    return json.loads((Path(resources.__file__).parent / name).read_text(encoding="utf-8"))


def test_loader_keeps_on_as_a_string():
    assert "on" in load_yaml(GITHUB) and True not in load_yaml(GITHUB)


@pytest.mark.parametrize("path,schema", [(GITHUB, "github-workflows.json"), (GITLAB, "gitlab-ci.json")])
def test_ci_files_are_valid_for_their_ci(path, schema):
    validator = jsonschema.Draft7Validator(vendored_schema(schema))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(load_yaml(path))]
    assert not errors, errors


def test_ci_files_produce_what_their_ci_reads():
    workflow = load_yaml(GITHUB)
    steps = workflow["jobs"]["check"]["steps"]
    sarif = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert any("sarif=" + sarif["with"]["sarif_file"] in s.get("run", "") for s in steps)
    job = load_yaml(GITLAB)["checker"]
    report = job["artifacts"]["reports"]["codequality"]
    assert any(f"gitlab={report}" in line for line in job["script"])


def _commands(text: str) -> list[str]:
    """``checker ...`` command lines (comments dropped) wherever they appear: run steps, scripts, code blocks."""
    found = re.findall(r"(?:^|[\s:-])(checker (?:check|baseline|config|rules)\b[^\n#`]*)", text, re.MULTILINE)
    return [c.strip() for c in found]


def _ci_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Use it in CI", 1)[1].split("\n## ", 1)[0]


COMMANDS = sorted({c for text in (GITHUB.read_text(), GITLAB.read_text(), _ci_section()) for c in _commands(text)})


def test_there_are_commands_to_check():
    assert any("--format github" in c for c in COMMANDS) and any("--format gitlab=" in c for c in COMMANDS)
    assert any("--baseline checker-baseline.json" in c for c in COMMANDS)  # recording it: test_readme runs that


@pytest.mark.parametrize("command", COMMANDS)
def test_every_documented_command_runs(command, tmp_path, monkeypatch):
    """Each command runs in a directory with sample articles; formats not yet registered get a stub."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    for name in ("github", "gitlab", "sarif", "text"):
        if name not in RENDERERS:
            monkeypatch.setitem(RENDERERS, name, lambda report, rules, *, color=False: "{}\n")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "articles" / "b.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "checker-baseline.json").write_text('{"tool": "checker", "version": 1, "findings": []}\n')
    if "--changed-since" in command:  # a repository whose origin/main is the current commit
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
        for step in (
            ["init", "-q"],
            ["add", "."],
            ["commit", "-q", "-m", "x"],
            ["update-ref", "refs/remotes/origin/main", "HEAD"],
        ):
            subprocess.run([*git, *step], cwd=tmp_path, check=True, capture_output=True)
    args = shlex.split(command)[1:]
    code = run([*args, "--no-cache"] if args[0] in ("check", "baseline") else args)
    assert code in (0, 1), command
    for option in re.findall(r"=(\S+\.(?:sarif|json))", command):
        assert (tmp_path / option).exists(), option
    if "--out reports/" in command:
        assert (tmp_path / "reports" / "report.json").exists()


def test_pre_commit_hook_entry_runs_on_staged_files(tmp_path):
    hooks = load_yaml(ROOT / ".pre-commit-hooks.yaml")
    hook = next(h for h in hooks if h["id"] == "checker")
    assert hook["language"] == "python" and hook["pass_filenames"] is True and hook["require_serial"] is True
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.md", "b.txt", "c.json", "d.jsonl")) and not files.search("e.py")
    assert hook["entry"] == "checker check --force-exclude --allow-empty"
    # pre-commit runs `entry` + the staged file names; `checker` is this checkout's CLI
    command = [sys.executable, "-m", "checker", *shlex.split(hook["entry"])[1:]]
    env = dict(os.environ, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    clean = subprocess.run([*command, "clean.md"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    bad = subprocess.run([*command, "clean.md", "bad.md"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert bad.returncode == 1, bad.stderr
    assert "1 error," in bad.stderr
    # a commit that stages only repository files (or ignored ones) has no article to check, and passes
    (tmp_path / "README.md").write_text(BAD, encoding="utf-8")
    (tmp_path / ".checkerignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.md").write_text(BAD, encoding="utf-8")
    other = subprocess.run(
        [*command, "README.md", "drafts/d.md"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert other.returncode == 0, other.stderr
