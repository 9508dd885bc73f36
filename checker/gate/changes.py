"""``--changed-since REF``: which files changed on this branch, so a pull request gates only its own articles.

Changed means: in ``git diff REF...HEAD`` (since the merge base, as a pull request shows it),
or changed but not yet committed (staged, unstaged or untracked). Unchanged articles are still
read, because a changed article must be compared against the rest of the batch.

A finding across articles has its first claim as its location (the annotation GitHub shows, the
SARIF result's primary location). When the first claim sits in an article the pull request did
not touch, the annotation lands outside the diff, where nobody reviewing it looks; so findings
are anchored on a changed article (``anchor_on_changed``): its claim comes first.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..errors import CheckerError, ErrorCode
from ..records import Finding

__all__ = ["anchor_on_changed", "changed_files"]


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


def anchor_on_changed(findings: Iterable[Finding], changed_articles: set[str]) -> list[Finding]:
    """Findings whose first evidence is in a changed article: claims from changed articles move to the
    front (in their order), the others follow (in theirs). A finding's id does not depend on order."""
    anchored: list[Finding] = []
    for finding in findings:
        if finding.evidence[0].article_id in changed_articles:
            anchored.append(finding)
            continue
        order = sorted(
            range(len(finding.evidence)), key=lambda i: finding.evidence[i].article_id not in changed_articles
        )
        claims = (
            finding.claims if len(finding.claims) != len(finding.evidence) else tuple(finding.claims[i] for i in order)
        )
        anchored.append(replace(finding, evidence=tuple(finding.evidence[i] for i in order), claims=claims))
    return anchored
