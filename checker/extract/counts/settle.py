"""Settling "shot" into killed and injured once the whole article says who died.

"Shot" names what happened, not how it ended. When the copy says who died ("four shot, one
fatally"; "five people were shot ... two died") the rest were wounded, so the article also says
how many were injured; that figure is derived (``derived_from`` the shot and killed claims), never
read. When the copy says nobody died ("all five are expected to recover"), everyone shot was
injured. Otherwise the figure stays "shot".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ...lexicon.events import SURVIVAL_PHRASES
from ...records import Claim, CountClaim
from ..ids import ClaimIds

__all__ = ["settle_implicit_shootings", "settle_shootings", "survival_stated"]

_SURVIVAL = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in SURVIVAL_PHRASES) + r")\b", re.IGNORECASE)


def survival_stated(texts: Iterable[str]) -> bool:
    """Whether the copy says the people hurt lived ("are expected to recover", "no one was killed")."""
    return any(_SURVIVAL.search(text) for text in texts)


def _toll(claim: CountClaim) -> bool:
    """A count of victims as stated: not background, a subset, a part, an attacker or a derived figure."""
    return (
        not claim.background
        and not claim.partitive
        and not claim.perpetrator
        and claim.total_of is None
        and not claim.parts
        and not claim.derived_from
    )


def _dead(counts: list[CountClaim]) -> tuple[int, list[CountClaim]] | None:
    """How many died, as the claims say it: the largest exact figure, else the singular victims."""
    exact = [c for c in counts if c.event == "killed" and c.min is not None and c.min == c.max]
    killed = [c for c in exact if _toll(c)]
    # "two of the victims died": a subset of the victims, which is who died among them
    subset = [c for c in exact if c.partitive and not c.background and not c.perpetrator and c.total_of is None]
    explicit = [c for c in killed if not c.implicit]
    chosen = explicit or killed or subset
    if not chosen:
        return None
    best = max(chosen, key=lambda c: c.min or 0)
    return best.min or 0, [best]


def settle_shootings(claims: list[Claim], ids: ClaimIds, survived: bool) -> list[Claim]:
    """Add the injured figure each "N shot" implies once the article says who died (or that nobody did)."""
    counts = [c for c in claims if isinstance(c, CountClaim)]
    article_dead = _dead(counts)
    if article_dead is None and survived:
        article_dead = (0, [])
    stated_injured = any(c.event == "injured" and _toll(c) and not c.implicit for c in counts)
    out: list[Claim] = []
    for claim in claims:
        out.append(claim)
        if not isinstance(claim, CountClaim) or claim.event != "shot" or claim.implicit or not _toll(claim):
            continue
        if claim.min is None:
            continue
        same = [c for c in counts if c.sentence_index == claim.sentence_index and c.field == claim.field]
        dead = _dead(same)
        if dead is None and not stated_injured:
            dead = article_dead
        if dead is None:
            continue
        value, sources = dead
        if not 0 <= value < claim.min:
            continue
        low, high = claim.min - value, None if claim.max is None else claim.max - value
        if any(c.event == "injured" and _toll(c) and (c.min, c.max) == (low, high) for c in same):
            continue  # the sentence already says it: "five shot: two dead, three wounded"
        out.append(
            replace(
                claim,
                id=ids.next("C"),
                event="injured",
                min=low,
                max=high,
                qualifier="exact" if high is not None else "at least",
                derived_from=(claim.id, *(s.id for s in sources)),
            )
        )
    return out


def settle_implicit_shootings(claims: list[Claim]) -> list[Claim]:
    """'A man was shot' names a victim, not an outcome; the rest of the article tells which.

    A lone shooting victim in an article that reports no death was wounded ("a teen was shot
    in the leg" = one injured). When the article does report a death, a singular victim who was
    shot is that death (already counted as killed), so the shot claim adds nothing.
    """
    counts = [c for c in claims if isinstance(c, CountClaim) and not c.background]
    killed = [c for c in counts if c.event == "killed" and not c.perpetrator and not (c.min == c.max == 0)]
    out: list[Claim] = []
    for claim in claims:
        if isinstance(claim, CountClaim) and claim.implicit and claim.event == "shot" and not claim.background:
            if killed:
                if all(k.implicit and k.max == 1 for k in killed) and claim.max == 1:
                    continue  # the one victim who was shot is the one who died
                out.append(claim)
            else:
                out.append(replace(claim, event="injured"))
            continue
        out.append(claim)
    return out
