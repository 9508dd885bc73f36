"""One codec for every record: the JSON form and its JSON Schema both come from the dataclass fields.

A field is declared once, on its record. Its metadata (made with ``meta``) may rename it in
JSON (``json="article"``), nest it (``json="value.min"``), leave it out of the JSON form
(``skip=True``) or add schema constraints (``minimum=0``). ``Literal`` types become enums,
``X | None`` becomes nullable, ``tuple[X, ...]`` an array, ``datetime.date`` an ISO date,
a ``str`` enum its values and a nested record an object. The cache, the report and the
report schema all go through here, so they cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Collection
from enum import Enum
from typing import Any, Literal, TypeVar, get_args, get_origin

__all__ = ["ISO_DATE", "decode", "encode", "meta", "schema_of", "with_fields"]

T = TypeVar("T")
ISO_DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


def meta(*, json: str | None = None, skip: bool = False, **schema: Any) -> dict[str, Any]:
    """Field metadata for the codec: ``field(default=..., metadata=meta(json="value.min", minimum=0))``."""
    out: dict[str, Any] = {"schema": schema}
    if json is not None:
        out["json"] = json
    if skip:
        out["skip"] = True
    return out


_Plan = tuple[tuple[dataclasses.Field[Any], tuple[str, ...], Any], ...]
_PLANS: dict[tuple[type, bool], _Plan] = {}


def _plan(cls: type, complete: bool = False) -> _Plan:
    """(field, JSON path, resolved type) for every serialised field, in declaration order (worked out once);
    ``complete`` includes the fields the report leaves out (an article's text), for storage."""
    known = _PLANS.get((cls, complete))
    if known is not None:
        return known
    hints = typing.get_type_hints(cls)
    plan = []
    for f in dataclasses.fields(cls):
        if f.metadata.get("skip") and not complete:
            continue
        path = tuple(str(f.metadata.get("json", f.name)).split("."))
        plan.append((f, path, hints[f.name]))
    _PLANS[(cls, complete)] = tuple(plan)
    return _PLANS[(cls, complete)]


# --- encoding ------------------------------------------------------------------------------------------


def encode(record: Any, *, complete: bool = False) -> dict[str, Any]:
    """The JSON form of a record (dict keys in field order, nested groups where the first member sits);
    ``complete``: with the fields the report leaves out, so the record comes back whole (an archive)."""
    out: dict[str, Any] = {}
    for f, path, kind in _plan(type(record), complete):
        target = out
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = _encode_value(getattr(record, f.name), kind, complete)
    return out


def with_fields(data: dict[str, Any], record: Any, names: Collection[str]) -> dict[str, Any]:
    """``data``, the JSON form of a record, with the named fields encoded afresh from ``record``: what a
    few changed fields cost, not a whole encoding (a copied article moves all its claims' ids)."""
    out = dict(data)
    for f, path, kind in _plan(type(record)):
        if f.name not in names:
            continue
        target = out
        for part in path[:-1]:
            target[part] = dict(target[part])
            target = target[part]
        target[path[-1]] = _encode_value(getattr(record, f.name), kind)
    return out


def _encode_value(value: Any, kind: Any, complete: bool = False) -> Any:
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return encode(value, complete=complete)
    if isinstance(value, (tuple, list)):
        inner = _element_type(kind)
        return [_encode_value(v, inner, complete) for v in value]
    return value


# --- decoding ------------------------------------------------------------------------------------------


def decode(cls: type[T], data: dict[str, Any], *, complete: bool = False) -> T:
    """A record back from its JSON form; absent optional fields take their defaults."""
    kwargs: dict[str, Any] = {}
    for name, path, convert in _decoder(cls, complete):
        source: Any = data
        for part in path:
            if not isinstance(source, dict) or part not in source:
                source = dataclasses.MISSING
                break
            source = source[part]
        if source is dataclasses.MISSING:
            continue  # the dataclass default applies (or construction fails loudly)
        kwargs[name] = None if source is None else convert(source)
    return cls(**kwargs)


_Decoder = tuple[tuple[str, tuple[str, ...], Callable[[Any], Any]], ...]
_DECODERS: dict[tuple[type, bool], _Decoder] = {}


def _decoder(cls: type, complete: bool) -> _Decoder:
    """(field name, JSON path, converter) for every field ``decode`` fills, the converters worked out once
    per class from the field types: a warm re-check decodes every cached claim."""
    known = _DECODERS.get((cls, complete))
    if known is None:
        known = tuple((f.name, path, _converter(kind, complete)) for f, path, kind in _plan(cls, complete) if f.init)
        _DECODERS[(cls, complete)] = known
    return known


def _identity(value: Any) -> Any:
    return value


def _converter(kind: Any, complete: bool) -> Callable[[Any], Any]:
    """How a non-null JSON value becomes a value of ``kind``."""
    kind = _strip_optional(kind)
    origin = get_origin(kind)
    if origin is tuple:
        inner = _converter(_element_type(kind), complete)
        if inner is _identity:
            return tuple
        return lambda values: tuple(None if v is None else inner(v) for v in values)
    if kind is dt.date:
        return dt.date.fromisoformat
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return lambda value: decode(kind, value, complete=complete)
    return _identity


# --- schema ------------------------------------------------------------------------------------------------


def schema_of(cls: type, *, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """JSON Schema of a record's JSON form: every serialised field required, nothing else allowed.

    ``extra`` adds properties the record's container attaches (a report article's ``story``).
    """
    root: dict[str, Any] = {"type": "object", "required": [], "additionalProperties": False, "properties": {}}
    for f, path, kind in _plan(cls):
        node = root
        for part in path[:-1]:
            if part not in node["properties"]:
                node["properties"][part] = {
                    "type": "object",
                    "required": [],
                    "additionalProperties": False,
                    "properties": {},
                }
                node["required"].append(part)
            node = node["properties"][part]
        node["properties"][path[-1]] = {**_type_schema(kind), **f.metadata.get("schema", {})}
        node["required"].append(path[-1])
    for name, sub in (extra or {}).items():
        root["properties"][name] = sub
        root["required"].append(name)
    return root


def _type_schema(kind: Any) -> dict[str, Any]:
    args = get_args(kind)
    if _is_union(kind) and type(None) in args:
        inner = _type_schema(_strip_optional(kind))
        if "type" in inner and isinstance(inner["type"], str) and set(inner) <= {"type"}:
            return {"type": [inner["type"], "null"]}
        if "enum" in inner:
            return {"enum": [*inner["enum"], None]}
        return {"anyOf": [inner, {"type": "null"}]}
    origin = get_origin(kind)
    if origin is Literal:
        return {"const": args[0]} if len(args) == 1 else {"enum": list(args)}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(_element_type(kind))}
    if kind is dt.date:
        return dict(ISO_DATE)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return {"enum": [m.value for m in kind]}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return schema_of(kind)
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if kind in simple:
        return {"type": simple[kind]}
    raise TypeError(f"no JSON schema for field type {kind!r}")


def _is_union(kind: Any) -> bool:
    return get_origin(kind) in (typing.Union, types.UnionType)


def _strip_optional(kind: Any) -> Any:
    if _is_union(kind):
        rest = [a for a in get_args(kind) if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return kind


def _element_type(kind: Any) -> Any:
    args = get_args(_strip_optional(kind))
    return args[0] if args else Any
