"""Markdown (``.md``) with YAML front matter: title, published, source, url, optional id."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ...errors import ErrorCode
from ...limits import YamlLimit, yaml_document
from ...records import Anchor, Article, InputError
from ..metadata import article_id, opt_str, parse_published, with_meta_notes
from . import reader
from .anchors import anchor_from_pieces, start_only

_FRONT_MATTER = re.compile(r"---\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)


class _FrontMatterError(ValueError):
    def __init__(self, message: str, code: ErrorCode = ErrorCode.BAD_FRONT_MATTER) -> None:
        super().__init__(message)
        self.code = code


@reader("markdown", ".md", ".markdown")
def read_markdown(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> tuple[list[Article], list[InputError]]:
    if not text.strip():
        return [], [InputError(path=shown, code=ErrorCode.EMPTY, message="file is empty")]
    try:
        return [_article(text, path, shown, notes)], []
    except _FrontMatterError as exc:
        return [], [InputError(path=shown, code=exc.code, message=str(exc))]


def _article(text: str, path: Path, shown: str, notes: tuple[str, ...]) -> Article:
    meta: dict[str, Any] = {}
    title_node: yaml.ScalarNode | None = None
    front_matter = ""
    body = text
    line_offset = 0
    if text.startswith("---\n"):
        match = _FRONT_MATTER.match(text)
        if not match:
            raise _FrontMatterError("front matter opened with '---' is never closed")
        try:
            front_matter = match.group(1)
            loaded, nodes = _load(front_matter)
        except YamlLimit as exc:
            raise _FrontMatterError(f"front matter refused: {exc}", ErrorCode.YAML_LIMIT) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or (str(exc) if type(exc) is yaml.YAMLError else "invalid YAML")
            raise _FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from None
        if not isinstance(loaded, dict):
            raise _FrontMatterError("front matter must be a YAML mapping of keys to values")
        meta = loaded
        title_node = nodes.get("title")
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
    try:
        ident = article_id(meta.get("id"), path.stem)
    except ValueError as exc:
        raise _FrontMatterError(str(exc)) from None
    title = opt_str(meta.get("title"))
    article = Article(
        id=ident,
        path=shown,
        text=body,
        title=title,
        title_at=_title_anchor(front_matter, title_node, title) if title_node is not None and title else None,
        published=published,
        source=opt_str(meta.get("source")),
        url=opt_str(meta.get("url")),
        line_offset=line_offset,
        notes=notes,
        format="markdown",
    )
    return with_meta_notes(article)


def _load(front_matter: str) -> tuple[Any, dict[str, yaml.ScalarNode]]:
    """The front matter's value, and its top-level scalar nodes by key (they know where they sit).

    Loaded safely and within the YAML limits (``checker.limits``): a billion-laughs block is refused."""
    loaded, node = yaml_document(front_matter)
    nodes: dict[str, yaml.ScalarNode] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode):
                nodes[str(key.value)] = value
    return loaded or {}, nodes


# YAML double-quoted escapes (YAML 1.1 spec, as PyYAML reads them) that are one character.
_YAML_ESCAPES = {
    "0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_YAML_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))")
_QUOTE_QUOTE = re.compile("''")  # a quote inside a single-quoted scalar


def _unescape(match: re.Match[str]) -> str:
    if match.group(0) == "''":
        return "'"
    code = next((g for g in match.groups()[:3] if g), None)
    return chr(int(code, 16)) if code else _YAML_ESCAPES.get(match.group(4), match.group(4))


def _title_anchor(front_matter: str, node: yaml.ScalarNode, title: str) -> Anchor:
    """Where the title sits on its ``title:`` line, counting quotes and escapes. The front matter
    starts on the file's second line; a title folded over several lines is placed at its start."""
    start, end = node.start_mark, node.end_mark
    line, column = start.line + 2, start.column + 1
    if start.line != end.line or node.style not in (None, "'", '"'):
        return start_only(line, column)
    raw = front_matter[start.index : end.index]
    if node.style is None:
        return anchor_from_pieces([(raw, column)], title, line, strip=True) or start_only(line, column)
    escape = _YAML_ESCAPE if node.style == '"' else _QUOTE_QUOTE
    inner, at = raw[1:-1], 0
    pieces: list[tuple[str, int]] = []
    for match in escape.finditer(inner):
        pieces.append((inner[at : match.start()], column + 1 + at))
        pieces.append((_unescape(match), column + 1 + match.start()))
        at = match.end()
    pieces.append((inner[at:], column + 1 + at))
    return anchor_from_pieces(pieces, title, line, strip=True) or start_only(line, column)
