"""Weekdays, months and the pattern of a year (``data/calendar.yaml``)."""

from __future__ import annotations

from ._load import load

__all__ = [
    "MONTHS",
    "MONTH_NAMES",
    "MONTH_SHORT_FORMS",
    "RELATIVE_DAYS",
    "WEEKDAYS",
    "WEEKDAY_NUMBERS",
    "YEAR",
    "YEARS",
]

_DATA = load("calendar")

WEEKDAYS: tuple[str, ...] = tuple(forms[0] for forms in _DATA["weekdays"])  # monday ... sunday
WEEKDAY_NUMBERS: dict[str, int] = {form: n for n, forms in enumerate(_DATA["weekdays"]) for form in forms}
MONTH_NAMES: tuple[str, ...] = tuple(forms[0] for forms in _DATA["months"])  # january ... december
MONTHS: dict[str, int] = {form: n + 1 for n, forms in enumerate(_DATA["months"]) for form in forms}
# How datelines and stamps shorten a month ("Jan", "Sept", "May"): the abbreviations, or the name itself.
MONTH_SHORT_FORMS: tuple[str, ...] = tuple(f for forms in _DATA["months"] for f in (forms[1:] or forms[:1]))
RELATIVE_DAYS: tuple[str, ...] = tuple(_DATA["relative_days"])
YEAR: str = _DATA["year"]  # regex source, no groups
# First and last year a date can be in (what ``YEAR`` matches): date arithmetic never leaves the calendar.
YEARS: tuple[int, int] = (int(_DATA["years"][0]), int(_DATA["years"][1]))
