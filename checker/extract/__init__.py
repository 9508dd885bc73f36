"""Sentences -> claims. The only layer that looks at spaCy parses.

``extract_article`` turns one article's parsed sentences into immutable claim
records with exact spans; nothing downstream needs the parse again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..models import Article, Claim, CountClaim, DateClaim, NameClaim, QuantityClaim
from ..sentences import ParsedSentence
from .attribution import SourceMemory, attribution_for, hedge_in, remember_sentence_source
from .background import background_reason
from .context import clause_context, clause_tokens
from .counts import CountMention, find_counts
from .dates import find_dates
from .measures import find_measures
from .names import find_names, fold_name

__all__ = ["extract_article"]


def extract_article(article: Article, parsed: list[ParsedSentence]) -> tuple[Claim, ...]:
    """All claims of one article, in reading order, with ids unique within the article."""
    claims: list[Claim] = []
    memory = SourceMemory()
    counter: Counter[str] = Counter()

    def next_id(prefix: str) -> str:
        counter[prefix] += 1
        return f"{article.id}#{prefix}{counter[prefix]}"

    for item in parsed:
        sentence = item.sentence
        span = item.span
        base = sentence.start - span.start_char  # doc char offset -> field offset
        dates = find_dates(span, article.published)
        for mention in dates:
            start = sentence.start + mention.start_char
            end = sentence.start + mention.end_char
            claims.append(
                DateClaim(
                    id=next_id("D"),
                    article_id=article.id,
                    sentence_index=sentence.index,
                    field=sentence.field,
                    start=start,
                    end=end,
                    text=mention.expression,
                    expression=mention.expression,
                    date=mention.date,
                    range_start=mention.range_start,
                    range_end=mention.range_end,
                    granularity=mention.granularity,
                    weekday=mention.weekday,
                    stated_date=mention.stated_date,
                    resolution=mention.resolution,
                    tense=mention.tense,
                    anchor=mention.anchor,
                    about=mention.about,
                    event=mention.event,
                    definite=mention.definite,
                    predicated=mention.predicated,
                    approximate=mention.approximate,
                    context=clause_context(span, span.doc[mention.anchor_index], {mention.token_index}),
                )
            )
        mentions = find_counts(span)
        hedge = hedge_in(span) if mentions else None
        by_head: dict[int, CountClaim] = {}
        sentence_counts: list[tuple[CountMention, CountClaim]] = []
        for mention in mentions:
            doc = span.doc
            anchor = doc[mention.anchor]
            attribution = attribution_for(span, anchor, memory)
            reason = background_reason(span, anchor, dates, article.published)
            start = doc[mention.start_token].idx + base
            last = doc[mention.end_token - 1]
            end = last.idx + len(last.text) + base
            text = _field_text(article, sentence.field)[start:end]
            total = by_head.get(mention.part_of_head) if mention.part_of_head is not None else None
            scope = clause_tokens(span, anchor, set(range(mention.start_token, mention.end_token)))
            when, where = _scope(span, scope, dates)
            claim = CountClaim(
                id=next_id("C"),
                article_id=article.id,
                sentence_index=sentence.index,
                field=sentence.field,
                start=start,
                end=end,
                text=text,
                min=mention.range.min,
                max=mention.range.max,
                qualifier=mention.qualifier,
                subject=mention.subject,
                subject_class=mention.subject_class,
                event=mention.event,
                attribution=attribution,
                hedge=hedge,
                background=reason is not None,
                background_reason=reason,
                implicit=mention.implicit,
                perpetrator=mention.perpetrator,
                partitive=mention.partitive,
                total_of=total.id if total is not None else None,
                when=when,
                where=where,
                context=clause_context(span, anchor, set(range(mention.start_token, mention.end_token))),
            )
            by_head[mention.head] = claim
            sentence_counts.append((mention, claim))
            claims.append(claim)
        claims.extend(_derived_totals(article, sentence_counts, next_id))
        taken = {i for mention in mentions for i in range(mention.start_token, mention.end_token)}
        taken |= {span.doc[0].i + t.i - span.doc[0].i for t in span if _in_any(t.idx - span.start_char, dates)}
        for measure in find_measures(span, taken):
            doc = span.doc
            anchor = doc[measure.anchor]
            start = doc[measure.start_token].idx + base
            last = doc[measure.end_token - 1]
            end = last.idx + len(last.text) + base
            keep = set(range(measure.start_token, measure.end_token))
            when, where = _scope(span, clause_tokens(span, anchor, keep), dates)
            claims.append(
                QuantityClaim(
                    id=next_id("Q"),
                    article_id=article.id,
                    sentence_index=sentence.index,
                    field=sentence.field,
                    start=start,
                    end=end,
                    text=_field_text(article, sentence.field)[start:end],
                    min=measure.range.min,
                    max=measure.range.max,
                    qualifier=measure.qualifier,
                    unit=measure.unit,
                    when=when,
                    where=where,
                    context=clause_context(span, anchor, keep),
                )
            )
        if not mentions:
            remember_sentence_source(span, memory)
        for mention in find_names(span):
            claims.append(
                NameClaim(
                    id=next_id("N"),
                    article_id=article.id,
                    sentence_index=sentence.index,
                    field=sentence.field,
                    start=sentence.start + mention.start_char,
                    end=sentence.start + mention.end_char,
                    text=mention.name,
                    name=mention.name,
                    entity_type=mention.entity_type,
                    key=mention.key,
                    title=mention.title,
                    role=mention.role,
                    age=mention.age,
                )
            )
    return tuple(_link_people(_settle_implicit_shootings(claims)))


_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _in_any(char: int, dates) -> bool:
    return any(d.start_char <= char < d.end_char for d in dates)


def _scope(span, tokens, dates) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """When and where the clause puts a figure's event: two figures dated or placed apart are different facts."""
    if not tokens:
        return (), ()
    low = tokens[0].idx - span.start_char
    high = tokens[-1].idx + len(tokens[-1].text) - span.start_char
    when = sorted({d.date.isoformat() for d in dates if d.date and d.granularity == "day" and low <= d.start_char < high})
    indexes = {t.i for t in tokens}
    where = sorted({fold_name(e.text) for e in span.ents if e.label_ in _PLACE_LABELS and e.start in indexes and len(e.text) > 2})
    return tuple(when), tuple(where)


def _settle_implicit_shootings(claims: list[Claim]) -> list[Claim]:
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


def _field_text(article: Article, field: str) -> str:
    return article.title or "" if field == "title" else article.text


def _derived_totals(article: Article, sentence_counts: list[tuple[CountMention, CountClaim]], next_id) -> list[CountClaim]:
    """'12 soldiers and 30 opposition fighters were killed' also says 42 were killed."""
    groups: dict[tuple[int, str], list[CountClaim]] = {}
    for mention, claim in sentence_counts:
        if mention.conj_root is None or claim.total_of is not None or claim.implicit:
            continue
        groups.setdefault((mention.conj_root, claim.event), []).append(claim)
    out: list[CountClaim] = []
    for (_, event), parts in groups.items():
        if len(parts) < 2 or len({p.subject_class for p in parts}) < 2:
            continue
        if any(p.subject_class == "people" for p in parts):
            continue  # "Six people, three men and three women": the generic figure is the total, not a part
        if any(p.min is None for p in parts):
            continue
        low = sum(p.min or 0 for p in parts)
        high = None if any(p.max is None for p in parts) else sum(p.max or 0 for p in parts)
        first, last = parts[0], parts[-1]
        text = _field_text(article, first.field)[first.start : last.end]
        out.append(
            CountClaim(
                id=next_id("C"),
                article_id=article.id,
                sentence_index=first.sentence_index,
                field=first.field,
                start=first.start,
                end=last.end,
                text=text,
                min=low,
                max=high,
                qualifier="at least" if high is None else "exact",
                subject="people (" + " + ".join(p.subject for p in parts) + ")",
                subject_class="people",
                event=event,
                attribution=first.attribution,
                hedge=first.hedge,
                background=first.background,
                background_reason=first.background_reason,
                parts=tuple(p.id for p in parts),
                context=first.context,
            )
        )
    return out


def _link_people(claims: list[Claim]) -> list[Claim]:
    """Tie surname-only mentions to the full name they follow, so ages and titles meet on one person key.

    The entity recogniser sometimes takes a surname alone for a place ("Nazarov, 56,"); a
    single word that is the surname of a person named earlier in the article is that person.
    """
    full_names: dict[str, str] = {}
    out: list[Claim] = []
    for claim in claims:
        if not isinstance(claim, NameClaim):
            out.append(claim)
            continue
        words = claim.name.split()
        person: str | None = None
        kind = claim.entity_type
        if kind == "person" and len(words) >= 2:
            person = claim.key
            full_names.setdefault(_surname_key(words[-1]), person)
        elif len(words) == 1 and _surname_key(claim.name) in full_names:
            person = full_names[_surname_key(claim.name)]
            kind = "person"
        elif kind == "person":
            person = claim.key
        if kind == "person":
            out.append(replace(claim, entity_type=kind, person_key=person))
        else:
            out.append(replace(claim, title=None, age=None, role=None))
    return out


def _surname_key(surname: str) -> str:
    return fold_name(surname)
