"""A content-addressed cache so an unchanged article is not re-parsed or re-embedded.

One SQLite file (``.checker_cache/cache.sqlite3`` by default). An article's entry is keyed on
what decides its claims: its text, title, publication date and format, plus a hash of every
file in the layers that shape claims (records, lexicon, ingest, nlp, extract: code and word
lists alike), so editing any of them invalidates old entries by itself. Not on its path or id:
a renamed file, a check from another directory or a copy of an article under another id reuse
the entry, with the claim ids moved to the article's id. Vectors are keyed by the embedding
model and the text. Writes are committed once per batch (``commit``): a commit waits for the disk.

The cache heals itself and never decides a result: each entry carries a checksum of its key and
content, and an entry that fails it (or does not decode) is dropped and recomputed, with a note
in ``notes`` (the report shows it). A cache file that is not a database is replaced; a cache that
cannot be used at all (a read-only directory, a full disk) is turned off for the run, with a note.
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
from ..nlp.embeddings import DIMENSIONS
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
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


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


def _digest(key: str, data: bytes) -> str:
    return hashlib.blake2b(key.encode("utf-8") + b"\0" + data, digest_size=16).hexdigest()


_DIGEST_BYTES = 16
_NOTED = 20  # corrupt entries noted one by one


class Cache:
    """Claims per article and vectors per text; safe to delete at any time."""

    def __init__(self, directory: str | Path = DEFAULT_DIR) -> None:
        self.directory = Path(directory)
        self._notes: list[str] = []  # what went wrong with the cache this run (entries recomputed, cache off)
        self._corrupt = 0
        self._db: sqlite3.Connection | None = None
        try:
            self._open()
        except (sqlite3.DatabaseError, OSError) as first:  # not a database (a corrupted or foreign file)
            self._close_quietly()
            try:
                for suffix in ("", "-wal", "-shm"):
                    (self.directory / f"cache.sqlite3{suffix}").unlink(missing_ok=True)
                self._open()
                self._notes.append(f"cache {self._file()} was unreadable ({first}); started a new one")
            except (sqlite3.Error, OSError) as exc:
                self._close_quietly()
                self._off(exc)

    @property
    def notes(self) -> list[str]:
        """Notes for the report: the first ``_NOTED`` corrupt entries one by one, then how many more."""
        more = self._corrupt - _NOTED
        return self._notes + ([f"{more} more cache entries were corrupt; recomputed"] if more > 0 else [])

    def _file(self) -> str:
        return (self.directory / "cache.sqlite3").as_posix()

    def _open(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.directory / "cache.sqlite3")
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        self._db.execute("SELECT count(*) FROM articles").fetchone()
        self._db.commit()
        ignore = self.directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")

    def _off(self, exc: BaseException) -> None:
        """The cache cannot be used: the run goes on without it."""
        self._close_quietly()
        self._notes.append(f"cache {self._file()} cannot be used ({exc}); this run did without it")

    def _close_quietly(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The rows of a read; a database or disk error turns the cache off (and gives no rows)."""
        if self._db is None:
            return []
        try:
            return self._db.execute(sql, params).fetchall()
        except (sqlite3.Error, OSError) as exc:
            self._off(exc)
            return []

    def _write(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One write of ``rows`` (committed with the next ``commit``); a database or disk error (a full
        disk) turns the cache off."""
        if self._db is None:
            return
        try:
            self._db.executemany(sql, rows)
        except (sqlite3.Error, OSError) as exc:
            self._off(exc)

    def commit(self) -> None:
        """Make this batch's writes durable; a failure turns the cache off (the results stand)."""
        if self._db is None:
            return
        try:
            self._db.commit()
        except (sqlite3.Error, OSError) as exc:
            self._off(exc)

    def _bad(self, table: str, key: str, what: str) -> None:
        """Drop an entry that fails its checksum or does not decode; the caller recomputes it."""
        self._corrupt += 1
        if self._corrupt <= _NOTED:
            self._notes.append(f"cache entry {key[:12]} ({what}) was corrupt; recomputed")
        self._write(f"DELETE FROM {table} WHERE key = ?", [(key,)])

    def get_articles(self, articles: Sequence[Article]) -> dict[str, ArticleClaims]:
        """Cached extraction results by article id, for the articles that have a whole entry."""
        keys = {article.id: article_key(article) for article in articles}
        payloads = dict(self._select("SELECT key, payload FROM articles", sorted(set(keys.values()))))
        out: dict[str, ArticleClaims] = {}
        decoded: dict[str, ArticleClaims | None] = {}
        for article in articles:
            key = keys[article.id]
            if key not in payloads:
                continue
            if key not in decoded:
                decoded[key] = self._decoded(key, payloads[key], article)
            entry = decoded[key]
            if entry is not None:
                out[article.id] = moved(entry, article.id)
        return out

    def _decoded(self, key: str, payload: Any, article: Article) -> ArticleClaims | None:
        checksum, _, text = str(payload).partition("\n")
        try:
            if checksum != _digest(key, text.encode("utf-8", "surrogatepass")):
                raise ValueError("checksum")
            data = json.loads(text)
            claims_json = tuple(data["claims"])
            return ArticleClaims(
                sentences=tuple(decode(Sentence, s) for s in data["sentences"]),
                claims=tuple(claim_from_json(c) for c in claims_json),
                claims_json=claims_json,
            )
        except Exception:  # noqa: BLE001 - any way a damaged entry fails to decode: recompute it
            self._bad("articles", key, f"claims of {article.path}")
            return None

    def put_article(self, article: Article, extracted: ArticleClaims) -> None:
        """Store an article's claims (written with the next ``commit``)."""
        key = article_key(article)
        payload: dict[str, Any] = {
            "sentences": [encode(s) for s in extracted.sentences],
            "claims": list(extracted.claims_json),
        }
        text = json.dumps(payload, ensure_ascii=False)
        row = (key, f"{_digest(key, text.encode('utf-8', 'surrogatepass'))}\n{text}")
        self._write("INSERT OR REPLACE INTO articles (key, payload) VALUES (?, ?)", [row])

    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for key, blob in self._select("SELECT key, vector FROM vectors", keys):
            vector = _vector(key, blob)
            if vector is None:
                self._bad("vectors", key, "a sentence vector")
            else:
                out[key] = vector
        return out

    def put_vectors(self, items: dict[str, np.ndarray]) -> None:
        rows = []
        for key, value in items.items():
            data = np.asarray(value, dtype=np.float32).tobytes()
            rows.append((key, data + bytes.fromhex(_digest(key, data))))
        self._write("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)
        self.commit()

    def close(self) -> None:
        self.commit()
        self._close_quietly()

    def _select(self, query: str, keys: Sequence[str]) -> list[tuple[str, Any]]:
        rows: list[tuple[str, Any]] = []
        for start in range(0, len(keys), _CHUNK):
            chunk = list(keys[start : start + _CHUNK])
            rows += self._query(f"{query} WHERE key IN ({','.join('?' * len(chunk))})", chunk)
        return rows


def _vector(key: str, blob: Any) -> np.ndarray | None:
    """A stored vector if it is whole: the right length, its checksum, finite values."""
    if not isinstance(blob, bytes) or len(blob) != DIMENSIONS * 4 + _DIGEST_BYTES:
        return None
    data, checksum = blob[:-_DIGEST_BYTES], blob[-_DIGEST_BYTES:]
    if checksum.hex() != _digest(key, data):
        return None
    vector = np.frombuffer(data, dtype=np.float32).copy()
    return vector if np.isfinite(vector).all() else None
