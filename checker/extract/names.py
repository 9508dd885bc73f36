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
from typing import TYPE_CHECKING, cast

from ..lexicon.names import HONORIFICS, NOT_NAMES, TITLE_WORDS, TITLES, TRANSLITERATION
from ..nlp.sentences import ParsedSentence
from ..records import NameClaim
from ..records.claims import EntityType
from .ids import ClaimIds

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["NameMention", "find_names", "fold_name", "name_claims"]


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
    for pattern, replacement in TRANSLITERATION:
        text = text.replace(pattern, replacement)
    text = re.sub(r"[^a-z]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


_ENTITY_TYPES = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organization",
    "NORP": None,
}


def find_names(sent: Span) -> list[NameMention]:
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
    chunk: list[Token] = []
    for token in list(sent) + [None]:
        if (
            token is not None
            and token.i not in covered
            and (
                token.pos_ == "PROPN"
                or (chunk and token.text == "-" and token.whitespace_ == "" and chunk[-1].whitespace_ == "")
            )
        ):
            chunk.append(token)
            continue
        while chunk and chunk[-1].text == "-":
            chunk.pop()
        if (
            chunk
            and any(len(t.text) >= 4 and t.is_title for t in chunk)
            and not all(t.lower_.rstrip(".") in NOT_NAMES or t.text == "-" for t in chunk)
        ):
            mention = _mention(sent, chunk, "unknown")
            if mention is not None:
                out.append(mention)
        chunk = []
    return sorted(out, key=lambda m: m.start_char)


def _extend_hyphenated(tokens: list[Token], sent: Span) -> list[Token]:
    """spaCy stops entities at hyphens ("Gorno" of "Gorno-Badakhshan"); join the rest of the word."""
    doc = sent.doc
    while tokens:
        last = tokens[-1]
        k = last.i + 1
        if (
            k + 1 < sent.end
            and doc[k].text == "-"
            and last.whitespace_ == ""
            and doc[k].whitespace_ == ""
            and doc[k + 1].is_title
        ):
            tokens = tokens + [doc[k], doc[k + 1]]
        else:
            break
    return tokens


def _mention(sent: Span, tokens: list[Token], kind: str) -> NameMention | None:
    tokens = [t for t in tokens if (t.lower_ not in HONORIFICS and not t.is_punct) or t.text in ("-", ".")]
    while tokens and (tokens[-1].text in ("'s", "’s", "'", "’") or tokens[-1].is_punct and tokens[-1].text != "."):
        tokens = tokens[:-1]
    while tokens and (tokens[0].lower_ in HONORIFICS or tokens[0].is_punct):
        tokens = tokens[1:]
    if kind in ("person", "unknown"):
        if tokens and all(_title_word(t) or t.is_punct for t in tokens):
            return None  # "Police Capt.", "Mayor": a title alone names nobody
        while len(tokens) > 1 and (_title_word(tokens[0]) or tokens[0].is_punct):
            tokens = tokens[1:]  # "Fire Chief Bill Ortiz": the title is the name's title, not part of the name
    if not tokens:
        return None
    start_char = tokens[0].idx - sent.start_char
    end_char = tokens[-1].idx + len(tokens[-1].text) - sent.start_char
    name = (
        sent.text[start_char:end_char].rstrip(".")
        if not tokens[-1].text.endswith(".") or len(tokens) == 1
        else sent.text[start_char:end_char]
    )
    end_char = start_char + len(name)
    if not re.search(r"[A-Za-z]{2,}", name) or name.isupper() and len(name) <= 4:
        return None
    if not name[0].isupper():
        return None
    # the whole paragraph: a sentence split after "Sgt." must not lose the rank
    title = _title_before(sent.doc.text, tokens[0].idx)
    role = _role(tokens[-1])
    age = _age(tokens[-1])
    return NameMention(start_char, end_char, name, kind, fold_name(name), title, role, age)


def _title_word(token: Token) -> bool:
    """'Capt.', 'Chief', 'Fire', 'Station' before a name: words of a title, never of the name."""
    return token.lower_.rstrip(".") in TITLE_WORDS and (token.is_title or token.is_upper or token.is_lower)


def _title_pattern() -> re.Pattern[str]:
    alternatives = sorted(TITLES, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(w).replace(r"\.", r"\.?") for w in key.split()) for key in alternatives]
    return re.compile(r"(?:^|[\s(,—–-])(" + "|".join(parts) + r")\s*$", re.IGNORECASE)


_TITLE_BEFORE = _title_pattern()


def _title_before(text: str, start_char: int) -> str | None:
    """The rank or title written just before a name: 'Maj. Gen. Abdullo Nazarov', 'Sheriff Larry Smith'."""
    prefix = text[max(0, start_char - 40) : start_char]
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


def _role(last: Token) -> str | None:
    """An appositive after the name: 'Abdullo Nazarov, head of the regional branch ...'."""
    head = last
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            words = [t.text for t in child.subtree if not t.is_punct][:8]
            return " ".join(words) if words else None
    return None


def _age(last: Token) -> int | None:
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


def name_claims(item: ParsedSentence, ids: ClaimIds) -> list[NameClaim]:
    sentence = item.sentence
    return [
        NameClaim(
            id=ids.next("N"),
            article_id=sentence.article_id,
            sentence_index=sentence.index,
            field=sentence.field,
            start=sentence.start + mention.start_char,
            end=sentence.start + mention.end_char,
            text=mention.name,
            name=mention.name,
            entity_type=cast(EntityType, mention.entity_type),
            key=mention.key,
            title=mention.title,
            role=mention.role,
            age=mention.age,
        )
        for mention in find_names(item.span)
    ]
