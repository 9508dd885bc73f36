"""JSON (``.json``): one article object, a list of them, or ``{"articles": [...]}``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...errors import ErrorCode
from ...limits import JsonProblem, load_json
from ...records import Article, InputError
from . import reader
from .json_positions import LineIndex, is_article_record, placed, record_string_starts
from .records import article_from_record

NOT_ARTICLES = "not an article file: no record has a 'text' or 'content' field"


@reader("json", ".json")
def read_json(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> tuple[list[Article], list[InputError]]:
    if not text.strip():
        return [], [InputError(path=shown, code=ErrorCode.EMPTY, message="file is empty")]
    try:
        data = load_json(text)
    except JsonProblem as exc:
        return [], [InputError(path=shown, code=exc.code, message=exc.message)]
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        records = data["articles"]
    elif isinstance(data, list):
        records = data
    else:
        records = [data]
    if not any(is_article_record(r) for r in records):
        return [], [InputError(path=shown, code=ErrorCode.NOT_AN_ARTICLE, message=NOT_ARTICLES)]
    try:
        starts = record_string_starts(text, data)
    except (RecursionError, ValueError, IndexError, KeyError):  # pragma: no cover - json.loads read it
        starts = [{} for _ in records]
    lines = LineIndex(text)
    articles: list[Article] = []
    errors: list[InputError] = []
    for index, record in enumerate(records):
        many = len(records) > 1
        where = f"{shown}[{index}]" if many else shown
        article, error = article_from_record(record, path, where, shown, 1, notes, "json", index if many else None)
        if error:
            errors.append(error)
        elif article:
            line = lines.at(min(starts[index].values(), default=0))[0]  # the record's first string
            articles.append(replace(placed(article, record, starts[index], text, lines.at), record_line=line))
    return articles, errors
