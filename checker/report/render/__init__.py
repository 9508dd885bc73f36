"""Renderers: each turns a validated report (a dict) into one output format.

Every renderer has one signature, ``render(report, rules, *, color=False) -> str``: ``report``
is the dict that validated against the report schema, ``rules`` the resolved rules (for
metadata such as descriptions), ``color`` whether ANSI colour is wanted (only the terminal
text format uses it). Renderers never read files or the clock, so output is deterministic.
A new format is one module with a ``render_<name>`` function and one line below.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from ...records import Rule
from ..build import dumps
from .github import render_github
from .gitlab import render_gitlab
from .html import render_html
from .markdown import render_markdown
from .sarif import render_sarif
from .text import render_text

__all__ = ["RENDERERS", "Renderer"]


class Renderer(Protocol):
    def __call__(self, report: dict[str, Any], rules: Sequence[Rule] = (), *, color: bool = False) -> str: ...


def render_json(report: dict[str, Any], rules: Sequence[Rule] = (), *, color: bool = False) -> str:
    return dumps(report)


RENDERERS: dict[str, Renderer] = {
    "json": render_json,
    "markdown": render_markdown,
    "sarif": render_sarif,
    "github": render_github,
    "gitlab": render_gitlab,
    "html": render_html,
    "text": render_text,
}
