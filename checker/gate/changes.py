"""``--changed-since REF``: which files changed on this branch, so a pull request gates only its own articles.

Changed means: in ``git diff REF...HEAD`` (since the merge base, as a pull request shows it),
or changed but not yet committed (staged, unstaged or untracked). Unchanged articles are still
read, because a changed article must be compared against the rest of the batch.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import CheckerError, ErrorCode

__all__ = ["changed_files"]


def _error(message: str) -> CheckerError:
    """Not a git repository, git missing, or an unknown revision (a usage error, exit 2)."""
    return CheckerError(ErrorCode.CHANGED_SINCE, message)


def _git(args: list[str], cwd: Path) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise _error("--changed-since needs git, which is not installed") from None
    if result.returncode != 0:
        raise _error(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"git {args[0]} failed")
    return result.stdout


def changed_files(ref: str, cwd: Path | None = None) -> set[Path]:
    """Absolute paths of files changed since ``ref`` (committed on this branch or not yet committed)."""
    cwd = cwd or Path.cwd()
    try:
        root = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except CheckerError:
        raise _error(f"--changed-since: {cwd} is not inside a git repository") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except CheckerError:
        raise _error(f"--changed-since: unknown git revision '{ref}'") from None
    names: list[str] = []
    for args in (
        ["diff", "--name-only", "-z", f"{ref}...HEAD"],
        ["diff", "--name-only", "-z", "HEAD"],
        ["ls-files", "--others", "--exclude-standard", "-z", "--full-name"],
    ):
        names.extend(n for n in _git(args, root).split("\0") if n)
    return {(root / name).resolve() for name in names}
