"""Engine ``parts_total``: a stated total smaller than the parts it says it includes.

"42 killed, including 12 soldiers and 30 fighters" is consistent; "40 killed,
including 12 soldiers and 30 fighters" is not. Parts under "including" are a
subset, so they may add up to less than the total but never to more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from ...records import CountClaim, Hit, Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch


class PartsTotal:
    name: ClassVar[str] = "parts_total"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {"tolerance": {"type": "integer", "minimum": 0, "default": 0}},
        "additionalProperties": False,
    }
    fields: ClassVar[frozenset[str]] = frozenset({"event", "total", "total_range", "parts", "parts_sum", "source"})

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        tolerance = rule.params["tolerance"]
        parts_of: dict[str, list[CountClaim]] = defaultdict(list)
        for claim in batch.claims:
            if isinstance(claim, CountClaim) and claim.total_of:
                parts_of[claim.total_of].append(claim)
        for total_id in sorted(parts_of):
            total = batch.claim[total_id]
            parts = parts_of[total_id]
            assert isinstance(total, CountClaim)
            if total.max is None or total.implicit:
                continue
            low = sum(p.min or 0 for p in parts)
            if low <= total.max + tolerance:
                continue
            yield Hit(
                claims=(total.id, *(p.id for p in parts)),
                values={
                    "event": total.event,
                    "total": total.text,
                    "total_range": f"{total.min}" if total.min == total.max else f"{total.min}-{total.max}",
                    "parts": " + ".join(p.text for p in parts),
                    "parts_sum": str(low),
                    "source": total.attribution.source,
                },
                score=0.9 if not total.hedge else 0.7,
                story=batch.story_of(total.article_id),
                signature=("parts", total.article_id, total.event, f"{total.min}-{total.max}", str(low)),
                topic=f"{total.subject_class} {total.event}",
            )
