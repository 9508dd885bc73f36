"""Loading rule files: YAML validated against the rule schema, its engine and its params.

A broken rule file stops the run with exit code 2 and a one-line message naming the file,
before any article is read. Rule files are read within the YAML limits (``checker.limits``:
safe loading, size, aliases), and a message template may only name the engine's fields, plainly
(``{figure_a}``, never ``{figure_a:d}`` or ``{}``), so filling it can never fail mid-run.
Params are completed with the defaults the engine declares in its params schema, so every
value in force is visible (``checker rules explain``) and engines read ``rule.params[name]``
without hidden fallbacks.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..errors import CheckerError, ErrorCode
from ..limits import MAX_YAML_BYTES, YamlLimit, load_yaml, read_regular
from ..records import Rule, RuleDoc, Severity
from .engines import ENGINES

__all__ = ["builtin_rules_dir", "load_rules", "params_error", "template_error", "with_defaults"]


def _error(message: str) -> CheckerError:
    return CheckerError(ErrorCode.RULE_FILE, message)


def builtin_rules_dir() -> Path:
    """The shipped rules: packaged into the wheel, or the repository's ``rules/`` in a source checkout."""
    packaged = resources.files("checker") / "_builtin_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent.parent / "rules"


@lru_cache(maxsize=1)
def rule_schema() -> dict[str, Any]:
    return json.loads((resources.files("checker.rules") / "rule.schema.json").read_text(encoding="utf-8"))


def load_rules(extra_dirs: Iterable[str | Path] = ()) -> list[Rule]:
    """Built-in rules plus rules from ``extra_dirs``; ids and names must be unique across all of them."""
    rules: list[Rule] = []
    dirs = [builtin_rules_dir(), *(Path(d) for d in extra_dirs)]
    for directory in dirs:
        if not directory.is_dir():
            raise _error(f"{directory}: rule directory does not exist")
        for path in sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml")):
            rules.append(load_rule_file(path))
    by_id: dict[str, Rule] = {}
    by_name: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in by_id:
            raise _error(f"{rule.path}: rule id {rule.id} is already used by {by_id[rule.id].path}")
        if rule.name in by_name:
            raise _error(f"{rule.path}: rule name {rule.name} is already used by {by_name[rule.name].path}")
        by_id[rule.id] = rule
        by_name[rule.name] = rule
    return sorted(rules, key=lambda r: r.id)


def params_error(engine_name: str, params: Any) -> str | None:
    """The first way ``params`` break the engine's params schema ("at 'where': why"), or None.

    Shared by rule files and per-rule overrides in the project configuration.
    """
    engine = ENGINES[engine_name]
    errors = sorted(
        jsonschema.Draft202012Validator(engine.params_schema).iter_errors(params), key=lambda e: list(e.absolute_path)
    )
    if not errors:
        return None
    location = "/".join(str(p) for p in errors[0].absolute_path) or "params"
    return f"at '{location}': {errors[0].message}"


def with_defaults(engine_name: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` completed with the defaults the engine's params schema declares."""
    properties = ENGINES[engine_name].params_schema.get("properties", {})
    defaults = {name: spec["default"] for name, spec in properties.items() if "default" in spec}
    return {**defaults, **params}


def template_error(message: str) -> str | None:
    """Why a message template could fail when filled, or None: bad braces, a positional field (``{}``),
    a format spec or conversion (``{figure_a:d}``, ``{figure_a!r}``) that a value of another type breaks."""
    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as exc:
        return f"is not a valid template: {exc} (write a literal brace as '{{{{' or '}}}}')"
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or name.isdigit():
            return "uses a positional field '{}'; name the field, e.g. '{figure_a}'"
        if spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            return f"field '{shown}' has a format spec or conversion; write '{{{name}}}'"
    return None


def load_rule_file(path: Path) -> Rule:
    shown = path.as_posix()
    try:
        data = load_yaml(read_regular(path, MAX_YAML_BYTES).decode("utf-8"))
    except CheckerError as exc:  # not a regular file, or over the size limit
        raise CheckerError(exc.code, f"{shown}: cannot read rule file: {exc.message}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(f"{shown}: cannot read rule file: {exc}") from None
    except YamlLimit as exc:
        raise CheckerError(ErrorCode.YAML_LIMIT, f"{shown}: rule file refused: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise _error(f"{shown}: invalid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    validator = jsonschema.Draft202012Validator(rule_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        location = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise _error(f"{shown}: invalid rule at '{location}': {error.message}")
    engine = ENGINES.get(data["engine"])
    if engine is None:
        raise _error(f"{shown}: unknown engine '{data['engine']}' (known: {', '.join(sorted(ENGINES))})")
    params = data.get("params") or {}
    problem = params_error(engine.name, params)
    if problem:
        raise _error(f"{shown}: invalid params for engine {engine.name} {problem}")
    problem = template_error(data["message"])
    if problem:
        raise _error(f"{shown}: message {problem}")
    used = {name for _, name, _, _ in string.Formatter().parse(data["message"]) if name}
    unknown = sorted(used - engine.fields)
    if unknown:
        raise _error(
            f"{shown}: message uses unknown field '{{{unknown[0]}}}' (engine {engine.name} provides: "
            + ", ".join(sorted(engine.fields))
            + ")"
        )
    if path.stem.split("-")[0] != data["id"]:
        raise _error(f"{shown}: file name must start with the rule id {data['id']}")
    example = data["description"]["example"]
    return Rule(
        id=data["id"],
        name=data["name"],
        engine=data["engine"],
        severity=Severity(data["severity"]),
        message=data["message"],
        params=with_defaults(engine.name, params),
        doc=RuleDoc(
            what=data["description"]["what"].strip(),
            why=data["description"]["why"].strip(),
            example_fail=example["fail"].strip(),
            example_pass=example["pass"].strip(),
            check=" ".join(data["description"].get("check", "").split()),
        ),
        group=data["group"],
        path=shown,
        enabled=bool(data.get("enabled", True)),
    )
