"""What a newsroom installs: the wheel builds, carries the built-in rules and every data file, is named
newsroom-checker, installs the ``checker`` command, and runs from outside this checkout."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """``pip wheel . --no-deps`` as the README shows it (offline here: the dev extra brings the backend)."""
    out = tmp_path_factory.mktemp("wheel")
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        str(ROOT),
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(out),
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("*.whl")
    return built


def test_the_distribution_name_is_newsroom_checker_and_the_command_checker(wheel):
    from checker import __version__

    assert wheel.name == f"newsroom_checker-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        info = f"newsroom_checker-{__version__}.dist-info"
        metadata = email.message_from_bytes(archive.read(f"{info}/METADATA"))
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
    assert metadata["Name"] == "newsroom-checker" and metadata["Version"] == __version__
    assert "checker = checker.cli:main" in entry_points
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"checker": "checker.cli:main"}


def test_the_wheel_holds_the_built_in_rules_and_every_data_file(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    rules = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert rules and {f"checker/_builtin_rules/{name}" for name in rules} <= names
    tracked = subprocess.run(["git", "ls-files", "checker"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    files = tracked or [p.relative_to(ROOT).as_posix() for p in (ROOT / "checker").rglob("*") if p.is_file()]
    package_files = {f for f in files if "__pycache__" not in f}
    assert package_files and package_files <= names, sorted(package_files - names)
    assert not any(n.startswith(("tests/", "seeds/", "reports/")) for n in names)


def test_the_installed_package_runs_outside_the_checkout(wheel, tmp_path):
    """Unpacked where nothing of this checkout is on the path: rules, schema and a check all work."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    work = tmp_path / "newsroom"
    (work / "articles").mkdir(parents=True)
    (work / "articles" / "a.md").write_text(
        "---\ntitle: Fire\npublished: 2014-02-11\nsource: KTVB\n---\n"
        "The factory fire broke out on Tuesday, Feb. 11, 2014, officials said.\n\n"
        "The factory fire broke out on Tuesday, Feb. 12, 2014, officials said.\n",
        encoding="utf-8",
    )
    env = dict(os.environ, PYTHONPATH=str(site), HF_HUB_OFFLINE="1")

    def checker(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "checker", *args], cwd=work, env=env, capture_output=True, text=True
        )

    where = subprocess.run(
        [sys.executable, "-c", "import checker.rules.loading as l; print(l.builtin_rules_dir())"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.stdout.strip() == str(site / "checker" / "_builtin_rules"), where.stderr
    listed = checker("rules")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 2 + len(list((ROOT / "rules").glob("*.yaml")))
    assert checker("schema").returncode == 0
    checked = checker("check", "articles", "--select", "DAT001", "--no-cache")
    assert checked.returncode == 1 and "articles/a.md:8:" in checked.stdout and "DAT001" in checked.stdout, checked
