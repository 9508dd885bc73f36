"""Count mentions -> count claims: attribution, background, scope; the totals a sentence implies."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from ...nlp.sentences import ParsedSentence
from ...records import Article, CountClaim
from ...records.claims import CountEvent, Qualifier
from ..attribution import SourceMemory, attribution_for, hedge_in
from ..background import background_reason
from ..context import clause_context, clause_tokens
from ..dates import DateMention
from ..ids import ClaimIds
from ..scope import clause_scope, date_tokens, token_offsets
from . import CountMention, find_counts
from .totals import CountMemory, derived_totals, others_beside

__all__ = ["count_claims"]


def count_claims(
    article: Article,
    item: ParsedSentence,
    dates: list[DateMention],
    memory: SourceMemory,
    ids: ClaimIds,
    counted: CountMemory,
) -> tuple[list[CountClaim], set[int]]:
    """The sentence's counts as claims (derived totals after their parts), and the doc tokens they and
    the sentence's dates take, which no other figure may reuse. ``counted`` holds the article's counts so
    far, for "three others" to find the group it stands beside."""
    span, sentence = item.span, item.sentence
    mentions = find_counts(span)
    hedge = hedge_in(span) if mentions else None
    by_head: dict[int, CountClaim] = {}
    made: list[tuple[CountMention, CountClaim]] = []
    extra: list[CountClaim] = []
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
    made = _beside_earlier(article, _wounded_then_dead(made), counted.recent(sentence.index), ids, extra)
    totals = derived_totals(article, made, ids)
    claims = _within_totals([claim for _, claim in made] + extra + totals)
    counted.claims.extend(claims)
    taken = {i for mention in mentions for i in range(mention.start_token, mention.end_token)}
    return claims, taken | date_tokens(span, dates)


def _wounded_then_dead(made: list[tuple[CountMention, CountClaim]]) -> list[tuple[CountMention, CountClaim]]:
    """'Six people were wounded, two mortally': the six include the two dead, so six were shot, not injured."""
    out = list(made)
    for index, (mention, claim) in enumerate(made):
        if not mention.fatal_subset or claim.event != "killed":
            continue
        for back in range(index - 1, -1, -1):
            earlier_mention, earlier = out[back]
            if earlier.start < claim.start and not earlier.implicit and earlier.event in ("injured", "shot"):
                out[back] = (earlier_mention, replace(earlier, event="shot"))
                break
    return out


def _beside_earlier(
    article: Article,
    made: list[tuple[CountMention, CountClaim]],
    recent: list[CountClaim],
    ids: ClaimIds,
    extra: list[CountClaim],
) -> list[tuple[CountMention, CountClaim]]:
    """Read each "others" figure against the counts before it, in reading order (derived totals to ``extra``)."""
    out: list[tuple[CountMention, CountClaim]] = []
    for mention, claim in made:
        if mention.additive:
            earlier = recent + [c for _, c in made if c.start < claim.start and c.field == claim.field]
            claim, total = others_beside(claim, True, earlier, article, ids)
            if total is not None:
                extra.append(total)
        out.append((mention, claim))
    return out


def _within_totals(claims: list[CountClaim]) -> list[CountClaim]:
    """A part of a stated total that is itself summed into a larger derived total belongs to the larger one
    ("three children and two adults were found dead after a murder-suicide": the killer is among the five)."""
    holder = {part: c.id for c in claims for part in c.parts}
    return [replace(c, total_of=holder[c.total_of]) if c.total_of in holder else c for c in claims]
