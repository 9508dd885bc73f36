"""Where a JSON record's strings sit in the file, so a claim inside one points at its real line and column.

``json.loads`` forgets positions, and a decoded string is not the text of the file: ``\\"``,
``\\n`` and ``\\u2019`` are two or six characters in the file and one in the text. Once a file
has parsed, this module walks it again (the structure only; strings and scalars are scanned by
the ``json`` module's own scanners) to find the opening quote of each record's top-level string
fields, then maps every decoded character of a string back to its column, counting escapes. The
result is an ``Anchor`` on the article, recorded while the raw text is at hand.

JSON strings cannot hold a raw line break, so a string sits on one line of the file.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from ...records import Anchor, Article
from ..decoding import normalise_text
from .anchors import anchor_from_pieces, start_only

__all__ = ["LineIndex", "anchor", "is_article_record", "placed", "record_string_starts"]

_SPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = json.JSONDecoder()


class LineIndex:
    """1-based line and column of an index into a text (the decoded file of a ``.json`` document)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, index: int) -> tuple[int, int]:
        line = bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    return match.end() if match else index


_Node = dict[str, tuple[int, Any]] | list[Any] | None


def _tree(text: str, index: int) -> tuple[_Node, int]:
    """The value at ``index`` (after white space) as a tree of positions, and where it ends.

    Objects become ``{key: (index of the value, subtree)}``, arrays lists of subtrees, strings
    and other scalars ``None``: only the structure is kept, the values come from ``json.loads``.
    """
    index = _skip(text, index)
    char = text[index : index + 1]
    if char == '"':
        return None, scanstring(text, index + 1, True)[1]
    if char == "{":
        fields: dict[str, tuple[int, Any]] = {}
        index = _skip(text, index + 1)
        if text[index] == "}":
            return fields, index + 1
        while True:
            key, index = scanstring(text, _skip(text, index) + 1, True)
            start = _skip(text, _skip(text, index) + 1)  # past ':'
            child, index = _tree(text, start)
            fields[key] = (start, child)  # a repeated key keeps the last, as json.loads does
            index = _skip(text, index)
            if text[index] == "}":
                return fields, index + 1
            index += 1  # past ','
    if char == "[":
        items: list[Any] = []
        index = _skip(text, index + 1)
        if text[index] == "]":
            return items, index + 1
        while True:
            child, index = _tree(text, index)
            items.append(child)
            index = _skip(text, index)
            if text[index] == "]":
                return items, index + 1
            index += 1
    return None, _SCALAR.raw_decode(text, index)[1]


def record_string_starts(text: str, data: Any, start: int = 0) -> list[dict[str, int]]:
    """Per article record of a parsed document (``data``, from ``text`` at ``start``), in the order the
    readers take them (one object, a list, or ``{"articles": [...]}``): the index of the opening
    quote of each top-level string field. A record that is not an object gets an empty entry."""
    tree, _ = _tree(text, start)
    if isinstance(data, dict) and isinstance(data.get("articles"), list) and isinstance(tree, dict):
        nodes = tree["articles"][1]
    elif isinstance(data, list):
        nodes = tree
    else:
        nodes = [tree]
    return [
        {key: at for key, (at, _) in node.items() if text[at] == '"'} if isinstance(node, dict) else {}
        for node in nodes or []
    ]


_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_ESCAPE = re.compile(r"\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))")


def _pieces(text: str, quote: int, shift: int = 0) -> list[tuple[str, int]]:
    """The JSON string opening at ``quote`` as (decoded piece, index in ``text`` + ``shift``): literal runs,
    which map one to one onto the file, and single characters written as escapes."""
    end = scanstring(text, quote + 1, True)[1] - 1  # the closing quote
    pieces: list[tuple[str, int]] = []
    index = quote + 1
    for match in _ESCAPE.finditer(text, index, end):
        if match.start() > index:
            pieces.append((text[index : match.start()], index + shift))
        high, low, unit, simple = match.groups()
        if high:  # a surrogate pair is one character
            char = chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + (int(low, 16) - 0xDC00))
        else:
            char = chr(int(unit, 16)) if unit else _ESCAPES[simple]
        pieces.append((char, match.start() + shift))
        index = match.end()
    if end > index:
        pieces.append((text[index:end], index + shift))
    return pieces


def anchor(text: str, quote: int, value: str, line: int, quote_column: int, *, normalised: bool = False) -> Anchor:
    """The anchor of ``value`` as the reader keeps the JSON string whose opening quote is at index ``quote``
    of ``text`` (on file ``line``, at ``quote_column``): ``normalised`` for article text (line ends
    folded, ``normalise_text``), stripped otherwise (a title, ``opt_str``). When the kept value does
    not line up with the string (it always should), only the string's start is known."""
    pieces = _pieces(text, quote, quote_column - quote)
    if normalised and any(piece == "\r" for piece, _ in pieces):
        # an escaped "\r\n" is one "\n" in the text, placed at the "\r"; a lone "\r" is a "\n"
        pieces = [p for i, p in enumerate(pieces) if not (p[0] == "\n" and i and pieces[i - 1][0] == "\r")]
        pieces = [("\n", column) if piece == "\r" else (piece, column) for piece, column in pieces]
    if normalised:
        found = anchor_from_pieces(pieces, value, line, normalise=normalise_text)  # no "\r" left: C1 only
    else:
        found = anchor_from_pieces(pieces, value, line, strip=True)
    return found or start_only(line, quote_column + 1)


def placed(
    article: Article, record: dict[str, Any], starts: dict[str, int], text: str, where: Callable[[int], tuple[int, int]]
) -> Article:
    """``article`` with the anchors of its title and text, from the record's string positions in ``text``
    (``where``: index -> file line and column). Positions are a help, never a reason to refuse a file:
    a string that cannot be placed keeps the record's line, column 1."""
    title_at = text_at = None
    if article.title and "title" in starts:
        title_at = anchor(text, starts["title"], article.title, *where(starts["title"]))
    key = "text" if "text" in record else "content"
    if article.text and key in starts:
        text_at = anchor(text, starts[key], article.text, *where(starts[key]), normalised=True)
    return replace(article, title_at=title_at, text_at=text_at)


def is_article_record(record: Any) -> bool:
    """What makes a JSON file an article file: some record carries article copy (``text`` or ``content``).

    A title-only record is accepted beside others, but a file of nothing else (``package.json``,
    a checker report, a SARIF log) is not articles."""
    return isinstance(record, dict) and ("text" in record or "content" in record)
