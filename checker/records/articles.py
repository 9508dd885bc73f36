"""Articles as read, the sentences of their copy, and the input problems found on the way.

Immutable, so no layer can change what an earlier one saw, and two runs over the same
input build the same objects.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from ..errors import Category, ErrorCode
from .codec import meta

__all__ = ["Anchor", "Article", "ArticleFormat", "Dropped", "Field", "InputError", "Sentence"]

ArticleFormat = Literal["text", "markdown", "json", "jsonl"]
Field = Literal["text", "title"]


@dataclass(frozen=True)
class Anchor:
    """Where a field that was decoded from the file (a JSON string, a YAML title) sits on its line.

    Escapes make decoded offsets and file columns drift apart (``\\"`` is two characters in the
    file, one in the text), so the reader records, while it still has the file's raw text, the
    column of every run of characters that map one to one onto the file. ``steps`` holds
    ``(offset into the field, 1-based column)`` pairs, the first at offset 0. ``exact`` is False
    when only the field's start is known (a YAML title folded over several lines): every offset
    then maps to that start, which is still the right line.
    """

    line: int  # 1-based line of the file the field sits on
    steps: tuple[tuple[int, int], ...]
    exact: bool = True

    def column(self, offset: int) -> int:
        """1-based column in the file of the character at ``offset`` into the decoded field."""
        index = max(0, bisect_right(self.steps, (offset, float("inf"))) - 1)
        start, column = self.steps[index]
        return column + (offset - start if self.exact else 0)


@dataclass(frozen=True, kw_only=True)
class Dropped:
    """A stretch of an article's text the junk filter left out (``ingest.boilerplate``), and why.

    Nothing is left out silently: the report lists every span, and ``looks_like_copy`` marks the ones
    an editor should look at (a reader-comments section, a long line that is not known furniture)."""

    start: int = field(metadata=meta(minimum=0))
    end: int = field(metadata=meta(minimum=0))
    reason: str
    looks_like_copy: bool = False


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
    dropped: tuple[Dropped, ...] = ()  # what the junk filter left out of ``text``, set when the article is read
    line_offset: int = field(default=0, metadata=meta(skip=True))  # 0-based file line where ``text`` starts
    record_line: int | None = field(default=None, metadata=meta(skip=True))  # 1-based line of a JSON record
    # Where ``title`` and (for JSON formats) ``text`` sit in the file, recorded at read time; None: unknown.
    title_at: Anchor | None = field(default=None, metadata=meta(skip=True))
    text_at: Anchor | None = field(default=None, metadata=meta(skip=True))

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
