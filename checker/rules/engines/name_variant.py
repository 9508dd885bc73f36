"""Engine ``name_variant``: one name spelled more than one way.

Transliterated names vary (Gorno-Badakshan / Gorno-Badakhshan, Rakhmon / Rahmon, Ayombekov /
Aiyombekov). Analysis groups spellings that are variants of one another into one fact (an
entity: see ``analyse.variants``); this engine reports an entity once per rule: spelled two ways
within an article (``scope: article``, house style broken in one piece), or differently by
different articles (``scope: batch``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any, ClassVar

from ...analyse.variants import variant_strength
from ...records import Hit, NameClaim, Rule
from .base import SCOPE

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch, Fact


class NameVariant:
    name: ClassVar[str] = "name_variant"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {"scope": SCOPE},
        "additionalProperties": False,
    }
    fields: ClassVar[frozenset[str]] = frozenset(
        {"entity", "spellings", "articles", "where", "name_a", "name_b", "article_a", "article_b"}
    )

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        for fact in batch.facts.get("entity", ()):
            hit = _judge(rule.params["scope"], batch, fact)
            if hit is not None:
                yield hit


def _judge(scope: str, batch: Batch, fact: Fact) -> Hit | None:
    claims = [c for c in (batch.claim[i] for i in fact.claims) if isinstance(c, NameClaim)]
    pairs = [
        (a, b)
        for a, b in combinations(claims, 2)
        if (a.article_id == b.article_id) == (scope == "article") or scope == "any"
        if variant_strength(a.name, b.name) is not None
    ]
    if not pairs:
        return None
    involved_ids = {c.id for pair in pairs for c in pair}
    involved = [c for c in claims if c.id in involved_ids]
    articles = list(dict.fromkeys(c.article_id for c in involved))
    by_spelling: dict[str, list[str]] = defaultdict(list)
    for claim in involved:
        label = batch.article[claim.article_id].source or claim.article_id
        if label not in by_spelling[claim.name]:
            by_spelling[claim.name].append(label)
    listed = "; ".join(f"“{name}” ({', '.join(outlets)})" for name, outlets in by_spelling.items())
    entity = "person" if any(c.entity_type == "person" for c in involved) else "name"
    first, second = pairs[0]
    values = {
        "entity": entity,
        "spellings": listed,
        "articles": str(len(articles)),
        "where": "in one article" if len(articles) == 1 else f"in {len(articles)} articles",
        "name_a": first.name,
        "name_b": second.name,
        "article_a": first.article_id,
        "article_b": second.article_id,
    }
    return Hit(
        claims=tuple(c.id for c in involved),
        values=values,
        score=min(variant_strength(a.name, b.name) or (0.0,) for a, b in pairs)[0],
        story=fact.story,
        conflicting=tuple(c.id for c in involved),
        signature=("entity", *sorted({c.name.lower() for c in involved}), *sorted(articles)),
        topic=f"the spelling of {fact.key[0]}",
    )
