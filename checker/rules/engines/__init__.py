"""The engines that rule files can name (``engine:`` in ``rules/*.yaml``), one per module."""

from __future__ import annotations

from .base import Engine
from .count_consistency import CountConsistency
from .date_consistency import DateConsistency
from .figure_consistency import FigureConsistency
from .name_variant import NameVariant
from .parts_total import PartsTotal
from .person_attribute import PersonAttribute
from .weekday_mismatch import WeekdayMismatch

ENGINES: dict[str, Engine] = {
    engine.name: engine
    for engine in (
        CountConsistency(),
        PartsTotal(),
        WeekdayMismatch(),
        DateConsistency(),
        NameVariant(),
        PersonAttribute(),
        FigureConsistency(),
    )
}

__all__ = ["ENGINES", "Engine"]
