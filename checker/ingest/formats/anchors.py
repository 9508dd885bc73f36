"""From a decoded field back to the file: the ``Anchor`` of a string that the file wrote with escapes.

A reader that decodes a field (a JSON string, a quoted YAML title) splits it into pieces while it
still has the raw text: literal runs, whose characters sit in consecutive columns, and characters
written as escapes (``\\"``, ``''``, ``\\u2019``), each at the column where its escape starts.
Turning those pieces into the few ``(offset, column)`` steps an ``Anchor`` keeps is the same for
every format, so it lives here once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...records import Anchor

__all__ = ["anchor_from_pieces", "start_only"]


def start_only(line: int, column: int) -> Anchor:
    """Only where the field starts is known: every offset maps there (still the right line)."""
    return Anchor(line, ((0, column),), exact=False)


def anchor_from_pieces(
    pieces: Sequence[tuple[str, int]],
    value: str,
    line: int,
    *,
    strip: bool = False,
    normalise: Callable[[str], str] | None = None,
) -> Anchor | None:
    """The anchor of ``value``, the field as the reader keeps it, from ``(decoded piece, 1-based column)``
    pieces. ``normalise``: a same-length transform the reader applied; ``strip``: the reader dropped
    the field's leading and trailing space. None when the pieces do not spell ``value``."""
    joined = "".join(piece for piece, _ in pieces)
    if normalise is not None:
        joined = normalise(joined)
    lead = len(joined) - len(joined.lstrip()) if strip else 0
    if not value or joined[lead : lead + len(value)] != value:
        return None
    steps: list[tuple[int, int]] = []
    offset, size, last_at, last_column = -lead, len(value), 0, 0
    for piece, column in pieces:
        end = offset + len(piece)
        if end > 0 and offset < size:
            at, where = (0, column - offset) if offset < 0 else (offset, column)
            if not steps or last_column + (at - last_at) != where:
                steps.append((at, where))
                last_at, last_column = at, where
        offset = end
    return Anchor(line, tuple(steps))
