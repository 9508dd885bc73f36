"""The limits that keep one hostile or broken input from costing the whole run, and the bounded loaders.

A gate that hangs on a FIFO, reads ``/dev/zero`` until memory runs out, expands a billion-laughs
YAML document or spends an hour on one article gets removed from CI. Every input the checker
reads (articles, front matter, rule files, the configuration, the baseline) goes through the
loaders here, so each limit is decided once. A limit hit raises ``CheckerError`` with its own
code (``E111``...; see ``checker.errors``) and a message without the path: the caller names the
file, and the rest of the batch is still checked.

The figures are far above real copy (the longest of 1,115 real articles in ``../shared/eval`` is
20,000 characters) and low enough that the worst case stays minutes, not hours, on two cores.

On the ground floor with ``errors`` and ``files``: imports nothing from ``checker`` but ``errors``.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .errors import CheckerError, ErrorCode

__all__ = [
    "ARTICLE_SECONDS",
    "MAX_ARTICLE_CHARS",
    "MAX_BASELINE_BYTES",
    "MAX_BASELINE_ENTRIES",
    "MAX_CONFIG_BYTES",
    "MAX_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_NUMBER_DIGITS",
    "MAX_YAML_ALIASES",
    "MAX_YAML_BYTES",
    "MAX_YAML_NODES",
    "check_article_size",
    "load_json",
    "load_yaml",
    "read_regular",
    "JsonProblem",
    "OverBudget",
    "TimeBudget",
    "YamlLimit",
    "size_text",
    "yaml_document",
]

MAX_FILE_BYTES = 64 * 1024 * 1024  # one input file (a JSONL file holds many articles: ~30,000 news stories)
MAX_ARTICLE_CHARS = 200_000  # one article's text: ~35,000 words, ten times the longest real article seen
ARTICLE_SECONDS = 120.0  # reading one article's claims (parse and extraction); 200,000 characters take ~60 s
MAX_JSON_DEPTH = 64  # nesting of a JSON document (an article file is three levels deep)
MAX_YAML_BYTES = 256 * 1024  # a front matter block or a rule file
MAX_YAML_ALIASES = 64  # aliases in one YAML document (front matter needs none)
MAX_YAML_NODES = 100_000  # nodes of a YAML document counted with its aliases expanded (a billion laughs: 10^9)
MAX_CONFIG_BYTES = 1024 * 1024  # checker.toml / pyproject.toml
MAX_BASELINE_BYTES = 64 * 1024 * 1024  # a baseline of 200,000 findings is ~60 MB
MAX_BASELINE_ENTRIES = 200_000
MAX_NUMBER_DIGITS = 15  # a figure in copy: beyond this it is no count (and no float or SQLite integer holds it)


def size_text(size: float) -> str:
    """'64 MB', '200,000 characters' read better than byte counts in a one-line error."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{int(size)} bytes"


def read_regular(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else raises ``CheckerError``.

    Opened without blocking and checked on the open descriptor (no race between a check and the
    read): a FIFO would block forever, ``/dev/zero`` or ``/dev/urandom`` never end, a socket or a
    terminal is no article. Symbolic links are followed, so the check is on what they point to.
    ``OSError`` (missing, permission denied) passes through for the caller to word.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise CheckerError(ErrorCode.NOT_A_FILE, f"not a regular file ({_kind(info.st_mode)}); only files are read")
        if info.st_size > limit:
            message = f"file is {size_text(info.st_size)}, over the limit of {size_text(limit)}"
            raise CheckerError(ErrorCode.TOO_LARGE, message)
        chunks: list[bytes] = []
        total = 0
        while True:  # the size can change under us (a file still being written): never read past the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise CheckerError(ErrorCode.TOO_LARGE, f"file grew past the limit of {size_text(limit)} while read")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a file"


def check_article_size(text: str) -> None:
    """Refuse an article whose copy is over ``MAX_ARTICLE_CHARS`` (reading claims costs ~0.3 s per 1,000)."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise CheckerError(
            ErrorCode.ARTICLE_TOO_LARGE,
            f"article text is {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}",
        )


class OverBudget(CheckerError):
    """An article that used up its time budget; the work on it stops where it is."""


class TimeBudget:
    """Seconds each article may spend becoming claims (parsing and extraction), charged as the work happens.

    The size limit keeps real copy far below the budget; the budget catches what size cannot, such as a
    pathological paragraph that makes one step slow. The work is cooperative: the parser charges each
    paragraph to its article and skips the rest of an article over budget, the extractor calls the
    check returned by ``watch`` once per sentence. Keys are article ids; ``exceeded`` lists those
    stopped, for the caller to report as input errors (``E113``) while the rest of the batch goes on.
    """

    def __init__(self, seconds: float = ARTICLE_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self.spent: dict[str, float] = {}
        self.exceeded: dict[str, float] = {}  # key -> seconds spent when it was stopped

    def charge(self, key: str, seconds: float) -> None:
        self.spent[key] = self.spent.get(key, 0.0) + seconds
        if self.spent[key] > self.seconds and key not in self.exceeded:
            self.exceeded[key] = self.spent[key]

    def over(self, key: str) -> bool:
        return key in self.exceeded

    def watch(self, key: str) -> Callable[[], None]:
        """A check to call as work on ``key`` goes on: it charges the time since the last call and raises
        ``OverBudget`` once the article's total passes the budget."""
        last = [self.clock()]

        def check() -> None:
            now = self.clock()
            self.charge(key, now - last[0])
            last[0] = now
            if self.over(key):
                raise OverBudget(ErrorCode.TIME_BUDGET, self.message(key))

        return check

    def message(self, key: str) -> str:
        spent = self.exceeded.get(key, self.spent.get(key, 0.0))
        return f"reading the article's claims took over {self.seconds:g} s (stopped at {spent:.0f} s); not checked"


# --- JSON ----------------------------------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonProblem(ValueError):
    """A JSON document that parsed wrong or not at all; ``code`` says which limit or problem."""

    def __init__(self, code: ErrorCode, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line


def load_json(text: str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` that never raises anything but ``JsonProblem``: syntax (``BAD_JSON``, with its line),
    nesting deeper than ``max_depth`` (``TOO_DEEP``), an integer past Python's digit limit, a number
    that is not finite (``NaN``, ``1e999``), a lone surrogate escape (``\\ud800``, which no file can hold)."""
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise JsonProblem(ErrorCode.BAD_JSON, f"invalid JSON at line {exc.lineno}: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise JsonProblem(ErrorCode.TOO_DEEP, f"JSON nested deeper than the limit of {max_depth} levels") from None
    except ValueError as exc:  # int('9' * 5000): "Exceeds the limit (4300 digits)", or a constant refused below
        problem = "a number of more than 4,300 digits" if "digits" in str(exc) else _first_line(str(exc))
        raise JsonProblem(ErrorCode.BAD_JSON, f"invalid JSON: {problem}") from None
    _check_tree(data, max_depth)
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"'{name}' is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:20]} is out of range")
    return value


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0][:200]


def _check_tree(data: Any, max_depth: int) -> None:
    """Depth and strings of a parsed document, walked without recursion."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            _check_string(value)
        elif isinstance(value, (dict, list)):
            if depth > max_depth:
                raise JsonProblem(ErrorCode.TOO_DEEP, f"JSON nested deeper than the limit of {max_depth} levels")
            if isinstance(value, dict):
                for key, item in value.items():
                    _check_string(key)
                    stack.append((item, depth + 1))
            else:
                stack.extend((item, depth + 1) for item in value)


def _check_string(value: str) -> None:
    match = _SURROGATE.search(value)
    if match:
        raise JsonProblem(
            ErrorCode.BAD_JSON,
            f"string holds a lone surrogate escape (\\u{ord(match.group(0)):04x}), which is no character",
        )


# --- YAML ----------------------------------------------------------------------------------------------


class YamlLimit(yaml.YAMLError):
    """A YAML document over a limit: size, aliases, expanded nodes, nesting or a recursive alias."""


class _BoundedLoader(yaml.SafeLoader):
    """The safe loader (plain data only, no Python objects) counting aliases while it composes.

    Timestamps stay strings: a date is read by whoever knows the key (``published: 2012-02-30`` is
    then "'published': not a date", not a crash inside the YAML library)."""

    max_aliases = MAX_YAML_ALIASES

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > self.max_aliases:
                raise YamlLimit(f"more than {self.max_aliases} aliases")
        return super().compose_node(parent, index)


def _timestamp_as_text(loader: _BoundedLoader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node)) if isinstance(node, yaml.ScalarNode) else ""


_BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def yaml_document(text: str, *, max_bytes: int = MAX_YAML_BYTES) -> tuple[Any, yaml.Node | None]:
    """The value of a YAML document and its node (which knows where each scalar sits), safely and bounded.

    Raises ``yaml.YAMLError``: ``YamlLimit`` for a limit (size, ``MAX_YAML_ALIASES``, ``MAX_YAML_NODES``
    once aliases are expanded, nesting, a recursive alias), any other for bad syntax."""
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise YamlLimit(f"YAML is over the limit of {size_text(max_bytes)}")
    loader = _BoundedLoader(text)
    try:
        try:
            node = loader.get_single_node()
            if node is None:
                return None, None
            _check_expansion(node)
            return loader.construct_document(node), node
        except RecursionError:
            raise YamlLimit("YAML nested too deep") from None
        except (ValueError, OverflowError) as exc:  # a scalar its type cannot hold: int('9' * 5000)
            raise yaml.YAMLError(f"bad value: {_first_line(str(exc))}") from None
    finally:
        loader.dispose()


def load_yaml(text: str, *, max_bytes: int = MAX_YAML_BYTES) -> Any:
    """The value of a YAML document (see ``yaml_document``)."""
    return yaml_document(text, max_bytes=max_bytes)[0]


def _check_expansion(root: yaml.Node) -> None:
    """Count the nodes a consumer would see with every alias expanded (shared nodes counted each time they
    are reached), without expanding anything: sizes are memoised per node. A node that contains itself
    (``&a [*a]``) has no finite size."""
    size: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            total = 1 + sum(size[id(c)] for c in children)
            if total > MAX_YAML_NODES:
                raise YamlLimit(f"YAML expands to more than {MAX_YAML_NODES:,} nodes (aliases)")
            size[key] = total
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise YamlLimit("YAML alias refers to a node that contains it")
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                raise YamlLimit("YAML alias refers to a node that contains it")
            if id(child) not in size:
                stack.append((child, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
