"""Which files a run reads: named files as they are, directories walked in a stable order.

A walk takes the files whose suffix has a reader and leaves out hidden entries, what ignore files
and the default excludes say (``ingest.ignore``), and the run's own outputs: a second
``checker check . --out reports/`` must not read the first run's ``report.json`` as articles.
Every file a walk leaves out is counted by reason, so "no articles found" can say why. Files
found by walking are remembered apart from named ones: a walk may meet JSON that is not articles
(skipped with a note), while a named file that is not articles is an error.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ErrorCode
from ..records import InputError
from .formats import READERS
from .ignore import IgnoreRules, default_excluded, project_root

__all__ = ["Discovered", "discover", "display_path"]

# Why a walk left a file out, as "no articles found" says it: "left out: 2 files by .gitignore/.checkerignore".
IGNORED = "by .gitignore/.checkerignore"
DEFAULT = "as repository files (README, LICENSE, package.json...)"
OUTPUT = "as this run's own output"


def display_path(path: Path) -> str:
    """Paths relative to the working directory read better in reports and stay stable across machines."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class Discovered:
    files: tuple[Path, ...]
    walked: frozenset[Path]  # resolved paths of the files a directory walk found (the rest were named)
    errors: tuple[InputError, ...]
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> files of a readable type left out


@dataclass(frozen=True)
class _Outputs:
    """The run's own outputs: whole directories (``--out``) and single files (reports, the baseline)."""

    dirs: tuple[Path, ...]
    files: frozenset[Path]

    def holds(self, path: Path, walk_root: Path) -> bool:
        """Whether ``path`` (resolved) is an output or lies in an output directory; an output directory
        that the walk starts in (or above) is not skipped whole, only its files are."""
        if path in self.files:
            return True
        return any(
            (d == path or d in path.parents) and d != walk_root and d not in walk_root.parents for d in self.dirs
        )


def discover(
    paths: Iterable[str | Path],
    *,
    outputs: Sequence[Path] = (),
    output_dirs: Sequence[Path] = (),
    force_exclude: bool = False,
) -> Discovered:
    """Expand directories into the files to read; a named file of an unknown type is an input error.

    ``outputs`` / ``output_dirs``: files and directories this run writes, never read by a walk.
    ``force_exclude``: named files are left out by the same rules as walked ones.
    """
    own = _Outputs(tuple(d.resolve() for d in output_dirs), frozenset(p.resolve() for p in outputs))
    rules = IgnoreRules()
    files: list[Path] = []
    walked: set[Path] = set()
    named: set[Path] = set()
    errors: list[InputError] = []
    skipped: Counter[str] = Counter()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            errors.append(InputError(path=str(raw), code=ErrorCode.MISSING_PATH, message="no such file or directory"))
        elif path.is_dir():
            found = _walk(path, own, rules, skipped, errors)
            files.extend(found)
            walked.update(f.resolve() for f in found)
        elif path.suffix.lower() not in READERS:
            message = f"unsupported file type '{path.suffix or '(none)'}'; expected one of " + ", ".join(
                sorted(READERS)
            )
            errors.append(InputError(path=display_path(path), code=ErrorCode.UNSUPPORTED_TYPE, message=message))
        elif force_exclude and (reason := _excluded(path, own, rules)):
            skipped[reason] += 1
        else:
            files.append(path)
            named.add(path.resolve())
    unique: dict[Path, Path] = {}  # one file reached by two paths is read once, under the same path whatever the order
    for f in files:
        key = f.resolve()
        if key not in unique or (display_path(f), f.as_posix()) < (display_path(unique[key]), unique[key].as_posix()):
            unique[key] = f
    return Discovered(tuple(unique.values()), frozenset(walked - named), tuple(errors), skipped)


def _excluded(path: Path, own: _Outputs, rules: IgnoreRules) -> str | None:
    """Why a named file is left out under ``--force-exclude``, if it is."""
    resolved = path.resolve()
    if own.holds(resolved, resolved.parent):
        return OUTPUT
    if default_excluded(path):
        return DEFAULT
    if rules.ignored(resolved, project_root(resolved.parent), is_dir=False):
        return IGNORED
    return None


def _walk(top: Path, own: _Outputs, rules: IgnoreRules, skipped: Counter[str], errors: list[InputError]) -> list[Path]:
    """Readable files under ``top`` in path order; left-out ones are counted in ``skipped``. A directory
    that cannot be listed is an input error: a walk that silently reads nothing would pass the gate."""
    root = top.resolve()
    # ignore files above the walk count, unless they ignore the directory the user named itself
    scope = project_root(root)
    if scope != root and rules.ignored(root, scope, is_dir=True):
        scope = root
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        where = display_path(Path(exc.filename)) if exc.filename else display_path(top)
        message = f"cannot read directory: {exc.strerror or exc}"
        errors.append(InputError(path=where, code=ErrorCode.UNREADABLE, message=message))

    for directory, dirs, names in os.walk(top, onerror=unreadable):
        here = Path(directory)
        resolved_here = here.resolve()
        kept_dirs = []
        for name in sorted(dirs):
            child = resolved_here / name
            if name.startswith(".") or default_excluded(child, is_dir=True):
                continue
            if own.holds(child, root) or rules.ignored(child, scope, is_dir=True):
                continue
            kept_dirs.append(name)
        dirs[:] = kept_dirs
        for name in names:
            if name.startswith(".") or Path(name).suffix.lower() not in READERS:
                continue
            resolved = resolved_here / name
            if own.holds(resolved, root):
                skipped[OUTPUT] += 1
            elif default_excluded(resolved):
                skipped[DEFAULT] += 1
            elif rules.ignored(resolved, scope, is_dir=False):
                skipped[IGNORED] += 1
            else:
                found.append(here / name)
    return sorted(found)
