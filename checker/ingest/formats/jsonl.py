"""JSON Lines (``.jsonl``): one article object per line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...errors import ErrorCode
from ...limits import JsonProblem, load_json
from ...records import Article, InputError
from . import reader
from .json_file import NOT_ARTICLES
from .json_positions import is_article_record, placed, record_string_starts
from .records import article_from_record


@reader("jsonl", ".jsonl", ".ndjson")
def read_jsonl(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> tuple[list[Article], list[InputError]]:
    articles: list[Article] = []
    errors: list[InputError] = []
    lines = text.split("\n")
    if not any(line.strip() for line in lines):
        return [], [InputError(path=shown, code=ErrorCode.EMPTY, message="file is empty")]
    parsed: list[tuple[int, str, object]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            parsed.append((number, line, load_json(line)))
        except JsonProblem as exc:
            message = exc.message.replace(" at line 1:", ":")  # one line is one record: its line is the file's
            errors.append(InputError(path=f"{shown}:{number}", code=exc.code, message=message))
    if not errors and not any(is_article_record(record) for _, _, record in parsed):
        return [], [InputError(path=shown, code=ErrorCode.NOT_AN_ARTICLE, message=NOT_ARTICLES)]
    for number, line, record in parsed:
        article, error = article_from_record(record, path, f"{shown}:{number}", shown, number, notes, "jsonl")
        if error:
            errors.append(error)
        elif article and isinstance(record, dict):
            try:
                starts = record_string_starts(line, record)[0]
            except (RecursionError, ValueError, IndexError, KeyError):  # pragma: no cover - json.loads read it
                starts = {}
            articles.append(placed(article, record, starts, line, _on_line(number)))
    return articles, errors


def _on_line(number: int) -> Callable[[int], tuple[int, int]]:
    """Index into one JSONL line -> (file line, column)."""
    return lambda index: (number, index + 1)
