"""Escaping for what is printed where a person's terminal or a CI runner reads it (stdout and stderr).

File names, ids, titles, outlets and article text come from the input, so they can hold anything:
an ESC byte that clears the screen and prints a green "PASS", a line break followed by
``::error file=...::`` that a GitHub runner executes as a workflow command, a right-to-left override
that makes a file name read backwards. Two steps, applied by every line-oriented output (the
``text`` format, the ``checker:`` messages on stderr):

- ``printable``: every control character (C0 and C1, DEL, line and paragraph separators, bidi
  controls) becomes a visible escape (``\\x1b``, ``\\n``), so a value can never start a new line or
  drive the terminal, and nothing is hidden from the reader;
- ``runner_safe``: a printed line can never be a runner command: ``::`` at its start (GitHub
  Actions trims leading blanks first) and ``##[`` or ``##vso[`` anywhere in it (the older GitHub
  and Azure Pipelines syntax) get a backslash that breaks the keyword.

The ``github`` format is the one output meant to hold workflow commands; it escapes its values the
toolkit's way and uses ``printable`` on them too. JSON formats escape control characters by being JSON.
Markdown and HTML have their own escaping (their renderers).

On the ground floor (imports nothing from ``checker``): the command line uses it for its own
messages without loading the report layer.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["printable", "runner_safe", "terminal_line"]

# C0 and C1 controls, DEL, U+2028/2029 (line breaks to some terminals and editors), and the bidi
# embedding/override/isolate controls and marks (U+200E/F, U+202A-202E, U+2066-2069), which reorder
# what a reader sees without changing the bytes.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_COMMAND_START = re.compile(r"^(\s*)::")
_LEGACY_COMMAND = re.compile(r"##((?:vso)?\[)", re.IGNORECASE)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(value: Any, *, keep: str = "") -> str:
    """``value`` as text on one line with every control character shown as an escape (but those in ``keep``)."""
    text = "" if value is None else str(value)
    return _CONTROL.sub(lambda m: m.group(0) if m.group(0) in keep else _escape(m), text)


def runner_safe(line: str) -> str:
    """One printed line that no CI runner reads as a command (see the module docstring)."""
    line = _COMMAND_START.sub(r"\1\\::", line)
    return _LEGACY_COMMAND.sub(r"#\\#\1", line)


def terminal_line(value: Any) -> str:
    """A whole message for stderr or a terminal: printable and runner-safe."""
    return runner_safe(printable(value))
