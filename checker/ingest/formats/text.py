"""Plain text (``.txt``): scraped copy, with optional header lines among the first eight."""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import ErrorCode
from ...records import Article, InputError
from ..metadata import parse_published, with_meta_notes
from . import reader

# Header lines of a scraped .txt file that carry its metadata ("Published: 2012-07-24").
_HEADER_LINE = re.compile(
    r"^\s*(?P<key>published|posted|updated|date|source|title)\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE
)


@reader("text", ".txt", ".text")
def read_text(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> tuple[list[Article], list[InputError]]:
    if not text.strip():
        return [], [InputError(path=shown, code=ErrorCode.EMPTY, message="file is empty")]
    header = _header(text)
    published = None
    raw = header.get("published") or header.get("posted") or header.get("date") or header.get("updated")
    if raw:
        try:
            published = parse_published(raw)
        except ValueError as exc:  # not an ISO date, or outside the calendar's years
            notes = notes + (f"header date ignored: {exc}",)
    article = Article(
        id=path.stem,
        path=shown,
        text=text,
        published=published,
        source=header.get("source"),
        notes=notes,
        format="text",
    )
    return [with_meta_notes(article)], []


def _header(text: str) -> dict[str, str]:
    """Scraped .txt files often carry 'Published: 2014-02-11' or 'Source: ...' among their first lines."""
    header: dict[str, str] = {}
    for line in text.split("\n")[:8]:
        match = _HEADER_LINE.match(line)
        if match:
            header.setdefault(match.group("key").lower(), match.group("value"))
    return header
