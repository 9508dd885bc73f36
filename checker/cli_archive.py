"""Command line for the archive and the service: ``checker archive add|stats|remove|rebuild``, ``checker serve``.

Kept apart from ``cli.py`` so the archive's commands are declared in one place; like every command
they import the heavy libraries only once they run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["archive_app", "serve"]

archive_app = typer.Typer(
    help="A persistent archive of published articles, to check drafts against.", no_args_is_help=True
)
ArchiveDir = Annotated[Path, typer.Option("--archive", "-a", help="Archive directory (created by 'archive add').")]


@archive_app.command("add")
def archive_add(
    paths: Annotated[list[Path], typer.Argument(help="Published article files or directories.")],
    archive: ArchiveDir,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    chunk: Annotated[
        int, typer.Option("--chunk", min=1, help="Articles per commit (a crash loses at most one).")
    ] = 200,
    engine: Annotated[
        str, typer.Option("--engine", help="local, or ray (reading and analysis on Ray Data).")
    ] = "local",
    workers: Annotated[int, typer.Option("--workers", min=1, help="Ray: parallel analysers.")] = 2,
) -> None:
    """Read published articles once and store their claims, stories and vectors (incremental)."""
    from .archive_commands import run_archive_add
    from .config import resolve_config

    if engine not in ("local", "ray"):
        typer.echo(f"checker: --engine: expected local or ray (got {engine!r})", err=True)
        raise typer.Exit(2)
    code = run_archive_add(paths, archive, resolve_config(), quiet=quiet, chunk=chunk, engine=engine, workers=workers)
    raise typer.Exit(code)


@archive_app.command("stats")
def archive_stats(archive: ArchiveDir) -> None:
    """Articles, claims, stories and size of an archive (JSON)."""
    from .archive_commands import run_archive_stats

    typer.echo(json.dumps(run_archive_stats(archive), indent=2))


@archive_app.command("remove")
def archive_remove(
    article_ids: Annotated[list[str], typer.Argument(help="Ids of archived articles.")], archive: ArchiveDir
) -> None:
    """Remove articles from the archive (their claims, names and index entries go with them)."""
    from .archive_commands import run_archive_remove

    raise typer.Exit(run_archive_remove(archive, article_ids))


@archive_app.command("rebuild")
def archive_rebuild(archive: ArchiveDir) -> None:
    """Rebuild derived data: the lead index and every article's story, from what is stored."""
    from .archive_commands import run_archive_rebuild

    raise typer.Exit(run_archive_rebuild(archive))


def serve(
    archive: ArchiveDir,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve draft checks over HTTP (POST /check, POST /archive, GET /health; docs at /docs).

    Writes (POST /archive) need the token in $CHECKER_TOKEN, sent as 'Authorization: Bearer TOKEN'.
    """
    from .service import run_service

    raise typer.Exit(run_service(archive, host=host, port=port))
