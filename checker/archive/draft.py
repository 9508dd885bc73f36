"""Checking drafts against the archive: which published stories they belong to, and what they contradict.

A draft is read and extracted like any article; its lead finds its story in the archive (``assign``);
the archived articles of that story come back with their claims and vectors as stored, so nothing
published is parsed or embedded again; the batch of story plus draft is analysed and judged by the
rules as usual, and only findings with a draft's claim in the conflict are kept. A draft that matches
no story is still checked on its own (a wrong weekday, a figure restated two ways).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..analyse.batch import Batch
from ..analyse.build import KnownClaims, article_claims, build_batch, extract_claims, lead_text, story_inputs
from ..analyse.story_signals import StoryParams
from ..errors import ErrorCode
from ..limits import TimeBudget
from ..nlp.embeddings import Embedder
from ..records import Article, Finding, InputError, Rule
from ..rules.runner import run_rules
from .assign import place
from .index import LeadIndex
from .store import ArchiveStore

__all__ = ["check_drafts"]


def check_drafts(
    store: ArchiveStore,
    drafts: Sequence[Article],
    rules: Sequence[Rule],
    *,
    embedder: Embedder | None = None,
    index: LeadIndex | None = None,
    params: StoryParams = StoryParams(),  # noqa: B008 - frozen
) -> tuple[Batch, list[Finding]]:
    """The batch (matched stories plus drafts) and the findings that involve a draft."""
    index = index or LeadIndex(store)
    taken = {d.id for d in drafts if store.has(d.id)}
    drafts = [d if d.id not in taken else _renamed(d) for d in drafts]
    budget = TimeBudget()
    extracted = extract_claims(drafts, budget=budget)
    late = tuple(
        InputError(path=d.path, code=ErrorCode.TIME_BUDGET, message=budget.message(d.id))
        for d in drafts
        if d.id not in extracted
    )
    drafts = [d for d in drafts if d.id in extracted]
    embedder = embedder or Embedder()
    leads = embedder.encode([lead_text(d, extracted[d.id].sentences) for d in drafts])
    stories: dict[str, str] = {}
    for draft, inputs in zip(drafts, story_inputs(drafts, extracted, leads)):
        placement = place(store, index, inputs, params)
        stories[draft.id] = placement.story or f"draft:{draft.id}"
    archived = store.load(stories={s for s in stories.values() if not s.startswith("draft:")})
    for stored in archived:
        stories[stored.article.id] = stored.story
        extracted[stored.article.id] = article_claims(stored.sentences, stored.claims)
    articles = [s.article for s in archived] + list(drafts)
    source = KnownClaims(extracted, store)
    # archived claims' vectors come from the archive: only the draft's own clauses are embedded (the model is
    # loaded once per process, whichever Embedder asks for it)
    batch = build_batch(articles, embedder=Embedder(embedder.backend, store=source), cache=source, stories=stories)
    batch = replace(batch, errors=batch.errors + late)
    draft_ids = {d.id for d in drafts}
    findings = [f for f in run_rules(rules, batch) if any(e.conflict and e.article_id in draft_ids for e in f.evidence)]
    return batch, findings


def _renamed(draft: Article) -> Article:
    """A draft that reuses a published id (an update of that article) is checked beside it, not instead of it."""
    from dataclasses import replace

    return replace(
        draft, id=f"{draft.id}~draft", notes=(*draft.notes, f"id '{draft.id}' is archived; checked as a draft")
    )
