"""Engine ``count_consistency``: reports of one toll whose ranges cannot overlap.

A fact (one toll: one story, one event, one kind of people) is judged as a whole: every pair of
its reports whose ranges cannot overlap is sorted into exactly one relation, and each rule file
picks one relation, so the rule emits at most one finding per fact, naming all the figures:

- ``official_vs_witness``: an established figure (officials, or the outlet's own voice) against
  residents' or witnesses' estimate. An estimate is never a previous toll;
- ``toll_update``: a later report (a later article, or "rose to" in the same one) gives a higher toll;
- ``toll_lowered``: a later report from the same source gives a lower toll;
- ``same_source``: one source (or the reporter's own voice in one outlet) gives two figures the same day;
- ``between_sources``: different sources disagree (on one day, or a later, lower figure from another source).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any, ClassVar

from ...records import Article, CountClaim, Hit, Range, Rule, ranges_overlap
from .base import SCOPE, in_scope
from .facts import listing, timeline, unique, where

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch, Fact

RELATIONS = ("official_vs_witness", "toll_update", "toll_lowered", "same_source", "between_sources")
_UPDATE_CUES = re.compile(
    r"\b(?:rose|risen|rises|climbed|climbs|increased|jumped|bringing|brought|raised|now|later|since|updated|revised|"
    r"has\s+grown|grew|another|additional|more\s+bodies|succumbed)\b",
    re.IGNORECASE,
)
_ESTIMATE_TYPES = {"witness"}
_STOP = {"the", "a", "an", "of", "'s", "’s", "s", "and", "for", "in", "from", "by"}


class CountConsistency:
    name: ClassVar[str] = "count_consistency"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "relation": {"enum": list(RELATIONS)},
            "min_similarity": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.35},
            "scope": SCOPE,
            "tolerance": {"type": "integer", "minimum": 0, "default": 0},
        },
        "required": ["relation"],
        "additionalProperties": False,
    }
    fields: ClassVar[frozenset[str]] = frozenset(
        {
            "topic",
            "conflict",
            "timeline",
            "where",
            "event",
            "subject",
            "figure_a",
            "figure_b",
            "range_a",
            "range_b",
            "source_a",
            "source_b",
            "source_type_a",
            "source_type_b",
            "article_a",
            "article_b",
            "outlet_a",
            "outlet_b",
            "published_a",
            "published_b",
        }
    )

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        for fact in batch.facts.get("count", ()):
            hit = self._judge(rule, batch, fact)
            if hit is not None:
                yield hit

    def _judge(self, rule: Rule, batch: Batch, fact: Fact) -> Hit | None:
        relation = rule.params["relation"]
        claims = [c for c in (batch.claim[i] for i in fact.claims) if isinstance(c, CountClaim)]
        conflicts: list[tuple[float, CountClaim, CountClaim]] = []
        for a, b in combinations(claims, 2):  # publication order: a is reported first
            if not in_scope(rule.params["scope"], a.article_id == b.article_id):
                continue
            similarity = batch.similarity_of(a.id, b.id)
            if similarity < rule.params["min_similarity"]:
                continue
            attacker = a.event == "killed" and _perpetrator_died(batch, fact.story)
            slack = rule.params["tolerance"] + (1 if attacker else 0)
            if ranges_overlap(_widen(claim_range(a), slack), claim_range(b)):
                continue
            if classify(batch, a, b) != relation:
                continue
            score = similarity * (0.8 if a.hedge or b.hedge else 1.0)
            score *= 0.9 if a.implicit or b.implicit or a.parts or b.parts else 1.0
            conflicts.append((score, a, b))
        if not conflicts:
            return None
        score, a, b = max(conflicts, key=lambda c: c[0])
        conflicting = unique(i for _, x, y in conflicts for i in (x.id, y.id))
        involved = [c for c in claims if c.id in conflicting]
        topic = f"{a.subject_class} {a.event}"
        values = _pair_values(batch, a, b) | {
            "topic": topic[:1].upper() + topic[1:],
            "conflict": _conflict(involved),
            "timeline": timeline(batch, claims, _figure, _named_source),
            "where": where(involved),
        }
        signature = (fact.kind, *fact.key, *sorted(f"{c.article_id}={claim_range(c).describe()}" for c in involved))
        return Hit(
            claims=fact.claims,
            values=values,
            score=min(1.0, 0.4 + 0.6 * score),
            story=fact.story,
            conflicting=conflicting,
            signature=signature,
            topic=topic,
        )


def _named_source(claim: CountClaim) -> str:
    return "" if claim.attribution.type == "reporter" else claim.attribution.source


def _figure(claim: CountClaim) -> str:
    return claim_range(claim).describe()


def _conflict(claims: list[CountClaim]) -> str:
    """'“30 opposition fighters” (30; officials) and “25 opposition fighters” (25; officials)'."""
    return listing(f"“{c.text}” ({_figure(c)}; {_source_label(c)})" for c in claims)


def claim_range(claim: CountClaim) -> Range:
    """An implicit singular ("a man was killed") says at least one, not exactly one."""
    if claim.implicit:
        return Range(claim.min, None)
    return Range(claim.min, claim.max)


def classify(batch: Batch, a: CountClaim, b: CountClaim) -> str:
    """The relation between two reports of one toll whose ranges cannot overlap."""
    estimates = [c.attribution.type in _ESTIMATE_TYPES for c in (a, b)]
    if estimates[0] != estimates[1]:
        return "official_vs_witness"  # an estimate beside an established figure, never a revision of it
    article_a, article_b = batch.article[a.article_id], batch.article[b.article_id]
    _, high = (a, b) if _upper(claim_range(a)) < _lower(claim_range(b)) else (b, a)
    if a.article_id != b.article_id:
        if article_a.published and article_b.published and article_a.published != article_b.published:
            later = a if article_a.published > article_b.published else b
            if later is high:
                return "toll_update"
            return "toll_lowered" if same_source(article_a, a, article_b, b) else "between_sources"
    else:
        later = b if (b.sentence_index, b.start) > (a.sentence_index, a.start) else a
        if later is high and _UPDATE_CUES.search(batch.sentence_of(later).text):
            return "toll_update"
    if same_source(article_a, a, article_b, b):
        return "same_source"
    return "between_sources"


def same_source(article_a: Article, a: CountClaim, article_b: Article, b: CountClaim) -> bool:
    """One source: the same named source, or the reporter's own voice within one outlet."""
    if a.attribution.type == "reporter" or b.attribution.type == "reporter":
        if a.attribution.type != b.attribution.type:
            return False
        if a.article_id == b.article_id:
            return True
        return bool(article_a.source and article_a.source == article_b.source)
    words_a = _source_words(a.attribution.source)
    words_b = _source_words(b.attribution.source)
    if not words_a or not words_b:
        return False
    return words_a <= words_b or words_b <= words_a


def _source_words(source: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", source.lower()) if w not in _STOP}


def _perpetrator_died(batch: Batch, story: str) -> bool:
    """Tolls may include or exclude an attacker who died; then a difference of one is not a conflict."""
    return story in batch.stories_with_dead_perpetrator


def _widen(rng: Range, slack: int) -> Range:
    if not slack:
        return rng
    return Range(None if rng.min is None else rng.min - slack, None if rng.max is None else rng.max + slack)


def _lower(rng: Range) -> float:
    return float("-inf") if rng.min is None else rng.min


def _upper(rng: Range) -> float:
    return float("inf") if rng.max is None else rng.max


def _pair_values(batch: Batch, a: CountClaim, b: CountClaim) -> dict[str, Any]:
    article_a, article_b = batch.article[a.article_id], batch.article[b.article_id]
    return {
        "event": a.event,
        "subject": a.subject_class,
        "figure_a": a.text,
        "figure_b": b.text,
        "range_a": claim_range(a).describe(),
        "range_b": claim_range(b).describe(),
        "source_a": _source_label(a),
        "source_b": _source_label(b),
        "source_type_a": a.attribution.type,
        "source_type_b": b.attribution.type,
        "article_a": a.article_id,
        "article_b": b.article_id,
        "outlet_a": article_a.source or a.article_id,
        "outlet_b": article_b.source or b.article_id,
        "published_a": article_a.published.isoformat() if article_a.published else "undated",
        "published_b": article_b.published.isoformat() if article_b.published else "undated",
    }


def _source_label(claim: CountClaim) -> str:
    if claim.attribution.type == "reporter":
        return "the reporter (unattributed)"
    return claim.attribution.source
