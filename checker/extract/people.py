"""People within one article: a surname used alone is tied to the full name it follows."""

from __future__ import annotations

from dataclasses import replace

from ..records import Claim, NameClaim
from .names import fold_name

__all__ = ["link_people"]


def link_people(claims: list[Claim]) -> list[Claim]:
    """Tie surname-only mentions to the full name they follow, so ages and titles meet on one person key.

    The entity recogniser sometimes takes a surname alone for a place ("Nazarov, 56,"); a
    single word that is the surname of a person named earlier in the article is that person.
    """
    full_names: dict[str, str] = {}
    out: list[Claim] = []
    for claim in claims:
        if not isinstance(claim, NameClaim):
            out.append(claim)
            continue
        words = claim.name.split()
        person: str | None = None
        kind = claim.entity_type
        if kind == "person" and len(words) >= 2:
            person = claim.key
            full_names.setdefault(fold_name(words[-1]), person)
        elif len(words) == 1 and fold_name(claim.name) in full_names:
            person = full_names[fold_name(claim.name)]
            kind = "person"
        elif kind == "person":
            person = claim.key
        if kind == "person":
            out.append(replace(claim, entity_type=kind, person_key=person))
        else:
            out.append(replace(claim, title=None, age=None, role=None))
    return out
