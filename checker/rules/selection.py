"""The one place that decides which rules run and at what severity.

Selectors match a rule by id ("CNT001"), id prefix ("CNT"), name
("count-conflict-same-source"), group ("counts") or "ALL", in any case. When a rule matches both
a select and an ignore selector, the more specific selector wins (an exact id beats
a prefix, a longer prefix beats a shorter one, any prefix beats a group, a group
beats ALL); on a tie, ignore wins.

Selection is resolved once per run (``Selection.resolve``): every rule comes out with the
severity this run gives it and whether it runs, and everything downstream (the rule runner,
suppression, the report, the renderers, ``checker rules``) reads those two fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ..records import Rule, Severity

__all__ = ["Selection", "names_rule", "specificity"]


def specificity(selector: str, rule: Rule) -> int:
    """How specifically ``selector`` names ``rule``; 0 = it does not match. Case does not matter:
    ``cnt001``, ``Cnt`` and ``CNT001`` are the same selector, as an editor types them."""
    folded = selector.casefold()
    if folded in (rule.id.casefold(), rule.name.casefold()):
        return 100
    if folded.isalnum() and folded[:1].isalpha() and rule.id.casefold().startswith(folded):
        return 10 + len(selector)
    if folded == rule.group.casefold():
        return 5
    if folded == "all":
        return 1
    return 0


def names_rule(selectors: Iterable[str], rule: Rule) -> bool:
    """Whether any selector names ``rule`` (used by suppression directives, which take the same forms)."""
    return any(specificity(s, rule) for s in selectors)


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)

    def is_selected(self, rule: Rule) -> bool:
        chosen = max((specificity(s, rule) for s in (*self.select, *self.extend_select)), default=0)
        if chosen == 0:
            return False
        if not rule.enabled and chosen < 100:
            return False  # a rule that is off by default runs only when named
        dropped = max((specificity(s, rule) for s in self.ignore), default=0)
        return chosen > dropped

    def severity_for(self, rule: Rule) -> Severity:
        best: tuple[int, Severity] | None = None
        for selector, level in self.severity.items():
            score = specificity(selector, rule)
            if score and (best is None or score > best[0]):
                best = (score, level)
        return best[1] if best else rule.severity

    def resolve(self, rules: Iterable[Rule]) -> list[Rule]:
        """Rules with the severity this run gives them and whether they run, decided here once."""
        return [replace(r, severity=self.severity_for(r), selected=self.is_selected(r)) for r in rules]

    def unknown_selectors(self, rules: Iterable[Rule]) -> list[tuple[str, str]]:
        """(setting, selector) pairs that match no rule at all: almost always a typo, reported as a usage error."""
        rules = list(rules)
        settings = {
            "select": self.select,
            "extend-select": self.extend_select,
            "ignore": self.ignore,
            "severity": tuple(self.severity),
        }
        return [
            (key, selector)
            for key, selectors in settings.items()
            for selector in selectors
            if not any(specificity(selector, r) for r in rules)
        ]
