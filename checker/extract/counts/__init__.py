"""Count claims: how many people an event happened to, with qualifier, subject and event.

A figure becomes a claim only when it counts people (or event nouns such as "deaths") and
is tied to an event word: "12 soldiers ... were killed", "killing two", "the death toll rose
to 17", "4 shot, 1 killed". Singular victims without a figure ("a man was shot and killed")
count as one, marked implicit. This package finds the mentions in one sentence:
``figures`` (explicit numbers), ``events`` (what happened), ``implicit`` (victims without a
figure), ``parts`` (parts of a stated total), ``syntax`` (shared parse helpers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..numbers import number_groups
from .figures import explicit_count
from .implicit import implicit_victims, multiples, suicides
from .mention import CountMention
from .parts import attach_parts

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

__all__ = ["CountMention", "find_counts"]


def find_counts(sent: Span) -> list[CountMention]:
    """All count mentions in a sentence, explicit first, then implicit singulars."""
    mentions: list[CountMention] = []
    used_heads: set[int] = set()
    for group in number_groups(sent):
        mention = explicit_count(sent, group)
        if mention is not None:
            mentions.append(mention)
            used_heads.add(mention.head)
    mentions.extend(multiples(sent, used_heads))
    mentions.extend(implicit_victims(sent, used_heads, mentions))
    attackers = suicides(sent, mentions)
    if attackers:
        # "he died of a self-inflicted wound": the one who died is the attacker, counted once, as the attacker
        span = set(range(attackers[0].start_token, attackers[0].end_token))
        mentions = [m for m in mentions if not (m.implicit and m.range.max == 1 and m.anchor in span)]
    mentions.extend(attackers)
    return attach_parts(sent, mentions)
