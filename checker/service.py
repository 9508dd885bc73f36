"""An HTTP service for the newsroom's CMS: check a draft against the archive, add published articles.

    checker serve --archive DIR [--host 127.0.0.1 --port 8000]

- ``POST /check`` a draft (JSON: ``title``, ``text``, ``published``, ``source``; optional ``id``,
  ``url``) -> the report JSON, the same contract as ``checker check --archive`` (findings only where
  the draft's claims are in conflict);
- ``POST /archive`` a published article, or ``{"articles": [...]}`` -> what was added; needs
  ``Authorization: Bearer <token>`` with the token from ``$CHECKER_TOKEN`` (no token set: writes refused);
- ``GET /health``; OpenAPI docs at ``/docs`` and ``/openapi.json``.

Models load once, when the service starts. Bad input is a 4xx whose body carries the same error codes
as the CLI (``{"error": {"id": "E108", "code": "bad-record", "message": ...}}``); request bodies over
the size limit are refused before they are read whole; no article text is ever logged (the access log
shows method, path and status only).
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .errors import CheckerError, ErrorCode, ExitCode

__all__ = ["create_app", "run_service"]

MAX_BODY_BYTES = 2_000_000
TOKEN_VARIABLE = "CHECKER_TOKEN"


class Draft(BaseModel):
    """An article as a CMS holds it."""

    text: str = Field(description="The article's copy.")
    title: str | None = None
    published: str | None = Field(default=None, description="ISO date, e.g. 2012-07-25")
    source: str | None = Field(default=None, description="The outlet")
    id: str | None = None
    url: str | None = None


class Batch(BaseModel):
    articles: list[Draft]


def _problem(status: int, code: ErrorCode, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"id": code.id, "code": code.value, "message": message}})


class _Engine:
    """The models and the rules, loaded once; one pipeline run at a time (spaCy and the embedder are not
    meant for concurrent use), while SQLite readers and the archive's one writer stay independent."""

    def __init__(self, archive: Path) -> None:
        from .archive.index import LeadIndex
        from .archive.store import ArchiveStore
        from .nlp.embeddings import Embedder
        from .nlp.models import spacy_pipeline
        from .rules.loading import load_rules
        from .rules.selection import Selection

        self.archive = archive
        self.rules = Selection().resolve(load_rules())
        self.lock = threading.Lock()
        self.embedder = Embedder()
        self.embedder.encode(["warm up"])
        spacy_pipeline()
        store = ArchiveStore(archive, create=True)
        self.index = LeadIndex(store)
        self.indexed = store.count()
        store.close()

    def check(self, drafts: list[Any]) -> dict[str, Any]:
        from .archive.draft import check_drafts
        from .archive.index import LeadIndex
        from .archive.store import ArchiveStore
        from .report.build import build_report

        with self.lock:
            store = ArchiveStore(self.archive)
            try:
                if store.count() != self.indexed:  # another process added articles: catch up
                    self.index = LeadIndex(store)
                    self.indexed = store.count()
                self.index.store = store
                batch, findings = check_drafts(store, drafts, self.rules, embedder=self.embedder, index=self.index)
            finally:
                store.close()
            return build_report(batch, findings, batch.errors, self.rules, fail_on="error")

    def add(self, articles: list[Any]) -> dict[str, Any]:
        from .archive.adding import add_articles
        from .archive.index import LeadIndex
        from .archive.store import ArchiveStore

        with self.lock:
            store = ArchiveStore(self.archive, create=True)
            try:
                result = add_articles(store, articles, embedder=self.embedder)
                self.index = LeadIndex(store)
                self.indexed = store.count()
            finally:
                store.close()
            added: dict[str, Any] = {
                "added": result.added,
                "skipped": result.skipped,
                "new_stories": result.new_stories,
            }
            if result.errors:  # over their time budget: not added
                added["errors"] = [{"id": e.code.id, "code": e.code.value, "message": e.message} for e in result.errors]
            return added

    def health(self) -> dict[str, Any]:
        from .archive.store import SCHEMA_VERSION, ArchiveStore

        store = ArchiveStore(self.archive)
        try:
            return {"status": "ok", "articles": store.count(), "schema_version": SCHEMA_VERSION}
        finally:
            store.close()


def _articles(drafts: list[Draft]) -> list[Any]:
    """Drafts read by the same rules as a JSON record on disk (``ingest``), so errors carry the same codes."""
    from .ingest.formats.records import article_from_record
    from .limits import check_article_size

    out = []
    for number, draft in enumerate(drafts, start=1):
        record = draft.model_dump(exclude_none=True)
        article, error = article_from_record(record, Path("draft"), f"draft {number}", "draft", number, (), "json")
        if error is not None:
            raise CheckerError(error.code, error.message if len(drafts) == 1 else f"{error.path}: {error.message}")
        assert article is not None
        check_article_size(article.text)  # CheckerError(ARTICLE_TOO_LARGE): a 4xx like any bad record
        out.append(article)
    return out


def create_app(archive: Path, *, token: str | None = None, max_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    holder: dict[str, _Engine] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        holder["engine"] = _Engine(archive)
        yield

    app = FastAPI(
        title="checker", summary="Fact-consistency checks of drafts against published stories.", lifespan=lifespan
    )

    @app.middleware("http")
    async def limit_size(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > max_bytes):
            return _problem(413, ErrorCode.USAGE, f"request body over {max_bytes} bytes")
        return await call_next(request)

    @app.exception_handler(CheckerError)
    async def checker_error(request: Request, exc: CheckerError) -> JSONResponse:
        status = 422 if exc.exit_code == ExitCode.USAGE else 500
        return _problem(status, exc.code, str(exc))

    @app.get("/health")
    def health() -> dict[str, Any]:
        return holder["engine"].health()

    @app.post("/check")
    def check(draft: Draft) -> dict[str, Any]:
        return holder["engine"].check(_articles([draft]))

    @app.post("/archive", responses={401: {"description": "missing or wrong token"}})
    def add(payload: Draft | Batch, request: Request) -> Any:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not token or not hmac.compare_digest(given.encode(), token.encode()):
            return _problem(401, ErrorCode.USAGE, f"writes need 'Authorization: Bearer <token>' (${TOKEN_VARIABLE})")
        drafts = payload.articles if isinstance(payload, Batch) else [payload]
        return holder["engine"].add(_articles(drafts))

    return app


def run_service(archive: Path, *, host: str, port: int) -> int:
    import uvicorn

    token = os.environ.get(TOKEN_VARIABLE) or None
    app = create_app(archive, token=token)
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=True)
    return ExitCode.OK
