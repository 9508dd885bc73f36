"""Engine ``date_consistency``: one occasion dated to days that cannot be the same.

Each date is resolved against its own article's publication date and tense ("Monday" in a
Tuesday paper is the day before). A fact is one occasion of one story (the incident, a death,
an arrest, with its event key: "fighting", "death:toddler"); the rule judges all its dates and
emits at most one finding per fact. "Monday night", "early Sunday" and "overnight" may straddle
midnight, so those are allowed a day of slack. In ``restatement`` mode the fact is one statement
made twice in an article ("... to be completed by July 30" / "... by August 3").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any, ClassVar

from ...records import DateClaim, Hit, Rule
from .base import SCOPE, in_scope
from .facts import listing, outlet, published_label, timeline, unique, where

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch, Fact


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
            "topic",
            "conflict",
            "timeline",
            "where",
            "about",
            "expression_a",
            "expression_b",
            "date_a",
            "date_b",
            "article_a",
            "article_b",
            "published_a",
            "published_b",
        }
    )

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        for fact in batch.facts.get("date", ()):
            hit = self._judge(rule, batch, fact)
            if hit is not None:
                yield hit

    def _judge(self, rule: Rule, batch: Batch, fact: Fact) -> Hit | None:
        claims = [c for c in (batch.claim[i] for i in fact.claims) if isinstance(c, DateClaim)]
        conflicts: list[tuple[float, DateClaim, DateClaim]] = []
        for a, b in combinations(claims, 2):
            same_article = a.article_id == b.article_id
            if not in_scope(rule.params["scope"], same_article) or not self._comparable(rule, a, b):
                continue
            similarity = batch.similarity_of(a.id, b.id)
            if similarity < rule.params["min_similarity"]:
                continue
            slack = rule.params["approximate_slack_days"] if (a.approximate or b.approximate) else 0
            if _overlap(a, b, slack):
                continue
            ambiguous = a.resolution == "ambiguous" or b.resolution == "ambiguous"
            conflicts.append((similarity * (0.8 if ambiguous else 1.0), a, b))
        if not conflicts:
            return None
        score, a, b = max(conflicts, key=lambda c: c[0])
        conflicting = unique(i for _, x, y in conflicts for i in (x.id, y.id))
        involved = [c for c in claims if c.id in conflicting]
        if rule.params["mode"] == "restatement":
            topic = "a date stated twice"  # no occasion is known: the repeated wording is the fact
        else:
            topic = f"the day of the {a.event.split(':')[0] if a.event else a.about}"
        article_a, article_b = batch.article[a.article_id], batch.article[b.article_id]
        values = {
            "topic": topic[:1].upper() + topic[1:],
            "conflict": _conflict(batch, involved),
            "timeline": timeline(batch, [c for c in claims if c.event == a.event], _describe, lambda c: ""),
            "where": where(involved),
            "about": a.about,
            "expression_a": a.expression,
            "expression_b": b.expression,
            "date_a": _describe(a),
            "date_b": _describe(b),
            "article_a": a.article_id,
            "article_b": b.article_id,
            "published_a": article_a.published.isoformat() if article_a.published else "undated",
            "published_b": article_b.published.isoformat() if article_b.published else "undated",
        }
        days = sorted(f"{c.article_id}={c.range_start}..{c.range_end}" for c in involved)
        return Hit(
            claims=fact.claims,
            values=values,
            score=min(1.0, 0.4 + 0.6 * score),
            story=fact.story,
            conflicting=conflicting,
            signature=(fact.kind, a.about, a.event or "", *days),
            topic=topic,
        )

    @staticmethod
    def _comparable(rule: Rule, a: DateClaim, b: DateClaim) -> bool:
        if a.resolution == "unresolved" or b.resolution == "unresolved":
            return False
        if rule.params["mode"] == "restatement":
            # One statement made twice: the clauses match once dates are blanked out; the similarity
            # threshold carries the weight.
            return a.event is None or b.event is None or a.event == b.event
        # One occasion: the same event key; within one article both mentions must also treat it as the
        # known event ("the shooting", not "a shooting") and one must say when it happened.
        if a.about == "other" or a.event is None or a.event != b.event:
            return False
        if rule.params["require_definite"]:
            return a.definite and b.definite and (a.predicated or b.predicated)
        return True


def _overlap(a: DateClaim, b: DateClaim, slack: int) -> bool:
    assert a.range_start and a.range_end and b.range_start and b.range_end
    pad = dt.timedelta(days=slack)
    return a.range_start - pad <= b.range_end and b.range_start - pad <= a.range_end


def _describe(claim: DateClaim) -> str:
    if claim.range_start == claim.range_end and claim.range_start is not None:
        return claim.range_start.strftime("%a %Y-%m-%d")
    return f"{claim.range_start} to {claim.range_end}"


def _conflict(batch: Batch, claims: list[DateClaim]) -> str:
    """'“Tuesday” (Tue 2012-07-24; AP, Jul 24, 2012) and “Monday” (Mon 2012-07-23; GWS, Jul 25, 2012)'."""
    return listing(
        f"“{c.expression}” ({_describe(c)}; {outlet(batch, c)}, {published_label(batch, c)})" for c in claims
    )
