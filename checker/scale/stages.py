"""The per-article and per-story work of a check, as functions Ray Data runs on its workers.

Rows are plain JSON-able dicts (records in their codec form, vectors as lists) so they cross process
and machine boundaries unchanged. Models load once per actor (``Analyser``), not once per batch.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..analyse.batch import ArticleClaims, Batch
from ..analyse.build import KnownClaims, article_claims, build_batch, extract_claims, lead_text, story_inputs
from ..analyse.pairing import PAIRINGS
from ..errors import ErrorCode
from ..extract.context import masked
from ..limits import OverBudget, TimeBudget
from ..nlp.embeddings import Embedder
from ..records import Article, Claim, Finding, Rule, Sentence, claim_from_json, decode, encode
from ..rules.runner import run_rules

__all__ = ["Analyser", "article_from_row", "article_row", "judge_partition", "stored_extraction"]

Fault = Callable[[str], None]  # called with each article's id before it is analysed (tests inject failures)


def article_row(article: Article) -> dict[str, Any]:
    return {"article": json.dumps(encode(article, complete=True), ensure_ascii=False)}


def article_from_row(row: dict[str, Any]) -> Article:
    return decode(Article, json.loads(row["article"]), complete=True)


def stored_extraction(row: dict[str, Any]) -> tuple[list[Sentence], list[Claim]]:
    payload = json.loads(row["extraction"])
    return [decode(Sentence, s) for s in payload["sentences"]], [claim_from_json(c) for c in payload["claims"]]


class Analyser:
    """Parse, extract and embed a batch of articles (spaCy and the embedder load once per actor)."""

    def __init__(self, fault: Fault | None = None) -> None:
        self.embedder = Embedder()
        self.fault = fault

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        articles = [article_from_row({"article": a}) for a in batch["article"]]
        out: dict[str, list[Any]] = {
            "article": [],
            "extraction": [],
            "lead": [],
            "story": [],
            "vectors": [],
            "error": [],
        }
        extracted, errors = self._extract(articles)
        out["error"] = [errors.get(a.id, "") for a in articles]
        leads = self.embedder.encode([lead_text(a, extracted[a.id].sentences) for a in articles])
        inputs = story_inputs(articles, extracted, leads)
        for article, lead, story in zip(articles, leads, inputs):
            sentences, claims = list(extracted[article.id].sentences), list(extracted[article.id].claims)
            out["article"].append(article_row(article)["article"])
            out["extraction"].append(  # the claims' JSON form was checked against their schemas when made
                json.dumps(
                    {"sentences": [encode(s) for s in sentences], "claims": list(extracted[article.id].claims_json)}
                )
            )
            out["lead"].append(np.asarray(lead, dtype=np.float32))
            out["story"].append(
                json.dumps(
                    {
                        "names": [[n.key, n.entity_type, n.resolved, n.official] for n in story.names],
                        "dates": sorted(d.isoformat() for d in story.incident_dates),
                    }
                )
            )
            out["vectors"].append(json.dumps(self._context_vectors(sentences, claims)))
        return out

    def _extract(self, articles: list[Article]) -> tuple[dict[str, ArticleClaims], dict[str, str]]:
        """Claims of every article, parsed in one pass (spaCy is fastest on a batch); when the pass fails,
        one article at a time, so a failure costs that article, not the batch. Also article id -> error
        text for the articles that failed (raised, or over their time budget)."""
        errors: dict[str, str] = {}
        todo: list[Article] = []
        for article in articles:
            try:
                if self.fault is not None:
                    self.fault(article.id)
                todo.append(article)
            except Exception as exc:  # noqa: BLE001 - becomes an error record in the report
                errors[article.id] = _error_text(exc)
        budget = TimeBudget()  # the same time budget per article as the local engine
        try:
            got = extract_claims(todo, budget=budget) if todo else {}
        except Exception:  # noqa: BLE001 - one article broke the pass: the others are retried alone
            got = {}
            for article in todo:
                try:
                    got |= extract_claims([article], budget=budget)
                except Exception as exc:  # noqa: BLE001 - becomes an error record in the report
                    errors[article.id] = _error_text(exc)
        for article in todo:
            if article.id not in got and article.id not in errors:
                errors[article.id] = _error_text(OverBudget(ErrorCode.TIME_BUDGET, budget.message(article.id)))
        return {a.id: got.get(a.id, ArticleClaims((), (), ())) for a in articles}, errors

    def _context_vectors(self, sentences: list[Sentence], claims: list[Claim]) -> dict[str, list[float]]:
        text_of = {(s.article_id, s.index): s.text for s in sentences}
        texts = sorted(
            {masked(c.context or text_of[(c.article_id, c.sentence_index)]) for c in claims if PAIRINGS[c.kind].embeds}
        )
        if not texts:
            return {}
        return {self.embedder.key(t): [float(x) for x in v] for t, v in zip(texts, self.embedder.encode(texts))}


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class _Vectors(dict[str, np.ndarray]):
    """Vectors computed by the analysers, as a vector store."""

    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {k: self[k] for k in keys if k in self}

    def put_vectors(self, items: dict[str, np.ndarray]) -> None:
        self.update(items)


def judge_partition(rows: dict[str, Any], rules: Sequence[Rule], order: dict[str, int]) -> dict[str, Any]:
    """The facts and findings of the stories in one partition (a story never spans partitions)."""
    articles = [article_from_row({"article": a}) for a in rows["article"]]
    ordered = sorted(range(len(articles)), key=lambda i: order[articles[i].id])  # the batch's order
    extracted: dict[str, ArticleClaims] = {}
    vectors = _Vectors()
    for i in ordered:
        extracted[articles[i].id] = article_claims(*stored_extraction({"extraction": rows["extraction"][i]}))
        vectors.update({k: np.asarray(v, dtype=np.float32) for k, v in json.loads(rows["vectors"][i]).items()})
    stories = {articles[i].id: str(rows["story_id"][i]) for i in ordered}
    source = KnownClaims(extracted, vectors)
    batch: Batch = build_batch(
        [articles[i] for i in ordered], embedder=Embedder(store=source), cache=source, stories=stories
    )
    findings: list[Finding] = run_rules(rules, batch)
    return {"finding": [json.dumps(encode(f), ensure_ascii=False) for f in findings]}
