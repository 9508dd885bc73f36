"""Markdown (``.md``) with YAML front matter: title, published, source, url, optional id."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ...errors import ErrorCode
from ...records import Article, InputError
from ..metadata import opt_str, parse_published, with_meta_notes
from . import reader

_FRONT_MATTER = re.compile(r"---\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)


class _FrontMatterError(ValueError):
    pass


@reader("markdown", ".md", ".markdown")
def read_markdown(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> tuple[list[Article], list[InputError]]:
    if not text.strip():
        return [], [InputError(path=shown, code=ErrorCode.EMPTY, message="file is empty")]
    try:
        return [_article(text, path, shown, notes)], []
    except _FrontMatterError as exc:
        return [], [InputError(path=shown, code=ErrorCode.BAD_FRONT_MATTER, message=str(exc))]


def _article(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> Article:
    meta: dict[str, Any] = {}
    body = text
    line_offset = 0
    if text.startswith("---\n"):
        match = _FRONT_MATTER.match(text)
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
    try:
        published = parse_published(meta.get("published", meta.get("date")))
    except ValueError as exc:
        raise _FrontMatterError(f"'published': {exc}") from None
    for key in ("title", "source", "url", "id"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], (str, int)):
            raise _FrontMatterError(f"'{key}' must be a string")
    if not body.strip():
        raise _FrontMatterError("article has front matter but no text")
    article = Article(
        id=str(meta.get("id") or path.stem),
        path=shown,
        text=body,
        title=opt_str(meta.get("title")),
        published=published,
        source=opt_str(meta.get("source")),
        url=opt_str(meta.get("url")),
        line_offset=line_offset,
        notes=notes,
        format="markdown",
    )
    return with_meta_notes(article)
