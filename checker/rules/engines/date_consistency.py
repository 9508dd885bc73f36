"""Engine ``date_consistency``: one occasion dated to different days once relative dates are resolved.

Each date is resolved against its own article's publication date and tense
("Monday" in a Tuesday paper is the day before). Two dates of the same kind of
occasion (the incident, a death, an arrest) whose day ranges cannot overlap are
reported. "Monday night", "early Sunday" and "overnight" may straddle midnight,
so those are allowed one day of slack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from ...records import DateClaim, Hit, Rule
from .base import SCOPE, in_scope, keep_best

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch


class DateConsistency:
    name: ClassVar[str] = "date_consistency"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "scope": SCOPE,
            "min_similarity": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.45},
            "approximate_slack_days": {"type": "integer", "minimum": 0, "default": 1},
            "require_definite": {"type": "boolean", "default": False},
            "mode": {"enum": ["event", "restatement"], "default": "event"},
        },
        "additionalProperties": False,
    }
    fields: ClassVar[frozenset[str]] = frozenset(
        {
            "about",
            "expression_a",
            "expression_b",
            "date_a",
            "date_b",
            "article_a",
            "article_b",
            "published_a",
            "published_b",
            "where",
        }
    )

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        scope = rule.params["scope"]
        min_similarity = rule.params["min_similarity"]
        slack_days = rule.params["approximate_slack_days"]
        require_definite = rule.params["require_definite"]
        restatement = rule.params["mode"] == "restatement"
        best: dict[tuple, Hit] = {}
        for pair in batch.pairs.get("date", ()):
            if pair.similarity < min_similarity:
                continue
            if not in_scope(scope, pair.same_article):
                continue
            a, b = batch.claim[pair.a], batch.claim[pair.b]
            assert isinstance(a, DateClaim) and isinstance(b, DateClaim)
            if a.resolution == "unresolved" or b.resolution == "unresolved":
                continue
            if restatement:
                # One statement made twice ("... to open on December 25" / "... to open on July 11"): the
                # clauses match once dates are blanked out; the similarity threshold carries the weight.
                if a.event is not None and b.event is not None and a.event != b.event:
                    continue
            else:
                # One occasion: the same event key ("fighting", "death:toddler"); within one article both
                # mentions must also treat it as the known event ("the shooting", not "a shooting").
                if a.about == "other" or a.event is None or a.event != b.event:
                    continue
                if require_definite and not (a.definite and b.definite and (a.predicated or b.predicated)):
                    continue  # and at least one says when the event happened, rather than naming it in passing
            slack = slack_days if (a.approximate or b.approximate) else 0
            if _overlap(a, b, slack):
                continue
            article_a, article_b = batch.article[a.article_id], batch.article[b.article_id]
            score = pair.similarity
            if a.resolution == "ambiguous" or b.resolution == "ambiguous":
                score *= 0.8
            hit = Hit(
                claims=(a.id, b.id),
                values={
                    "about": a.about,
                    "expression_a": a.expression,
                    "expression_b": b.expression,
                    "date_a": _describe(a),
                    "date_b": _describe(b),
                    "article_a": a.article_id,
                    "article_b": b.article_id,
                    "published_a": article_a.published.isoformat() if article_a.published else "undated",
                    "published_b": article_b.published.isoformat() if article_b.published else "undated",
                    "where": "in one article" if pair.same_article else "across articles",
                },
                score=min(1.0, 0.4 + 0.6 * score),
                story=pair.story,
            )
            key = (a.article_id, b.article_id, a.about, a.range_start, b.range_start)
            keep_best(best, key, hit)
        return list(best.values())


def _overlap(a: DateClaim, b: DateClaim, slack: int) -> bool:
    assert a.range_start and a.range_end and b.range_start and b.range_end
    pad = dt.timedelta(days=slack)
    return a.range_start - pad <= b.range_end and b.range_start - pad <= a.range_end


def _describe(claim: DateClaim) -> str:
    if claim.range_start == claim.range_end and claim.range_start is not None:
        return claim.range_start.strftime("%a %Y-%m-%d")
    return f"{claim.range_start} to {claim.range_end}"
