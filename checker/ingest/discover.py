"""Which files a run reads: directories walked recursively (hidden entries skipped), in a stable order."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import ErrorCode
from ..records import InputError
from .formats import READERS

__all__ = ["discover", "display_path"]


def display_path(path: Path) -> str:
    """Paths relative to the working directory read better in reports and stay stable across machines."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Expand directories into the files to read; a named file of an unknown type is an input error."""
    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            errors.append(InputError(path=str(raw), code=ErrorCode.MISSING_PATH, message="no such file or directory"))
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in READERS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            files.extend(found)
        elif path.suffix.lower() not in READERS:
            message = f"unsupported file type '{path.suffix or '(none)'}'; expected one of " + ", ".join(
                sorted(READERS)
            )
            errors.append(InputError(path=display_path(path), code=ErrorCode.UNSUPPORTED_TYPE, message=message))
        else:
            files.append(path)
    unique: list[Path] = []
    seen: set[Path] = set()
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, errors
