"""The README opens with the two commands CI runs, and every other command in it runs as written, in a fresh
shell (no activated virtual environment, a bare PATH), after the set-up command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```bash\n(.*?)\n```", README, re.DOTALL)

# Minutes of work on ../shared data: run with --help, which still proves the interpreter, the imports and
# the module path a fresh shell resolves (what failed before: "No module named 'typer'").
LONG = (
    ".venv/bin/python -m benchmarks.evaluate",
    ".venv/bin/python -m benchmarks.speed",
    ".venv/bin/python -m benchmarks.fuzz",
    ".venv/bin/python -m benchmarks.archive_speed",
    ".venv/bin/python -m benchmarks.ray_speed",
    ".venv/bin/python -m benchmarks.batch_quality",
)


def test_ci_runs_the_readme_commands():
    setup, tests = BLOCKS[0].strip(), BLOCKS[1].strip()
    assert "checker check seeds/ --out reports/" in setup and "pip install" in setup
    assert "pytest" in tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert setup in ci and tests in ci


def readme_commands() -> list[str]:
    """Every command after the set-up and test commands: lines of bash blocks (comments dropped) and inline
    code that calls a program of the virtual environment with arguments."""
    commands = [line.split("  #")[0].strip() for block in BLOCKS[2:] for line in block.splitlines()]
    inline = re.findall(r"`(\.venv/bin/[^`\s]+ [^`]+)`", README)
    return list(dict.fromkeys(c for c in [*commands, *inline] if c and not c.startswith("#")))


def test_every_command_is_called_through_the_virtual_environment():
    """A bare `checker` or `python` is "command not found" or the wrong interpreter in a fresh shell.
    CI recipes (yaml blocks) run in the CI job's own Python and are checked in test_integrations; prose
    that names a subcommand (`checker rules`) names it, it is not a command line to paste."""
    commands = readme_commands()
    assert len(commands) >= 15
    assert all(c.startswith(".venv/bin/") for c in commands), [c for c in commands if not c.startswith(".venv/")]
    assert not re.search(r"(?m)^\s*(?:python|checker) ", "\n".join(BLOCKS)), "a bash block calls a bare program"


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """A copy of the checkout (so commands that write, write there) sharing this checkout's .venv."""
    copy = tmp_path_factory.mktemp("checkout")
    for name in ("checker", "rules", "seeds", "benchmarks", "docs"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", ".checker_cache"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, copy / name)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    return copy


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "checker").exists(), reason="run the README's set-up command first")
@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs_in_a_fresh_shell(command, checkout):
    run = command + " --help" if command.startswith(LONG) else command
    fresh = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8"}
    result = subprocess.run(
        ["bash", "-c", run], cwd=checkout, env=fresh, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    findings_expected = " check " in f" {command} " and "--allow-empty" not in command and "seeds" in command
    assert result.returncode in ((0, 1) if findings_expected else (0,)), result.stdout[-2000:] + result.stderr[-2000:]
    for failure in ("command not found", "No module named", "Traceback", "internal error"):
        assert failure not in result.stderr, result.stderr
    if "> docs/rules.md" in command:
        assert (checkout / "docs" / "rules.md").read_text() == (ROOT / "docs" / "rules.md").read_text()
    if "pip wheel" in command:
        assert list((checkout / "dist").glob("newsroom_checker-*-py3-none-any.whl"))
