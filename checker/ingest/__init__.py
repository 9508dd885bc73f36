"""Reading articles: the only layer that knows file formats.

Each problem with a file becomes an ``InputError`` record instead of an exception, so a bad
file among good ones is reported while the rest of the batch is still checked. Readers live
in ``ingest/formats`` (one per format, registered by suffix); the junk filter that finds an
article's own copy is ``ingest.boilerplate``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import ErrorCode
from ..records import Article, InputError
from .decoding import decode, normalise_text
from .discover import discover, display_path
from .formats import READERS, reader_for
from .metadata import parse_published

__all__ = [
    "READERS",
    "ReadResult",
    "discover",
    "display_path",
    "normalise_text",
    "parse_published",
    "read_file",
    "read_paths",
]


@dataclass(frozen=True)
class ReadResult:
    """Articles and input errors found under the given paths."""

    articles: tuple[Article, ...]
    errors: tuple[InputError, ...]


def read_paths(paths: Iterable[str | Path], *, keep: Callable[[Path], bool] | None = None) -> ReadResult:
    """Read every article under ``paths``; ids are made unique across the batch.

    ``keep`` filters the discovered files (the configuration's include/exclude patterns).
    """
    files, errors = discover(paths)
    if keep is not None:
        files = [f for f in files if keep(f)]
    articles: list[Article] = []
    for path in files:
        got, errs = read_file(path)
        articles.extend(got)
        errors.extend(errs)
    return ReadResult(tuple(_unique_ids(articles)), tuple(errors))


def read_file(path: Path) -> tuple[list[Article], list[InputError]]:
    shown = display_path(path)
    entry = reader_for(path)
    if entry is None:
        message = f"unsupported file type '{path.suffix or '(none)'}'"
        return [], [InputError(path=shown, code=ErrorCode.UNSUPPORTED_TYPE, message=message)]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        message = f"cannot read file: {exc.strerror or exc}"
        return [], [InputError(path=shown, code=ErrorCode.UNREADABLE, message=message)]
    text, note, error = decode(raw, shown)
    if error is not None or text is None:
        return [], [error] if error is not None else []
    return entry.read(text, path, shown, (note,) if note else ())


def _unique_ids(articles: list[Article]) -> Iterator[Article]:
    seen: dict[str, int] = {}
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        if count:
            yield replace(
                article,
                id=f"{article.id}~{count + 1}",
                notes=article.notes + (f"id '{article.id}' is used by another article; renamed",),
            )
        else:
            yield article
