"""Helpers engines share to judge a fact: its reports as a timeline, where a conflict sits, its signature.

A finding speaks of one fact. Its message names the fact, the claims in conflict and, when the
fact spans articles, the whole timeline ("30 (security service; AP, Jul 24) -> 25 (officials;
Pamir Daily Bulletin, Jul 24)"), so an editor sees which figure came first and from whom.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from ...records import TIMELINE_LEAD, Claim

if TYPE_CHECKING:  # pragma: no cover
    from ...analyse.batch import Batch

__all__ = ["MAX_TIMELINE", "listing", "outlet", "published_label", "timeline", "unique", "where"]

MAX_TIMELINE = 6  # reports listed in a message; the report's evidence keeps every one


def outlet(batch: Batch, claim: Claim) -> str:
    article = batch.article[claim.article_id]
    return article.source or article.title or article.id


def published_label(batch: Batch, claim: Claim) -> str:
    published = batch.article[claim.article_id].published
    return _short_date(published) if published else "undated"


def _short_date(day: dt.date) -> str:
    return f"{day:%b} {day.day}, {day.year}"


def where(claims: Iterable[Claim]) -> str:
    articles = {c.article_id for c in claims}
    return "in one article" if len(articles) == 1 else f"across {len(articles)} articles"


def unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def listing(shown: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'; an item said twice (two mentions of one thing) is listed once."""
    items = unique(shown)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


C = TypeVar("C", bound=Claim)


def timeline(batch: Batch, claims: Sequence[C], value: Callable[[C], str], who: Callable[[C], str]) -> str:
    """'; reports: 30 (security service; AP, Jul 24, 2012) -> 25 (...)' when the fact spans articles, else ''.

    Consecutive claims of one article and one source are listed together ("30 and 25 (officials; ...)").
    """
    if len({c.article_id for c in claims}) < 2:
        return ""
    entries: list[tuple[tuple[str, str], list[str]]] = []
    for claim in claims:
        group = (claim.article_id, who(claim))
        shown = value(claim)
        if entries and entries[-1][0] == group:
            if shown not in entries[-1][1]:
                entries[-1][1].append(shown)
        else:
            entries.append((group, [shown]))
    parts = []
    for (article_id, source), values in entries[:MAX_TIMELINE]:
        first = next(c for c in claims if c.article_id == article_id)
        said = f"{source}; " if source else ""
        parts.append(f"{' and '.join(values)} ({said}{outlet(batch, first)}, {published_label(batch, first)})")
    more = f" -> {len(entries) - MAX_TIMELINE} more" if len(entries) > MAX_TIMELINE else ""
    return TIMELINE_LEAD + " -> ".join(parts) + more
