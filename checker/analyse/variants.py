"""Whether two spellings name one entity: transliteration variants, not grammar, not different people.

Transliterated names vary (Gorno-Badakshan / Gorno-Badakhshan, Rakhmon / Rahmon, Ayombekov /
Aiyombekov). Names are compared word by word: every word must be the same or a close variant,
and at least one must differ in spelling. A plural or possessive ending is grammar, not spelling;
a surname against a full name compares surnames only.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..extract.names import fold_name
from ..records import NameClaim

__all__ = ["MIN_LENGTH", "MIN_RATIO", "comparable", "name_words", "variant_strength"]

MIN_RATIO = 0.84  # folded spellings at least this alike (difflib ratio) ...
MIN_LENGTH = 5  # ... and at least one of the two words this long: short words differ too easily


def comparable(a: NameClaim, b: NameClaim) -> bool:
    """Names of different length compare only as people (surname against full name); a lone capitalised
    word the recogniser did not type ("Officer", "Office") is too likely a common noun to compare."""
    words_a, words_b = name_words(a.name), name_words(b.name)
    if len(words_a) != len(words_b) and not (a.entity_type == "person" and b.entity_type == "person"):
        return False
    for claim, words in ((a, words_a), (b, words_b)):
        if claim.entity_type == "unknown" and len(words) == 1 and "-" not in claim.name:
            return False
    return True


def variant_strength(
    name_a: str, name_b: str, min_ratio: float = MIN_RATIO, min_length: int = MIN_LENGTH
) -> tuple[float, tuple[str, ...]] | None:
    """Confidence that two spellings name one entity, and the differing words; None when not variants."""
    words_a = name_words(name_a)
    words_b = name_words(name_b)
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


def name_words(name: str) -> list[str]:
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
