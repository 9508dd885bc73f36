"""Numbers as news writes them: one notion of a number in copy, its value and the range its qualifier sets.

"at least 12" is [12, open), "nearly 40" is [34, 39], "dozens" is [24, 99]: two figures
conflict only when their ranges cannot overlap. Number words ("a dozen", "hundreds") come
from the lexicon because general quantity parsers do not cover them. Counts and other
quantities both start from ``number_groups``, so they agree on what a number is.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon.calendar import MONTHS, YEAR
from ..lexicon.events import EVENT_NOUNS, FATAL_ADVERBS
from ..lexicon.numbers import (
    CARDINALS,
    COLLECTIVES,
    NUMBER_WORDS,
    QUALIFIER_PHRASES,
    SCALES,
    STREET_WORDS,
    TENS,
    VAGUE_QUANTITIES,
    ZERO_WORDS,
)
from ..lexicon.people import PERSON_NOUNS
from ..limits import MAX_NUMBER_DIGITS
from ..records import Range

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = [
    "NumberGroup",
    "apply_qualifier",
    "incidental_number",
    "is_number_token",
    "number_groups",
    "parse_number",
    "qualifier_before",
]


def apply_qualifier(value: int, qualifier: str) -> Range:
    """The range a qualified figure stands for."""
    if qualifier in ("exact", "word", "implicit", "none"):
        return Range(value, value)
    if qualifier == "at least":
        return Range(value, None)
    if qualifier == "more than":
        return Range(value + 1, None)
    if qualifier == "nearly":
        return Range(max(0, math.floor(value * 0.85)), max(0, value - 1))
    if qualifier == "about":
        spread = max(1, round(value * 0.15))
        return Range(max(0, value - spread), value + spread)
    if qualifier == "up to":
        return Range(None, value)
    if qualifier == "fewer than":
        return Range(None, max(0, value - 1))
    raise ValueError(f"unknown qualifier {qualifier!r}")


_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


def parse_number(words: list[str]) -> int | None:
    """Value of a number written in digits or words: '1,200', 'twenty-one', 'one hundred', 'a dozen'.

    None past ``MAX_NUMBER_DIGITS`` digits ("a 5,000-digit integer", "a million billion trillion"): no
    count or quantity in copy is that large, and Python refuses to read an integer of 4,300 digits."""
    value = _parse_number(words)
    return value if value is None or value < 10**MAX_NUMBER_DIGITS else None


def _parse_number(words: list[str]) -> int | None:
    tokens: list[str] = []
    for word in words:
        tokens.extend(t for t in re.split(r"[-\s]+", word.lower().strip()) if t)
    tokens = [t for t in tokens if t not in ("a", "an", "and")]
    if not tokens:
        return None
    if any(sum(c.isdigit() for c in t) > MAX_NUMBER_DIGITS for t in tokens):
        return None
    if len(tokens) == 1 and _DIGITS.match(tokens[0]):
        return int(tokens[0].replace(",", ""))
    total = 0
    current = 0
    seen = False
    for token in tokens:
        if _DIGITS.match(token):
            current += int(token.replace(",", ""))
        elif token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@dataclass(frozen=True)
class NumberGroup:
    start: int  # doc token index of the first token, qualifier included
    number_start: int
    end: int  # exclusive
    value: int
    qualifier: str
    vague: Range | None


def number_groups(sent: Span) -> list[NumberGroup]:
    doc = sent.doc
    groups: list[NumberGroup] = []
    i = sent.start
    while i < sent.end:
        token = doc[i]
        lower = token.lower_
        # "no one" / "nobody" / "none" -> zero
        if lower == "no" and i + 1 < sent.end and doc[i + 1].lemma_.lower() in EVENT_NOUNS and doc[i + 1].tag_ == "NNS":
            groups.append(NumberGroup(i, i, i + 1, 0, "none", None))  # "no arrests", "no injuries"
            i += 1
            continue
        if lower == "no" and _zero_people(sent, i):
            groups.append(NumberGroup(i, i, i + 1, 0, "none", None))  # "no children were hurt"
            i += 1
            continue
        if (lower == "no" and i + 1 < sent.end and doc[i + 1].lower_ == "one") or lower in ("nobody", "none"):
            end = i + 2 if lower == "no" else i + 1
            groups.append(NumberGroup(i, i, end, 0, "none", None))
            i = end
            continue
        if lower == "dozen" and i > sent.start and doc[i - 1].lower_ in ("a", "one"):
            start = i - 1
            qualifier, qstart = qualifier_before(sent, start)
            groups.append(NumberGroup(qstart, start, i + 1, 12, qualifier, None))
            i += 1
            continue
        if lower in VAGUE_QUANTITIES and _vague_ok(sent, i):
            low, high = VAGUE_QUANTITIES[lower]
            start = i - 1 if i > sent.start and doc[i - 1].lower_ in ("a",) else i
            groups.append(NumberGroup(start, start, i + 1, low, "word", Range(low, high)))
            i += 1
            continue
        if is_number_token(token):
            j = i + 1
            while j < sent.end:
                if is_number_token(doc[j]) and _continues(doc[j - 1], doc[j]):
                    j += 1
                elif doc[j].text == "-" and j + 1 < sent.end and _continues(doc[j - 1], doc[j + 1], hyphen=True):
                    j += 2
                else:
                    break
            words = [doc[k].text for k in range(i, j) if doc[k].text != "-"]
            value = parse_number(words)
            if value is not None:
                qualifier, qstart = qualifier_before(sent, i)
                groups.append(NumberGroup(qstart, i, j, value, qualifier, None))
            i = j
            continue
        i += 1
    return groups


def _zero_people(sent: Span, i: int) -> bool:
    """'no children', 'no other passengers': "no" before plural people counts zero of them."""
    doc = sent.doc
    for k in range(i + 1, min(sent.end, i + 3)):
        token = doc[k]
        if token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() in PERSON_NOUNS:
            return True
        if token.pos_ != "ADJ":
            return False
    return False


def _continues(prev: Token, nxt: Token, *, hyphen: bool = False) -> bool:
    """Whether ``nxt`` carries on the number ``prev`` belongs to: "twenty-one", "one hundred", "3 million".

    Two figures side by side are two numbers, never one: a caption's "3 of 4 2 HURT" is not 6,
    and "aged 14-17" is a range, not 31.
    """
    before, after = prev.lower_, nxt.lower_
    if not is_number_token(nxt):
        return False
    if hyphen:
        return before in TENS and CARDINALS.get(after, 0) in range(1, 10)
    if after in SCALES:
        return True
    if before in TENS:
        return CARDINALS.get(after, 0) in range(1, 10)
    if before in SCALES:
        value = parse_number([after])
        return after.isalpha() and value is not None and value < SCALES[before]
    return False


# Words that stand for a number but never start a figure of their own: "no", "a dozen", "a pair".
_NOT_NUMBER_TOKENS = ZERO_WORDS | frozenset(COLLECTIVES)


def is_number_token(token: Token) -> bool:
    text = token.text
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return True
    return (
        token.like_num
        and token.lower_.isalpha()
        and parse_number([token.lower_]) is not None
        and token.lower_ not in _NOT_NUMBER_TOKENS
    )


def _vague_ok(sent: Span, i: int) -> bool:
    doc = sent.doc
    lower = doc[i].lower_
    if lower in ("few", "handful"):
        return i > sent.start and doc[i - 1].lower_ == "a"
    if lower in ("many", "numerous", "several", "multiple"):
        # Only when it quantifies people directly: "several people were hurt".
        nxt = doc[i + 1] if i + 1 < sent.end else None
        return nxt is not None and (nxt.lemma_.lower() in PERSON_NOUNS or nxt.lower_ == "of")
    return True


def qualifier_before(sent: Span, i: int) -> tuple[str, int]:
    """The qualifier phrase that ends just before token ``i`` ("more than", "nearly") and where it starts."""
    doc = sent.doc
    for width in (4, 3, 2, 1):
        start = i - width
        if start < sent.start:
            continue
        phrase = " ".join(doc[k].lower_ for k in range(start, i))
        if phrase in QUALIFIER_PHRASES:
            return QUALIFIER_PHRASES[phrase], start
    return "exact", i


def incidental_number(sent: Span, group: NumberGroup) -> bool:
    """Numbers that state no quantity at all: years, dates, clock times, addresses, money, ordinals,
    decimals, phone numbers, calibres, and ages after a name ("Nazarov, 56,")."""
    doc = sent.doc
    first = doc[group.number_start]
    last = doc[group.end - 1]
    if re.fullmatch(YEAR, first.text) and "," not in first.text and group.end - group.number_start == 1:
        return True  # a year
    nxt = doc[group.end] if group.end < sent.end else None
    nxt2 = doc[group.end + 1] if group.end + 1 < sent.end else None
    prev = doc[group.number_start - 1] if group.number_start > sent.start else None
    prev2 = doc[group.number_start - 2] if group.number_start - 1 > sent.start else None
    if nxt is not None:
        if nxt.text == ":" or nxt.lower_ in (
            "a.m.",
            "p.m.",
            "am",
            "pm",
            "a.m",
            "p.m",
            "o'clock",
            "th",
            "st",
            "nd",
            "rd",
        ):
            return True
        if nxt.text in ("-", "–") and nxt2 is not None and nxt2.like_num:
            return True  # ranges, scores, phone numbers
        if group.value >= 100 and any(
            doc[k].lower_ in STREET_WORDS for k in range(group.end, min(sent.end, group.end + 4))
        ):
            return True  # "the 4800 block of", "1925 Plymouth Ave."
        if nxt.lower_ in ("mm", "caliber", "calibre", "gauge"):
            return True
    if prev is not None:
        if prev.lower_.rstrip(".") in MONTHS:
            return True  # "the June 30 death", "Sept. 14 homicide": a date
        if prev.text in ("$", "#", "£", "€", "No", "no.") or prev.text.endswith("$"):
            return True
        if prev.text == "(" and nxt is not None and nxt.text == ")":
            return True  # "(56)" after a name: an age
        if (
            prev.text == ","
            and prev2 is not None
            and (prev2.pos_ == "PROPN" or prev2.lemma_.lower() in PERSON_NOUNS and nxt is not None and nxt.text == ",")
            and (nxt is None or nxt.text in (",", ")", ";", ".") or nxt.lower_ in ("of", "and", "who", "was", "is"))
        ):
            return True  # "Nazarov, 56," : an age
        if prev.text in (".", "-") and prev2 is not None and prev2.like_num:
            return True  # decimals, ranges, phone numbers
        if prev.lower_ in ("and", "to", "or") and prev2 is not None and prev2.like_num:
            before = doc[prev2.i - 1].lower_ if prev2.i - 1 >= sent.start else ""
            if before in ("ages", "aged", "age", "between"):
                return True  # "ages 12 and 16", "between 12 and 16"
        if prev.lower_ == "of" and prev2 is not None and prev2.lower_ in ("age", "ages"):
            return True  # "under the age of 8"
        if _in_age_list(sent, group.number_start):
            return True  # "three women, ages 21, 32 and 49", "two men, 30 and 42"
        if prev.lower_ in (
            "no.",
            "number",
            "route",
            "highway",
            "interstate",
            "apt.",
            "suite",
            "unit",
            "room",
            "page",
            "channel",
            "exit",
            "precinct",
            "district",
            "ward",
            "station",
            "flight",
            "platform",
            "gate",
            "chapter",
            "article",
            "section",
            "amendment",
            "version",
            "ages",
            "age",
            "aged",
        ):
            return True
    if first.dep_ == "appos" and first.head.pos_ in ("PROPN", "NOUN") and first.head.lemma_.lower() not in ("toll",):
        # "Nazarov, 56," is an age; "six wounded -- two mortally" is a count
        return nxt is None or nxt.lower_ not in FATAL_ADVERBS
    if last.text.lower().endswith(("st", "nd", "rd", "th")) and not last.is_alpha:
        return True
    return "." in last.text or ":" in last.text or "/" in last.text


def _in_age_list(sent: Span, start: int) -> bool:
    """A number in a list of numbers that follows "ages" or a plural person noun and a comma."""
    doc = sent.doc
    k = start - 1
    listed = False
    while k >= sent.start and (doc[k].text in (",", "&") or doc[k].lower_ == "and" or doc[k].text.isdigit()):
        listed = listed or doc[k].text.isdigit()
        k -= 1
    if k < sent.start or k == start - 1:
        return False
    word = doc[k]
    if word.lower_ in ("ages", "aged"):
        return True
    after_comma = doc[k + 1].text == ","
    plural_people = word.tag_ in ("NNS", "NNPS") and word.lemma_.lower() in PERSON_NOUNS
    return listed and after_comma and plural_people
