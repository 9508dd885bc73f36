"""What a directory walk leaves out: ignore files, and repository files that are never articles.

A newsroom repository holds more than articles: a README, a licence, a ``package.json`` for the
site build, generated reports. Read as articles, they produce nonsense findings or fail the run,
so a walk skips:

- what ``.gitignore`` and ``.checkerignore`` files exclude, with git's rules (the ``pathspec``
  library's gitignore flavour): patterns are relative to the directory of their file, a deeper
  file overrides a shallower one, ``.checkerignore`` overrides ``.gitignore`` in the same
  directory (so ``!pattern`` there re-includes what git ignores), and nothing below an ignored
  directory comes back. Files from the walked directory up to the repository root count (the
  nearest directory holding ``.git``; without one, up to the working directory);
- ``DEFAULT_EXCLUDES``: repository files by name, whatever their suffix, and dependency folders.

A file named on the command line is read whatever these say (the user asked for it), unless the
run forces exclusion (``--force-exclude``, which the pre-commit hook uses, since pre-commit names
every staged file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pathspec

__all__ = ["DEFAULT_EXCLUDES", "IGNORE_FILES", "IgnoreRules", "default_excluded", "project_root"]

IGNORE_FILES = (".gitignore", ".checkerignore")  # in this order: the second overrides the first

# Files that are part of a repository, not its copy: matched on the name before its first dot,
# case-insensitively (README.md, readme.txt, LICENSE, CHANGELOG.md, CONTRIBUTING.rst...).
_REPOSITORY_STEMS = frozenset(
    {
        "README",
        "CHANGELOG",
        "CHANGES",
        "HISTORY",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "NOTICE",
        "AUTHORS",
        "CONTRIBUTORS",
        "CONTRIBUTING",
        "CODE_OF_CONDUCT",
        "SECURITY",
        "SUPPORT",
        "GOVERNANCE",
        "MAINTAINERS",
        "CODEOWNERS",
        "PULL_REQUEST_TEMPLATE",
        "ISSUE_TEMPLATE",
    }
)
# Package manifests, lock files and tool settings with a suffix a reader would take (.json, .txt).
_MANIFESTS = frozenset(
    {
        "package.json",
        "package-lock.json",
        "npm-shrinkwrap.json",
        "composer.json",
        "composer.lock",
        "bower.json",
        "deno.json",
        "deno.lock",
        "tsconfig.json",
        "jsconfig.json",
        "renovate.json",
        "vercel.json",
        "firebase.json",
        "manifest.json",
        "pipfile.lock",
        "requirements.txt",
        "requirements-dev.txt",
        "dev-requirements.txt",
        "constraints.txt",
        "robots.txt",
        "cmakelists.txt",
    }
)
# Directories that hold installed dependencies or caches, never a newsroom's copy.
_DEPENDENCY_DIRS = frozenset({"node_modules", "bower_components", "__pycache__", "site-packages", "venv"})

DEFAULT_EXCLUDES = (
    tuple(sorted(f"{stem}*" for stem in _REPOSITORY_STEMS))
    + tuple(sorted(_MANIFESTS))
    + tuple(sorted(f"{d}/" for d in _DEPENDENCY_DIRS))
)


def default_excluded(path: Path, *, is_dir: bool = False) -> bool:
    """Whether a walk skips this file or directory by default (by its name alone)."""
    name = path.name
    if is_dir:
        return name in _DEPENDENCY_DIRS
    return name.split(".", 1)[0].upper() in _REPOSITORY_STEMS or name.lower() in _MANIFESTS


def project_root(start: Path) -> Path:
    """Where ignore files stop counting: the repository root above ``start``, else the working
    directory when ``start`` is inside it, else ``start`` itself."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    cwd = Path.cwd().resolve()
    return cwd if start == cwd or cwd in start.parents else start


@dataclass
class IgnoreRules:
    """The ignore files seen so far, by directory, read once each."""

    _specs: dict[Path, list[pathspec.GitIgnoreSpec]] = field(default_factory=dict)

    def _specs_of(self, directory: Path) -> list[pathspec.GitIgnoreSpec]:
        known = self._specs.get(directory)
        if known is None:
            known = []
            for name in IGNORE_FILES:
                file = directory / name
                if file.is_file():
                    try:
                        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
                    except OSError:
                        continue  # an unreadable ignore file ignores nothing, as git does
                    known.append(pathspec.GitIgnoreSpec.from_lines(lines))
            self._specs[directory] = known
        return known

    def ignored(self, path: Path, root: Path, *, is_dir: bool) -> bool:
        """Whether the ignore files between ``root`` and ``path`` exclude ``path`` (absolute, resolved).

        The caller prunes ignored directories, so only the path itself needs checking here."""
        decision: bool | None = None
        for directory in reversed(path.parents):
            if directory != root and root not in directory.parents:
                continue
            relative = path.relative_to(directory).as_posix() + ("/" if is_dir else "")
            for spec in self._specs_of(directory):
                include = spec.check_file(relative).include
                if include is not None:
                    decision = include
        return bool(decision)
