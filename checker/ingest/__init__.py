"""Reading articles: the only layer that knows file formats.

Each problem with a file becomes an ``InputError`` record instead of an exception, so a bad
file among good ones is reported while the rest of the batch is still checked. Only regular
files are read, within the limits of ``checker.limits`` (a FIFO, ``/dev/zero`` or a 5 GB file
is one error line, not a hang). Articles come out in one canonical order (by path, then by
place in the file) whatever order the paths were given in, and ids are made unique in that
order, so the findings never depend on the command line's order. Which files a
run reads is ``ingest.discover`` (with ``ingest.ignore``); a file a directory walk met that
holds no article (JSON that is not article-shaped, an empty file) is set aside with a note,
while the same file named on the command line is an error. Readers live in ``ingest/formats``
(one per format, registered by suffix; they record where decoded fields sit in the file); the
junk filter that finds an article's own copy is ``ingest.boilerplate``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import CheckerError, ErrorCode
from ..limits import MAX_FILE_BYTES, check_article_size, read_regular, size_text
from ..records import Article, InputError
from .boilerplate import dropped_copy
from .decoding import decode, normalise_text
from .discover import Discovered, discover, display_path
from .formats import READERS, Reader, reader_for
from .metadata import parse_published

__all__ = [
    "READERS",
    "Discovered",
    "ReadResult",
    "Stdin",
    "discover",
    "display_path",
    "normalise_text",
    "parse_published",
    "read_file",
    "read_paths",
    "read_stdin",
]


KEPT_OUT = "by include/exclude"
# A file a walk meets that holds no article (an empty placeholder, JSON that is not article-shaped)
# is noted and skipped; named on the command line, it is an error.
_NOT_ARTICLES = (ErrorCode.NOT_AN_ARTICLE, ErrorCode.EMPTY)


@dataclass(frozen=True)
class Stdin:
    """One article piped in (``checker check -``); ``name`` (``--stdin-filename``) gives its format and path."""

    raw: bytes
    name: str | None = None


@dataclass(frozen=True)
class ReadResult:
    """Articles and input errors found under the given paths.

    ``skipped``: files a directory walk met that are not articles (a ``package.json``, an old
    report), noted rather than failed; ``left_out``: files of a readable type that were not read,
    by reason; ``files``: how many files were read.
    """

    articles: tuple[Article, ...]
    errors: tuple[InputError, ...]
    skipped: tuple[InputError, ...] = ()
    left_out: Mapping[str, int] = field(default_factory=dict)
    files: int = 0


def read_paths(
    paths: Iterable[str | Path],
    *,
    keep: Callable[[Path], bool] | None = None,
    outputs: Sequence[Path] = (),
    output_dirs: Sequence[Path] = (),
    force_exclude: bool = False,
    stdin: Stdin | None = None,
) -> ReadResult:
    """Read every article under ``paths`` (and from ``stdin``); ids are made unique across the batch.

    ``keep`` filters the discovered files (the configuration's include/exclude patterns);
    ``outputs``, ``output_dirs`` and ``force_exclude`` go to ``discover``. A file on disk that
    ``stdin`` stands for (same path as its name) is not read: the piped text replaces it.
    """
    found = discover(paths, outputs=outputs, output_dirs=output_dirs, force_exclude=force_exclude)
    left_out = Counter(found.skipped)
    files = list(found.files)
    if keep is not None:
        kept = [f for f in files if keep(f)]
        if len(kept) < len(files):
            left_out[KEPT_OUT] += len(files) - len(kept)
        files = kept
    if stdin is not None and stdin.name:
        replaced = Path(stdin.name).resolve()
        files = [f for f in files if f.resolve() != replaced]
    articles: list[Article] = []
    errors = list(found.errors)
    skipped: list[InputError] = []
    files.sort(key=lambda f: (display_path(f), f.as_posix()))  # the order given must not change the findings
    for path in files:
        got, errs = read_file(path)
        articles.extend(got)
        for error in errs:
            walked = path.resolve() in found.walked
            (skipped if walked and error.code in _NOT_ARTICLES else errors).append(error)
    count = len(files)
    if stdin is not None:
        got, errs = read_stdin(stdin)
        articles.extend(got)
        errors.extend(errs)
        count += 1
    articles.sort(key=lambda a: a.path)  # stable: a file's articles keep their order; stdin takes its name's place
    return ReadResult(tuple(_unique_ids(articles)), tuple(errors), tuple(skipped), dict(left_out), count)


def read_file(path: Path) -> tuple[list[Article], list[InputError]]:
    shown = display_path(path)
    entry = reader_for(path)
    if entry is None:
        message = f"unsupported file type '{path.suffix or '(none)'}'"
        return [], [InputError(path=shown, code=ErrorCode.UNSUPPORTED_TYPE, message=message)]
    try:
        raw = read_regular(path)
    except CheckerError as exc:  # not a regular file, or over the size limit
        return [], [InputError(path=shown, code=exc.code, message=exc.message)]
    except OSError as exc:
        message = f"cannot read file: {exc.strerror or exc}"
        return [], [InputError(path=shown, code=ErrorCode.UNREADABLE, message=message)]
    return _read(raw, path, shown, entry)


def read_stdin(stdin: Stdin) -> tuple[list[Article], list[InputError]]:
    """The piped article, read as a file of its name would be (plain text when it has no name)."""
    path = Path(stdin.name) if stdin.name else Path("stdin.txt")
    shown = display_path(path) if stdin.name else "-"
    entry = reader_for(path)
    if entry is None:
        expected = ", ".join(sorted(READERS))
        message = f"unsupported file type '{path.suffix or '(none)'}' for --stdin-filename; expected one of {expected}"
        return [], [InputError(path=shown, code=ErrorCode.UNSUPPORTED_TYPE, message=message)]
    if len(stdin.raw) > MAX_FILE_BYTES:
        message = f"standard input is over the limit of {size_text(MAX_FILE_BYTES)}"
        return [], [InputError(path=shown, code=ErrorCode.TOO_LARGE, message=message)]
    return _read(stdin.raw, path, shown, entry)


def _read(raw: bytes, path: Path, shown: str, entry: Reader) -> tuple[list[Article], list[InputError]]:
    text, note, error = decode(raw, shown)
    if error is not None or text is None:
        return [], [error] if error is not None else []
    articles, errors = entry.read(text, path, shown, (note,) if note else ())
    kept: list[Article] = []
    for article in articles:
        try:
            _check_text(article)
            check_article_size(article.text)
        except CheckerError as exc:
            where = f"{shown}:{article.record_line}" if article.record_line and len(articles) > 1 else shown
            errors.append(InputError(path=where, code=exc.code, message=exc.message))
            continue
        kept.append(replace(article, dropped=tuple(dropped_copy(article.text, markdown=article.format == "markdown"))))
    return kept, errors


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(article: Article) -> None:
    """Every field is text a report can hold: a YAML escape such as "\\ud800" yields a lone surrogate, which
    no UTF-8 file can hold (the JSON reader refuses it earlier, with the string's place)."""
    for name in ("id", "title", "source", "url", "text"):
        value = getattr(article, name)
        if value and (match := _SURROGATE.search(value)):
            message = f"'{name}' holds a lone surrogate (\\u{ord(match.group(0)):04x}), which is no character"
            raise CheckerError(ErrorCode.DECODE, message)


def _unique_ids(articles: list[Article]) -> Iterator[Article]:
    """The first article (in canonical order) keeps an id; a later one is renamed ``id~N`` with the smallest
    N that no article of the batch uses, as given or renamed (``same``, ``same``, ``same~2`` become
    ``same``, ``same~3``, ``same~2``: no article is lost or doubled)."""
    taken = {article.id for article in articles}
    first: dict[str, Article] = {}
    for article in articles:
        if article.id not in first:
            first[article.id] = article
            yield article
            continue
        number = 2
        while f"{article.id}~{number}" in taken:
            number += 1
        renamed = f"{article.id}~{number}"
        taken.add(renamed)
        note = f"id '{article.id}' is also used by {first[article.id].path}; renamed '{renamed}'"
        yield replace(article, id=renamed, notes=article.notes + (note,))
