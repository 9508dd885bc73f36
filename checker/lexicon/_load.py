"""The one loader for the lexicon's data files (safe YAML, read once per process)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["data_files", "load"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_files() -> list[Path]:
    """Every data file, so the claim cache can key on what shapes claims."""
    root = Path(str(resources.files("checker.lexicon") / "data"))
    return sorted(root.glob("*.yaml"))


@cache
def load(name: str) -> dict[str, Any]:
    """The mapping in ``data/<name>.yaml``."""
    text = (resources.files("checker.lexicon") / "data" / f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader (the C one when available)
    if not isinstance(data, dict):  # pragma: no cover - guarded by the lexicon tests
        raise ValueError(f"lexicon/data/{name}.yaml must hold a mapping")
    return data
