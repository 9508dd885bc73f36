"""Renderers: each turns a validated report (a dict) into one output format.

Every renderer has the same signature, ``render(report, rules, *, color=False) -> str``:
``report`` is the dict that validated against ``report.schema.json``, ``rules`` the loaded
rules (for metadata such as descriptions), ``color`` whether ANSI colour is wanted (only the
terminal text format uses it). Renderers never read files or the clock, so output is
deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..engines import Rule
from ..report import dumps
from .github import render_github
from .gitlab import render_gitlab
from .markdown import render_markdown
from .sarif import render_sarif
from .text import render_text

Renderer = Callable[..., str]


def _json(report: dict[str, Any], rules: Sequence[Rule], *, color: bool = False) -> str:
    return dumps(report)


def _markdown(report: dict[str, Any], rules: Sequence[Rule], *, color: bool = False) -> str:
    return render_markdown(report)


def _sarif(report: dict[str, Any], rules: Sequence[Rule], *, color: bool = False) -> str:
    return render_sarif(report, rules)


def _github(report: dict[str, Any], rules: Sequence[Rule], *, color: bool = False) -> str:
    return render_github(report)


def _gitlab(report: dict[str, Any], rules: Sequence[Rule], *, color: bool = False) -> str:
    return render_gitlab(report)


def _text(report: dict[str, Any], rules: Sequence[Rule], *, color: bool = False) -> str:
    return render_text(report, color=color)


RENDERERS: dict[str, Renderer] = {
    "json": _json,
    "markdown": _markdown,
    "sarif": _sarif,
    "github": _github,
    "gitlab": _gitlab,
    "text": _text,
}

__all__ = ["RENDERERS", "Renderer"]
