"""A content-addressed cache so an unchanged article is not re-parsed or re-embedded.

One SQLite file (``.checker_cache/cache.sqlite3`` by default). Article entries are keyed by
a hash of the article's content and metadata plus a hash of every file in the layers that
shape claims (records, lexicon, ingest, nlp, extract: code and word lists alike), so editing
any of them invalidates old entries by itself, without a hand-kept list. Vectors are keyed by
the model id and the sentence text.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from ..records import Article, Claim, Sentence, claim_from_json, decode, encode

__all__ = ["CLAIM_LAYERS", "Cache", "article_key", "extractor_version"]

DEFAULT_DIR = ".checker_cache"
# The layers below ``analyse``: everything that decides which claims an article yields.
CLAIM_LAYERS = ("errors.py", "records", "lexicon", "ingest", "nlp", "extract")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Hash of every file that turns text into claims; a change there must not reuse old claims."""
    root = Path(__file__).resolve().parent.parent
    files: list[Path] = []
    for layer in CLAIM_LAYERS:
        path = root / layer
        files.extend(
            [path] if path.is_file() else (p for p in path.rglob("*") if p.suffix in (".py", ".yaml", ".json"))
        )
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    try:  # the installed version, read without importing spaCy (seconds a warm run need not spend)
        digest.update(metadata.version("spacy").encode())
    except metadata.PackageNotFoundError:  # pragma: no cover
        pass
    return digest.hexdigest()[:16]


def article_key(article: Article) -> str:
    published = article.published.isoformat() if article.published else None
    payload = json.dumps(
        [extractor_version(), article.id, article.path, article.title, published, article.text], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Cache:
    """Claims per article and vectors per text; safe to delete at any time."""

    def __init__(self, directory: str | Path = DEFAULT_DIR) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.directory / "cache.sqlite3")
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        self._db.commit()
        ignore = self.directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")

    def get_article(self, article: Article) -> tuple[list[Sentence], list[Claim]] | None:
        row = self._db.execute("SELECT payload FROM articles WHERE key = ?", (article_key(article),)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        return [decode(Sentence, s) for s in data["sentences"]], [claim_from_json(c) for c in data["claims"]]

    def put_article(self, article: Article, sentences: Sequence[Sentence], claims: Sequence[Claim]) -> None:
        payload: dict[str, Any] = {"sentences": [encode(s) for s in sentences], "claims": [encode(c) for c in claims]}
        self._db.execute(
            "INSERT OR REPLACE INTO articles (key, payload) VALUES (?, ?)",
            (article_key(article), json.dumps(payload, ensure_ascii=False)),
        )
        self._db.commit()

    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for key, blob in self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                out[key] = np.frombuffer(blob, dtype=np.float32).copy()
        return out

    def put_vectors(self, items: dict[str, np.ndarray]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
            [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()
