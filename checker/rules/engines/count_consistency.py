"""Engine ``count_consistency``: two counts of the same fact whose ranges cannot overlap.

Every candidate pair is sorted into exactly one relation, and each rule file picks
one relation, so the same disagreement is never reported twice:

- ``official_vs_witness``: an official figure against residents' or witnesses' estimate;
- ``toll_update``: a later report (later article, or "rose to" in the same one) gives a higher toll;
- ``toll_lowered``: a later report gives a lower toll;
- ``same_source``: one source (or the reporter's own voice in one outlet) gives two figures the same day;
- ``between_sources``: different sources disagree on the same day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from ...records import Article, CountClaim, Hit, Range, Rule, ranges_overlap
from .base import SCOPE, in_scope, keep_best

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch

RELATIONS = ("official_vs_witness", "toll_update", "toll_lowered", "same_source", "between_sources")
_UPDATE_CUES = re.compile(
    r"\b(?:rose|risen|rises|climbed|climbs|increased|jumped|bringing|brought|raised|now|later|since|updated|revised|"
    r"has\s+grown|grew|another|additional|more\s+bodies|succumbed)\b",
    re.IGNORECASE,
)
_WITNESS_TYPES = {"witness"}
_OFFICIAL_TYPES = {"official"}
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
            "where",
        }
    )

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        relation = rule.params["relation"]
        min_similarity = rule.params["min_similarity"]
        scope = rule.params["scope"]
        tolerance = rule.params["tolerance"]
        best: dict[tuple, Hit] = {}
        for pair in batch.pairs.get("count", ()):
            if pair.similarity < min_similarity:
                continue
            if not in_scope(scope, pair.same_article):
                continue
            first, second = batch.claim[pair.a], batch.claim[pair.b]
            assert isinstance(first, CountClaim) and isinstance(second, CountClaim)
            a, b = _ordered(batch, first, second)
            slack = tolerance + (1 if a.event == "killed" and _perpetrator_died(batch, pair.story) else 0)
            if ranges_overlap(_widen(claim_range(a), slack), claim_range(b)):
                continue
            if classify(batch, a, b) != relation:
                continue
            score = pair.similarity
            if a.hedge or b.hedge:
                score *= 0.8
            if a.implicit or b.implicit or a.parts or b.parts:
                score *= 0.9
            hit = Hit(
                claims=(a.id, b.id),
                values=_values(batch, a, b, pair.same_article),
                score=min(1.0, 0.4 + 0.6 * score),
                story=pair.story,
            )
            key = (a.article_id, b.article_id, a.event, a.subject_class, claim_range(a), claim_range(b))
            keep_best(best, key, hit)
        return list(best.values())


def claim_range(claim: CountClaim) -> Range:
    """An implicit singular ("a man was killed") says at least one, not exactly one."""
    if claim.implicit:
        return Range(claim.min, None)
    return Range(claim.min, claim.max)


def classify(batch: Batch, a: CountClaim, b: CountClaim) -> str:
    types = {a.attribution.type, b.attribution.type}
    if types & _OFFICIAL_TYPES and types & _WITNESS_TYPES:
        return "official_vs_witness"
    article_a, article_b = batch.article[a.article_id], batch.article[b.article_id]
    low, high = (a, b) if _upper(claim_range(a)) < _lower(claim_range(b)) else (b, a)
    if a.article_id != b.article_id:
        if article_a.published and article_b.published and article_a.published != article_b.published:
            later = a if article_a.published > article_b.published else b
            return "toll_update" if later is high else "toll_lowered"
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


def _ordered(batch: Batch, a: CountClaim, b: CountClaim) -> tuple[CountClaim, CountClaim]:
    def key(claim: CountClaim):
        article = batch.article[claim.article_id]
        published = article.published.toordinal() if article.published else 0
        return (published, batch.article_order[claim.article_id], claim.sentence_index, claim.start)

    return (a, b) if key(a) <= key(b) else (b, a)


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


def _values(batch: Batch, a: CountClaim, b: CountClaim, same_article: bool) -> dict[str, Any]:
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
        "where": "in one article" if same_article else "across articles",
    }


def _source_label(claim: CountClaim) -> str:
    if claim.attribution.type == "reporter":
        return "the reporter (unattributed)"
    return claim.attribution.source
