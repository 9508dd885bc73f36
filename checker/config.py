"""Project configuration: ``[tool.checker]`` in ``pyproject.toml`` or a ``checker.toml``.

A newsroom repository keeps its gate settings in one file so every editor, the
pre-commit hook and CI run the same check. The file is found by walking up from
the working directory (the nearest one wins; ``checker.toml`` beats a
``pyproject.toml`` in the same directory; a ``pyproject.toml`` without
``[tool.checker]`` is skipped). Command-line flags replace the file's value for
their key. Every value remembers where it came from so ``checker config`` can say
why a setting is what it is.

Unknown keys and bad values are usage errors (exit 2) that name the key: a typo in
a gate's configuration must not silently turn the gate off.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import CheckerError, ErrorCode
from .globs import glob_match
from .limits import MAX_CONFIG_BYTES, read_regular
from .records import Rule, Severity
from .rules.selection import Selection

__all__ = ["DEFAULT_CACHE_DIR", "Config", "Output", "find_config_file", "resolve_config"]

DEFAULT_CACHE_DIR = Path(".checker_cache")
FAIL_LEVELS = ("error", "warning", "note", "never")
COMMAND_LINE = "command line"
DEFAULT = "default"


def _config_error(message: str, code: ErrorCode = ErrorCode.CONFIG) -> CheckerError:
    """A configuration problem; the message is one line naming the file (or flag) and the key."""
    return CheckerError(code, message)


@dataclass(frozen=True)
class Output:
    """One requested output: a renderer name and where it goes (``None`` = stdout)."""

    name: str
    path: Path | None = None

    def __str__(self) -> str:
        return self.name if self.path is None else f"{self.name}={self.path.as_posix()}"


@dataclass(frozen=True)
class Config:
    """The resolved settings of one run (defaults < config file < command line)."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: str = "error"
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rules_dirs: tuple[Path, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    cache_dir: Path | None = DEFAULT_CACHE_DIR
    format: tuple[Output, ...] = (Output("text"),)  # findings on stdout, like any linter
    embedder: str = "onnx"  # sentence-embedding backend: "onnx" (int8, fast) or "torch" (the reference)
    file: Path | None = None  # the configuration file that was read, if any
    root: Path = Path(".")  # include/exclude patterns are relative to this directory
    origins: Mapping[str, str] = field(default_factory=dict)  # key -> "default" | file path | "command line"

    def selection(self) -> Selection:
        """Selection stays decided in one place (``checker.rules.selection``); config only feeds it."""
        return Selection(
            select=self.select, ignore=self.ignore, extend_select=self.extend_select, severity=dict(self.severity)
        )

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT)

    def where(self, key: str) -> str:
        """How an error names a key: the flag on the command line, the file (and table) otherwise."""
        origin = self.origin(key)
        if origin == COMMAND_LINE:
            return f"--{_FLAGS.get(key, key)}"
        return f"{origin}: '{key}' {_table(Path(origin))}"

    def keeps(self, path: Path) -> bool:
        """Whether a discovered file passes ``include`` / ``exclude`` (patterns relative to ``root``)."""
        if not self.include and not self.exclude:
            return True
        relative = _relative(path, self.root)
        if self.include and not any(glob_match(p, relative) for p in self.include):
            return False
        return not any(glob_match(p, relative) for p in self.exclude)

    def configure_rules(self, rules: list[Rule]) -> list[Rule]:
        """Apply per-rule params and check every selector names a rule; raises ``CheckerError``."""
        from .rules.loading import params_error

        by_id = {r.id.upper(): r for r in rules}  # rule ids are accepted in any case
        params: dict[str, dict[str, Any]] = {}
        for rule_id, extra in self.rules.items():
            rule = by_id.get(rule_id.upper())
            if rule is None:
                raise _config_error(f"{self.where('rules')}: unknown rule '{rule_id}' (see 'checker rules')")
            params[rule.id] = {**params.get(rule.id, rule.params), **extra}
            problem = params_error(rule.engine, params[rule.id])
            if problem:
                raise _config_error(f"{self.where('rules')}: invalid params for {rule.id}: {problem}")
        for key, selector in self.selection().unknown_selectors(rules):
            message = f"{self.where(key)}: unknown rule selector '{selector}' (see 'checker rules')"
            raise _config_error(message, ErrorCode.SELECTOR)
        return [replace(r, params=params[r.id]) if r.id in params else r for r in rules]


# --- values -----------------------------------------------------------------------------------------

_FLAGS = {"rules-dirs": "rules-dir", "format": "format"}


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return tuple(value)


def _selectors(value: Any, base: Path) -> tuple[str, ...]:
    return tuple(p.strip() for v in _strings(value) for p in v.split(",") if p.strip())


def _severity(value: Any, base: Path) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ValueError("expected a table of rule selector = level")
    out: dict[str, Severity] = {}
    for selector, level in value.items():
        if level not in ("error", "warning", "note"):
            raise ValueError(f"level for '{selector}' must be error, warning or note (got {level!r})")
        out[selector] = Severity(level)
    return out


def _fail_on(value: Any, base: Path) -> str:
    if value not in FAIL_LEVELS:
        raise ValueError(f"must be one of {', '.join(FAIL_LEVELS)} (got {value!r})")
    return value


def _rule_params(value: Any, base: Path) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ValueError("expected a table of rule id -> table of params, e.g. [rules.CNT001]")
    return {k: dict(v) for k, v in value.items()}


def _paths(value: Any, base: Path) -> tuple[Path, ...]:
    return tuple(base / p for p in _strings(value))


def _globs(value: Any, base: Path) -> tuple[str, ...]:
    return _strings(value)


def _cache_dir(value: Any, base: Path) -> Path | None:
    if value is False:
        return None  # the cache is off
    if not isinstance(value, str) or not value:
        raise ValueError("expected a path string, or false to turn the cache off")
    return base / value


def _formats(value: Any, base: Path) -> tuple[Output, ...]:
    from .report.render import RENDERERS

    outputs: list[Output] = []
    for spec in _strings(value):
        name, _, target = spec.partition("=")
        name = name.strip()
        if name not in RENDERERS:
            raise ValueError(f"unknown format '{name}' (known: {', '.join(sorted(RENDERERS))})")
        outputs.append(Output(name, None if target in ("", "-") else base / target))
    if sum(o.path is None for o in outputs) > 1:
        raise ValueError("only one format can go to stdout; give the others a file: NAME=PATH")
    paths = [o.path for o in outputs if o.path is not None]
    if len(set(paths)) != len(paths):
        raise ValueError("two formats would write the same file")
    return tuple(outputs)


def _embedder(value: Any, base: Path) -> str:
    from .nlp.embeddings import BACKENDS

    if value not in BACKENDS:
        raise ValueError(f"must be one of {', '.join(BACKENDS)} (got {value!r})")
    return value


_KEYS: dict[str, tuple[str, Callable[[Any, Path], Any]]] = {
    "select": ("select", _selectors),
    "ignore": ("ignore", _selectors),
    "extend-select": ("extend_select", _selectors),
    "severity": ("severity", _severity),
    "fail-on": ("fail_on", _fail_on),
    "rules": ("rules", _rule_params),
    "rules-dirs": ("rules_dirs", _paths),
    "include": ("include", _globs),
    "exclude": ("exclude", _globs),
    "cache-dir": ("cache_dir", _cache_dir),
    "format": ("format", _formats),
    "embedder": ("embedder", _embedder),
}
KEYS = tuple(_KEYS)


# --- finding and reading the file ---------------------------------------------------------------------


def find_config_file(start: Path) -> Path | None:
    """The nearest ``checker.toml`` or ``pyproject.toml`` with ``[tool.checker]``, walking up from ``start``."""
    for directory in [start.resolve(), *start.resolve().parents]:
        candidate = directory / "checker.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "checker" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    """A configuration file: a regular file within ``MAX_CONFIG_BYTES``, valid TOML (nesting it cannot hold
    is invalid too)."""
    try:
        return tomllib.loads(read_regular(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except CheckerError as exc:
        raise CheckerError(exc.code, f"{_shown(path)}: cannot read: {exc.message}") from None
    except OSError as exc:
        raise _config_error(f"{_shown(path)}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _config_error(f"{_shown(path)}: invalid TOML: {exc}") from None
    except RecursionError:
        raise _config_error(f"{_shown(path)}: invalid TOML: nested too deep") from None


def _file_table(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("checker")
        if not isinstance(table, dict):
            raise _config_error(f"{_shown(path)}: no [tool.checker] table")
        return table
    return data


def resolve_config(
    overrides: Mapping[str, Any] | None = None,
    *,
    cwd: Path | None = None,
    config_file: Path | None = None,
    isolated: bool = False,
) -> Config:
    """Defaults, then the config file (``config_file`` or the nearest one), then ``overrides``.

    ``overrides`` uses the file's key names ("fail-on", "rules-dirs"...) with raw values as
    the command line gives them; ``None`` values mean "not given". ``cache-dir`` may be
    ``False`` to turn the cache off.
    """
    cwd = cwd or Path.cwd()
    path = None if isolated else (config_file or find_config_file(cwd))
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    if path is not None:
        shown, table = _shown(path), _table(path)
        for key, raw in _file_table(path).items():
            if key not in _KEYS:
                hint = difflib.get_close_matches(key, KEYS, n=1)
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
                raise _config_error(f"{shown}: unknown key '{key}' {table}{suggestion}")
            attr, parse = _KEYS[key]
            try:
                values[attr] = parse(raw, path.parent)
            except ValueError as exc:
                raise _config_error(f"{shown}: bad value for '{key}' {table}: {exc}") from None
            origins[key] = shown
    for key, raw in (overrides or {}).items():
        if raw is None:
            continue
        attr, parse = _KEYS[key]
        try:
            values[attr] = parse(raw, Path())
        except ValueError as exc:
            raise _config_error(f"--{_FLAGS.get(key, key)}: {exc}") from None
        origins[key] = COMMAND_LINE
    root = path.parent if path is not None else cwd
    if path is not None and "cache_dir" not in values:
        values["cache_dir"] = root / DEFAULT_CACHE_DIR  # one cache per project, wherever in it the check runs
    return Config(**values, file=path, root=root, origins=origins)


def _table(path: Path) -> str:
    """Where the keys sit, as a user would look for them: top level of checker.toml, or the table."""
    return "in [tool.checker]" if path.name == "pyproject.toml" else f"in {path.name}"


def _shown(path: Path) -> str:
    """Config paths relative to the working directory when they are below it, as error messages show files."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# --- include / exclude ----------------------------------------------------------------------------------


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


# --- `checker config` -------------------------------------------------------------------------------------


def describe(config: Config) -> str:
    """The resolved configuration as TOML that pastes back into the file it came from.

    Keys are top-level for ``checker.toml`` and under ``[tool.checker]`` for ``pyproject.toml``;
    paths are written relative to the file's directory (the working directory without a file), as
    the file's own paths are read; each line ends with a comment saying where the value came from.
    """
    pyproject = config.file is not None and config.file.name == "pyproject.toml"
    if config.file is None:
        lines = [
            "# no configuration file found: these are the defaults and flags in force; to keep them,",
            "# paste the lines below into checker.toml (or under [tool.checker] in pyproject.toml)",
        ]
    else:
        lines = [f"# configuration file: {_shown(config.file)}"]
    if pyproject:
        lines.append("[tool.checker]")
    for key, (attr, _) in _KEYS.items():
        value = getattr(config, attr)
        if key == "cache-dir" and value is None:
            shown = "false"
        else:
            shown = _toml(_relative_paths(value, config.root))
        lines.append(f"{key} = {shown}  # {config.origin(key)}")
    return "\n".join(lines)


def _relative_paths(value: Any, root: Path) -> Any:
    """Paths (and outputs' paths) as the configuration file would write them: relative to its directory."""

    def relative(path: Path) -> str:
        absolute = path if path.is_absolute() else Path.cwd() / path
        return Path(os.path.relpath(absolute, root.resolve())).as_posix()

    if isinstance(value, Path):
        return relative(value)
    if isinstance(value, Output):
        return value.name if value.path is None else f"{value.name}={relative(value.path)}"
    if isinstance(value, tuple):
        return tuple(_relative_paths(v, root) for v in value)
    return value


def _toml(value: Any) -> str:
    if isinstance(value, Severity):
        return _toml(value.value)
    if isinstance(value, (Path, Output)):
        return _toml(value.as_posix() if isinstance(value, Path) else str(value))
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_toml(v)}" for k, v in value.items()) + " }" if value else "{}"
    return _toml(str(value))


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml(key)
