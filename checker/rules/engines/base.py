"""What an engine is: code that judges claims for every rule file that names it, and helpers they share.

Rules are data (``rules/*.yaml``): an id, a name, a severity, a message template and params.
An engine declares the params it accepts as JSON Schema, defaults included (filled in when
rules load, so ``checker rules explain`` shows every value in force), and the template
fields its hits fill, so a typo in a rule file fails at load time, not in the middle of a run.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from ...records import Hit, Rule

if TYPE_CHECKING:  # pragma: no cover - engines read the batch, they never build it
    from ...analyse.batch import Batch

__all__ = ["SCOPE", "Engine", "in_scope", "keep_best"]

# The ``scope`` param several engines take: compare claims within one article, across articles, or both.
SCOPE: dict[str, Any] = {"enum": ["any", "article", "batch"], "default": "any"}


class Engine(Protocol):
    name: ClassVar[str]
    params_schema: ClassVar[dict[str, Any]]
    fields: ClassVar[frozenset[str]]

    def run(self, rule: Rule, batch: Batch) -> Iterable[Hit]: ...


def in_scope(scope: str, same_article: bool) -> bool:
    """Whether a pair of claims falls in the rule's ``scope`` (any / article / batch)."""
    return scope == "any" or (scope == "article") == same_article


K = TypeVar("K", bound=Hashable)


def keep_best(best: dict[K, Hit], key: K, hit: Hit) -> None:
    """Keep one hit per key: the highest-scoring (the first on a tie)."""
    if key not in best or best[key].score < hit.score:
        best[key] = hit
