"""Articles as read, the sentences of their copy, and the input problems found on the way.

Immutable, so no layer can change what an earlier one saw, and two runs over the same
input build the same objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..errors import Category, ErrorCode
from .codec import meta

__all__ = ["Article", "ArticleFormat", "Field", "InputError", "Sentence"]

ArticleFormat = Literal["text", "markdown", "json", "jsonl"]
Field = Literal["text", "title"]


@dataclass(frozen=True, kw_only=True)
class Article:
    """One news article as read from disk, before any analysis.

    ``format`` is the reader that produced it: locations, suppression directives and
    sentence splitting ask the article, never the path's suffix.
    """

    id: str = field(metadata=meta(minLength=1))
    path: str
    format: ArticleFormat = "text"
    text: str = field(metadata=meta(skip=True))
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    notes: tuple[str, ...] = ()
    line_offset: int = field(default=0, metadata=meta(skip=True))  # 0-based file line where ``text`` starts
    record_line: int | None = field(default=None, metadata=meta(skip=True))  # 1-based line of a JSON record

    @property
    def embedded(self) -> bool:
        """Text decoded from a JSON string: file columns do not map onto its offsets."""
        return self.format in ("json", "jsonl")

    def field_text(self, name: str) -> str:
        return (self.title or "") if name == "title" else self.text


@dataclass(frozen=True, kw_only=True)
class Sentence:
    """A sentence of article copy (junk lines never become sentences)."""

    article_id: str = field(metadata=meta(json="article"))
    index: int
    field: Field
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, kw_only=True)
class InputError:
    """A problem with an input file that stopped it (or part of it) from being checked."""

    path: str
    code: ErrorCode = field(metadata=meta(enum=[c.value for c in ErrorCode if c.category is Category.INPUT]))
    message: str = field(metadata=meta(minLength=1))

    def one_line(self) -> str:
        return f"{self.path}: {self.message}"
