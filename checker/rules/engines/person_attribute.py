"""Engine ``person_attribute``: one person given two ages, or two incompatible titles.

"Nazarov, 56," in one story and "58" in another is a conflict unless the stories
are far enough apart for a birthday. "Maj. Gen." and "Col." for the same person
conflict; "Gen." for a major general is a short form, not a conflict. A person is
matched on the full name (a surname alone is tied to the full name it follows in
its article), so two people who share a surname are not confused.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any, ClassVar

from ...lexicon.names import RANK_FAMILIES, TITLES
from ...records import Hit, NameClaim, Rule
from .base import SCOPE, in_scope

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch

_LADDER = {title: family for title, family in TITLES.values()}


class PersonAttribute:
    name: ClassVar[str] = "person_attribute"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "attribute": {"enum": ["age", "title"]},
            "scope": SCOPE,
            # whose copy disagrees: one outlet (one article, or two of one outlet's) or different outlets
            "outlets": {"enum": ["any", "same", "different"], "default": "any"},
        },
        "required": ["attribute"],
        "additionalProperties": False,
    }
    fields: ClassVar[frozenset[str]] = frozenset(
        {"person", "values", "value_a", "value_b", "name_a", "name_b", "article_a", "article_b", "where"}
    )

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        attribute = rule.params["attribute"]
        for fact in batch.facts.get("person", ()):
            mentions = [c for c in (batch.claim[i] for i in fact.claims) if isinstance(c, NameClaim)]
            with_value = [m for m in mentions if getattr(m, attribute) is not None]
            conflicts = []
            for a, b in combinations(with_value, 2):
                if not in_scope(rule.params["scope"], a.article_id == b.article_id):
                    continue
                if not _outlets_match(rule.params["outlets"], batch, a, b):
                    continue
                if attribute == "age" and _ages_agree(batch, a, b):
                    continue
                if attribute == "title" and _titles_agree(str(a.title), str(b.title)):
                    continue
                conflicts.append((a, b))
            if not conflicts:
                continue
            involved_ids = {c.id for pair in conflicts for c in pair}
            involved = [m for m in with_value if m.id in involved_ids]
            a, b = conflicts[0]
            person = max((m.name for m in mentions), key=len)
            given = "; ".join(
                f"{getattr(m, attribute)} ({m.name}, {batch.article[m.article_id].source or m.article_id})"
                for m in involved
            )
            same_article = len({m.article_id for m in involved}) == 1
            yield Hit(
                claims=tuple(m.id for m in with_value),
                values={
                    "person": person,
                    "values": given,
                    "value_a": str(getattr(a, attribute)),
                    "value_b": str(getattr(b, attribute)),
                    "name_a": a.name,
                    "name_b": b.name,
                    "article_a": a.article_id,
                    "article_b": b.article_id,
                    "where": "in one article"
                    if same_article
                    else f"in {len({m.article_id for m in involved})} articles",
                },
                score=0.9 if same_article else 0.8,
                story=fact.story,
                conflicting=tuple(m.id for m in involved),
                signature=(
                    "person",
                    attribute,
                    *fact.key,
                    *sorted(f"{m.article_id}={getattr(m, attribute)}" for m in involved),
                ),
                topic=f"{person}'s {attribute}",
            )


def _outlets_match(wanted: str, batch: Batch, a: NameClaim, b: NameClaim) -> bool:
    if wanted == "any":
        return True
    source_a, source_b = batch.article[a.article_id].source, batch.article[b.article_id].source
    same = a.article_id == b.article_id or bool(source_a and source_a == source_b)
    return same == (wanted == "same")


def _ages_agree(batch: Batch, a: NameClaim, b: NameClaim) -> bool:
    if a.age == b.age:
        return True
    pa, pb = batch.article[a.article_id].published, batch.article[b.article_id].published
    if a.article_id == b.article_id or pa is None or pb is None:
        return False
    years_apart = abs((pa - pb).days) / 365.25
    # A birthday can fall between two stories; more years apart allow more.
    return abs((a.age or 0) - (b.age or 0)) <= int(years_apart) + (1 if years_apart > 0 else 0)


def _titles_agree(a: str, b: str) -> bool:
    if a == b or a.endswith(" " + b) or b.endswith(" " + a):
        return True
    family_a, family_b = _LADDER.get(a), _LADDER.get(b)
    if family_a in RANK_FAMILIES and family_b in RANK_FAMILIES:
        return False
    return family_a != family_b or family_a is None
