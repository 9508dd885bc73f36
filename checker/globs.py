"""Gitignore-like globs for ``include`` and ``exclude`` in the configuration.

The ignore files a directory walk honours (``.gitignore``, ``.checkerignore``) are read by the ingest
layer with git's own rules; these are the simpler patterns a configuration file lists.
"""

from __future__ import annotations

import re

__all__ = ["glob_match"]


def glob_match(pattern: str, path: str) -> bool:
    """Gitignore-like globs: ``*`` stays within a directory, ``**`` spans any depth; a pattern
    without a slash matches the file name anywhere; a pattern naming a directory matches what is under it."""
    pattern = pattern.strip().removeprefix("./")
    if "/" not in pattern.rstrip("/"):
        pattern = "**/" + pattern
    regex = _glob_regex(pattern.rstrip("/"))
    return bool(re.fullmatch(regex, path) or re.fullmatch(regex + "/.*", path))


def _glob_regex(pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)
