"""Resolving a date expression to days against the publication date and the tense.

In a paper dated Tuesday, past-tense "Tuesday" is that day, "Monday" the day before, future
"Wednesday" the next day, and "last Tuesday" a week back. A calendar date without a year
takes the year that puts it on the right side of the publication date for its tense.
"""

from __future__ import annotations

import datetime as dt
import re

from ...lexicon.calendar import MONTHS, WEEKDAY_NUMBERS

__all__ = ["Resolved", "resolve", "resolve_weekday"]

# (best date, range start, range end, granularity, weekday named, calendar date stated, resolution)
Resolved = tuple[dt.date | None, dt.date | None, dt.date | None, str, str | None, dt.date | None, str]


def resolve_weekday(
    published: dt.date, weekday: int, tense: str, modifier: str | None
) -> tuple[dt.date, dt.date, dt.date, str]:
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


def resolve(kind: str, groups: dict[str, str], published: dt.date | None, tense: str) -> Resolved | None:
    """The days a matched expression of ``kind`` names; None when it names no real day.

    Readers keep publication dates inside the calendar's years, so date arithmetic stays far from
    the ends of ``datetime.date``; an article built some other way (year 1, year 9999) leaves the
    expression unresolved instead of crashing the batch."""
    try:
        return _resolve(kind, groups, published, tense)
    except (OverflowError, ValueError):  # "year 0 is out of range", "date value out of range"
        return None


def _resolve(kind: str, groups: dict[str, str], published: dt.date | None, tense: str) -> Resolved | None:
    weekday_name = groups.get("wd")
    weekday_index = WEEKDAY_NUMBERS[weekday_name.lower()] if weekday_name else None
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
            if weekday_name and not _near(year, month, day, published):
                # "Sunday, Nov. 15" in a late-2016 paper: take the neighbouring year the weekday fits. A date
                # within weeks of the paper keeps the paper's year: "Saturday, March 9" in a paper of
                # Monday, March 10, 2025 is a weekday wrong, not a date of 2024.
                year = _year_matching_weekday(year, month, day, WEEKDAY_NUMBERS[weekday_name.lower()], tense)
        try:
            stated = dt.date(year, month, day)
        except ValueError:
            return None
        return stated, stated, stated, "day", weekday_name.capitalize() if weekday_name else None, stated, "explicit"
    if kind == "weekday":
        assert weekday_name is not None and weekday_index is not None  # the pattern always has a weekday
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
        when = published + dt.timedelta(days=offsets.get(rel, 0))
        return when, when, when, "day", None, None, "relative"
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


def _span(rel: str, published: dt.date) -> Resolved:
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
        return (
            None,
            dt.date(published.year - 1, 1, 1),
            dt.date(published.year - 1, 12, 31),
            "year",
            None,
            None,
            "relative",
        )
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


def _near(year: int, month: int, day: int, published: dt.date, days: int = 30) -> bool:
    try:
        return abs((dt.date(year, month, day) - published).days) <= days
    except ValueError:
        return False


def _year_matching_weekday(year: int, month: int, day: int, weekday: int, tense: str) -> int:
    """Only a year on the side the tense allows: a past-tense date may be last year's, never next year's."""
    for candidate in (year, year + 1 if tense == "future" else year - 1):
        try:
            if dt.date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year
