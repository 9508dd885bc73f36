"""Article metadata shared by every format: publication dates, optional strings, notes on what is missing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from ..lexicon.calendar import YEARS
from ..records import Article

__all__ = ["article_id", "opt_str", "parse_published", "with_meta_notes"]

MAX_ID_CHARS = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def parse_published(value: Any) -> dt.date | None:
    """ISO date or date-time (YAML may already have turned it into a date); ``ValueError`` otherwise.

    A date outside the calendar's years (``lexicon.calendar.YEARS``) is refused too: a CMS placeholder
    such as 0001-01-01 or 9999-12-31 is no publication date, and "Monday" cannot be resolved against it."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif not isinstance(value, str):
        raise ValueError(f"expected an ISO date such as 2012-07-24, got {_shown(value)}")
    else:
        candidate = value.strip()
        try:
            if len(candidate) == 10:
                day = dt.date.fromisoformat(candidate)
            else:
                day = dt.datetime.fromisoformat(candidate.replace("Z", "+00:00")).date()
        except ValueError:
            raise ValueError(f"expected an ISO date such as 2012-07-24, got {_shown(value)}") from None
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise ValueError(f"{day.isoformat()} is outside the years {YEARS[0]}-{YEARS[1]} a publication date can be in")
    return day


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def article_id(value: Any, fallback: str) -> str:
    """The id an article is given (``fallback`` when none is); ``ValueError`` when the given one is unusable.

    Ids name articles in reports, baselines and suppressions, one line each: an empty id, one over
    ``MAX_ID_CHARS`` or one holding a line break or another control character is refused, not mangled."""
    if value is None:
        return fallback
    if isinstance(value, (dict, list)):
        raise ValueError("'id' must be a string or a number")
    ident = str(value)
    if not ident.strip():
        raise ValueError("'id' is empty")
    if len(ident) > MAX_ID_CHARS:
        raise ValueError(f"'id' is {len(ident):,} characters long, over the limit of {MAX_ID_CHARS}")
    if _CONTROL.search(ident):
        raise ValueError("'id' holds a line break or another control character")
    return ident


def opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def with_meta_notes(article: Article) -> Article:
    """Say what the article lacks instead of guessing it later."""
    notes = list(article.notes)
    if article.published is None:
        notes.append("no publication date: relative dates such as 'Tuesday' are left unresolved")
    if article.source is None:
        notes.append("no source named: the publisher cannot be compared with other outlets")
    return replace(article, notes=tuple(notes))
