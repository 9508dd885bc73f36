"""Date claims: weekdays, calendar dates, 'yesterday', years, resolved against publication date and tense.

In a paper dated Tuesday, past-tense "Tuesday" is that day, "Monday" the day
before, future "Wednesday" the next day, and "last Tuesday" a week back. A
calendar date without a year takes the year that puts it on the right side of the
publication date for its tense. A claim that cannot be pinned to one day keeps a
range, and the date rules only call two claims different when their ranges cannot
overlap.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["DateMention", "find_dates", "resolve_weekday", "WEEKDAYS", "MONTHS"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
)
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night|overnight))?"
_MODIFIER = r"(?:(?P<mod>last|this|next|early|late|earlier|later\s+on|on|past)\s+)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Tuesday, July 25, 2012  /  Tuesday, July 25
    ("weekday_date", re.compile(
        rf"\b{_MODIFIER}{_WD}{_PART}\s*,?\s+{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
        re.I)),
    # July 25, 2012 / July 25 / on Feb. 6
    ("month_day", re.compile(
        rf"\b(?:(?P<mod>on|early|late|since|by|until|before|after)\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:p\.?m|a\.?m|%|percent))(?:,?\s+(?P<year>(?:19|20)\d\d))?",
        re.I)),
    # 25 July 2012
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)),
    # Monday night / last Tuesday / early Sunday
    ("weekday", re.compile(rf"\b{_MODIFIER}{_WD}{_PART}\b", re.I)),
    ("relative", re.compile(
        r"\b(?P<rel>yesterday|today|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening"
        r"|overnight|earlier\s+today|tomorrow|the\s+day\s+before\s+yesterday)\b", re.I)),
    ("span", re.compile(
        r"\b(?P<rel>last\s+week|last\s+month|last\s+year|earlier\s+this\s+(?:week|month|year)|this\s+week|this\s+month|this\s+year|next\s+week)\b",
        re.I)),
    ("decade", re.compile(r"\b(?:in\s+)?the\s+(?P<decade>(?:19|20)\d0)['’]?s\b", re.I)),
    ("year", re.compile(r"\b(?P<ymod>in|since|during|by|until|of|from)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*(?:-|–)\s*\d)", re.I)),
]

_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|scheduled|set\s+to|expected\s+to|plans?\s+to|planned|going\s+to|upcoming|slated)\b",
    re.I,
)
_APPROXIMATE_PARTS = {"night", "overnight", "evening"}
_APPROXIMATE_MODS = {"late", "early"}

# What the date is about, from the word it attaches to.
ABOUT_WORDS: dict[str, str] = {}
for _word in ("shoot", "shooting", "shot", "kill", "killing", "attack", "gunfire", "fight", "fighting",
              "erupt", "stab", "stabbing", "clash", "violence", "wound", "injure", "explode", "explosion", "bombing",
              "ambush", "raid", "robbery", "rob", "storm", "battle", "assault", "murder", "slay", "slaying",
              "massacre", "homicide", "fire", "gunshot", "wounded"):
    ABOUT_WORDS[_word] = "incident"
# Police response and "it happened" are when the incident was, in local copy ("Officers were called
# at 10:20 p.m. Sunday"); they name no event of their own, so they never make an event key.
_RESPONSE_WORDS = {"respond", "dispatch", "call", "summon", "arrive", "find", "discover", "happen", "occur",
                   "unfold", "take", "report"}
_RESPONSE_SUBJECTS = {"it", "this", "incident", "shooting", "police", "officer", "officers", "deputy", "deputies",
                      "trooper", "troopers", "authorities", "crews", "paramedics", "medic", "firefighters"}
for _word in ("die", "death", "succumb", "pronounce"):
    ABOUT_WORDS[_word] = "death"
for _word in ("arrest", "detain", "charge", "book", "custody", "surrender", "apprehend", "capture", "indict"):
    ABOUT_WORDS[_word] = "arrest"
for _word in ("court", "appear", "arraign", "arraignment", "hearing", "sentence", "plead", "trial", "testify",
              "convict", "acquit", "release", "bond", "bail", "jury", "verdict"):
    ABOUT_WORDS[_word] = "court"
for _word in ("funeral", "vigil", "memorial", "bury", "burial", "rally", "march", "protest", "gather"):
    ABOUT_WORDS[_word] = "memorial"


@dataclass(frozen=True)
class DateMention:
    start_char: int  # offsets relative to the sentence text
    end_char: int
    expression: str
    date: dt.date | None
    range_start: dt.date | None
    range_end: dt.date | None
    granularity: str
    weekday: str | None
    stated_date: dt.date | None
    resolution: str
    tense: str
    anchor: str | None
    about: str
    approximate: bool
    anchor_index: int = -1  # doc token the date attaches to (for its clause context)
    token_index: int = -1  # first doc token of the expression
    event: str | None = None
    definite: bool = False
    predicated: bool = False


def find_dates(sent: "Span", published: dt.date | None) -> list[DateMention]:
    """Every date expression in the sentence, longest pattern first, non-overlapping."""
    text = sent.text
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "month_day" and match.group("month").lower().rstrip(".") == "may" and not match.group("year"):
                if not re.match(r"may\s+\d{1,2}\b(?!\s*(?:people|percent|of))", match.group(0)[match.start("month") - start :], re.I):
                    continue
            if kind == "weekday" and not match.group("mod") and match.group("wd")[0].islower():
                continue
            if kind == "month_day" and match.group("month")[0].islower():
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            groups = {k: v for k, v in match.groupdict().items() if v}
            token = _token_at(sent, start)
            anchor_token = _content_anchor(_anchor(token), token)
            tense = _tense(sent, anchor_token if anchor_token is not None and anchor_token.pos_ in ("VERB", "AUX") else token)
            mention = _resolve(kind, groups, published, tense)
            if mention is None:
                continue
            expression = match.group(0)
            lead = len(expression) - len(expression.lstrip())
            anchor = anchor_token.lemma_.lower() if anchor_token is not None else None
            about = _about(sent, anchor_token)
            key, _ = event_key(anchor_token)
            if key is not None:
                about = _KEY_ABOUT.get(key.split(":")[0], about)
            approximate = (groups.get("part", "").lower() in _APPROXIMATE_PARTS
                           or groups.get("mod", "").lower() in _APPROXIMATE_MODS
                           or groups.get("rel", "").lower() in ("last night", "overnight", "tonight"))
            taken.append((start, end))
            date, rstart, rend, granularity, weekday, stated, resolution = mention
            event, definite = event_key(anchor_token)
            predicated = event is not None and anchor_token is not None and anchor_token.pos_ in ("VERB", "AUX")
            out.append(DateMention(start + lead, end, expression.strip(), date, rstart, rend, granularity, weekday,
                                   stated, resolution, tense, anchor, about, approximate,
                                   anchor_token.i if anchor_token is not None else token.i, token.i, event, definite,
                                   predicated))
    return sorted(out, key=lambda m: m.start_char)


def resolve_weekday(published: dt.date, weekday: int, tense: str, modifier: str | None) -> tuple[dt.date, dt.date, dt.date, str]:
    """(best date, range start, range end, resolution) for a weekday named in copy dated ``published``."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    modifier = (modifier or "").lower()
    if modifier == "last" or modifier == "past":
        # "last Tuesday" in a Tuesday paper is a week back; on other days readers split between
        # the most recent one and the one before it, so keep both.
        if back == 0:
            day = published - dt.timedelta(days=7)
            return day, day, day, "relative"
        recent = published - dt.timedelta(days=back)
        return recent, recent - dt.timedelta(days=7), recent, "ambiguous"
    if modifier == "next":
        days = ahead or 7
        day = published + dt.timedelta(days=days)
        return day, day, day + dt.timedelta(days=7) if ahead else day, "relative" if not ahead else "ambiguous"
    if modifier == "this" and tense == "future" or tense == "future":
        day = published + dt.timedelta(days=ahead)
        return day, day, day, "relative"
    day = published - dt.timedelta(days=back)
    return day, day, day, "relative"


def _resolve(kind: str, groups: dict[str, str], published: dt.date | None, tense: str):
    weekday_name = groups.get("wd")
    weekday_index = WEEKDAYS.index(weekday_name.lower()) if weekday_name else None
    if kind in ("weekday_date", "month_day", "day_month"):
        month = MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        year = int(groups["year"]) if groups.get("year") else None
        if year is None:
            if published is None:
                if weekday_name:
                    return None, None, None, "day", weekday_name.capitalize(), None, "unresolved"
                return None, None, None, "day", None, None, "unresolved"
            year = _year_for(month, day, published, tense)
            if weekday_name:
                # "Sunday, Nov. 15" in a late-2016 paper: take the neighbouring year the weekday fits.
                year = _year_matching_weekday(year, month, day, WEEKDAYS.index(weekday_name.lower()), tense)
        try:
            stated = dt.date(year, month, day)
        except ValueError:
            return None
        return stated, stated, stated, "day", weekday_name.capitalize() if weekday_name else None, stated, "explicit"
    if kind == "weekday":
        if published is None:
            return None, None, None, "day", weekday_name.capitalize(), None, "unresolved"
        best, start, end, resolution = resolve_weekday(published, weekday_index, tense, groups.get("mod"))
        return best, start, end, "day", weekday_name.capitalize(), None, resolution
    if kind == "relative":
        if published is None:
            return None, None, None, "day", None, None, "unresolved"
        rel = re.sub(r"\s+", " ", groups["rel"].lower())
        offsets = {"yesterday": -1, "the day before yesterday": -2, "tomorrow": 1, "last night": -1}
        if rel == "overnight":
            # the night before the paper; incidents "overnight" are mostly logged after midnight
            return published, published - dt.timedelta(days=1), published, "day", None, None, "relative"
        day = published + dt.timedelta(days=offsets.get(rel, 0))
        return day, day, day, "day", None, None, "relative"
    if kind == "span":
        if published is None:
            return None, None, None, "week", None, None, "unresolved"
        rel = re.sub(r"\s+", " ", groups["rel"].lower())
        return _span(rel, published)
    if kind == "decade":
        decade = int(groups["decade"])
        return None, dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "decade", None, None, "explicit"
    if kind == "year":
        year = int(groups["year"])
        return None, dt.date(year, 1, 1), dt.date(year, 12, 31), "year", None, None, "explicit"
    return None


def _span(rel: str, published: dt.date):
    monday = published - dt.timedelta(days=published.weekday())
    if rel == "last week":
        start = monday - dt.timedelta(days=7)
        return None, start, start + dt.timedelta(days=6), "week", None, None, "relative"
    if rel in ("this week", "earlier this week"):
        return None, monday, published, "week", None, None, "relative"
    if rel == "next week":
        start = monday + dt.timedelta(days=7)
        return None, start, start + dt.timedelta(days=6), "week", None, None, "relative"
    first = published.replace(day=1)
    if rel == "last month":
        end = first - dt.timedelta(days=1)
        return None, end.replace(day=1), end, "month", None, None, "relative"
    if rel in ("this month", "earlier this month"):
        return None, first, published, "month", None, None, "relative"
    if rel == "last year":
        return None, dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31), "year", None, None, "relative"
    return None, dt.date(published.year, 1, 1), published, "year", None, None, "relative"


def _year_for(month: int, day: int, published: dt.date, tense: str) -> int:
    """A month and day without a year: the occurrence on the right side of the publication date."""
    year = published.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year
    if tense == "future":
        return year + 1 if candidate < published - dt.timedelta(days=7) else year
    return year - 1 if candidate > published + dt.timedelta(days=7) else year


def _year_matching_weekday(year: int, month: int, day: int, weekday: int, tense: str) -> int:
    """Only a year on the side the tense allows: a past-tense date may be last year's, never next year's."""
    for candidate in (year, year + 1 if tense == "future" else year - 1):
        try:
            if dt.date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def _token_at(sent: "Span", char: int) -> "Token":
    target = sent.start_char + char
    for token in sent:
        if token.idx <= target < token.idx + len(token.text) or token.idx >= target:
            return token
    return sent[-1]


_FUTURE_HEADS = {"schedule", "set", "expect", "plan", "slate", "due", "intend", "hope"}


def _tense(sent: "Span", token: "Token") -> str:
    """Future only when the date's own clause says so ("will appear Sunday", "is scheduled to appear
    Sunday", "is holding a vigil Friday"); otherwise news copy reports the past."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "past"
    children = list(verb.children)
    if any(c.tag_ == "MD" and c.lower_ in ("will", "'ll", "shall", "wo") for c in children):
        return "future"
    if any(c.lower_ == "going" for c in children) and any(c.lower_ == "to" for c in children):
        return "future"
    node = verb
    for _ in range(2):
        if node.lemma_.lower() in _FUTURE_HEADS and node.tag_ != "VBD" or (
            node.lemma_.lower() in _FUTURE_HEADS and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in node.children)
        ):
            return "future"
        if any(c.tag_ == "MD" and c.lower_ in ("will", "'ll", "shall", "wo") for c in node.children):
            return "future"
        if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
            break
        node = node.head
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ == "be" and any(
        c.dep_ in ("attr", "acomp", "nsubj") and c.lemma_ in ("funeral", "vigil", "hearing", "service", "scheduled")
        for c in children
    ):
        return "future"
    if verb.tag_ == "VBG" and any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in children):
        return "future"  # "is holding a vigil Friday"
    return "past"


def _anchor(token: "Token") -> "Token | None":
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB",) or node.lemma_.lower() in ABOUT_WORDS:
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


_NOUN_EVENTS = {
    "fighting": "fighting", "fight": "fighting", "clash": "fighting", "violence": "fighting", "battle": "fighting",
    "unrest": "fighting", "shooting": "shooting", "gunfire": "shooting", "shootout": "shooting",
    "attack": "attack", "assault": "attack", "ambush": "attack", "raid": "attack", "killing": "killing",
    "slaying": "killing", "murder": "killing", "homicide": "killing", "massacre": "killing", "stabbing": "stabbing",
    "bombing": "bombing", "explosion": "bombing", "blast": "bombing", "death": "death", "arrest": "arrest",
    "robbery": "robbery", "crash": "crash", "standoff": "standoff", "riot": "fighting", "operation": "operation",
}
_VERB_EVENTS = {
    "shoot": "shooting", "kill": "killing", "slay": "killing", "murder": "killing", "massacre": "killing",
    "die": "death", "succumb": "death", "wound": "injury", "injure": "injury", "hurt": "injury", "arrest": "arrest",
    "detain": "arrest", "apprehend": "arrest", "capture": "arrest", "book": "arrest", "stab": "stabbing",
    "attack": "attack", "ambush": "attack", "raid": "attack", "assault": "attack", "rob": "robbery",
}
_KEY_ABOUT = {
    "fighting": "incident", "shooting": "incident", "attack": "incident", "killing": "incident",
    "stabbing": "incident", "bombing": "incident", "injury": "incident", "robbery": "incident", "crash": "incident",
    "standoff": "incident", "death": "death", "arrest": "arrest",
}
_INDEFINITE = {"a", "an", "another", "one", "second", "separate", "new", "earlier", "previous", "other", "some"}


def event_key(anchor: "Token | None") -> tuple[str | None, bool]:
    """What happened on the day, as a comparable key, and whether the copy treats it as known ('the shooting')."""
    if anchor is None:
        return None, False
    lemma = anchor.lemma_.lower()
    if anchor.pos_ in ("NOUN", "PROPN") and lemma in _NOUN_EVENTS:
        if anchor.tag_ == "NNS":
            return None, False  # "the shootings Thursday and Friday": several events
        return _NOUN_EVENTS[lemma], _definite(anchor)
    subject = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("who", "that", "which") and anchor.dep_ == "relcl":
        subject = anchor.head
    if subject is not None and subject.lemma_.lower() in _NOUN_EVENTS:
        return _NOUN_EVENTS[subject.lemma_.lower()], _definite(subject)
    if lemma in _VERB_EVENTS:
        passive = anchor.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in anchor.children)
        obj = next((c for c in anchor.children if c.dep_ in ("dobj", "obj")), None)
        who = subject if (passive or lemma in ("die", "succumb") or obj is None) else obj
        if who is None:
            return _VERB_EVENTS[lemma], True
        return f"{_VERB_EVENTS[lemma]}:{who.lemma_.lower()}", _definite(who)
    return None, False


def _definite(noun: "Token") -> bool:
    if noun.pos_ in ("PROPN", "PRON"):
        return True
    words = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "poss", "nummod")}
    if words & _INDEFINITE:
        return False
    if any(c.dep_ == "poss" for c in noun.children) or words & {"the", "this", "that", "these", "those"}:
        return True
    return noun.tag_ == "NN" and not any(c.dep_ == "det" for c in noun.children)  # "Fighting erupted"


_SPEECH = {"say", "tell", "report", "confirm", "state", "announce", "add", "note"}


def _content_anchor(anchor: "Token | None", date_token: "Token") -> "Token | None":
    """'They are due in court Sunday, police said': a date before the attribution belongs to the reported clause."""
    if anchor is None or anchor.lemma_.lower() not in _SPEECH or date_token.i > anchor.i:
        return anchor
    for child in anchor.children:
        if child.dep_ in ("ccomp", "xcomp", "advcl") and child.i < anchor.i:
            return child
    return anchor


def _about(sent: "Span", anchor: "Token | None") -> str:
    if anchor is not None:
        lemma = anchor.lemma_.lower()
        if lemma in ABOUT_WORDS:
            kind = ABOUT_WORDS[lemma]
            if kind == "incident" and lemma in ("find", "discover") and not any(
                t.lower_ in ("dead", "body", "bodies", "shot", "wounded") for t in anchor.subtree
            ):
                return "other"
            return kind
        for child in anchor.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "xcomp") and child.lemma_.lower() in ABOUT_WORDS:
                return ABOUT_WORDS[child.lemma_.lower()]
        if lemma in _RESPONSE_WORDS:
            subjects = {c.lower_ for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")}
            subjects |= {c.lemma_.lower() for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")}
            words = {t.lemma_.lower() for t in anchor.subtree}
            if lemma == "take" and "place" not in words:
                return "other"
            if lemma in ("find", "discover") and not words & {"dead", "body", "shoot", "wound", "unresponsive", "gunshot"}:
                return "other"
            if subjects & _RESPONSE_SUBJECTS or words & {"shooting", "shoot", "gunfire", "gunshot", "scene"}:
                return "incident"
        if lemma in ("schedule", "set", "expect", "due", "plan"):
            for child in anchor.subtree:
                if child.lemma_.lower() in ABOUT_WORDS and ABOUT_WORDS[child.lemma_.lower()] in ("court", "memorial"):
                    return ABOUT_WORDS[child.lemma_.lower()]
        # "shot outside a home after leaving a party early Sunday": the date sits in a clause of the event
        for ancestor in list(anchor.ancestors)[:2]:
            kind = ABOUT_WORDS.get(ancestor.lemma_.lower())
            if kind is not None:
                return kind
    # Otherwise the sentence decides when it speaks of one kind of occasion only.
    kinds = {ABOUT_WORDS[t.lemma_.lower()] for t in sent if t.lemma_.lower() in ABOUT_WORDS}
    kinds |= {ABOUT_WORDS[t.lower_] for t in sent if t.lower_ in ABOUT_WORDS}
    if len(kinds) == 1:
        return kinds.pop()
    return "other"
