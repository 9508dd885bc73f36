"""People within one article: which mentions name the same person.

A full name ("Abdullo Nazarov", "Robert Lee Smith Jr.") is a person, keyed by first name, surname
and generational suffix (middle names and initials do not make another person; "Jr." does). A
later mention by surname or first name alone ("Nazarov, 56,") is that person only when exactly one
person introduced before it carries the name: two Smiths in one article and a bare "Smith" is not
guessed. A bare name given as a relative ("his father, Smith,") is another person. A single word
that names nobody introduced before gets no person key, so ages and titles are never compared on a
surname alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..lexicon.people import KIN_NOUNS
from ..records import Claim, NameClaim, Sentence
from .names import fold_name

__all__ = ["link_people", "person_key"]

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_KIN_BEFORE = re.compile(
    r"\b(?:his|her|their|its|the|a|an|[\w'’.-]+['’]s)\s+(?:\w+\s+)?(?:" + "|".join(sorted(KIN_NOUNS)) + r")\s*,?\s*$",
    re.IGNORECASE,
)


def person_key(name: str) -> str | None:
    """'Robert Lee Smith Jr.' -> 'robert smit jr'; None for a single word (no full name to key on)."""
    words = [w for w in re.split(r"[\s,]+", name.strip()) if w]
    suffix = ""
    if len(words) > 2 and words[-1].lower().rstrip(".") in _SUFFIXES:
        suffix = words.pop().lower().rstrip(".")
    words = [w for w in words if not re.fullmatch(r"[A-Za-z]\.?", w)]  # middle initials
    if len(words) < 2:
        return None
    first, last = fold_name(words[0]), fold_name(words[-1])
    if not first or not last:
        return None
    return " ".join(part for part in (first, last, suffix) if part)


def link_people(claims: list[Claim], sentences: Iterable[Sentence] = ()) -> list[Claim]:
    """Give each person mention its article-level person key (see the module docstring)."""
    text_of: dict[tuple[str, int], Sentence] = {(s.field, s.index): s for s in sentences}
    by_surname: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    out: list[Claim] = []
    for claim in claims:
        if not isinstance(claim, NameClaim):
            out.append(claim)
            continue
        words = claim.name.split()
        key = person_key(claim.name) if claim.entity_type == "person" else None
        if key is not None:
            first, last = key.split()[:2]
            by_surname.setdefault(last, set()).add(key)
            by_first.setdefault(first, set()).add(key)
            out.append(replace(claim, person_key=key))
            continue
        if len(words) == 1:
            fold = fold_name(claim.name)
            candidates = by_surname.get(fold, set()) | by_first.get(fold, set())
            if candidates and not _named_as_relative(claim, text_of):
                linked = next(iter(candidates)) if len(candidates) == 1 else None  # two people share it: no guess
                out.append(replace(claim, entity_type="person", person_key=linked))
                continue
        if claim.entity_type == "person":
            out.append(replace(claim, person_key=None))
        else:
            out.append(replace(claim, title=None, age=None, role=None))
    return out


def _named_as_relative(claim: NameClaim, text_of: dict[tuple[str, int], Sentence]) -> bool:
    """'his father, Smith,' / 'the suspect's brother Smith': the bare name is a relative, not the one named before."""
    sentence = text_of.get((claim.field, claim.sentence_index))
    if sentence is None:
        return False
    before = sentence.text[: max(0, claim.start - sentence.start)]
    return bool(_KIN_BEFORE.search(before[-60:]))
