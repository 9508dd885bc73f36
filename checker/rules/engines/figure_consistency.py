"""Engine ``figure_consistency``: one statement made twice in an article with two different figures.

"Haryana has set a maximum punishment of 5 years in prison" and, later, "... of 10
years in prison": the two clauses say the same thing once their figures are blanked
out, the unit is the same, and the values cannot both hold. Figures dated or placed
apart are different facts, so they are never paired.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
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
    fields: ClassVar[frozenset[str]] = frozenset(
        {"unit", "figures", "figure_a", "figure_b", "range_a", "range_b", "article"}
    )

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        for fact in batch.facts.get("quantity", ()):
            claims = [c for c in (batch.claim[i] for i in fact.claims) if isinstance(c, QuantityClaim)]
            conflicts = [
                (batch.similarity_of(a.id, b.id), a, b)
                for a, b in combinations(claims, 2)
                if a.article_id == b.article_id
                and batch.similarity_of(a.id, b.id) >= rule.params["min_similarity"]
                and not ranges_overlap(Range(a.min, a.max), Range(b.min, b.max))
            ]
            if not conflicts:
                continue
            score, a, b = max(conflicts, key=lambda c: c[0])
            involved_ids = {c.id for _, x, y in conflicts for c in (x, y)}
            involved = [c for c in claims if c.id in involved_ids]
            figures = " and ".join(f"“{c.text}” ({_readable(Range(c.min, c.max))})" for c in involved)
            yield Hit(
                claims=fact.claims,
                values={
                    "unit": a.unit,
                    "figures": figures,
                    "figure_a": a.text,
                    "figure_b": b.text,
                    "range_a": Range(a.min, a.max).describe(),
                    "range_b": Range(b.min, b.max).describe(),
                    "article": a.article_id,
                },
                score=score,
                story=fact.story,
                conflicting=tuple(c.id for c in involved),
                signature=("quantity", a.article_id, a.unit, *sorted(Range(c.min, c.max).describe() for c in involved)),
                topic="a figure stated twice",  # the unit is a lemma ("people", "year"): the quotes say more
            )


def _readable(rng: Range) -> str:
    """'187,000-253,000': the range as a reader writes it (the signature keeps ``describe``)."""
    low = "" if rng.min is None else f"{rng.min:,}"
    high = "" if rng.max is None else f"{rng.max:,}"
    if rng.min == rng.max:
        return low
    if rng.max is None:
        return f"{low} or more"
    return f"at most {high}" if rng.min is None else f"{low}-{high}"
