"""Wall and CPU time per stage of a run and a few counters, for the speed benchmark (``benchmarks/speed.py``).

A run is slow somewhere specific (parsing, embedding, validation...), and a figure for the whole
run cannot say where. Stages nest: time is charged to the innermost open stage only, so the
stages of one run never overlap and add up to at most the run's wall time, whatever calls what.
CPU time (this process, all its threads) is kept beside wall time: on a machine shared with other
work, wall time says what a user waited and CPU time what the stage cost. Recording costs two
clock reads per stage boundary; nothing is printed unless a caller asks.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

__all__ = ["count", "counters", "cpu_stages", "reset", "stage", "stages"]

_wall: dict[str, float] = {}
_cpu: dict[str, float] = {}
_counts: Counter[str] = Counter()


@dataclass
class _Open:
    name: str
    wall: float  # when this stage last started running (entered, or an inner stage ended)
    cpu: float


_open: list[_Open] = []  # innermost last


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Charge the time spent inside (minus inner stages) to ``name``."""
    wall, cpu = time.perf_counter(), time.process_time()
    if _open:
        _charge(_open[-1], wall, cpu)
    _open.append(_Open(name, wall, cpu))
    try:
        yield
    finally:
        wall, cpu = time.perf_counter(), time.process_time()
        _charge(_open.pop(), wall, cpu)
        if _open:
            _open[-1].wall, _open[-1].cpu = wall, cpu


def _charge(open_: _Open, wall: float, cpu: float) -> None:
    _wall[open_.name] = _wall.get(open_.name, 0.0) + wall - open_.wall
    _cpu[open_.name] = _cpu.get(open_.name, 0.0) + cpu - open_.cpu


def count(name: str, n: int = 1) -> None:
    """Add ``n`` to a counter (texts embedded, claims validated...)."""
    _counts[name] += n


def stages() -> dict[str, float]:
    """Wall seconds per stage so far, in the order stages were first entered."""
    return dict(_wall)


def cpu_stages() -> dict[str, float]:
    """CPU seconds of this process per stage (child processes, such as parse workers, not included)."""
    return dict(_cpu)


def counters() -> dict[str, int]:
    return dict(_counts)


def reset() -> None:
    _wall.clear()
    _cpu.clear()
    _counts.clear()
