"""Reading articles from disk: plain text, Markdown with front matter, JSON and JSONL.

Each problem with a file becomes an ``InputError`` instead of an exception, so a
bad file among good ones is reported while the rest of the batch is still checked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from .models import Article, InputError

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES

# Header lines of a scraped .txt file that carry its metadata ("Published: 2012-07-24").
_TXT_HEADER_LINE = re.compile(
    r"^\s*(?P<key>published|posted|updated|date|source|title)\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class ReadResult:
    """Articles and input errors found under the given paths."""

    articles: tuple[Article, ...]
    errors: tuple[InputError, ...]


def display_path(path: Path) -> str:
    """Paths relative to the working directory read better in reports and stay stable across machines."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Expand directories (recursively, hidden entries skipped) into the files to read, in a stable order."""
    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            errors.append(InputError(str(raw), "missing-path", "no such file or directory"))
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            files.extend(found)
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            errors.append(
                InputError(
                    display_path(path),
                    "unsupported-type",
                    f"unsupported file type '{path.suffix or '(none)'}'; expected one of "
                    + ", ".join(sorted(SUPPORTED_SUFFIXES)),
                )
            )
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
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [InputError(shown, "unreadable", f"cannot read file: {exc.strerror or exc}")]
    text, note, error = decode(raw, shown)
    if error:
        return [], [error]
    assert text is not None
    notes = (note,) if note else ()
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(text, path, shown, notes)
    if suffix in JSON_SUFFIXES:
        return _read_json(text, path, shown, notes)
    if not text.strip():
        return [], [InputError(shown, "empty", "file is empty")]
    if suffix in MARKDOWN_SUFFIXES:
        try:
            article = _read_markdown(text, path, shown, notes)
        except _FrontMatterError as exc:
            return [], [InputError(shown, "bad-front-matter", str(exc))]
        return [article], []
    return [_read_text(text, path, shown, notes)], []


def decode(raw: bytes, shown: str) -> tuple[str | None, str | None, InputError | None]:
    """UTF-8 first; an identifiable legacy encoding (cp1252) is decoded with a note; binary is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalise_text(raw.decode("utf-16")), "decoded as UTF-16", None
        except UnicodeDecodeError:
            return None, None, InputError(shown, "decode", "text is not valid UTF-16 despite its byte-order mark")
    if b"\x00" in raw[:8192]:
        return None, None, InputError(shown, "binary", "binary file (contains NUL bytes), not text")
    try:
        return normalise_text(raw.decode("utf-8-sig")), None, None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return (
            None,
            None,
            InputError(
                shown,
                "decode",
                f"cannot decode text: not UTF-8 (bad byte at offset {utf8_error.start}) and not cp1252",
            ),
        )
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 200):
        return None, None, InputError(shown, "binary", "binary file (control bytes), not text")
    return normalise_text(text), "decoded as cp1252 (file is not UTF-8)", None


# C1 control characters that scraped pages carry in place of cp1252 punctuation ("Miami\x92s").
_C1_AS_CP1252 = {code: bytes([code]).decode("cp1252", errors="replace") for code in range(0x80, 0xA0)}
_C1_AS_CP1252 = {code: ch for code, ch in _C1_AS_CP1252.items() if ch != "\ufffd"}


def normalise_text(text: str) -> str:
    """Unify line ends, and read stray C1 controls as the cp1252 punctuation they stand for."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any("\x80" <= ch <= "\x9f" for ch in text):
        text = text.translate(_C1_AS_CP1252)
    return text


class _FrontMatterError(ValueError):
    pass


def _read_markdown(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> Article:
    meta: dict[str, Any] = {}
    body = text
    line_offset = 0
    if text.startswith("---\n") or text.startswith("---\r\n"):
        match = re.match(r"---\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.DOTALL)
        if not match:
            raise _FrontMatterError("front matter opened with '---' is never closed")
        try:
            loaded = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or "invalid YAML"
            raise _FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from None
        if not isinstance(loaded, dict):
            raise _FrontMatterError("front matter must be a YAML mapping of keys to values")
        meta = loaded
        body = text[match.end() :]
        line_offset = text[: match.end()].count("\n")
    published_value = meta.get("published", meta.get("date"))
    try:
        published = parse_published(published_value)
    except ValueError as exc:
        raise _FrontMatterError(f"'published': {exc}") from None
    for key in ("title", "source", "url", "id"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], (str, int)):
            raise _FrontMatterError(f"'{key}' must be a string")
    if not body.strip():
        raise _FrontMatterError("article has front matter but no text")
    return _with_meta_notes(
        Article(
            id=str(meta.get("id") or path.stem),
            path=shown,
            text=body,
            title=_opt_str(meta.get("title")),
            published=published,
            published_raw=None if published_value is None else str(published_value),
            source=_opt_str(meta.get("source")),
            url=_opt_str(meta.get("url")),
            line_offset=line_offset,
            notes=notes,
        )
    )


def _read_text(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> Article:
    header = _text_header(text)
    published = None
    raw = header.get("published") or header.get("posted") or header.get("date") or header.get("updated")
    if raw:
        try:
            published = parse_published(raw)
        except ValueError:
            notes = notes + (f"header date {raw!r} is not an ISO date; ignored",)
    return _with_meta_notes(
        Article(
            id=path.stem,
            path=shown,
            text=text,
            title=None,
            published=published,
            published_raw=raw,
            source=header.get("source"),
            notes=notes,
        )
    )


def _text_header(text: str) -> dict[str, str]:
    """Scraped .txt files often carry 'Published: 2014-02-11' or 'Source: ...' among their first lines."""
    header: dict[str, str] = {}
    for line in text.split("\n")[:8]:
        match = _TXT_HEADER_LINE.match(line)
        if match:
            header.setdefault(match.group("key").lower(), match.group("value"))
    return header


def _read_jsonl(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> tuple[list[Article], list[InputError]]:
    articles: list[Article] = []
    errors: list[InputError] = []
    lines = text.split("\n")
    if not any(line.strip() for line in lines):
        return [], [InputError(shown, "empty", "file is empty")]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(InputError(f"{shown}:{number}", "bad-json", f"invalid JSON: {exc.msg}"))
            continue
        article, error = _article_from_record(record, path, f"{shown}:{number}", shown, number, notes)
        if error:
            errors.append(error)
        elif article:
            articles.append(article)
    return articles, errors


def _read_json(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> tuple[list[Article], list[InputError]]:
    if not text.strip():
        return [], [InputError(shown, "empty", "file is empty")]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [InputError(shown, "bad-json", f"invalid JSON at line {exc.lineno}: {exc.msg}")]
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        records = data["articles"]
    elif isinstance(data, list):
        records = data
    else:
        records = [data]
    articles: list[Article] = []
    errors: list[InputError] = []
    for index, record in enumerate(records):
        where = f"{shown}[{index}]" if len(records) > 1 else shown
        article, error = _article_from_record(record, path, where, shown, 1, notes, index if len(records) > 1 else None)
        if error:
            errors.append(error)
        elif article:
            articles.append(article)
    return articles, errors


def _article_from_record(
    record: Any,
    path: Path,
    where: str,
    shown: str,
    line: int,
    notes: tuple[str, ...],
    index: int | None = None,
) -> tuple[Article | None, InputError | None]:
    if not isinstance(record, dict):
        return None, InputError(where, "bad-record", "record must be a JSON object")
    text = record.get("text", record.get("content"))
    title = record.get("title")
    if text is None and title is None or text is not None and not isinstance(text, str):
        return None, InputError(where, "bad-record", "record has no 'text' or 'content' string")
    if not (text or "").strip():
        if not (isinstance(title, str) and title.strip()):
            return None, InputError(where, "bad-record", "record has neither text nor a title")
        notes = notes + ("no body text: only the title is checked",)
        text = text or ""
    published_value = record.get("published", record.get("dct"))
    try:
        published = parse_published(published_value)
    except ValueError as exc:
        return None, InputError(where, "bad-record", f"'published': {exc}")
    ident = record.get("id", record.get("doc_id"))
    if ident is None:
        ident = f"{path.stem}-{index + 1 if index is not None else line}"
    return (
        _with_meta_notes(
            Article(
                id=str(ident),
                path=shown,
                text=normalise_text(text),
                title=_opt_str(record.get("title")),
                published=published,
                published_raw=None if published_value is None else str(published_value),
                source=_opt_str(record.get("source")),
                url=_opt_str(record.get("url", record.get("uri"))),
                record_line=line,
                notes=notes,
            )
        ),
        None,
    )


def parse_published(value: Any) -> dt.date | None:
    """ISO date or date-time (YAML may already have turned it into a date)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date such as 2012-07-24, got {value!r}")
    candidate = value.strip()
    try:
        if len(candidate) == 10:
            return dt.date.fromisoformat(candidate)
        return dt.datetime.fromisoformat(candidate.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"expected an ISO date such as 2012-07-24, got {value!r}") from None


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _with_meta_notes(article: Article) -> Article:
    """Say what the article lacks instead of guessing it later."""
    notes = list(article.notes)
    if article.published is None:
        notes.append("no publication date: relative dates such as 'Tuesday' are left unresolved")
    if article.source is None:
        notes.append("no source named: the publisher cannot be compared with other outlets")
    return replace(article, notes=tuple(notes))


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
