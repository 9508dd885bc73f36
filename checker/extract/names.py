"""Name claims: people and places as spelled, with titles, roles and ages.

Transliterated names vary (Gorno-Badakshan / Gorno-Badakhshan, Rakhmon / Rahmon),
so every name gets a folded ``key`` that the name rules compare. A surname used
alone is tied to the full name it follows in the same article, so "Nazarov, 56"
and "Maj. Gen. Abdullo Nazarov" speak of one person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["NameMention", "find_names", "fold_name", "TITLES"]

# Titles and ranks, normalised; the ladder says which titles can be compared with each other.
TITLES: dict[str, tuple[str, str]] = {
    "gen.": ("general", "military"), "general": ("general", "military"), "maj. gen.": ("major general", "military"),
    "major general": ("major general", "military"), "lt. gen.": ("lieutenant general", "military"),
    "lieutenant general": ("lieutenant general", "military"), "brig. gen.": ("brigadier general", "military"),
    "brigadier general": ("brigadier general", "military"), "col.": ("colonel", "military"),
    "colonel": ("colonel", "military"), "lt. col.": ("lieutenant colonel", "military"),
    "lieutenant colonel": ("lieutenant colonel", "military"), "maj.": ("major", "military"), "major": ("major", "military"),
    "capt.": ("captain", "rank"), "captain": ("captain", "rank"), "lt.": ("lieutenant", "rank"),
    "lieutenant": ("lieutenant", "rank"), "sgt.": ("sergeant", "rank"), "sergeant": ("sergeant", "rank"),
    "cpl.": ("corporal", "rank"), "corporal": ("corporal", "rank"), "pvt.": ("private", "military"),
    "private": ("private", "military"), "adm.": ("admiral", "military"), "admiral": ("admiral", "military"),
    "officer": ("officer", "police"), "detective": ("detective", "police"), "det.": ("detective", "police"),
    "deputy": ("deputy", "police"), "trooper": ("trooper", "police"), "sheriff": ("sheriff", "police"),
    "chief": ("chief", "police"), "police chief": ("police chief", "police"), "cmdr.": ("commander", "police"),
    "commander": ("commander", "police"),
    "president": ("president", "office"), "prime minister": ("prime minister", "office"),
    "vice president": ("vice president", "office"), "gov.": ("governor", "office"), "governor": ("governor", "office"),
    "sen.": ("senator", "office"), "senator": ("senator", "office"), "rep.": ("representative", "office"),
    "mayor": ("mayor", "office"), "minister": ("minister", "office"), "judge": ("judge", "office"),
    "congressman": ("representative", "office"), "congresswoman": ("representative", "office"),
}
_HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "miss", "mr", "mrs", "ms", "dr", "sir", "rev.", "the"}

_TRANSLIT = [
    (r"kh", "h"), (r"zh", "j"), (r"dzh", "j"), (r"dj", "j"), (r"ch", "c"), (r"sh", "s"), (r"ts", "c"),
    (r"ph", "f"), (r"y", "i"), (r"j", "i"), (r"ou", "u"), (r"oo", "u"), (r"ee", "i"), (r"w", "v"),
    (r"q", "k"), (r"ck", "k"), (r"x", "ks"), (r"'", ""), (r"’", ""), (r"-", ""), (r" ", ""),
]


@dataclass(frozen=True)
class NameMention:
    start_char: int  # relative to the sentence text
    end_char: int
    name: str
    entity_type: str  # person | place | organization | unknown (title/age kept only for people)
    key: str
    title: str | None
    role: str | None
    age: int | None


def fold_name(name: str) -> str:
    """Transliteration-folded key: case, accents, kh/h, y/i, doubled letters and hyphens do not count."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’]s$", "", text.strip())
    for pattern, replacement in _TRANSLIT:
        text = text.replace(pattern, replacement)
    text = re.sub(r"[^a-z]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


_ENTITY_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization", "NORP": None}


_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "police", "sheriff", "officials", "president", "mr", "mrs", "ms", "dr", "st", "ave", "inc", "co"}


def find_names(sent: "Span") -> list[NameMention]:
    out: list[NameMention] = []
    covered: set[int] = set()
    for ent in sent.ents:
        kind = _ENTITY_TYPES.get(ent.label_)
        if kind is None:
            covered.update(range(ent.start, ent.end))
            continue
        tokens = _extend_hyphenated(list(ent), sent)
        covered.update(t.i for t in tokens)
        mention = _mention(sent, tokens, kind)
        if mention is not None:
            out.append(mention)
    # Proper nouns the entity recogniser missed ("Gorno-Badakhshan borders ..."): kept with an unknown type.
    chunk: list["Token"] = []
    for token in list(sent) + [None]:
        if token is not None and token.i not in covered and (
            token.pos_ == "PROPN" or (chunk and token.text == "-" and token.whitespace_ == "" and chunk[-1].whitespace_ == "")
        ):
            chunk.append(token)
            continue
        while chunk and chunk[-1].text == "-":
            chunk.pop()
        if chunk and any(len(t.text) >= 4 and t.is_title for t in chunk) and not all(
            t.lower_.rstrip(".") in _NOT_NAMES or t.text == "-" for t in chunk
        ):
            mention = _mention(sent, chunk, "unknown")
            if mention is not None:
                out.append(mention)
        chunk = []
    return sorted(out, key=lambda m: m.start_char)


def _extend_hyphenated(tokens: list["Token"], sent: "Span") -> list["Token"]:
    """spaCy stops entities at hyphens ("Gorno" of "Gorno-Badakhshan"); join the rest of the word."""
    doc = sent.doc
    while tokens:
        last = tokens[-1]
        k = last.i + 1
        if k + 1 < sent.end and doc[k].text == "-" and last.whitespace_ == "" and doc[k].whitespace_ == "" and doc[k + 1].is_title:
            tokens = tokens + [doc[k], doc[k + 1]]
        else:
            break
    return tokens


def _mention(sent: "Span", tokens: list["Token"], kind: str) -> NameMention | None:
    tokens = [t for t in tokens if (t.lower_ not in _HONORIFICS and not t.is_punct) or t.text in ("-", ".")]
    while tokens and (tokens[-1].text in ("'s", "’s", "'", "’") or tokens[-1].is_punct and tokens[-1].text != "."):
        tokens = tokens[:-1]
    while tokens and (tokens[0].lower_ in _HONORIFICS or tokens[0].is_punct):
        tokens = tokens[1:]
    if not tokens:
        return None
    start_char = tokens[0].idx - sent.start_char
    end_char = tokens[-1].idx + len(tokens[-1].text) - sent.start_char
    name = sent.text[start_char:end_char].rstrip(".") if not tokens[-1].text.endswith(".") or len(tokens) == 1 else sent.text[start_char:end_char]
    end_char = start_char + len(name)
    if not re.search(r"[A-Za-z]{2,}", name) or name.isupper() and len(name) <= 4:
        return None
    if not name[0].isupper():
        return None
    title = _title_before(sent.text, start_char)
    role = _role(tokens[-1])
    age = _age(tokens[-1])
    return NameMention(start_char, end_char, name, kind, fold_name(name), title, role, age)


def _title_pattern() -> re.Pattern[str]:
    alternatives = sorted(TITLES, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(w).replace(r"\.", r"\.?") for w in key.split()) for key in alternatives]
    return re.compile(r"(?:^|[\s(,—–-])(" + "|".join(parts) + r")\s*$", re.IGNORECASE)


_TITLE_BEFORE = _title_pattern()


def _title_before(sent_text: str, start_char: int) -> str | None:
    """The rank or title written just before a name: 'Maj. Gen. Abdullo Nazarov', 'Sheriff Larry Smith'."""
    prefix = sent_text[max(0, start_char - 40) : start_char]
    match = _TITLE_BEFORE.search(prefix)
    if not match:
        return None
    written = re.sub(r"\s+", " ", match.group(1).lower())
    for key, (title, _family) in TITLES.items():
        if re.fullmatch(r"\s*".join(re.escape(w).replace(r"\.", r"\.?") for w in key.split()), written):
            if written.islower() and key in ("general", "private", "major", "officer", "chief", "deputy"):
                # lower-case common nouns ("the deputy", "a private") are not titles unless abbreviated
                if not match.group(1)[0].isupper():
                    return None
            return title
    return None


def _role(last: "Token") -> str | None:
    """An appositive after the name: 'Abdullo Nazarov, head of the regional branch ...'."""
    head = last
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            words = [t.text for t in child.subtree if not t.is_punct][:8]
            return " ".join(words) if words else None
    return None


def _age(last: "Token") -> int | None:
    """'Nazarov, 56,' or '56-year-old Nazarov' or 'Nazarov (56)'."""
    doc = last.doc
    k = last.i + 1
    if k + 1 < len(doc) and doc[k].text in (",", "(") and re.fullmatch(r"\d{1,3}", doc[k + 1].text):
        after = doc[k + 2] if k + 2 < len(doc) else None
        if after is None or after.text in (",", ")", ".", ";") or after.lower_ in ("of", "and", "was", "is", "who"):
            value = int(doc[k + 1].text)
            if 0 < value < 120:
                return value
    # "56-year-old Nazarov" / "the 56-year-old Nazarov"
    start = last.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    window = doc[max(0, start - 6) : start].text
    match = re.search(r"(\d{1,3})\s*-\s*year\s*-\s*old\s*$", window)
    if match:
        value = int(match.group(1))
        if 0 < value < 120:
            return value
    return None
