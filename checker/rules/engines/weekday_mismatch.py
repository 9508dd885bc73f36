"""Engine ``weekday_mismatch``: a weekday written beside a calendar date it does not fall on.

"Tuesday, July 25, 2012" is wrong: July 25, 2012 was a Wednesday. Only the
calendar decides, so this needs no publication date and is certain.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from ...lexicon.calendar import WEEKDAYS
from ...records import DateClaim, Hit, Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch


class WeekdayMismatch:
    name: ClassVar[str] = "weekday_mismatch"
    params_schema: ClassVar[dict[str, Any]] = {"type": "object", "properties": {}, "additionalProperties": False}
    fields: ClassVar[frozenset[str]] = frozenset({"expression", "weekday", "date", "actual_weekday"})

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        for claim in batch.claims:
            if not isinstance(claim, DateClaim) or not claim.weekday or claim.stated_date is None:
                continue
            actual = WEEKDAYS[claim.stated_date.weekday()].capitalize()
            if actual.lower() == claim.weekday.lower():
                continue
            yield Hit(
                claims=(claim.id,),
                values={
                    "expression": claim.expression,
                    "weekday": claim.weekday,
                    "date": claim.stated_date.strftime("%B %-d, %Y"),
                    "actual_weekday": actual,
                },
                score=1.0,
                story=batch.story_of(claim.article_id),
                signature=("weekday", claim.article_id, claim.weekday.lower(), claim.stated_date.isoformat()),
                topic=f"the weekday of {claim.stated_date:%B} {claim.stated_date.day}, {claim.stated_date.year}",
            )
