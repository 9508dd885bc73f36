"""Engine ``name_variant``: one person or place spelled two ways.

Transliterated names vary (Gorno-Badakshan / Gorno-Badakhshan, Rakhmon / Rahmon,
Ayombekov / Aiyombekov). Names are compared word by word: every word must be the
same or a close variant, and at least one must differ in spelling. Different
first names with one surname are different people, not a variant; a plural or
possessive ending is grammar, not spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any, ClassVar

from ...extract.names import fold_name
from ...records import Hit, NameClaim, Rule
from .base import SCOPE, in_scope

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch


class NameVariant:
    name: ClassVar[str] = "name_variant"
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "scope": SCOPE,
            "min_ratio": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.84},
            "min_length": {"type": "integer", "minimum": 1, "default": 5},
        },
        "additionalProperties": False,
    }
    fields: ClassVar[frozenset[str]] = frozenset({"name_a", "name_b", "article_a", "article_b", "where", "entity"})

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]:
        scope = rule.params["scope"]
        min_ratio = rule.params["min_ratio"]
        min_length = rule.params["min_length"]
        best: dict[tuple, Hit] = {}
        for pair in batch.pairs.get("name", ()):
            if not in_scope(scope, pair.same_article):
                continue
            a, b = batch.claim[pair.a], batch.claim[pair.b]
            assert isinstance(a, NameClaim) and isinstance(b, NameClaim)
            if not _comparable(a, b):
                continue
            found = variant_strength(a.name, b.name, min_ratio, min_length)
            if found is None:
                continue
            strength, differing = found
            first, second = sorted((a, b), key=lambda c: (batch.article_order[c.article_id], c.start))
            # "Tolib Ayombekov"/"Tolib Aiyombekov" and "Ayombekov"/"Tolib Aiyombekov" are one variant.
            key = (first.article_id, second.article_id, differing)
            hit = Hit(
                claims=(first.id, second.id),
                values={
                    "name_a": first.name,
                    "name_b": second.name,
                    "article_a": first.article_id,
                    "article_b": second.article_id,
                    "where": "in one article" if pair.same_article else "across articles",
                    "entity": "person" if "person" in (a.entity_type, b.entity_type) else "name",
                },
                score=strength,
                story=pair.story,
            )
            if key not in best or (best[key].score, len(hit.values["name_a"]) + len(hit.values["name_b"])) < (
                hit.score,
                len(best[key].values["name_a"]) + len(best[key].values["name_b"]),
            ):
                best[key] = hit
        return list(best.values())


def _comparable(a: NameClaim, b: NameClaim) -> bool:
    """Names of different length compare only as people (surname against full name); a lone capitalised
    word the recogniser did not type ("Officer", "Office") is too likely a common noun to compare."""
    words_a, words_b = _words(a.name), _words(b.name)
    if len(words_a) != len(words_b) and not (a.entity_type == "person" and b.entity_type == "person"):
        return False
    for claim, words in ((a, words_a), (b, words_b)):
        if claim.entity_type == "unknown" and len(words) == 1 and "-" not in claim.name:
            return False
    return True


def variant_strength(
    name_a: str, name_b: str, min_ratio: float, min_length: int
) -> tuple[float, tuple[str, ...]] | None:
    """Confidence that two spellings name one entity, and the differing words; None when not variants."""
    words_a = _words(name_a)
    words_b = _words(name_b)
    if not words_a or not words_b:
        return None
    if len(words_a) != len(words_b):
        # "Tolib Ayombekov" / "Aiyombekov": a surname against a full name compares surnames only.
        words_a, words_b = words_a[-1:], words_b[-1:]
    scores: list[float] = []
    differing: list[str] = []
    for x, y in zip(words_a, words_b):
        if x.lower() == y.lower() or x.isupper() and len(x) <= 5 or y.isupper() and len(y) <= 5:
            scores.append(1.0)  # same word, or an acronym that is not a transliteration
            continue
        if _grammatical_variant(x, y):
            return None
        differing.extend(sorted((x.lower(), y.lower())))
        if len(x) < min_length and len(y) < min_length:
            return None
        if fold_name(x) == fold_name(y):
            scores.append(0.95)
            continue
        ratio = SequenceMatcher(None, fold_name(x), fold_name(y)).ratio()
        if ratio < min_ratio or x[0].lower() != y[0].lower():
            return None
        scores.append(ratio * 0.9)
    if not differing:
        return None
    return min(scores), tuple(differing)


def _words(name: str) -> list[str]:
    """Words of a name, without possessives, brackets and punctuation that are not spelling."""
    cleaned = re.sub(r"['’\x92]s\b", "", name.strip())
    cleaned = re.sub(r"[()\[\]\"“”,.;:!?/\\\u200b]", " ", cleaned)
    return [w for w in re.split(r"[\s\-]+", cleaned) if w]


def _grammatical_variant(x: str, y: str) -> bool:
    """Plurals, demonyms and inflections are grammar, not spelling; words with digits are not names."""
    a, b = sorted((x.lower(), y.lower()), key=len)
    if any(ch.isdigit() for ch in a + b):
        return True
    if a.endswith("y") and b == a[:-1] + "ies":
        return True
    return b in (a + "s", a + "es", a + "'s", a + "’s", a + "n", a + "an", a + "i", a + "ian") or a == b.rstrip(".")
