"""``checker archive add|stats|remove|rebuild`` as use cases (the archive itself lives in ``checker.archive``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .config import Config
from .errors import CheckerError, ErrorCode, ExitCode
from .ingest import read_paths
from .outputs import say
from .progress import progress_bar

__all__ = ["run_archive_add", "run_archive_rebuild", "run_archive_remove", "run_archive_stats"]


def run_archive_add(
    paths: Sequence[Path],
    directory: Path,
    config: Config,
    *,
    quiet: bool = False,
    chunk: int = 200,
    engine: str = "local",
    workers: int = 2,
) -> int:
    """Read published articles once and store their claims, story and vectors; a bad file adds nothing."""
    from .archive.adding import add_articles
    from .archive.store import ArchiveStore

    read = read_paths(paths, keep=config.keeps)
    for error in read.errors:
        say(error.one_line())
    if read.errors:
        say(f"nothing added: fix the input errors above first ({directory})")
        return ExitCode.USAGE
    try:
        store = ArchiveStore(directory, create=True)
    except CheckerError as exc:
        say(str(exc))
        return exc.exit_code
    try:
        with progress_bar(enabled=not quiet) as progress:
            analyse = None
            if engine == "ray":
                from functools import partial

                from .scale.ray_engine import analyse_with_ray

                analyse = partial(analyse_with_ray, workers=workers)
            result = add_articles(store, read.articles, progress=progress, chunk=chunk, analyse=analyse)
        count = store.count()
    finally:
        store.close()
    for error in result.errors:  # over their time budget: not added
        say(error.one_line())
    if not quiet:
        skipped = f", {len(result.skipped)} already archived" if result.skipped else ""
        say(f"{len(result.added)} articles added ({result.new_stories} new stories{skipped}); {count} in {directory}")
    return ExitCode.USAGE if result.errors else ExitCode.OK


def run_archive_stats(directory: Path) -> dict[str, Any]:
    from .archive.store import ArchiveStore

    store = ArchiveStore(directory)
    try:
        return store.stats()
    finally:
        store.close()


def run_archive_remove(directory: Path, article_ids: Sequence[str]) -> int:
    from .archive.index import LeadIndex
    from .archive.store import ArchiveStore

    store = ArchiveStore(directory)
    try:
        with store.writer():
            seqs = {s.article.id: s.seq for s in store.load(article_ids)}
            missing = [i for i in article_ids if i not in seqs]
            if missing:
                raise CheckerError(ErrorCode.ARCHIVE, f"{directory}: no archived article '{missing[0]}'")
            with store.transaction():
                for article_id in article_ids:
                    store.remove(article_id)
            LeadIndex(store).rebuild()
    except CheckerError as exc:
        say(str(exc))
        return exc.exit_code
    finally:
        store.close()
    say(f"{len(article_ids)} articles removed from {directory}")
    return ExitCode.OK


def run_archive_rebuild(directory: Path) -> int:
    """Rebuild what is derived: the lead index, and the story of every article (placed again in
    publication order, from what is stored: nothing is parsed or embedded again)."""
    from .archive.rebuild import rebuild

    try:
        stories = rebuild(directory)
    except CheckerError as exc:
        say(str(exc))
        return exc.exit_code
    say(f"rebuilt {directory}: {stories} stories")
    return ExitCode.OK
