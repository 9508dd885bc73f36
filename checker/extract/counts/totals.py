"""Totals the copy implies without stating them, each a claim of its own marked as derived.

"12 soldiers and 30 opposition fighters were killed" says 42 were killed; "killed his wife before
turning the gun on himself" says two died; "a man was wounded ... two others were hurt" says three
were hurt. A derived total lists the claims it sums (``parts``), so nothing is counted twice: the
parts are never compared as totals, the derived total is. "Others" beside a group counted for
another outcome are the rest of the victims, not a subset: "one killed, four others wounded" says
four were wounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ...records import Article, CountClaim
from ..ids import ClaimIds
from .mention import CountMention

__all__ = ["CountMemory", "derived_totals", "others_beside", "sum_claim"]

_VICTIM_EVENTS = ("killed", "injured", "shot")
_RECENT_SENTENCES = 2  # how far back "others" may look for the group they stand beside


@dataclass
class CountMemory:
    """The article's counts so far, for "three others were hurt" to find the group it stands beside."""

    claims: list[CountClaim] = field(default_factory=list)

    def recent(self, sentence_index: int) -> list[CountClaim]:
        return [c for c in self.claims if sentence_index - c.sentence_index <= _RECENT_SENTENCES]


def sum_claim(article: Article, ids: ClaimIds, parts: Sequence[CountClaim], anchor: CountClaim) -> CountClaim | None:
    """A derived total of ``parts``, placed on ``anchor``'s span when the parts lie in different sentences."""
    if not parts or any(p.min is None for p in parts) or any(p.background for p in parts):
        return None
    low = sum(p.min or 0 for p in parts)
    high = None if any(p.max is None for p in parts) else sum(p.max or 0 for p in parts)
    same_sentence = all(p.sentence_index == anchor.sentence_index and p.field == anchor.field for p in parts)
    start, end = (anchor.start, anchor.end)
    if same_sentence:
        start, end = min(p.start for p in parts), max(p.end for p in parts)
    return CountClaim(
        id=ids.next("C"),
        article_id=article.id,
        sentence_index=anchor.sentence_index,
        field=anchor.field,
        start=start,
        end=end,
        text=article.field_text(anchor.field)[start:end],
        min=low,
        max=high,
        qualifier="at least" if high is None else "exact",
        subject="people (" + " + ".join(p.subject for p in parts) + ")",
        subject_class="people",
        event=anchor.event,
        attribution=anchor.attribution,
        hedge=anchor.hedge,
        parts=tuple(p.id for p in parts),
        when=anchor.when,
        where=anchor.where,
        context=anchor.context,
    )


def derived_totals(article: Article, made: list[tuple[CountMention, CountClaim]], ids: ClaimIds) -> list[CountClaim]:
    """Totals of one sentence: conjoined figures of different kinds of people, and victims plus an attacker
    who killed himself. A dead attacker counted within a stated toll joins the largest total that holds it."""
    out = _conjoined(article, made, ids)
    out += _victims_and_attacker(article, [c for _, c in made], ids)
    return out


def _conjoined(article: Article, made: list[tuple[CountMention, CountClaim]], ids: ClaimIds) -> list[CountClaim]:
    """'12 soldiers and 30 opposition fighters were killed' also says 42 were killed."""
    groups: dict[tuple[int, str], list[CountClaim]] = {}
    for mention, claim in made:
        if mention.conj_root is None or claim.total_of is not None or claim.implicit:
            continue
        groups.setdefault((mention.conj_root, claim.event), []).append(claim)
    out: list[CountClaim] = []
    for parts in groups.values():
        if len(parts) < 2 or len({p.subject_class for p in parts}) < 2:
            continue
        if any(p.subject_class == "people" for p in parts):
            continue  # "Six people, three men and three women": the generic figure is the total, not a part
        total = sum_claim(article, ids, parts, parts[0])
        if total is not None:
            out.append(total)
    return out


def _victims_and_attacker(article: Article, claims: list[CountClaim], ids: ClaimIds) -> list[CountClaim]:
    """'killed his wife before turning the gun on himself' = 2 dead; 'killing 3, then himself' = 4."""
    attackers = [c for c in claims if c.perpetrator and c.event == "killed" and c.total_of is None]
    if len(attackers) != 1:
        return []
    victims = [
        c
        for c in claims
        if c.event == "killed"
        and not c.perpetrator
        and not c.partitive
        and c.total_of is None
        and not any(c.id in other.parts for other in claims)
    ]
    explicit = [c for c in victims if not c.implicit]
    if len(explicit) > 1 or (explicit and len(victims) > 1):
        return []  # several figures for the victims: which one the attacker joins is not said
    total = sum_claim(article, ids, victims + attackers, victims[0]) if victims else None
    return [total] if total is not None else []


def others_beside(
    claim: CountClaim, additive: bool, earlier: Sequence[CountClaim], article: Article, ids: ClaimIds
) -> tuple[CountClaim, CountClaim | None]:
    """'One killed, four others wounded': the others are the rest of the victims, so four is the whole
    wounded count. 'A man was wounded ... two others were hurt': a group beside one of its own kind,
    so three were hurt in all (a derived total). Without a group to stand beside, the figure stays a subset.
    """
    if not additive or claim.event not in _VICTIM_EVENTS or claim.background or claim.perpetrator:
        return claim, None
    beside = next(
        (
            c
            for c in reversed(earlier)
            if c.event in _VICTIM_EVENTS
            and c.field == claim.field  # a headline restates the story; the others of the copy stand beside the copy
            and not c.perpetrator
            and not c.background
            and c.total_of is None
        ),
        None,
    )
    if beside is None:
        return claim, None
    outcomes = {beside.event, claim.event}
    if outcomes == {"killed", "injured"} or outcomes == {"killed", "shot"}:
        # "one dead, two others shot": the others are the ones who lived
        event = "injured" if claim.event == "shot" else claim.event
        return replace(claim, partitive=False, event=event), None
    if beside.event == claim.event and not beside.partitive:
        return claim, sum_claim(article, ids, [beside, claim], claim)
    return claim, None
