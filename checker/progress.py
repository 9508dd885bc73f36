"""A progress bar on stderr while a batch is read, only for a person watching a terminal.

CI logs and pipes get nothing: a bar redrawn with carriage returns is noise in a log file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["progress_bar"]


@contextmanager
def progress_bar(stream: TextIO | None = None, *, enabled: bool = True) -> Iterator[Callable[[int, int], None] | None]:
    """Yield a ``progress(done, total)`` callback drawing on ``stream`` (stderr), or None when it is not a TTY."""
    stream = stream if stream is not None else sys.stderr
    if not enabled or not getattr(stream, "isatty", lambda: False)():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("checker: reading articles"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(file=stream, force_terminal=True), transient=True) as bar:
        task = bar.add_task("articles", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
