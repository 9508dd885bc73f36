"""Shared fixtures: models load once per test session."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from checker.embeddings import Embedder
from checker.ingest import parse_published
from checker.models import Article
from checker.pipeline import Analysis, analyse
from checker.ruleset import load_rules
from checker.selection import Selection

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def embedder():
    return Embedder()


def make_article(spec: dict) -> Article:
    published = spec.get("published")
    if isinstance(published, str):
        published = parse_published(published)
    return Article(
        id=str(spec.get("id", "a")),
        path=f"{spec.get('id', 'a')}.md",
        text=spec["text"],
        title=spec.get("title"),
        published=published,
        source=spec.get("source"),
    )


@pytest.fixture(scope="session")
def run_articles(rules, embedder):
    def run(specs: list[dict], select: tuple[str, ...] = ("ALL",)) -> Analysis:
        articles = [make_article(s) for s in specs]
        return analyse(articles, rules, Selection(select=select), embedder=embedder)

    return run


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
