"""Articles -> the analysed batch: sentences and claims (cached per article), stories, candidate pairs.

Models load once per run, and only when something is not cached: spaCy parses all uncached articles
in one streamed pass, the embedder encodes the leads, then the clauses that pairing will compare.
Nothing here judges a claim: the rules do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

import numpy as np

from ..errors import ErrorCode
from ..extract import extract_article
from ..extract.context import masked
from ..lexicon.names import TITLES
from ..limits import OverBudget, TimeBudget
from ..nlp.embeddings import DIMENSIONS, Embedder, VectorStore
from ..nlp.sentences import ParsedSentence, parse_articles
from ..records import Article, Claim, CountClaim, DateClaim, InputError, NameClaim, Sentence
from ..records.validation import checked_json
from ..timing import stage
from .batch import ArticleClaims, Batch
from .cache import article_key, moved
from .facts import build_facts
from .pairing import PAIRINGS, needs_vectors
from .stories import StoryParams, group_stories
from .story_signals import StoryArticle, StoryName

__all__ = ["ClaimSource", "KnownClaims", "build_batch", "extract_claims", "lead_text", "story_inputs"]

_STORY_DEFAULTS = StoryParams()
TITLE_FAMILIES = dict(TITLES.values())  # normalised title -> family

Progress = Callable[[int, int], None]


class ClaimSource(VectorStore, Protocol):
    """Where already-extracted articles and vectors come from: the cache, or an archive."""

    def get_articles(self, articles: Sequence[Article]) -> dict[str, ArticleClaims]: ...

    def put_article(self, article: Article, extracted: ArticleClaims) -> None: ...

    def commit(self) -> None: ...


class KnownClaims:
    """A claim source for articles extracted elsewhere (an archive, a distributed run): their sentences and
    claims as given, vectors from ``vectors``; nothing is written back."""

    def __init__(self, extracted: Mapping[str, ArticleClaims], vectors: VectorStore | None = None) -> None:
        self.extracted = extracted
        self.vectors = vectors

    def get_articles(self, articles: Sequence[Article]) -> dict[str, ArticleClaims]:
        return {a.id: self.extracted[a.id] for a in articles if a.id in self.extracted}

    def put_article(self, article: Article, extracted: ArticleClaims) -> None:
        return None

    def commit(self) -> None:
        return None

    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return self.vectors.get_vectors(keys) if self.vectors is not None else {}

    def put_vectors(self, items: dict[str, np.ndarray]) -> None:
        return None


def article_claims(sentences: Sequence[Sentence], claims: Sequence[Claim]) -> ArticleClaims:
    """An article's extraction result, its claims checked against their kinds' schemas once, here."""
    return ArticleClaims(tuple(sentences), tuple(claims), checked_json(claims))


def extract_claims(
    articles: Sequence[Article],
    *,
    cache: ClaimSource | None = None,
    progress: Progress | None = None,
    budget: TimeBudget | None = None,
) -> dict[str, ArticleClaims]:
    """Sentences and claims per article id. Cached articles skip parsing, and an article whose content
    another article of the batch repeats (a wire copy under two ids) is parsed once.

    An article that uses up its ``budget`` is left out of the result (and listed in ``budget.exceeded``):
    half its claims would be a lie, so the caller reports it as an input error instead."""
    with stage("cache read"):
        out = cache.get_articles(articles) if cache is not None else {}
    if progress:
        progress(len(out), len(articles))
    first: dict[str, Article] = {}  # content key -> the article parsed for it
    copies: list[tuple[Article, str]] = []
    for article in articles:
        if article.id not in out:
            key = article_key(article)
            if key in first:
                copies.append((article, key))
            else:
                first[key] = article
    done = len(out)
    for article, parsed in parse_articles(list(first.values()), budget=budget) if first else ():  # all cached: no spaCy
        extracted = _extract(article, parsed, budget)
        if extracted is not None:
            out[article.id] = extracted
            if cache is not None:
                with stage("cache write"):
                    cache.put_article(article, extracted)
        done += 1
        if progress:
            progress(done, len(articles))
    for article, key in copies:
        if first[key].id in out:
            out[article.id] = moved(out[first[key].id], article.id)
    if cache is not None:
        with stage("cache write"):
            cache.commit()
    if progress and copies:
        progress(len(articles), len(articles))
    return out


def _extract(article: Article, parsed: list[ParsedSentence], budget: TimeBudget | None) -> ArticleClaims | None:
    """One parsed article's sentences and claims; None when it ran out of time (never half its claims)."""
    if budget is not None and budget.over(article.id):
        return None
    try:
        with stage("extract"):
            claims = tuple(extract_article(article, parsed, check=budget.watch(article.id) if budget else None))
    except OverBudget:
        return None
    with stage("check claims"):
        return article_claims([p.sentence for p in parsed], claims)


def build_batch(
    articles: Sequence[Article],
    *,
    embedder: Embedder | None = None,
    cache: ClaimSource | None = None,
    progress: Progress | None = None,
    story_params: StoryParams = _STORY_DEFAULTS,
    stories: Mapping[str, str] | None = None,
    budget: TimeBudget | None = None,
) -> Batch:
    """Everything the rules read about a batch of articles.

    Embeds only what is compared: leads (when there are two articles or more to group), then, once
    stories and blocks are known, the clauses of claims that share a block with another claim.
    ``stories``: article id -> story, when already known (an archive's), instead of grouping here.
    ``budget``: each article's time to become claims (``checker.limits``); an article over it leaves
    the batch and becomes one of ``Batch.errors``.
    """
    budget = budget if budget is not None else TimeBudget()
    extracted = extract_claims(articles, cache=cache, progress=progress, budget=budget)
    errors = tuple(
        InputError(path=a.path, code=ErrorCode.TIME_BUDGET, message=budget.message(a.id))
        for a in articles
        if a.id not in extracted and budget.over(a.id)
    )
    articles = [a for a in articles if a.id in extracted]
    sentences: list[Sentence] = []
    claims: list[Claim] = []
    for article in articles:
        sentences.extend(extracted[article.id].sentences)
        claims.extend(extracted[article.id].claims)
    embedder = embedder or Embedder(store=cache)
    sentence_text = {(s.article_id, s.index): s.text for s in sentences}

    # Lead vectors decide stories; claim-sentence vectors decide which claims are about one fact.
    if stories is None:
        if len(articles) > 1:
            lead_vectors = embedder.encode([lead_text(a, extracted[a.id].sentences) for a in articles])
        else:  # one article is one story: nothing to compare its lead with
            lead_vectors = np.zeros((len(articles), DIMENSIONS), dtype=np.float32)
        with stage("stories"):
            stories = group_stories(story_inputs(articles, extracted, lead_vectors), story_params) if articles else {}
    known = dict(stories)

    def story_of(article_id: str) -> str:
        return known.get(article_id, article_id)

    with stage("pairs"):
        blocks = {kind: pairing.blocks(claims, story_of) for kind, pairing in PAIRINGS.items()}
        embedded = [c for kind, pairing in PAIRINGS.items() if pairing.embeds for c in needs_vectors(blocks[kind])]
        compared = sorted({_context(c, sentence_text) for c in embedded})
    vector_by_text = dict(zip(compared, embedder.encode(compared)))

    def vector_of(claim: Claim) -> np.ndarray:
        return vector_by_text[_context(claim, sentence_text)]

    with stage("pairs"):
        pairs = {kind: tuple(pairing.pairs(blocks[kind], vector_of, story_of)) for kind, pairing in PAIRINGS.items()}
    with stage("facts"):
        facts = build_facts(claims, pairs, articles, story_of)
    return Batch(
        articles=tuple(articles),
        sentences=tuple(sentences),
        claims=tuple(claims),
        stories=known,
        pairs=pairs,
        facts=facts,
        errors=errors,
        claims_json={article.id: extracted[article.id].claims_json for article in articles},
    )


def story_inputs(
    articles: Sequence[Article], extracted: dict[str, ArticleClaims], lead_vectors: np.ndarray
) -> list[StoryArticle]:
    """What story grouping reads of each article: its lead vector, its names and its incident dates."""
    officials = {
        c.person_key or c.key
        for one in extracted.values()
        for c in one.claims
        if isinstance(c, NameClaim) and c.entity_type == "person" and _speaks_for_an_office(c, one.claims)
    }
    out: list[StoryArticle] = []
    for article, vector in zip(articles, lead_vectors):
        claims = extracted[article.id].claims
        names = tuple(name for c in claims if isinstance(c, NameClaim) for name in _story_names(c, officials))
        dates = frozenset(
            c.date
            for c in claims
            if isinstance(c, DateClaim) and c.about == "incident" and c.granularity == "day" and c.date
        )
        out.append(StoryArticle(article.id, article.published, vector, names, dates))
    return out


def _story_names(claim: NameClaim, officials: set[str]) -> list[StoryName]:
    """A name as story grouping reads it: a person by first name and surname, anything else by its folded key.

    (Keying places also by each word, so "Sindh province" meets "Sindh", was measured: recall +2 points,
    precision -1 point on gva-dev; precision matters more, so it is not done.)"""
    identity = claim.person_key or claim.key
    return [
        StoryName(
            key=identity.replace(" ", ""),
            entity_type=claim.entity_type,
            resolved=claim.entity_type != "person" or claim.person_key is not None,
            official=identity in officials,
        )
    ]


_OFFICE_FAMILIES = {"police", "office"}  # sheriffs, chiefs, mayors, judges: they speak about many incidents


def _speaks_for_an_office(name: NameClaim, claims: Sequence[Claim]) -> bool:
    """Police chiefs, spokespeople, mayors and the sources of figures recur across unrelated incidents;
    a general or a victim with a rank does not make two incidents one."""
    if name.title and TITLE_FAMILIES.get(name.title) in _OFFICE_FAMILIES:
        return True
    if "spokes" in (name.role or "").lower():
        return True
    return any(isinstance(c, CountClaim) and name.name in c.attribution.source for c in claims)


def _context(claim: Claim, sentence_text: dict[tuple[str, int], str]) -> str:
    return masked(claim.context or sentence_text[(claim.article_id, claim.sentence_index)])


def lead_text(article: Article, sentences: Sequence[Sentence]) -> str:
    """Title and first sentences: what story grouping embeds of an article."""
    body = [s.text for s in sentences if s.field == "text"][:3]
    return " ".join(([article.title] if article.title else []) + body)[:1000] or article.text[:500]
