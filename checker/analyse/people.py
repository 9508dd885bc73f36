"""People across articles: the mentions of one person in one story, for age and title checks.

Within an article, extraction already keys each person on first name, surname and suffix
(``extract.people``). Across articles of one story, two keys are one person when the first names
and suffixes are the same and the surnames are the same or a transliteration variant
(Kowalski / Kowalsky, Ayombekov / Aiyombekov). Different first names are never one person: a
father and son, a woman and her husband, two brothers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from ..records import Claim, NameClaim
from .variants import variant_strength

__all__ = ["link_persons"]


def link_persons(claims: Sequence[Claim], story_of: Callable[[str], str]) -> dict[tuple[str, str], list[str]]:
    """(story, person key) -> ids of the name claims of that person, the key being the story's first spelling."""
    by_story: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        if isinstance(claim, NameClaim) and claim.entity_type == "person" and claim.person_key:
            by_story[story_of(claim.article_id)][claim.person_key].append(claim.id)
    out: dict[tuple[str, str], list[str]] = {}
    for story, people in by_story.items():
        keys = list(people)
        parent = {k: k for k in keys}
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if _same_person(a, b):
                    root_a, root_b = _root(parent, a), _root(parent, b)
                    parent[root_b] = root_a
        for key in keys:
            out.setdefault((story, _root(parent, key)), []).extend(people[key])
    return out


def _root(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        key = parent[key]
    return key


def _same_person(a: str, b: str) -> bool:
    first_a, last_a, *suffix_a = a.split()
    first_b, last_b, *suffix_b = b.split()
    if first_a != first_b or suffix_a != suffix_b:
        return False
    return last_a == last_b or variant_strength(last_a, last_b, min_length=4) is not None
