"""One JSON object -> one article: the fields ``.json`` and ``.jsonl`` files share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import ErrorCode
from ...records import Article, ArticleFormat, InputError
from ..decoding import normalise_text
from ..metadata import article_id, opt_str, parse_published, with_meta_notes

__all__ = ["article_from_record"]


def article_from_record(
    record: Any,
    path: Path,
    where: str,
    shown: str,
    line: int,
    notes: tuple[str, ...],
    format: ArticleFormat,
    index: int | None = None,
) -> tuple[Article | None, InputError | None]:
    """``text`` or ``content``, ``title``, ``published`` or ``dct``, ``source``, ``id`` or ``doc_id``, ``url``."""
    if not isinstance(record, dict):
        return None, _bad(where, "record must be a JSON object")
    text = record.get("text", record.get("content"))
    title = record.get("title")
    if text is None and title is None or text is not None and not isinstance(text, str):
        return None, _bad(where, "record has no 'text' or 'content' string")
    if not (text or "").strip():
        if not (isinstance(title, str) and title.strip()):
            return None, _bad(where, "record has neither text nor a title")
        notes = notes + ("no body text: only the title is checked",)
        text = text or ""
    try:
        published = parse_published(record.get("published", record.get("dct")))
    except ValueError as exc:
        return None, _bad(where, f"'published': {exc}")
    fallback = f"{path.stem}-{index + 1 if index is not None else line}"
    try:
        ident = article_id(record.get("id", record.get("doc_id")), fallback)
    except ValueError as exc:
        return None, _bad(where, str(exc))
    article = Article(
        id=ident,
        path=shown,
        text=normalise_text(text or ""),
        title=opt_str(record.get("title")),
        published=published,
        source=opt_str(record.get("source")),
        url=opt_str(record.get("url", record.get("uri"))),
        record_line=line,
        notes=notes,
        format=format,
    )
    return with_meta_notes(article), None


def _bad(where: str, message: str) -> InputError:
    return InputError(path=where, code=ErrorCode.BAD_RECORD, message=message)
