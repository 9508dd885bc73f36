"""A content-addressed cache so an unchanged article is not re-parsed or re-embedded.

One SQLite file (``.checker_cache/cache.sqlite3`` by default). An article's entry is keyed on
what decides its claims: its text, title, publication date and format, plus a hash of every
file in the layers that shape claims (records, lexicon, ingest, nlp, extract: code and word
lists alike), so editing any of them invalidates old entries by itself. Not on its path or id:
a renamed file, a check from another directory or a copy of an article under another id reuse
the entry, with the claim ids moved to the article's id. Vectors are keyed by the embedding
model and the text.

Writes are committed once per batch (``commit``), not per article: a commit waits for the disk.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from ..extract.ids import MOVED_FIELDS, moved_claims
from ..records import Article, Sentence, claim_from_json, decode, encode
from ..records.codec import with_fields
from .batch import ArticleClaims

__all__ = ["CLAIM_LAYERS", "Cache", "article_key", "extractor_version", "moved"]

DEFAULT_DIR = ".checker_cache"
# The layers below ``analyse``: everything that decides which claims an article yields.
CLAIM_LAYERS = ("errors.py", "records", "lexicon", "ingest", "nlp", "extract")
_CHUNK = 500  # keys per SELECT ... IN (...)


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
    """What extraction reads of an article (``extract_article``: the text, title, date and format), and
    the extractor's version; never the path or id, which only label the claims."""
    published = article.published.isoformat() if article.published else None
    payload = json.dumps([extractor_version(), article.format, article.title, published, article.text])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def moved(extracted: ArticleClaims, article_id: str) -> ArticleClaims:
    """An article's claims under another article id (a renamed file, a copy)."""
    labels = [s.article_id for s in extracted.sentences[:1]] + [c.article_id for c in extracted.claims[:1]]
    if all(label == article_id for label in labels):
        return extracted
    claims = tuple(moved_claims(extracted.claims, article_id))
    return ArticleClaims(
        sentences=tuple(dataclasses.replace(s, article_id=article_id) for s in extracted.sentences),
        claims=claims,
        # only ids change: the JSON form checked when the claims were made stays valid
        claims_json=tuple(with_fields(d, c, MOVED_FIELDS) for d, c in zip(extracted.claims_json, claims)),
    )


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

    def get_articles(self, articles: Sequence[Article]) -> dict[str, ArticleClaims]:
        """Cached extraction results by article id, for the articles that have one."""
        keys = {article.id: article_key(article) for article in articles}
        payloads = dict(self._select("SELECT key, payload FROM articles", list(set(keys.values()))))
        out: dict[str, ArticleClaims] = {}
        decoded: dict[str, ArticleClaims] = {}
        for article in articles:
            key = keys[article.id]
            if key not in payloads:
                continue
            if key not in decoded:
                decoded[key] = _decoded(payloads[key])
            out[article.id] = moved(decoded[key], article.id)
        return out

    def put_article(self, article: Article, extracted: ArticleClaims) -> None:
        """Store an article's claims (written with the next ``commit``)."""
        payload: dict[str, Any] = {
            "sentences": [encode(s) for s in extracted.sentences],
            "claims": list(extracted.claims_json),
        }
        self._db.execute(
            "INSERT OR REPLACE INTO articles (key, payload) VALUES (?, ?)",
            (article_key(article), json.dumps(payload, ensure_ascii=False)),
        )

    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {key: np.frombuffer(blob, dtype=np.float32).copy() for key, blob in self._select(_VECTORS, keys)}

    def put_vectors(self, items: dict[str, np.ndarray]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
            [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
        )
        self.commit()

    def commit(self) -> None:
        self._db.commit()

    def close(self) -> None:
        self._db.commit()
        self._db.close()

    def _select(self, query: str, keys: Sequence[str]) -> list[tuple[str, Any]]:
        rows: list[tuple[str, Any]] = []
        for start in range(0, len(keys), _CHUNK):
            chunk = list(keys[start : start + _CHUNK])
            rows += self._db.execute(f"{query} WHERE key IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        return rows


_VECTORS = "SELECT key, vector FROM vectors"


def _decoded(payload: str) -> ArticleClaims:
    data = json.loads(payload)
    claims_json = tuple(data["claims"])
    return ArticleClaims(
        sentences=tuple(decode(Sentence, s) for s in data["sentences"]),
        claims=tuple(claim_from_json(c) for c in claims_json),
        claims_json=claims_json,
    )
