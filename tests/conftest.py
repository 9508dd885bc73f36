"""Shared fixtures: models load once per test session."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from checker.commands import Checked, check_articles
from checker.config import Config
from checker.ingest import parse_published
from checker.nlp.embeddings import Embedder
from checker.records import Article
from checker.rules.loading import load_rules
from checker.rules.selection import Selection

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def embedder():
    return Embedder(Config().embedder)


def make_article(spec: dict) -> Article:
    published = spec.get("published")
    if isinstance(published, str):
        published = parse_published(published)
    return Article(
        id=str(spec.get("id", "a")),
        path=f"{spec.get('id', 'a')}.md",
        format="markdown",
        text=spec["text"],
        title=spec.get("title"),
        published=published,
        source=spec.get("source"),
    )


@pytest.fixture(scope="session")
def run_articles(rules, embedder):
    def run(specs: list[dict], select: tuple[str, ...] = ("ALL",), params: dict | None = None) -> Checked:
        articles = [make_article(s) for s in specs]
        chosen = Selection(select=select).resolve(rules)
        if params:
            chosen = [replace(r, params={**r.params, **params}) if r.selected else r for r in chosen]
        return check_articles(articles, chosen, embedder=embedder)

    return run


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
