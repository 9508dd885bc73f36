"""Engine ``figure_consistency``: one statement made twice in an article with two different figures.

"Haryana has set a maximum punishment of 5 years in prison" and, later, "... of 10
years in prison": the two clauses say the same thing once their figures are blanked
out, the unit is the same, and the values cannot both hold. Figures dated or placed
apart are different facts, so they are never paired.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from ...records import Hit, QuantityClaim, Range, Rule, ranges_overlap

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch


class FigureConsistency:
    name: ClassVar[str] = "figure_consistency"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {"min_similarity": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.8}},
        "additionalProperties": False,
    }
    fields: ClassVar[frozenset[str]] = frozenset({"unit", "figure_a", "figure_b", "range_a", "range_b", "article"})

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        min_similarity = rule.params["min_similarity"]
        for pair in batch.pairs.get("quantity", ()):
            if pair.similarity < min_similarity:
                continue
            a, b = batch.claim[pair.a], batch.claim[pair.b]
            assert isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim)
            range_a, range_b = Range(a.min, a.max), Range(b.min, b.max)
            if ranges_overlap(range_a, range_b):
                continue
            yield Hit(
                claims=(a.id, b.id),
                values={
                    "unit": a.unit,
                    "figure_a": a.text,
                    "figure_b": b.text,
                    "range_a": range_a.describe(),
                    "range_b": range_b.describe(),
                    "article": a.article_id,
                },
                score=pair.similarity,
                story=batch.story_of(a.article_id),
            )
