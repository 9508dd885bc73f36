"""Finding the article's own copy inside scraped text.

Scraped pages carry share buttons, video teasers, sign-in prompts, related-story
lists, copyright lines and reader comments. Claims read from those lines are not
the article's, so they never reach the sentence splitter. Blocks keep their
character offsets into the article text as read, so every claim can point back to
its exact span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.calendar import MONTH_SHORT_FORMS

__all__ = ["Block", "copy_blocks"]


@dataclass(frozen=True)
class Block:
    """A paragraph of copy: ``text`` is ``article.text[start:end]`` with page furniture (HTML comments,
    publication stamps) blanked out, so offsets still hold but the furniture is never read as copy."""

    start: int
    end: int
    text: str
    heading: bool = False


# Lines that are page furniture wherever they appear.
_JUNK_LINE = re.compile(
    r"""^(?:
        share(?:\s+this)?(?:\s*(?:story|article|video|on|:).*)?
      | (?:tweet|email|e-mail|print|pinterest|google\+?|facebook|twitter|linkedin|reddit|whatsapp
         |more|close|enlarge|share)
      | advertisement | sponsored(?:\s+content)? | trending(?:\s+now)?
      | please\s+enable\s+javascript.* | you\s+must\s+enter\s+the\s+characters.*
      | .*\ball\s+rights\s+reserved\b.* | (?:\(?\s*(?:©|\(c\)|copyright)\b).*
      | click\s+here.* | sign\s+(?:up|in)\b.* | log\s*in\b.* | subscribe\b.* | welcome\s+back.*
      | follow\s+(?:us|\w+)\s*(?:on\s+\w+)?:?.* | like\s+us\s+on\s+facebook.*
      | (?:read|see|watch)\s+(?:more|also|next)\b.* | related(?:\s+(?:stories|articles|coverage|content|links))?\s*:?.*
      | more\s+(?:stories|news|coverage|from)\b.* | (?:also|earlier|original|update|previously)\s*:
      | report\s+an\s+error.* | join\s+the\s+conversation.* | get\s+(?:email|e-mail)\s+notifications.*
      | your\s+notification\s+has\s+been\s+saved.* | there\s+was\s+a\s+problem\s+saving.*
      | whenever\s+.+\s+posts\s+new\s+content.* | email\s+notifications\s+are\s+only\s+sent.*
      | (?:photo|video|image|file\s+photo|graphic)\s*(?::|by\b).* | \(photo:.*\)
      | hide\s+transcript.* | show\s+transcript.* | show\s+caption.* | copy\s+link.* | loading\.*
      | vote | view\s+results | poll\s*:.* | (?:download|get)\s+the\s+.+\s+app\b.*
      | get\s+the\s+top\s+.*\s+stories.* | for\s+more\s+.*\s+news,\s+listen\s+to.*
      | add\s+a\s+location\s+to\s+your\s+tweets.* | (?:posted|updated|published|last\s+updated)\s*(?:on|at|:)?\s+.{0,40}
      | contributing\s*:.* | (?:—|--|-)\s*(?:the\s+)?associated\s+press.* | by\s+the\s+associated\s+press
      | \#{3,} | [-—_=*~•·\s]{3,}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# From one of these lines on, the page is reader comments or a list of other stories.
_TAIL_START = re.compile(
    r"""^(?:
        \d+\s+comments? | comments? | reader\s+comments | (?:leave|add|post|write)\s+a\s+comment.*
      | join\s+the\s+discussion.* | comments\s+are\s+closed.* | show\s+comments | view\s+comments
      | related\s+(?:articles|stories)\s*:? | more\s+stories.* | you\s+may\s+also\s+like.*
      | recommended(?:\s+for\s+you)?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

_BYLINE = re.compile(r"^(?:by|written\s+by|reporting\s+by)\s+[\w.'’ -]{2,60}(?:,\s*[\w.'’ -]{2,60})?$", re.IGNORECASE)
_VIDEO_TEASER = re.compile(r"^\d{1,2}:\d{2}\s+\S")
_TEASER_BULLET = re.compile(r"^[+•►▶»]\s*\S")
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


def copy_blocks(text: str, *, markdown: bool = False) -> list[Block]:
    """Split ``text`` into paragraphs and keep the ones that are article copy."""
    masked = _mask_html_comments(text) if markdown else text
    masked = _mask_stamps(masked)
    blocks: list[Block] = []
    lines = _lines_with_offsets(masked)
    poll_zone = _poll_zone(lines)
    seen_copy = False
    for index, (start, raw) in enumerate(lines):
        stripped = raw.strip()
        if not stripped:
            continue
        if _TAIL_START.match(stripped) and seen_copy:
            break
        if index in poll_zone or _is_junk(stripped, first=not seen_copy):
            continue
        lead = len(raw) - len(raw.lstrip())
        heading = False
        if markdown:
            heading_match = _MD_HEADING.match(stripped)
            if heading_match:
                lead += heading_match.end()
                heading = True
        block_start = start + lead
        block_end = start + len(raw.rstrip())
        if block_end <= block_start:
            continue
        blocks.append(Block(block_start, block_end, masked[block_start:block_end], heading))
        seen_copy = True
    return blocks


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


def _is_junk(line: str, *, first: bool) -> bool:
    if _JUNK_LINE.match(line) or _BYLINE.match(line) or _VIDEO_TEASER.match(line) or _TEASER_BULLET.match(line):
        return True
    words = len(line.split())
    if _SENTENCE_END.search(line):
        return words < 3 and not first
    # No sentence punctuation: a headline at the top is copy; elsewhere short lines are
    # section labels, photo credits or teasers for other stories.
    if first:
        return words < 4
    return words < 12


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
