"""Writing output files atomically: readers (and CI) never see half a report or half a baseline.

Every file of a run is first written to a temporary file beside its target; only when all of
them are written are they renamed into place, so a run that fails part-way (a full disk, an
unwritable directory) leaves the previous reports as they were. A new file gets the mode the
user's umask gives any new file (a temporary file alone would be 0600, unreadable to the web
server or the CI step that publishes the reports); a replaced file keeps its mode.

On the ground floor with ``errors`` and ``records``: imports nothing from ``checker``.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

__all__ = ["unwritable", "write_atomic", "write_files"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def write_files(items: Sequence[tuple[str | Path, str]]) -> None:
    """Write every ``(path, text)`` or none: temporary files first, then one rename each.

    Raises ``OSError`` (naming the path in ``filename``) when a file cannot be written; no
    target has been touched then.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, text in items:
            path = Path(target)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(path)) from exc
            staged.append((tmp, path))
            os.fchmod(fd, _mode_for(path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, text: str) -> None:
    """Write one file through a temporary file beside it, then rename."""
    write_files([(path, text)])


def unwritable(path: str | Path) -> str | None:
    """Why ``path`` cannot be written as a file, checked before a long run starts; None if it looks fine.

    The write itself still reports what this cannot foresee (a full disk, a read-only mount)."""
    path = Path(path)
    if path.is_dir():
        return "is a directory"
    parent = path.parent
    while not parent.exists():
        if parent == parent.parent:
            return "no such directory"
        parent = parent.parent
    if not parent.is_dir():
        return f"{parent.as_posix()} is not a directory"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"permission denied in {parent.as_posix()}"
    return None
