"""Input formats: one reader per format, registered by file suffix.

A reader turns a decoded file into articles (each stamped with its ``format``) and input
errors. Adding a format is one module here with a ``@reader(...)`` function, and its import
below; nothing outside ``ingest`` knows file suffixes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...records import Article, InputError

__all__ = ["READERS", "Reader", "ReadFile", "reader", "reader_for"]

ReadFile = Callable[[str, Path, str, tuple[str, ...]], tuple[list[Article], list[InputError]]]


@dataclass(frozen=True)
class Reader:
    format: str
    suffixes: tuple[str, ...]
    read: ReadFile  # (decoded text, path, path as shown, notes) -> (articles, errors)


READERS: dict[str, Reader] = {}  # suffix -> reader


def reader(format: str, *suffixes: str) -> Callable[[ReadFile], ReadFile]:
    def register(function: ReadFile) -> ReadFile:
        entry = Reader(format, suffixes, function)
        for suffix in suffixes:
            READERS[suffix] = entry
        return function

    return register


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


from . import json_file, jsonl, markdown, text  # noqa: E402,F401  (registers the readers)
