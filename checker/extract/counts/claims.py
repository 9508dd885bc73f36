"""Count mentions -> count claims: attribution, background, scope; derived totals; lone shooting victims settled."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from ...nlp.sentences import ParsedSentence
from ...records import Article, Claim, CountClaim
from ...records.claims import CountEvent, Qualifier
from ..attribution import SourceMemory, attribution_for, hedge_in
from ..background import background_reason
from ..context import clause_context, clause_tokens
from ..dates import DateMention
from ..ids import ClaimIds
from ..scope import clause_scope, date_tokens, token_offsets
from . import CountMention, find_counts

__all__ = ["count_claims", "settle_implicit_shootings"]


def count_claims(
    article: Article, item: ParsedSentence, dates: list[DateMention], memory: SourceMemory, ids: ClaimIds
) -> tuple[list[CountClaim], set[int]]:
    """The sentence's counts as claims (derived totals after their parts), and the doc tokens they and
    the sentence's dates take, which no other figure may reuse."""
    span, sentence = item.span, item.sentence
    mentions = find_counts(span)
    hedge = hedge_in(span) if mentions else None
    by_head: dict[int, CountClaim] = {}
    made: list[tuple[CountMention, CountClaim]] = []
    for mention in mentions:
        anchor = span.doc[mention.anchor]
        keep = set(range(mention.start_token, mention.end_token))
        reason = background_reason(span, anchor, dates, article.published)
        start, end = token_offsets(item, mention.start_token, mention.end_token)
        total = by_head.get(mention.part_of_head) if mention.part_of_head is not None else None
        when, where = clause_scope(span, clause_tokens(span, anchor, keep), dates)
        claim = CountClaim(
            id=ids.next("C"),
            article_id=article.id,
            sentence_index=sentence.index,
            field=sentence.field,
            start=start,
            end=end,
            text=article.field_text(sentence.field)[start:end],
            min=mention.range.min,
            max=mention.range.max,
            qualifier=cast(Qualifier, mention.qualifier),
            subject=mention.subject,
            subject_class=mention.subject_class,
            event=cast(CountEvent, mention.event),
            attribution=attribution_for(span, anchor, memory),
            hedge=hedge,
            background=reason is not None,
            background_reason=reason,
            implicit=mention.implicit,
            perpetrator=mention.perpetrator,
            partitive=mention.partitive,
            total_of=total.id if total is not None else None,
            when=when,
            where=where,
            context=clause_context(span, anchor, keep),
        )
        by_head[mention.head] = claim
        made.append((mention, claim))
    claims = [claim for _, claim in made] + _derived_totals(article, made, ids)
    taken = {i for mention in mentions for i in range(mention.start_token, mention.end_token)}
    return claims, taken | date_tokens(span, dates)


def _derived_totals(article: Article, made: list[tuple[CountMention, CountClaim]], ids: ClaimIds) -> list[CountClaim]:
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
        if any(p.min is None for p in parts):
            continue
        low = sum(p.min or 0 for p in parts)
        high = None if any(p.max is None for p in parts) else sum(p.max or 0 for p in parts)
        first, last = parts[0], parts[-1]
        out.append(
            CountClaim(
                id=ids.next("C"),
                article_id=article.id,
                sentence_index=first.sentence_index,
                field=first.field,
                start=first.start,
                end=last.end,
                text=article.field_text(first.field)[first.start : last.end],
                min=low,
                max=high,
                qualifier="at least" if high is None else "exact",
                subject="people (" + " + ".join(p.subject for p in parts) + ")",
                subject_class="people",
                event=first.event,
                attribution=first.attribution,
                hedge=first.hedge,
                background=first.background,
                background_reason=first.background_reason,
                parts=tuple(p.id for p in parts),
                context=first.context,
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
    killed = [c for c in counts if c.event == "killed" and not c.perpetrator]
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
