"""Article metadata shared by every format: publication dates, optional strings, notes on what is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from ..records import Article

__all__ = ["opt_str", "parse_published", "with_meta_notes"]


def parse_published(value: Any) -> dt.date | None:
    """ISO date or date-time (YAML may already have turned it into a date); ``ValueError`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date such as 2012-07-24, got {value!r}")
    candidate = value.strip()
    try:
        if len(candidate) == 10:
            return dt.date.fromisoformat(candidate)
        return dt.datetime.fromisoformat(candidate.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"expected an ISO date such as 2012-07-24, got {value!r}") from None


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
