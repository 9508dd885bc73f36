"""JSON Lines (``.jsonl``): one article object per line."""

from __future__ import annotations

import json
from pathlib import Path

from ...errors import ErrorCode
from ...records import Article, InputError
from . import reader
from .records import article_from_record


@reader("jsonl", ".jsonl", ".ndjson")
def read_jsonl(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> tuple[list[Article], list[InputError]]:
    articles: list[Article] = []
    errors: list[InputError] = []
    lines = text.split("\n")
    if not any(line.strip() for line in lines):
        return [], [InputError(path=shown, code=ErrorCode.EMPTY, message="file is empty")]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{shown}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(InputError(path=where, code=ErrorCode.BAD_JSON, message=f"invalid JSON: {exc.msg}"))
            continue
        article, error = article_from_record(record, path, where, shown, number, notes, "jsonl")
        if error:
            errors.append(error)
        elif article:
            articles.append(article)
    return articles, errors
