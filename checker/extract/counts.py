"""Count claims: how many people an event happened to, with qualifier, subject and event.

A figure becomes a claim only when it counts people (or event nouns such as
"deaths") and is tied to an event word: "12 soldiers ... were killed", "killing
two", "the death toll rose to 17", "4 shot, 1 killed". Ages, years, times,
addresses, calibres and counts of things are not tolls. Singular victims without a
figure ("a man was shot and killed") count as one, marked implicit. Conjoined
parts ("12 soldiers and 30 fighters were killed") also yield a derived total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..quantities import QUALIFIER_PHRASES, VAGUE_QUANTITIES, Range, apply_qualifier, parse_number
from .lexicon import (
    NOT_VICTIMS,
    BRIDGE_WORDS,
    EVENT_NOUNS,
    EVENT_PRIORITY,
    EVENT_WORDS,
    NON_PERSON_UNITS,
    PERPETRATOR_NOUNS,
    PERSON_NOUNS,
    SUBJECT_CLASSES,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["CountMention", "find_counts"]

_STREET_WORDS = {
    "street", "st.", "st", "avenue", "ave.", "ave", "road", "rd.", "rd", "drive", "dr.", "lane", "ln.",
    "boulevard", "blvd.", "blvd", "way", "court", "ct.", "place", "pl.", "terrace", "parkway", "pkwy",
    "highway", "hwy", "hwy.", "circle", "trail", "block", "route", "interstate", "pike",
}
_BEFORE_NOT_COUNT = {
    "$", "#", "no.", "number", "route", "highway", "interstate", "i-", "apt.", "apartment", "suite", "unit",
    "room", "page", "channel", "box", "ages", "age", "aged", "exit", "mile", "platform", "gate", "flight",
    "bus", "precinct", "district", "ward", "station", "engine", "squad", "pier", "lot", "building", "floor",
    "grade", "class", "chapter", "article", "section", "title", "code", "bill", "amendment", "version",
    "top", "year", "years", "in", "since", "from", "by", "until", "til", "till", "circa",
}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# Ways copy says an attacker died by his own hand. "Shot himself" alone is not one of them: in
# accidental shootings the person who shot himself is a wounded victim.
_SUICIDE = re.compile(
    r"\b(?:took|take|takes|taking)\s+(?:his|her|their)\s+own\s+li(?:fe|ves)\b"
    r"|\b(?:killed|killing|kills)\s+(?:himself|herself|themselves)\b"
    r"|\bturned\s+the\s+(?:gun|weapon|rifle|pistol|shotgun)\s+on\s+(?:himself|herself|themselves)\b"
    r"|\b(?:fatal|apparent)\s+self-inflicted\b|\bself-inflicted\b[^.]*\b(?:died|dead|death|fatal)\b"
    r"|\b(?:died|dead|death)\b[^.]*\bself-inflicted\b"
    r"|\bcommitted\s+suicide\b|\bdied\s+by\s+suicide\b|\bmurder-suicide\b",
    re.IGNORECASE,
)
_FATAL_NOUN_MODS = {"fatal", "deadly", "fatally"}
_EVENT_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^in\s+(?:police\s+)?custody\b", re.I), "arrested"),
    (re.compile(r"^(?:in|listed\s+in)\s+(?:critical|serious|stable|fair|good|grave|satisfactory)\s+condition", re.I), "injured"),
    (re.compile(r"^(?:taken|transported|rushed|airlifted|flown|hospitalized)\s+(?:to|at)\s+(?:a\s+|the\s+|an?\s+area\s+)?(?:\w+\s+){0,3}(?:hospital|medical|trauma)", re.I), "injured"),
    (re.compile(r"^(?:treated|being\s+treated)\s+(?:for|at)\b", re.I), "injured"),
    (re.compile(r"^(?:shot|gunned)\s+(?:dead|to\s+death|down\s+and\s+killed)", re.I), "killed"),
    (re.compile(r"^(?:lost|lose|losing)\s+(?:their|his|her)\s+li(?:ves|fe)", re.I), "killed"),
    (re.compile(r"^pronounced\s+dead", re.I), "killed"),
    (re.compile(r"^(?:suffered|sustained)\s+(?:\w+\s+){0,2}(?:gunshot\s+)?(?:wounds?|injuries)", re.I), "injured"),
    (re.compile(r"^(?:were\s+|was\s+)?struck\s+by\s+(?:gunfire|bullets?|stray)", re.I), "shot"),
]


@dataclass(frozen=True)
class CountMention:
    """A count found in one sentence, before it becomes a ``CountClaim`` (token indexes are doc-level)."""

    start_token: int
    end_token: int  # exclusive
    range: Range
    qualifier: str
    subject: str
    subject_class: str
    event: str
    anchor: int  # token the attribution walk starts from
    head: int  # the counted noun (or the number itself)
    implicit: bool = False
    perpetrator: bool = False
    partitive: bool = False
    conj_root: int | None = None  # head of the conjunction group, for derived totals
    part_of_head: int | None = None  # for parts under "including": the total's head token


def find_counts(sent: "Span") -> list[CountMention]:
    """All count mentions in a sentence, explicit first, then implicit singulars."""
    mentions: list[CountMention] = []
    used_heads: set[int] = set()
    for group in number_groups(sent):
        mention = _explicit(sent, group)
        if mention is not None:
            mentions.append(mention)
            used_heads.add(mention.head)
    mentions.extend(_multiples(sent, used_heads))
    mentions.extend(_implicit(sent, used_heads, mentions))
    mentions.extend(_suicides(sent, mentions))
    return _attach_parts(sent, mentions)


# --- numbers -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class NumberGroup:
    start: int  # doc token index of the first token, qualifier included
    number_start: int
    end: int  # exclusive
    value: int
    qualifier: str
    vague: Range | None


def number_groups(sent: "Span") -> list[NumberGroup]:
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
        if (lower == "no" and i + 1 < sent.end and doc[i + 1].lower_ == "one") or lower in ("nobody",):
            end = i + 2 if lower == "no" else i + 1
            groups.append(NumberGroup(i, i, end, 0, "none", None))
            i = end
            continue
        if lower == "dozen" and i > sent.start and doc[i - 1].lower_ in ("a", "one"):
            start = i - 1
            qualifier, qstart = _qualifier_before(sent, start)
            groups.append(NumberGroup(qstart, start, i + 1, 12, qualifier, None))
            i += 1
            continue
        if lower in VAGUE_QUANTITIES and _vague_ok(sent, i):
            low, high = VAGUE_QUANTITIES[lower]
            start = i - 1 if i > sent.start and doc[i - 1].lower_ in ("a",) else i
            groups.append(NumberGroup(start, start, i + 1, low, "word", Range(low, high)))
            i += 1
            continue
        if _is_number_token(token):
            j = i + 1
            while j < sent.end and (
                _is_number_token(doc[j]) or (doc[j].text == "-" and j + 1 < sent.end and _is_number_token(doc[j + 1]))
            ):
                j += 1
            words = [doc[k].text for k in range(i, j) if doc[k].text != "-"]
            value = parse_number(words)
            if value is not None:
                qualifier, qstart = _qualifier_before(sent, i)
                groups.append(NumberGroup(qstart, i, j, value, qualifier, None))
            i = j
            continue
        i += 1
    return groups


def _is_number_token(token: "Token") -> bool:
    text = token.text
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return True
    return token.like_num and token.lower_.isalpha() and parse_number([token.lower_]) is not None and token.lower_ not in (
        "no", "none", "dozen", "single", "lone", "pair", "couple", "twin", "both")


def _vague_ok(sent: "Span", i: int) -> bool:
    doc = sent.doc
    lower = doc[i].lower_
    if lower in ("few", "handful"):
        return i > sent.start and doc[i - 1].lower_ == "a"
    if lower in ("many", "numerous", "several", "multiple"):
        # Only when it quantifies people directly: "several people were hurt".
        nxt = doc[i + 1] if i + 1 < sent.end else None
        return nxt is not None and (nxt.lemma_.lower() in PERSON_NOUNS or nxt.lower_ == "of")
    return True


def _qualifier_before(sent: "Span", i: int) -> tuple[str, int]:
    doc = sent.doc
    for width in (4, 3, 2, 1):
        start = i - width
        if start < sent.start:
            continue
        phrase = " ".join(doc[k].lower_ for k in range(start, i))
        if phrase in QUALIFIER_PHRASES:
            return QUALIFIER_PHRASES[phrase], start
    return "exact", i


# --- explicit figures --------------------------------------------------------------------------

def _explicit(sent: "Span", group: NumberGroup) -> CountMention | None:
    doc = sent.doc
    last = doc[group.end - 1]
    if group.vague is None and group.qualifier != "none" and not plausible_count(sent, group):
        return None
    head = _counted_head(last)
    subject_token = head
    of_object = _of_object(head)
    if head.i == last.i and of_object is not None:
        subject_token = of_object
    if head.i != last.i:
        if head.lower_ in NON_PERSON_UNITS and head.lower_ != "shot":
            return None
        if head.pos_ == "PROPN" and head.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "DATE", "TIME"):
            return None
    event = _event_for(sent, group, head, subject_token)
    if event is None:
        return None
    rng = group.vague or apply_qualifier(group.value, group.qualifier)
    if group.qualifier == "none":
        rng = Range(0, 0)
    subject = _subject_text(subject_token, head, last)
    subject_class = _subject_class(subject_token, head, last)
    perpetrator = subject_token.lemma_.lower() in PERPETRATOR_NOUNS
    end = max(group.end, head.i + 1)
    if of_object is not None and head.i == last.i:
        end = max(end, of_object.i + 1)
    root = _conj_root(head)
    return CountMention(
        start_token=group.start,
        end_token=end,
        range=rng,
        qualifier=group.qualifier,
        subject=subject,
        subject_class=subject_class,
        event=event,
        anchor=_anchor(head).i,
        head=head.i,
        perpetrator=perpetrator,
        partitive=(head.i == last.i and of_object is not None) or _additive(head, last) or _status_statement(sent, end),
        conj_root=root.i if root.i != head.i or any(c.dep_ == "conj" for c in head.children) else None,
    )


_ADDITIVE = {"other", "others", "more", "another", "additional", "remaining", "further", "second", "third", "fourth"}


_STATUS = re.compile(
    r"^\W*(?:\w+\s+){0,4}?(?:(?:is|are|was|were|remain|remains|remained|still|being|been|listed|reported)\s+)*"
    r"(?:in\s+(?:critical|serious|stable|fair|good|grave|satisfactory|life-threatening)|hospitalized|"
    r"(?:taken|transported|rushed|airlifted|flown|sent)\s+(?:to|by)|treated|released|recovering|undergoing|in\s+surgery)",
    re.IGNORECASE,
)


def _status_statement(sent: "Span", end: int) -> bool:
    """'Two victims were taken to a hospital', 'three remain in critical condition': the state of some of
    the victims, not a toll to compare with the article's totals."""
    return bool(_STATUS.match(sent.doc[end : sent.end].text))


def _additive(head: "Token", last: "Token") -> bool:
    """'three others', 'five more', 'two additional victims': a group beside the one counted elsewhere."""
    doc = head.doc
    if head.lower_ in ("others",):
        return True
    window = {doc[k].lower_ for k in range(last.i + 1, min(len(doc), head.i + 1))}
    window |= {c.lower_ for c in head.children if c.dep_ in ("amod", "advmod", "det")}
    after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    return bool(window & _ADDITIVE) or after in ("more", "others", "other")


def plausible_count(sent: "Span", group: NumberGroup) -> bool:
    """A figure that may count people: not incidental, not a measure of time, distance, money or things."""
    if incidental_number(sent, group) or group.value > 100000:
        return False
    doc = sent.doc
    nxt = doc[group.end] if group.end < sent.end else None
    nxt2 = doc[group.end + 1] if group.end + 1 < sent.end else None
    prev = doc[group.number_start - 1] if group.number_start > sent.start else None
    if nxt is not None:
        if nxt.text in ("-", "–") and nxt2 is not None and nxt2.lower_ in _HYPHEN_UNITS:
            return False  # "13-year-old", "45-caliber"
        if nxt.lower_ in ("percent", "%") or (nxt.lower_ in NON_PERSON_UNITS or nxt.lemma_.lower() in NON_PERSON_UNITS) and nxt.lower_ not in ("shot",):
            return False
        if nxt.lower_.startswith("-year"):
            return False
    if prev is not None and prev.lower_ in _BEFORE_NOT_COUNT and group.qualifier == "exact":
        # "in 2009", "since 2 a.m." are not counts; "by 2" rarely is.
        if prev.lower_ not in ("in", "from", "by", "since", "until", "til", "till") or group.value > 31 or (
            nxt is not None and nxt.lower_ in NON_PERSON_UNITS
        ):
            return False
        if not (nxt is not None and (nxt.lemma_.lower() in PERSON_NOUNS or nxt.lemma_.lower() in EVENT_NOUNS
                                     or nxt.lower_ == "of")):
            return False
    return True


_HYPHEN_UNITS = {"year", "month", "week", "day", "hour", "minute", "foot", "inch", "caliber", "round", "mile", "story",
                 "time", "point"}


def incidental_number(sent: "Span", group: NumberGroup) -> bool:
    """Numbers that state no quantity at all: years, dates, clock times, addresses, money, ordinals,
    decimals, phone numbers, calibres, and ages after a name ("Nazarov, 56,")."""
    doc = sent.doc
    first = doc[group.number_start]
    last = doc[group.end - 1]
    if re.fullmatch(r"(?:1[6-9]|20|21)\d\d", first.text) and "," not in first.text and group.end - group.number_start == 1:
        return True  # a year
    nxt = doc[group.end] if group.end < sent.end else None
    nxt2 = doc[group.end + 1] if group.end + 1 < sent.end else None
    prev = doc[group.number_start - 1] if group.number_start > sent.start else None
    prev2 = doc[group.number_start - 2] if group.number_start - 1 > sent.start else None
    if nxt is not None:
        if nxt.text == ":" or nxt.lower_ in ("a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "th", "st", "nd", "rd"):
            return True
        if nxt.text in ("-", "–") and nxt2 is not None and nxt2.like_num:
            return True  # ranges, scores, phone numbers
        if group.value >= 100 and any(doc[k].lower_ in _STREET_WORDS for k in range(group.end, min(sent.end, group.end + 4))):
            return True  # "the 4800 block of", "1925 Plymouth Ave."
        if nxt.lower_ in ("mm", "caliber", "calibre", "gauge"):
            return True
    if prev is not None:
        if prev.lower_.rstrip(".") in _MONTHS:
            return True  # "the June 30 death", "Sept. 14 homicide": a date
        if prev.text in ("$", "#", "£", "€", "No", "no.") or prev.text.endswith("$"):
            return True
        if prev.text == "(" and nxt is not None and nxt.text == ")":
            return True  # "(56)" after a name: an age
        if prev.text == "," and prev2 is not None and prev2.pos_ == "PROPN" and (
            nxt is None or nxt.text in (",", ")", ";", ".") or nxt.lower_ in ("of", "and", "who", "was", "is")
        ):
            return True  # "Nazarov, 56," : an age
        if prev.text in (".", "-") and prev2 is not None and prev2.like_num:
            return True  # decimals, ranges, phone numbers
        if prev.lower_ in ("and", "to", "or") and prev2 is not None and prev2.like_num:
            before = doc[prev2.i - 1].lower_ if prev2.i - 1 >= sent.start else ""
            if before in ("ages", "aged", "age", "between"):
                return True  # "ages 12 and 16", "between 12 and 16"
        if prev.lower_ in ("no.", "number", "route", "highway", "interstate", "apt.", "suite", "unit", "room",
                           "page", "channel", "exit", "precinct", "district", "ward", "station", "flight", "platform",
                           "gate", "chapter", "article", "section", "amendment", "version", "ages", "age", "aged"):
            return True
    if first.dep_ == "appos" and first.head.pos_ in ("PROPN", "NOUN") and first.head.lemma_.lower() not in ("toll",):
        return True
    if last.text.lower().endswith(("st", "nd", "rd", "th")) and not last.is_alpha:
        return True
    return "." in last.text or ":" in last.text or "/" in last.text


def _counted_head(last: "Token") -> "Token":
    """The noun a figure counts ("12 soldiers" -> soldiers); the number itself when it stands alone."""
    if last.lower_ == "no" and last.head.lemma_.lower() in EVENT_NOUNS:
        return last.head  # "no arrests"
    head = last
    while head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "advmod") and head.head.i != head.i:
        parent = head.head
        if parent.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or parent.lemma_.lower() in PERSON_NOUNS:
            head = parent
            if parent.pos_ != "NUM":
                break
        else:
            break
    if head.i < last.i:
        return last
    return head


def _of_object(head: "Token") -> "Token | None":
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _conj_root(token: "Token") -> "Token":
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node


def _anchor(head: "Token") -> "Token":
    root = _conj_root(head)
    return root.head if root.dep_ != "ROOT" else root


def _event_for(sent: "Span", group: NumberGroup, head: "Token", subject: "Token") -> str | None:
    doc = sent.doc
    head_lemma = head.lemma_.lower()
    # "two fatally" / "2 critically"
    for k in range(group.end, min(sent.end, group.end + 2)):
        if doc[k].lower_ == "fatally":
            return "killed"
    # The counted noun names the event: "17 deaths", "18 shot" (headline), "two dead".
    if head.i != group.end - 1:
        if head_lemma in EVENT_NOUNS:
            return EVENT_NOUNS[head_lemma]
        if head.lower_ in ("shot", "dead", "killed", "injured", "wounded", "hurt"):
            return EVENT_WORDS[head.lower_]
    if subject.lemma_.lower() not in PERSON_NOUNS and subject.pos_ not in ("NUM", "PRON") and subject.i != group.end - 1:
        if not (subject.tag_ in ("NNS", "NNPS") or subject.ent_type_ == "NORP"):
            return None
    # Death toll: "the death toll rose to 17", "put the toll at 17", "the number of people killed to three".
    tally = _toll_before(sent, group.start)
    if tally:
        return tally
    event = _event_right(sent, group, head, subject)
    if event is not None:
        return event
    event = _event_dependency(head)
    if event is not None:
        return event
    return _event_left(sent, group, head)


_TALLY_VERBS = {"rose", "rises", "risen", "climbed", "climbs", "increased", "jumped", "reached", "stood", "stands",
                "is", "was", "at", "to", "of", "has", "had", "now", "put", "hit", "grew", "officially", ",", "bringing",
                "brought", "raising", "raised", "pushing", "pushed", "stand", "the", "total", "final"}


def _toll_before(sent: "Span", start: int) -> str | None:
    """'the death toll rose to 17' -> killed; 'bringing the number of people killed to three' -> killed."""
    doc = sent.doc
    window = [doc[k] for k in range(max(sent.start, start - 12), start)]
    words = [t.lower_ for t in window]
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word == "toll" or (word == "number" and index + 1 < len(words) and words[index + 1] == "of"):
            between = window[index + 1 :]
            event = "killed" if word == "toll" else None
            for token in between:
                lemma = token.lower_ if token.lower_ in EVENT_WORDS else token.lemma_.lower()
                if lemma in EVENT_WORDS and EVENT_WORDS[lemma] != "other":
                    event = EVENT_WORDS[lemma]
            if word == "toll":
                injury = any(w in ("injury", "injuries", "wounded") for w in words[max(0, index - 2) : index])
                event = "injured" if injury else event
            tail = [t for t in between if t.lower_ in _TALLY_VERBS]
            if event and len(tail) >= 1 and between and between[-1].lower_ in ("to", "at", "is", "was", "of", "stood", "stands", "reached", "hit"):
                return event
            return None
    return None


def _event_right(sent: "Span", group: NumberGroup, head: "Token", subject: "Token") -> str | None:
    doc = sent.doc
    k = max(group.end, head.i + 1, subject.i + 1 if subject.i > head.i else 0)
    steps = 0
    while k < sent.end and steps < 6:
        token = doc[k]
        lower = token.lower_
        if lower in ("not", "n't", "never") or token.dep_ == "neg":
            return None
        remainder = sent.doc[k : sent.end].text
        for pattern, event in _EVENT_PHRASES:
            if pattern.match(remainder):
                return event
        word = lower if lower in EVENT_WORDS else token.lemma_.lower()
        if word in EVENT_WORDS and token.pos_ in ("VERB", "ADJ", "NOUN", "AUX", "ADV", "PROPN"):
            if _agent_of_active(token):
                return None
            return _strongest(token, EVENT_WORDS[word])
        if lower in BRIDGE_WORDS or token.lemma_.lower() in BRIDGE_WORDS or token.pos_ in ("AUX", "ADV", "PART") or lower in ("who", "that", "which", "were", "was"):
            k += 1
            steps += 1
            continue
        return None
    return None


def _agent_of_active(verb: "Token") -> bool:
    """'two men shot the victim', 'two men began shooting at each other': the counted people did the shooting."""
    if verb.pos_ != "VERB" or verb.tag_ == "VBN":
        return False
    if verb.tag_ == "VBG" or any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
        return True
    if verb.lemma_.lower() in ("die", "perish"):
        return False
    return any(c.dep_ in ("dobj", "obj") and c.lower_ not in ("themselves",) for c in verb.children)


def _strongest(token: "Token", event: str) -> str:
    """'shot and killed', 'shot dead', 'shot to death': take the most severe outcome stated."""
    best = event
    for other in list(token.children) + [token.nbor(1) if token.i + 1 < len(token.doc) else token]:
        word = other.lower_ if other.lower_ in EVENT_WORDS else other.lemma_.lower()
        if other.dep_ in ("conj", "acomp", "oprd", "xcomp", "advmod") or other.i == token.i + 1:
            if word in EVENT_WORDS and EVENT_PRIORITY[EVENT_WORDS[word]] > EVENT_PRIORITY[best]:
                if other.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
                    continue
                best = EVENT_WORDS[word]
    following = token.doc[token.i + 1 : token.i + 4].text.lower()
    if following.startswith(("to death", "dead")):
        best = "killed"
    return best


def _event_dependency(head: "Token") -> str | None:
    node = _conj_root(head)
    if node.dep_ == "appos":
        node = node.head
    verb = node.head
    if node.dep_ in ("nsubj", "nsubjpass"):
        candidates = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp", "attr")]
        candidates += [c for c in verb.children if c.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
        best: str | None = None
        for candidate in candidates:
            if any(c.dep_ == "neg" for c in candidate.children):
                return None
            word = candidate.lower_ if candidate.lower_ in EVENT_WORDS else candidate.lemma_.lower()
            if word in EVENT_WORDS:
                if candidate is verb and node.dep_ == "nsubj" and _agent_of_active(candidate):
                    return None
                event = _strongest(candidate, EVENT_WORDS[word])
                if best is None or EVENT_PRIORITY[event] > EVENT_PRIORITY[best]:
                    best = event
        return best
    if node.dep_ in ("dobj", "obj") and verb.pos_ == "VERB":
        word = verb.lemma_.lower()
        if word == "leave":
            for child in verb.children:
                w = child.lower_ if child.lower_ in EVENT_WORDS else child.lemma_.lower()
                if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "conj") and w in EVENT_WORDS:
                    return EVENT_WORDS[w]
            return None
        if word in EVENT_WORDS and word not in ("shoot",) or word in ("shoot",) and not _shots_object(node):
            return _strongest(verb, EVENT_WORDS[word])
        if word in ("claim", "take") and node.lemma_.lower() == "life":
            return "killed"
        if word in ("send", "rush", "take", "transport", "airlift", "fly"):
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("to", "at"):
                    if any(g.lemma_.lower() in ("hospital", "hospitals", "trauma") for g in child.subtree):
                        return "injured"
    if node.dep_ == "pobj" and node.head.lower_ in ("including", "among"):
        return None  # parts take the total's event in _attach_parts
    return None


def _shots_object(node: "Token") -> bool:
    return node.lower_ in ("shots", "rounds", "bullets")


def _event_left(sent: "Span", group: NumberGroup, head: "Token") -> str | None:
    doc = sent.doc
    k = group.start - 1
    while k >= sent.start and doc[k].lower_ in ("the", "a", "an", "another", "other", "all", "its", "their"):
        k -= 1
    if k < sent.start:
        return None
    token = doc[k]
    word = token.lower_ if token.lower_ in EVENT_WORDS else token.lemma_.lower()
    if word in EVENT_WORDS and token.pos_ == "VERB" and token.tag_ in ("VBG", "VBD", "VBZ", "VBP"):
        return _strongest(token, EVENT_WORDS[word])
    return None


def _subject_text(subject: "Token", head: "Token", last: "Token") -> str:
    if subject.i == last.i:
        return "people"
    if subject.pos_ == "PRON":
        return "people"
    words = [c.text for c in subject.children if c.dep_ in ("compound", "amod") and c.i < subject.i and not c.like_num]
    words.append(subject.text)
    return " ".join(words).lower()


def _subject_class(subject: "Token", head: "Token", last: "Token") -> str:
    if subject.i == last.i or subject.pos_ == "PRON":
        return "people"
    lemma = subject.lemma_.lower()
    for child in subject.children:
        if child.dep_ == "compound" and child.lemma_.lower() in ("police", "security", "army", "military"):
            return "police" if child.lemma_.lower() == "police" else "soldiers"
    if lemma in EVENT_NOUNS or lemma in ("dead", "shot", "injured", "wounded", "killed", "hurt"):
        return "people"
    return SUBJECT_CLASSES.get(lemma, lemma)


# --- "double shooting", "triple homicide" ----------------------------------------------------------

_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_MULTIPLE_EVENTS = {"shooting": "shot", "homicide": "killed", "murder": "killed", "slaying": "killed", "killing": "killed"}


def _multiples(sent: "Span", used_heads: set[int]) -> list[CountMention]:
    out: list[CountMention] = []
    for token in sent:
        value = _MULTIPLES.get(token.lower_)
        if value is None or token.i + 1 >= sent.end:
            continue
        noun = token.doc[token.i + 1]
        event = _MULTIPLE_EVENTS.get(noun.lemma_.lower()) or _MULTIPLE_EVENTS.get(noun.lower_)
        if event is None or noun.i in used_heads:
            continue
        if event == "shot" and any(c.lower_ in _FATAL_NOUN_MODS for c in noun.children):
            event = "killed"
        used_heads.add(noun.i)
        out.append(
            CountMention(
                start_token=token.i,
                end_token=noun.i + 1,
                range=Range(value, value),
                qualifier="word",
                subject="people",
                subject_class="people",
                event=event,
                anchor=noun.i,
                head=noun.i,
            )
        )
    return out


# --- implicit singular victims -------------------------------------------------------------------

_SINGULAR_PRONOUNS = {"he", "she", "him", "her"}


def _implicit(sent: "Span", used_heads: set[int], explicit: list[CountMention]) -> list[CountMention]:
    out: list[CountMention] = []
    seen_patients: set[int] = set(used_heads)
    for token in sent:
        word = token.lower_ if token.lower_ in EVENT_WORDS else token.lemma_.lower()
        event = EVENT_WORDS.get(word) or _EVENT_NOUN_FORMS.get(word)
        if event not in ("killed", "injured", "shot", "arrested"):
            continue
        if token.pos_ == "NOUN" and word in ("shooting", "death", "killing", "murder", "homicide", "shot"):
            patient = _noun_patient(token)
            if patient is None:
                if token.lemma_.lower() in ("shooting", "stabbing") and token.tag_ == "NN" and any(
                    c.lower_ in ("fatal", "deadly") for c in token.children
                ) and token.i not in seen_patients:
                    # "a fatal shooting" names at least one death even when the victim is not named
                    seen_patients.add(token.i)
                    out.append(CountMention(
                        start_token=min(c.i for c in token.children if c.lower_ in ("fatal", "deadly")),
                        end_token=token.i + 1, range=Range(1, 1), qualifier="implicit", subject="victim",
                        subject_class="people", event="killed", anchor=token.i, head=token.i, implicit=True,
                    ))
                continue
            if token.lemma_.lower() == "shooting" or token.lower_ == "shot":
                fatal = any(c.lower_ in _FATAL_NOUN_MODS for c in token.children)
                if not fatal:
                    continue
                event = "killed"
        elif token.pos_ in ("VERB", "ADJ"):
            if token.tag_ == "VB":
                continue  # "moved in to arrest him", "will kill": intentions are not events
            if any(c.dep_ == "neg" for c in token.children) or any(c.lower_ in ("nearly", "almost") for c in token.children):
                continue
            if any(c.tag_ == "MD" and c.lower_ not in ("will",) for c in list(token.children) + list(token.head.children)):
                continue  # "could have been killed", "she could've been dead"
            patient = _verb_patient(token)
            if patient is None:
                continue
            event = _strongest(token, event)
        else:
            continue
        if patient.i in seen_patients:
            continue
        group = _conj_group(patient)
        if any(member.i in seen_patients for member in group):
            continue
        if not all(_singular_person(member) for member in group):
            continue
        if any(any(c.dep_ == "nummod" for c in member.children) for member in group):
            continue
        seen_patients.update(member.i for member in group)
        tokens = [member.i for member in group] + [token.i]
        start = min(min(m.left_edge.i for m in group), token.i)
        end = max(tokens) + 1
        perpetrator = any(m.lemma_.lower() in PERPETRATOR_NOUNS for m in group)
        subject = " and ".join(_implicit_subject(m) for m in group)
        out.append(
            CountMention(
                start_token=max(start, sent.start),
                end_token=min(end, sent.end),
                range=Range(len(group), len(group)),
                qualifier="implicit",
                subject=subject,
                subject_class="people",
                event=event,
                anchor=token.i,
                head=group[0].i,
                implicit=True,
                perpetrator=perpetrator and len(group) == 1,
            )
        )
    return out


_EVENT_NOUN_FORMS = {"shooting": "shot", "killing": "killed", "slaying": "killed", "stabbing": "other"}


def _verb_patient(verb: "Token") -> "Token | None":
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    passive = verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in children)
    if verb.pos_ == "ADJ":  # "was found dead", "is dead"
        head = verb.head
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and head.lemma_.lower() == "leave":
            subject = next((c for c in head.children if c.dep_ == "dobj"), None)
        return _resolve_relative(subject) if subject is not None else None
    if lemma in ("die", "perish"):
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "relcl":
            return verb.head
        return _resolve_relative(subject) if subject is not None else None
    obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and not passive:
        return obj if obj.lower_ not in ("shots", "rounds", "bullets", "gun", "weapon") else None
    if obj is None and not passive and verb.tag_ in ("VBD", "VBZ") and (
        _headline_case(verb.sent) or _is_title_field(verb) or any(c.lower_ in ("fatally", "critically", "mortally") for c in children)
    ):
        # headlines drop the auxiliary: "Woman fatally shot in Hazelwood", "Teen shot at mall"
        subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ in ("csubj", "csubjpass"):
            subject = next((c for c in children if c.dep_ == "nsubj"), None)
        return subject
    if passive:
        subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if subject is None:
            # headline parses: "14-year-old killed in accidental shooting" ("old" hangs off the verb)
            subject = next((c for c in children if c.lemma_.lower() == "old" and any("year" in g.lower_ for g in c.subtree)), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subject is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        return _resolve_relative(subject) if subject is not None else None
    return None


def _noun_patient(noun: "Token") -> "Token | None":
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
    return None


def _resolve_relative(token: "Token | None") -> "Token | None":
    if token is None:
        return None
    if token.lower_ in ("who", "that", "whom") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _conj_group(token: "Token") -> list["Token"]:
    """'a teen and his mother'; in headlines also comma lists parsed as appositions ('wife, son, daughter')."""
    root = _conj_root(token)
    group = [root]
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "conj" or (
                child.dep_ == "appos" and child.tag_ == "NN" and child.lemma_.lower() in PERSON_NOUNS
                and child.lower_ not in ("victim", "suspect")
            ):
                group.append(child)
                stack.append(child)
    return sorted(group, key=lambda t: t.i)


_PLACE_WORDS = {
    "center", "centre", "street", "avenue", "road", "park", "hall", "house", "school", "church", "mall", "club",
    "bar", "store", "department", "office", "county", "city", "station", "hospital", "university", "college",
    "company", "party", "shooting", "lounge", "restaurant", "apartments", "court", "square", "building", "base",
    "yard", "academy", "news", "service", "police", "market", "hotel", "inn", "motel", "lake", "river", "beach",
}


def _headline_case(sent: "Span") -> bool:
    """Headlines and title-case lines: capitalisation and part-of-speech tags say little there."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.6


def _singular_person(token: "Token") -> bool:
    if token.lower_ in _SINGULAR_PRONOUNS or token.lower_ in ("himself", "herself"):
        return True
    headline = _headline_case(token.sent) or _is_title_field(token)
    lemma = token.lemma_.lower()
    if token.ent_type_ == "PERSON" and token.pos_ == "PROPN" and lemma not in PERSON_NOUNS:
        return True
    if token.pos_ == "PROPN" and token.tag_ == "NNP" and token.is_title and token.ent_type_ == "" and not headline:
        # a named victim the recogniser missed: "LaPrida Shears, 25, was killed" (a multi-word name)
        return lemma not in _PLACE_WORDS and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    if lemma == "old" and any("year" in c.lower_ for c in token.subtree):
        return True  # "a 13-year-old", "14-year-old killed"
    if token.tag_ not in ("NN", "NNP"):
        return False
    if lemma in ("people", "other", "couple", "security", "official") or lemma in NOT_VICTIMS:
        return False
    if lemma in PERSON_NOUNS or _victim_word(token):
        if any(c.dep_ in ("det", "poss") or c.lower_ in ("a", "an", "the") for c in token.children):
            return True
        # headlines drop articles: "Woman fatally shot in Hazelwood", "Teen shot in head at mall"
        return headline or token.i == token.sent.start
    if lemma == "old" and any("year" in c.lower_ for c in token.subtree):
        return True
    return False


def _victim_word(token: "Token") -> bool:
    """A singular common noun that is the one shot or killed names a person ("turkey hunter", "senator",
    "ex-wife") unless it is a thing or an animal; the patient role is what makes it a victim."""
    return token.pos_ in ("NOUN", "PROPN") and token.is_alpha is not None and token.ent_type_ not in (
        "GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PRODUCT", "EVENT")


def _is_title_field(token: "Token") -> bool:
    return bool(token.doc.user_data.get("field") == "title")


def _implicit_subject(token: "Token") -> str:
    """The victim as named ("Garcia", "toddler"): two differently named victims are two people."""
    if token.pos_ == "PROPN" and token.is_title:
        return token.text
    if token.lower_ in _SINGULAR_PRONOUNS:
        return "person"
    return token.lemma_.lower()


# --- perpetrators who kill themselves ------------------------------------------------------------

def _suicides(sent: "Span", mentions: list[CountMention]) -> list[CountMention]:
    match = _SUICIDE.search(sent.text)
    if not match:
        return []
    if any(m.perpetrator and m.event == "killed" for m in mentions):
        return []
    char = sent.start_char + match.start()
    token = next((t for t in sent if t.idx >= char), sent[0])
    end_char = sent.start_char + match.end()
    end_token = next((t.i for t in sent if t.idx >= end_char), sent.end)
    return [
        CountMention(
            start_token=token.i,
            end_token=end_token,
            range=Range(1, 1),
            qualifier="implicit",
            subject="perpetrator",
            subject_class="attackers",
            event="killed",
            anchor=token.i,
            head=token.i,
            implicit=True,
            perpetrator=True,
        )
    ]


# --- parts and totals ----------------------------------------------------------------------------

def _attach_parts(sent: "Span", mentions: list[CountMention]) -> list[CountMention]:
    """Parts under 'including' take their total's event; remember which total they belong to."""
    doc = sent.doc
    by_head = {m.head: m for m in mentions}
    out: list[CountMention] = []
    for mention in mentions:
        out.append(mention)
    # Figures introduced by "including"/"among them" whose event could not be read on their own.
    for group in number_groups(sent):
        last = doc[group.end - 1]
        head = _counted_head(last)
        if head.i in by_head:
            continue
        root = _conj_root(head)
        prep = root.head
        if root.dep_ == "pobj" and prep.lower_ in ("including", "among", "include", "includes"):
            total_head = prep.head
            total = by_head.get(total_head.i) or _mention_for_verb(mentions, total_head)
            if total is None or not plausible_count(sent, group):
                continue
            rng = group.vague or apply_qualifier(group.value, group.qualifier)
            subject_token = head if head.i != last.i else (_of_object(head) or head)
            out.append(
                CountMention(
                    start_token=group.start,
                    end_token=max(group.end, head.i + 1),
                    range=rng,
                    qualifier=group.qualifier,
                    subject=_subject_text(subject_token, head, last),
                    subject_class=_subject_class(subject_token, head, last),
                    event=total.event,
                    anchor=total.anchor,
                    head=head.i,
                    perpetrator=subject_token.lemma_.lower() in PERPETRATOR_NOUNS,
                    conj_root=root.i,
                    part_of_head=total.head,
                )
            )
    return out


def _mention_for_verb(mentions: list[CountMention], verb: "Token") -> CountMention | None:
    for mention in mentions:
        if mention.anchor == verb.i and not mention.implicit:
            return mention
    return None
