"""The archive on disk: published articles with their claims, stories and vectors, in one SQLite file.

SQLite holds everything that is not derived (articles as read, their sentences and claims, lead and
claim-context vectors, names, incident dates, story assignment), with a schema version and
migrations applied when the archive is opened. Writes happen in one transaction per call, so a crash
mid-add loses nothing already committed and leaves no half-added article; WAL mode lets readers (a
running service, a draft check) read while one writer adds. Only one writer at a time: writers take
an exclusive lock file. The nearest-lead index (``archive.index``) is derived data, rebuilt from here
whenever it is missing or behind.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..analyse.story_signals import StoryName
from ..errors import CheckerError, ErrorCode
from ..records import Article, Claim, Sentence, claim_from_json, decode, encode

__all__ = ["SCHEMA_VERSION", "ArchiveStore", "Placed", "StoredArticle"]

SCHEMA_VERSION = 1
DB_NAME = "archive.sqlite3"
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY, seq INTEGER UNIQUE NOT NULL, story TEXT NOT NULL, published TEXT,
            record TEXT NOT NULL, extraction TEXT NOT NULL, lead BLOB NOT NULL, local REAL NOT NULL,
            names TEXT NOT NULL, dates TEXT NOT NULL, added TEXT NOT NULL)""",
        "CREATE INDEX articles_story ON articles(story)",
        "CREATE TABLE names (key TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (key, article))",
        "CREATE TABLE vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)",
    ),
}


@dataclass(frozen=True)
class StoredArticle:
    """An archived article with everything a check or a story assignment reads of it."""

    article: Article
    seq: int
    story: str
    sentences: list[Sentence]
    claims: list[Claim]
    lead: np.ndarray
    local: float
    names: tuple[StoryName, ...]
    dates: frozenset[dt.date]


@dataclass(frozen=True)
class Placed:
    """What story placement reads of an archived article: no text, no claims (cheap to load by the dozen)."""

    id: str
    seq: int
    story: str
    published: dt.date | None
    lead: np.ndarray
    local: float
    names: tuple[StoryName, ...]
    dates: frozenset[dt.date]


_PLACED = "id, seq, story, published, lead, local, names, dates"


class ArchiveStore:
    """Open (or create) the archive in ``directory``; ``readonly`` opens without migrating or writing."""

    def __init__(self, directory: str | Path, *, create: bool = False) -> None:
        self.directory = Path(directory)
        path = self.directory / DB_NAME
        if not path.exists() and not create:
            raise CheckerError(
                ErrorCode.ARCHIVE, f"{self.directory}: no archive here (create one with 'checker archive add')"
            )
        self.directory.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise CheckerError(ErrorCode.ARCHIVE, f"{path}: not a checker archive ({exc})") from None

    def close(self) -> None:
        self.db.close()

    # --- schema ---------------------------------------------------------------------------------------

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            message = f"{self.directory}: archive schema {version} is newer than this checker ({SCHEMA_VERSION})"
            raise CheckerError(ErrorCode.ARCHIVE, message)
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                for statement in _MIGRATIONS[target]:
                    if not statement.startswith("CREATE TABLE IF NOT EXISTS meta"):
                        self.db.execute(statement)
                self._set_meta("schema_version", str(target))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write: all of it lands, or none of it (a crash inside rolls back on the next open)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @contextmanager
    def writer(self) -> Iterator[None]:
        """Exclusive write access across processes (readers are never blocked)."""
        with open(self.directory / ".write.lock", "w", encoding="utf-8") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # --- writing --------------------------------------------------------------------------------------------

    def next_story_id(self) -> str:
        number = int(self.meta("last_story") or 0) + 1
        self._set_meta("last_story", str(number))
        return f"A{number}"

    def next_seq(self) -> int:
        row = self.db.execute("SELECT COALESCE(MAX(seq), -1) FROM articles").fetchone()
        return int(row[0]) + 1

    def insert(self, stored: StoredArticle) -> None:
        """Within a ``transaction()``: one article and its names."""
        a = stored.article
        extraction = {"sentences": [encode(s) for s in stored.sentences], "claims": [encode(c) for c in stored.claims]}
        names = [[n.key, n.entity_type, n.resolved, n.official] for n in stored.names]
        self.db.execute(
            "INSERT INTO articles (id, seq, story, published, record, extraction, lead, local, names, dates, added)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id,
                stored.seq,
                stored.story,
                a.published.isoformat() if a.published else None,
                json.dumps(encode(a, complete=True), ensure_ascii=False),
                json.dumps(extraction, ensure_ascii=False),
                np.asarray(stored.lead, dtype=np.float32).tobytes(),
                float(stored.local),
                json.dumps(names),
                json.dumps(sorted(d.isoformat() for d in stored.dates)),
                dt.datetime.now(dt.UTC).isoformat(),
            ),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO names (key, article) VALUES (?, ?)",
            [(k, a.id) for k in {n.key for n in stored.names}],
        )

    def put_vectors(self, items: dict[str, np.ndarray]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
            [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
        )

    def set_story(self, article_id: str, story: str) -> None:
        self.db.execute("UPDATE articles SET story = ? WHERE id = ?", (story, article_id))

    def remove(self, article_id: str) -> bool:
        """Within a ``transaction()``: drop one article (its claims and names go with it)."""
        gone = self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
        self.db.execute("DELETE FROM names WHERE article = ?", (article_id,))
        return bool(gone)

    # --- reading ---------------------------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def has(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def leads(self) -> tuple[np.ndarray, np.ndarray]:
        """(seq ids, lead vectors) of every article, for (re)building the index."""
        rows = self.db.execute("SELECT seq, lead FROM articles ORDER BY seq").fetchall()
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        return ids, np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows])

    def load(
        self, ids: Iterable[str] = (), *, seqs: Iterable[int] = (), stories: Iterable[str] = ()
    ) -> list[StoredArticle]:
        """Articles by id, by index sequence number or by story, in publication order."""
        rows: list[Any] = []
        for column, values in (("id", list(ids)), ("seq", list(seqs)), ("story", list(stories))):
            for start in range(0, len(values), 500):
                chunk = values[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows += self.db.execute(f"SELECT * FROM articles WHERE {column} IN ({marks})", chunk).fetchall()
        unique = {row[0]: row for row in rows}
        loaded = [_stored(row) for row in unique.values()]
        return sorted(loaded, key=lambda s: (s.article.published or dt.date.max, s.article.id))

    def placed(self, ids: Iterable[str] = (), *, seqs: Iterable[int] = (), stories: Iterable[str] = ()) -> list[Placed]:
        """Like ``load``, only what placement needs."""
        rows: list[Any] = []
        for column, values in (("id", list(ids)), ("seq", list(seqs)), ("story", list(stories))):
            for start in range(0, len(values), 500):
                chunk = values[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows += self.db.execute(f"SELECT {_PLACED} FROM articles WHERE {column} IN ({marks})", chunk).fetchall()
        out = {}
        for id_, seq, story, published, lead, local, names, dates in rows:
            out[id_] = Placed(
                id_,
                int(seq),
                story,
                dt.date.fromisoformat(published) if published else None,
                np.frombuffer(lead, dtype=np.float32).copy(),
                float(local),
                tuple(StoryName(k, t, bool(r), bool(o)) for k, t, r, o in json.loads(names)),
                frozenset(dt.date.fromisoformat(d) for d in json.loads(dates)),
            )
        return sorted(out.values(), key=lambda p: (p.published or dt.date.max, p.id))

    def document_frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        keys = list(set(keys))
        out: dict[str, int] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, COUNT(*) FROM names WHERE key IN ({marks}) GROUP BY key"
            out.update({k: int(n) for k, n in self.db.execute(query, chunk)})
        return out

    def sharing(self, key: str, limit: int) -> list[str]:
        """Ids of the articles that name ``key``, when no more than ``limit`` do (a rare, telling name)."""
        rows = self.db.execute("SELECT article FROM names WHERE key = ? LIMIT ?", (key, limit + 1)).fetchall()
        return [] if len(rows) > limit else [r[0] for r in rows]

    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for key, blob in self.db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                out[key] = np.frombuffer(blob, dtype=np.float32).copy()
        return out

    def stats(self) -> dict[str, Any]:
        claims = 0
        for (payload,) in self.db.execute("SELECT extraction FROM articles"):
            claims += len(json.loads(payload)["claims"])
        stories = int(self.db.execute("SELECT COUNT(DISTINCT story) FROM articles").fetchone()[0])
        first, last = self.db.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
        size = sum(p.stat().st_size for p in self.directory.iterdir() if p.is_file())
        return {
            "articles": self.count(),
            "claims": claims,
            "stories": stories,
            "published_from": first,
            "published_to": last,
            "schema_version": SCHEMA_VERSION,
            "bytes_on_disk": size,
        }


def _stored(row: Any) -> StoredArticle:
    _id, seq, story, _published, record, extraction, lead, local, names, dates, _added = row
    article = decode(Article, json.loads(record), complete=True)
    payload = json.loads(extraction)
    return StoredArticle(
        article=article,
        seq=int(seq),
        story=story,
        sentences=[decode(Sentence, s) for s in payload["sentences"]],
        claims=[claim_from_json(c) for c in payload["claims"]],
        lead=np.frombuffer(lead, dtype=np.float32).copy(),
        local=float(local),
        names=tuple(StoryName(k, t, bool(r), bool(o)) for k, t, r, o in json.loads(names)),
        dates=frozenset(dt.date.fromisoformat(d) for d in json.loads(dates)),
    )
