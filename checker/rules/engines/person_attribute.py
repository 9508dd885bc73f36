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
        },
        "required": ["attribute"],
        "additionalProperties": False,
    }
    fields: ClassVar[frozenset[str]] = frozenset(
        {"person", "value_a", "value_b", "name_a", "name_b", "article_a", "article_b", "where"}
    )

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        attribute = rule.params["attribute"]
        scope = rule.params["scope"]
        seen: set[tuple] = set()
        for (story, _person), ids in sorted(batch.person_groups.items()):
            mentions = [batch.claim[i] for i in ids]
            with_value = [m for m in mentions if isinstance(m, NameClaim) and getattr(m, attribute) is not None]
            for a, b in combinations(with_value, 2):
                same_article = a.article_id == b.article_id
                if not in_scope(scope, same_article):
                    continue
                value_a, value_b = getattr(a, attribute), getattr(b, attribute)
                if attribute == "age" and _ages_agree(batch, a, b):
                    continue
                if attribute == "title" and _titles_agree(value_a, value_b):
                    continue
                key = (a.article_id, b.article_id, str(value_a), str(value_b))
                if key in seen:
                    continue
                seen.add(key)
                full = max((a.name, b.name), key=len)
                yield Hit(
                    claims=(a.id, b.id),
                    values={
                        "person": full,
                        "value_a": str(value_a),
                        "value_b": str(value_b),
                        "name_a": a.name,
                        "name_b": b.name,
                        "article_a": a.article_id,
                        "article_b": b.article_id,
                        "where": "in one article" if same_article else "across articles",
                    },
                    score=0.9 if same_article else 0.8,
                    story=story,
                )


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
