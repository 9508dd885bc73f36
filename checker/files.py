"""Writing output files as one set: readers (and CI) never see half a report, or a new ``report.json``
next to an old ``report.md``.

Every file of a run is first written to a temporary file beside its target (and synced); only
when all of them are written are the old targets removed and the new ones renamed into place. A
failure while staging (a full disk, an unwritable directory) removes the temporary files and
touches no target; a failure while renaming removes the new files already in place, so what is
left is never a mix of two runs (the old set is gone by then: the error says which files were
removed). A run killed part-way can leave temporary files behind; the next write to the same
target removes them once they are a minute old. ``remove_files`` is for a run that fails before
writing: its previous reports must not pass for this run's. A new file gets the mode the user's
umask gives any new file (a temporary file alone would be 0600, unreadable to the web server or
the CI step that publishes the reports); a replaced file keeps its mode.

On the ground floor with ``errors`` and ``records``: imports nothing from ``checker``.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["PartialWrite", "remove_files", "unwritable", "write_atomic", "write_files"]

STALE_SECONDS = 60.0  # a temporary file this old belongs to a run that was killed


class PartialWrite(OSError):
    """Renaming failed part-way: the new files already in place were removed (``removed``), so neither
    the old set nor the new one is left as a whole."""

    def __init__(self, cause: OSError, removed: Sequence[Path]) -> None:
        super().__init__(cause.errno, cause.strerror, cause.filename)
        self.removed = tuple(removed)


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
    """Write every ``(path, text)`` or none: temporary files first, then the old targets removed and one
    rename each.

    Raises ``OSError`` (naming the path in ``filename``) when a file cannot be written; no target has
    been touched then. Raises ``PartialWrite`` when a rename fails after the old targets were removed.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, text in items:
            path = Path(target)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                _remove_stale(path)
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(path)) from exc
            staged.append((tmp, path))
            os.fchmod(fd, _mode_for(path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    _commit(staged)


def _commit(staged: list[tuple[str, Path]]) -> None:
    """Old targets out, new ones in; a failure in between removes the new ones (never a mix of two runs)."""
    placed: list[Path] = []
    try:
        for _, path in staged:
            if path.is_file() or path.is_symlink():
                path.unlink()
        for tmp, path in staged:
            os.replace(tmp, path)
            placed.append(path)
        for directory in dict.fromkeys(path.parent for _, path in staged):
            _sync_directory(directory)
    except OSError as exc:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        removed = [p for p in placed if _unlink(p)]
        raise PartialWrite(exc, removed) from exc
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        for path in placed:
            _unlink(path)
        raise


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:
        return False


def _sync_directory(directory: Path) -> None:
    """The renames themselves reach the disk (a crash after this keeps the new set)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale(path: Path, older_than: float = STALE_SECONDS) -> None:
    """Temporary files of ``path`` left by a run that was killed (``.report.json.x1y2.tmp``)."""
    cutoff = time.time() - older_than
    for leftover in path.parent.glob(f".{_glob_escape(path.name)}.*.tmp"):
        try:
            if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            continue


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def remove_files(paths: Iterable[str | Path]) -> list[Path]:
    """Remove the files that exist among ``paths`` (never a directory); the ones removed."""
    removed: list[Path] = []
    for target in paths:
        path = Path(target)
        if (path.is_file() or path.is_symlink()) and _unlink(path):
            removed.append(path)
    return removed


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
