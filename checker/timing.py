"""Wall time per stage of a run and a few counters, for the speed benchmark (``benchmarks/speed.py``).

A run is slow somewhere specific (parsing, embedding, validation...), and a figure for the whole
run cannot say where. Stages nest: time is charged to the innermost open stage only, so the
stages of one run never overlap and add up to at most the run's wall time, whatever calls what.
Recording costs a clock read per stage boundary; nothing is printed unless a caller asks.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

__all__ = ["count", "counters", "reset", "stage", "stages"]

_seconds: dict[str, float] = {}
_counts: Counter[str] = Counter()


@dataclass
class _Open:
    name: str
    since: float  # when this stage last started running (entered, or an inner stage ended)


_open: list[_Open] = []  # innermost last


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Charge the wall time spent inside (minus inner stages) to ``name``."""
    now = time.perf_counter()
    if _open:
        _charge(_open[-1].name, now - _open[-1].since)
    _open.append(_Open(name, now))
    try:
        yield
    finally:
        now = time.perf_counter()
        inner = _open.pop()
        _charge(inner.name, now - inner.since)
        if _open:
            _open[-1].since = now


def _charge(name: str, seconds: float) -> None:
    _seconds[name] = _seconds.get(name, 0.0) + seconds


def count(name: str, n: int = 1) -> None:
    """Add ``n`` to a counter (texts embedded, claims validated...)."""
    _counts[name] += n


def stages() -> dict[str, float]:
    """Seconds per stage so far, in the order stages were first entered."""
    return dict(_seconds)


def counters() -> dict[str, int]:
    return dict(_counts)


def reset() -> None:
    _seconds.clear()
    _counts.clear()
