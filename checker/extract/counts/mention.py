"""A count as found in one sentence, before it becomes a ``CountClaim`` (token indexes are doc-level)."""

from __future__ import annotations

from dataclasses import dataclass

from ...records import Range

__all__ = ["CountMention"]


@dataclass(frozen=True)
class CountMention:
    """A count found in one sentence, before it becomes a ``CountClaim`` (token indexes are doc-level)."""

    start_token: int
    end_token: int  # exclusive
    range: Range
    qualifier: str
    subject: str
    subject_class: str
    event: str
    anchor: int  # token the attribution walk starts from
    head: int  # the counted noun (or the number itself)
    implicit: bool = False
    perpetrator: bool = False
    partitive: bool = False
    additive: bool = False  # "three others", "two more": a group beside one counted before it
    fatal_subset: bool = False  # "five wounded, two fatally": the dead among a group counted just before
    conj_root: int | None = None  # head of the conjunction group, for derived totals
    part_of_head: int | None = None  # for parts under "including": the total's head token
