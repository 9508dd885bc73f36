"""Finding the article's own copy inside scraped text, and saying what was left out and why.

Scraped pages carry share buttons, video teasers, sign-in prompts, related-story lists, copyright
lines and reader comments. Claims read from those lines are not the article's, so they never reach
the sentence splitter. But a filter that drops a story paragraph because it starts with ``Photo:``
or ends with ``All rights reserved.`` passes the gate on copy nobody checked, so:

- a line is page furniture by what it *is*, not by how it starts: a label (``Photo:``, ``Related:``,
  ``Share this:``), a teaser bullet or a video time followed by sentences of copy is copy (the label is
  left out); furniture sentences (a copyright notice, a sign-up prompt) are cut out of a line that
  also holds copy, never the other way round;
- everything left out is recorded (``Dropped``: the span, the reason, and whether it reads like copy),
  so the report can show it; a reader-comments section, which ends the copy, is always one of them.

Blocks keep their character offsets into the article text as read, so every claim can point back
to its exact span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.calendar import MONTH_SHORT_FORMS
from ..records import Dropped

__all__ = ["Block", "copy_blocks", "dropped_copy"]


@dataclass(frozen=True)
class Block:
    """A paragraph of copy: ``text`` is ``article.text[start:end]`` with page furniture (HTML comments,
    publication stamps, a copyright sentence) blanked out, so offsets still hold but the furniture is
    never read as copy."""

    start: int
    end: int
    text: str
    heading: bool = False


# Reasons a stretch of text is left out. Those in _FURNITURE never read like copy, so the report
# need not call them out; the others are shown to editors when they are long enough to be copy.
SHARE, PROMPT, COPYRIGHT, CREDIT, STAMP, SEPARATOR = (
    "share or follow line",
    "site prompt",
    "copyright notice",
    "credit line",
    "publication stamp",
    "separator",
)
LINK, PHOTO, TEASER, BULLET, LABEL, BYLINE, POLL = (
    "link to another story",
    "photo or video caption",
    "video teaser",
    "teaser list item",
    "short line with no sentence",
    "byline",
    "reader poll",
)
TAIL = "reader comments or other stories"
BLANKED = "publication stamp or dateline date"
COMMENT = "HTML comment"
MARKUP = "Markdown heading marker"
_FURNITURE = {SHARE, PROMPT, COPYRIGHT, CREDIT, STAMP, SEPARATOR, BLANKED, COMMENT, MARKUP}
_COPY_WORDS = 8  # a dropped line this long that is not known furniture reads like copy

_FLAGS = re.IGNORECASE | re.VERBOSE

# Whole lines that are page furniture (when they do not read as sentences of copy).
_WHOLE_LINE: list[tuple[str, re.Pattern[str]]] = [
    (
        SHARE,
        re.compile(
            r"""share(?:\s+this)?(?:\s*(?:story|article|video|on\b).*)?
              | (?:tweet|email|e-mail|print|pinterest|google\+?|facebook|twitter|linkedin|reddit|whatsapp
                 |more|close|enlarge|share)
              | follow\s+(?:us|\w+)\s*(?:on\s+\w+)?:?.* | like\s+us\s+on\s+facebook.* | copy\s+link.*
              | add\s+a\s+location\s+to\s+your\s+tweets.*""",
            _FLAGS,
        ),
    ),
    (
        PROMPT,
        re.compile(
            r"""advertisement | sponsored(?:\s+content)? | trending(?:\s+now)?
              | please\s+enable\s+javascript.* | you\s+must\s+enter\s+the\s+characters.*
              | click\s+here.* | sign\s+(?:up|in)\b.* | log\s*in\b.* | subscribe\b.* | welcome\s+back.*
              | report\s+an\s+error.* | join\s+the\s+conversation.* | get\s+(?:email|e-mail)\s+notifications.*
              | your\s+notification\s+has\s+been\s+saved.* | there\s+was\s+a\s+problem\s+saving.*
              | whenever\s+.+\s+posts\s+new\s+content.* | email\s+notifications\s+are\s+only\s+sent.*
              | hide\s+transcript.* | show\s+transcript.* | show\s+caption.* | loading\.*
              | (?:download|get)\s+the\s+.+\s+app\b.* | get\s+the\s+top\s+.*\s+stories.*
              | for\s+more\s+.*\s+news,\s+listen\s+to.*""",
            _FLAGS,
        ),
    ),
    (POLL, re.compile(r"vote | view\s+results | poll\s*:.*", _FLAGS)),
    (COPYRIGHT, re.compile(r".*\ball\s+rights\s+reserved\b.* | (?:\(?\s*(?:©|\(c\)|copyright)\b).*", _FLAGS)),
    (
        LINK,
        re.compile(
            r"""(?:read|see|watch)\s+(?:more|also|next)\b.*
              | related(?:\s+(?:stories|articles|coverage|content|links))?\s*:?.*
              | more\s+(?:stories|news|coverage|from)\b.* | (?:also|earlier|original|update|previously)\s*:""",
            _FLAGS,
        ),
    ),
    (PHOTO, re.compile(r"(?:photo|video|image|file\s+photo|graphic)\s*(?::|by\b).* | \(photo:.*\)", _FLAGS)),
    (STAMP, re.compile(r"(?:posted|updated|published|last\s+updated)\s*(?:on|at|:)?\s+.{0,40}", _FLAGS)),
    (
        CREDIT,
        re.compile(
            r"contributing\s*:.* | (?:—|--|-)\s*(?:the\s+)?associated\s+press.* | by\s+the\s+associated\s+press", _FLAGS
        ),
    ),
    (SEPARATOR, re.compile(r"\#{3,} | [-—_=*~•·\s]{3,}", _FLAGS)),
]

# A label before the line's content: what follows it may be copy ("Photo: Police said ...").
_LABEL = re.compile(
    r"""^\(?\s*(?:
        (?P<share>share(?:\s+this)?(?:\s+(?:story|article|video))?|follow\s+us(?:\s+on\s+\w+)?)
      | (?P<link>related(?:\s+(?:stories|articles|coverage|content|links))?|read\s+(?:more|also|next)|see\s+also
          |watch|more|also|earlier|original|update|previously)
      | (?P<photo>photo|video|image|file\s+photo|graphic)(?:\s+by\b[^:]{0,40})?
    )\s*:\s*""",
    _FLAGS,
)
_LABEL_REASONS = {"share": SHARE, "link": LINK, "photo": PHOTO}

# Furniture sentences, wherever they sit in a line: cut out of copy, or the whole line when nothing is left.
_FURNITURE_SENTENCE: list[tuple[str, re.Pattern[str]]] = [
    (
        COPYRIGHT,
        re.compile(
            r"""© | \(c\)\s*\d{4} | \bcopyright\s*(?:©\s*)?\d{4} | \ball\s+rights\s+reserved\b
              | \bmay\s+not\s+be\s+(?:published|reproduced|redistributed|rewritten|broadcast)\b
              | \bused\s+under\s+licen[cs]e\b""",
            _FLAGS,
        ),
    ),
    (CREDIT, re.compile(r"\bcontributed\s+to\s+this\s+(?:report|story|article)\b", _FLAGS)),
    (
        SHARE,
        re.compile(
            r"""^\W*share\s+(?:this|on)\b | \bshare\s+on\s+(?:facebook|twitter)\b | \bemail\s+this\s+(?:story|article)\b
              | ^\W*(?:follow\s+us|like\s+us\s+on)\b""",
            _FLAGS,
        ),
    ),
    (
        PROMPT,
        re.compile(
            r"""\bwhenever\s+.+\s+posts\s+new\s+content\b | \bemail\s+notifications\s+are\s+only\s+sent\b
              | \bnotification\s+has\s+been\s+saved\b | \bproblem\s+saving\s+your\b | \bclick\s+here\b
              | ^\W*(?:sign\s+up|subscribe|download\s+(?:the|our)|log\s*in\b|text\s+\w+\s+to\s+\d+
                     |by\s+submitting\s+your)
              | \bterms\s+of\s+(?:service|use)\b | \bprivacy\s+policy\b | \bplease\s+enable\s+javascript\b""",
            _FLAGS,
        ),
    ),
]

# From one of these lines on, the page is reader comments or a list of other stories.
_TAIL_START = re.compile(
    r"""^(?:
        \d+\s+comments? | comments? | reader\s+comments | (?:leave|add|post|write)\s+a\s+comment.*
      | join\s+the\s+discussion.* | comments\s+are\s+closed.* | show\s+comments | view\s+comments
      | related\s+(?:articles|stories)\s*:? | more\s+stories.* | you\s+may\s+also\s+like.*
      | recommended(?:\s+for\s+you)?
    )$""",
    _FLAGS,
)

_BYLINE = re.compile(r"^(?:by|written\s+by|reporting\s+by)\s+[\w.'’ -]{2,60}(?:,\s*[\w.'’ -]{2,60})?$", re.IGNORECASE)
_VIDEO_TIME = re.compile(r"^\d{1,2}:\d{2}\s+(?=\S)")
_BULLET = re.compile(r"^[+•►▶»]\s*(?=\S)")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MONTH = r"(?:" + "|".join(f.capitalize() for f in MONTH_SHORT_FORMS) + r")[a-z]*\.?"
# Page furniture inside a line of copy: "Posted: Monday, March 2, 2015 12:06 AM EST", and the
# publication date in a dateline ("LA PORTE, Ind. (December 26, 2015) —"), which is no event's date.
_STAMP = re.compile(
    r"\b(?:Posted|Updated|Published|Last\s+updated|Modified)\s*(?:on|at)?\s*:?\s*"
    r"(?:[A-Z][a-z]+day,?\s*)?(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4}T)?)?",
)
_DATELINE_DATE = re.compile(r"^([^\n(]{2,60}?)(\((?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4})\))(\s*[—–-])", re.MULTILINE)
# A dateline before the first sentence: "RIVERTON – A man ...", "SPRINGFIELD, Ill. (AP) — ...", "(WXYZ) -- ...".
# Left in, the parser takes the place for the sentence's subject ("RIVERTON ... was shot").
_DATELINE = re.compile(
    r"^[ \t]*(?:"
    r"[A-Z][A-Z.'’&]+(?:[ -][A-Z][A-Z.'’&]*){0,3}(?:,[ \t]*[A-Z][A-Za-z.]{1,14}(?:[ \t][A-Z][A-Za-z.]{1,14})?)?"
    r"(?:[ \t]*\([^()\n]{1,40}\))?"
    r"|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?(?:,[ \t]*[A-Z][A-Za-z.]{1,14}(?:[ \t][A-Z][A-Za-z.]{1,14})?)?"
    r"(?:[ \t]*\([^()\n]{1,40}\))?"
    r"|\([^()\n]{1,40}\)"
    r")[ \t]*(?:—|–|--)[ \t]*(?=[A-Z0-9\"“‘'])",
    re.MULTILINE,
)
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”]$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[(\"“'‘]?[A-Z0-9])")


def copy_blocks(text: str, *, markdown: bool = False) -> list[Block]:
    """Split ``text`` into paragraphs and keep the ones that are article copy."""
    return _scan(text, markdown)[0]


def dropped_copy(text: str, *, markdown: bool = False) -> list[Dropped]:
    """What ``copy_blocks`` leaves out of ``text``, line by line (and the comments section as one span)."""
    return _scan(text, markdown)[1]


@dataclass(frozen=True)
class _Verdict:
    """A line's fate: furniture (``reason``), or copy from ``start`` to ``end`` (line offsets). ``cuts``:
    what is left out of a line of copy (a label before it, furniture sentences before, inside or after
    it), each with its reason; the ones inside are blanked out."""

    reason: str | None
    start: int = 0
    end: int = 0
    cuts: tuple[tuple[int, int, str], ...] = ()


def _scan(text: str, markdown: bool) -> tuple[list[Block], list[Dropped]]:
    masked = _mask_html_comments(text) if markdown else text
    masked = _mask_stamps(masked)
    blocks: list[Block] = []
    dropped = [_dropped(text, start, end, reason) for start, end, reason in _blanked(text, masked)]
    lines = _lines_with_offsets(masked)
    poll_zone = _poll_zone(lines)
    seen_copy = False
    for index, (start, raw) in enumerate(lines):
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        line_start, line_end = start + lead, start + len(raw.rstrip())
        if _TAIL_START.match(stripped) and seen_copy:
            dropped.append(_dropped(text, line_start, len(text.rstrip()), f"{TAIL}, after the line '{stripped}'"))
            break
        heading = False
        if markdown and (heading_match := _MD_HEADING.match(stripped)):
            dropped.append(_dropped(text, line_start, line_start + heading_match.end(), MARKUP))
            stripped, line_start, heading = stripped[heading_match.end() :], line_start + heading_match.end(), True
        verdict = _POLL if index in poll_zone else _judge(stripped, first=not seen_copy)
        if verdict.reason is not None:
            dropped.append(_dropped(text, line_start, line_end, verdict.reason))
            continue
        body = list(masked[line_start + verdict.start : line_start + verdict.end])
        for cut_start, cut_end, reason in verdict.cuts:
            dropped.append(_dropped(text, line_start + cut_start, line_start + cut_end, reason))
            if verdict.start < cut_start and cut_end < verdict.end:
                body[cut_start - verdict.start : cut_end - verdict.start] = " " * (cut_end - cut_start)
        blocks.append(Block(line_start + verdict.start, line_start + verdict.end, "".join(body), heading))
        seen_copy = True
    dropped.sort(key=lambda d: (d.start, d.end))
    return blocks, dropped


_POLL = _Verdict(POLL)


def _dropped(text: str, start: int, end: int, reason: str) -> Dropped:
    """A span left out. It looks like copy when it is the comments section, or when it is long, not known
    furniture and not a headline: a line of eight words or more with no sentence in it (copy that lost its
    full stop, or a teaser in sentence case: an editor can tell), or one that ends a sentence yet was left
    out behind a label, a bullet or a video time (headlines of other stories do not end in a full stop)."""
    span = text[start:end]
    long = len(span.split()) >= _COPY_WORDS and reason not in _FURNITURE and not _title_case(span)
    sentence = reason == LABEL or bool(_SENTENCE_END.search(span.rstrip()))
    return Dropped(start=start, end=end, reason=reason, looks_like_copy=reason.startswith(TAIL) or (long and sentence))


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _judge(line: str, *, first: bool) -> _Verdict:
    """Copy or furniture, for one stripped line of the page."""
    label = _LABEL.match(line)
    if label:
        reason = _LABEL_REASONS[label.lastgroup or "link"]
        rest = len(label.group(0))
        return _sentences(line, rest, reason) if _copy_after_label(line[rest:]) else _Verdict(reason)
    for prefix, reason, keep_prefix in ((_VIDEO_TIME, TEASER, True), (_BULLET, BULLET, False)):
        match = prefix.match(line)
        if match:
            if _reads_as_copy(line[match.end() :]):  # "6:54 p.m. The first call went out ..."
                return _sentences(line, 0 if keep_prefix else match.end(), reason)
            return _Verdict(reason)
    if _reads_as_copy(line):
        return _sentences(line, 0, LABEL)
    for reason, pattern in _WHOLE_LINE:
        if pattern.fullmatch(line):
            return _Verdict(reason)
    if _BYLINE.match(line):
        return _Verdict(BYLINE)
    words = len(line.split())
    if _SENTENCE_END.search(line):
        return _Verdict(LABEL) if words < 3 and not first else _Verdict(None, 0, len(line))
    # No sentence punctuation: a headline at the top is copy; elsewhere short lines are
    # section labels, photo credits or teasers for other stories.
    if words < (4 if first else 12):
        return _Verdict(LABEL)
    return _Verdict(None, 0, len(line))


def _reads_as_copy(text: str) -> bool:
    """Sentences of copy: six words or more, ending a sentence somewhere (furniture is judged after)."""
    return len(text.split()) >= 6 and bool(re.search(r"[.!?…][\"'”’)\]]*(?:\s|$)", text))


def _copy_after_label(text: str) -> bool:
    """After ``Related:`` or ``Photo:``, copy is a sentence of eight words or more, not a headline in Title Case."""
    return _reads_as_copy(text) and len(text.split()) >= _COPY_WORDS and not _title_case(text)


def _sentences(line: str, start: int, lead: str) -> _Verdict:
    """The line from ``start`` as copy (what comes before it is left out for ``lead``), furniture sentences
    cut: trimmed at either end, blanked inside. Furniture all through is the whole line dropped."""
    spans: list[tuple[int, int]] = []
    at = start
    for match in _SENTENCE_BREAK.finditer(line, start):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(line)))
    judged = [(s, e, _furniture(line[s:e])) for s, e in spans if line[s:e].strip()]
    kept = [(s, e) for s, e, reason in judged if reason is None]
    if not kept or sum(len(line[s:e].split()) for s, e in kept) < 3:
        return _Verdict(next((r for _, _, r in judged if r), LABEL))
    first, last = kept[0][0], kept[-1][1]
    cuts = [(0, start, lead)] if start else []
    cuts += [(s, e, r) for s, e, r in judged if r is not None]
    return _Verdict(None, first, last, tuple(cuts))


def _furniture(sentence: str) -> str | None:
    return next((reason for reason, pattern in _FURNITURE_SENTENCE if pattern.search(sentence)), None)


def _blanked(text: str, masked: str) -> list[tuple[int, int, str]]:
    """The stretches the masks blanked, found by comparing the texts (whatever masks there are), runs joined
    across the white space inside them."""
    runs: list[list[int]] = []
    for index, (before, after) in enumerate(zip(text, masked)):
        if before != after:
            if runs and not text[runs[-1][1] : index].strip():
                runs[-1][1] = index + 1
            else:
                runs.append([index, index + 1])
    return [(start, end, COMMENT if text.startswith("<!--", start) else BLANKED) for start, end in runs]


def _mask_html_comments(text: str) -> str:
    """Blank comments out (same length) so offsets into the original text still hold."""
    return _HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _mask_stamps(text: str) -> str:
    """Blank publication stamps and datelines (same length, so offsets still hold)."""
    text = _STAMP.sub(lambda m: " " * len(m.group(0)), text)
    text = _DATELINE_DATE.sub(lambda m: m.group(1) + " " * len(m.group(2)) + m.group(3), text)
    return _DATELINE.sub(lambda m: " " * len(m.group(0)), text)


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _poll_zone(lines: list[tuple[int, str]]) -> set[int]:
    """Reader polls: the question and options that come just before a 'Vote'/'View Results' line."""
    zone: set[int] = set()
    for index, (_, raw) in enumerate(lines):
        if re.match(r"^\s*(?:vote|view\s+results)\s*$", raw, re.IGNORECASE):
            for back in range(index - 1, max(-1, index - 9), -1):
                if lines[back][1].strip().endswith("?"):
                    zone.update(range(back, index))
                    break
    return zone
