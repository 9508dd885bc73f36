"""Articles -> parsed sentences of copy.

Junk lines are dropped first (``copy_blocks``), then spaCy parses each remaining
paragraph; sentences keep offsets into the article text (or title) as read.
Parsing is batched across articles because spaCy is the slowest step per article. With a
``TimeBudget``, each paragraph's parse is charged to its article, and an article over budget
is not parsed further (its sentences come back empty; the caller reports it).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..ingest.boilerplate import copy_blocks
from ..limits import TimeBudget
from ..records import Article, Sentence
from ..records.articles import Field
from ..timing import stage
from .models import spacy_pipeline

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

# Paragraphs longer than this are split before parsing: scraped pages sometimes
# run a whole page into one line, and spaCy's cost grows with length.
_MAX_BLOCK_CHARS = 5000
# From this many paragraphs a batch is parsed by two processes (one per core, at most two): spaCy parses
# on one core, and two workers gave 1.5x on an idle 2-core machine for 24% more CPU in all (pickling the
# parses back, starting the workers). Smaller batches (a draft, a few files) are not worth the start.
_PARALLEL_FROM = 400


@dataclass(frozen=True)
class ParsedSentence:
    """A sentence record plus its spaCy parse (the parse never leaves the extraction layer)."""

    sentence: Sentence
    span: Span

    def offset(self, token_index_in_doc: int) -> int:
        """Character offset (into the article field) of a token of this sentence's doc."""
        return self.span.doc[token_index_in_doc].idx - self.span.start_char + self.sentence.start


@dataclass(frozen=True)
class _Piece:
    article_index: int
    field: Field
    start: int
    text: str
    paragraph: int


def parse_articles(
    articles: Iterable[Article], *, batch_size: int = 64, budget: TimeBudget | None = None
) -> Iterator[tuple[Article, list[ParsedSentence]]]:
    """Yield each article with its parsed sentences, in input order, as soon as its paragraphs are parsed:
    the caller extracts claims from one article while spaCy's workers parse the next, and an article's
    parses can be dropped once its claims are made (they are most of a cold run's memory). An article
    over ``budget`` comes back with no sentences (the caller reports it)."""
    articles = list(articles)
    pieces: list[_Piece] = []
    with stage("paragraphs"):
        for index, article in enumerate(articles):
            pieces.extend(_pieces(index, article))
    with stage("load spaCy"):
        nlp = spacy_pipeline()

    def over(piece: _Piece) -> bool:
        return budget is not None and budget.over(articles[piece.article_index].id)

    texts = ("" if over(p) else _parse_form(p) for p in pieces)  # lazy: an article over budget is not parsed on
    with stage("parse"):
        docs = iter(nlp.pipe(texts, batch_size=batch_size, n_process=_processes(len(pieces))))
    cursor = 0
    last = budget.clock() if budget is not None else 0.0
    for index, article in enumerate(articles):
        parsed: list[ParsedSentence] = []
        while cursor < len(pieces) and pieces[cursor].article_index == index:
            piece = pieces[cursor]
            cursor += 1
            with stage("parse"):
                doc = next(docs)
                spans = list(doc.sents)
            if budget is not None:
                now = budget.clock()
                budget.charge(article.id, now - last)  # a batch's parse lands on the piece that waited for it
                last = now
                if budget.over(article.id):
                    parsed = []
                    continue
            doc.user_data["field"] = piece.field
            for span in spans:
                text = span.text
                if not text.strip():
                    continue
                start = piece.start + span.start_char
                sentence = Sentence(
                    article_id=article.id,
                    index=len(parsed),
                    field=piece.field,
                    start=start,
                    end=start + len(text),
                    text=text,
                    paragraph=piece.paragraph,
                )
                parsed.append(ParsedSentence(sentence, span))
        if budget is not None:
            last = budget.clock()  # the caller's extraction time is charged by the caller, not to the next parse
        yield article, parsed


def _processes(paragraphs: int) -> int:
    return min(2, os.cpu_count() or 1) if paragraphs >= _PARALLEL_FROM else 1


def _parse_form(piece: _Piece) -> str:
    """Title-case headlines ("Juvenile Dies After Man Mishandles Handgun") defeat the tagger; parse them in
    sentence case. The text keeps its length, so offsets into the original still hold."""
    words = [w for w in piece.text.split() if w[:1].isalpha()]
    if piece.field == "title" and len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.7:
        lowered = piece.text.lower()
        recased = lowered[:1].upper() + lowered[1:]
        if len(recased) == len(piece.text):  # "İ".lower() is two characters: offsets would no longer hold
            return recased
    return piece.text


def _pieces(index: int, article: Article) -> list[_Piece]:
    pieces: list[_Piece] = []
    if article.title:
        pieces.append(_Piece(index, "title", 0, article.title, -1))
    for number, block in enumerate(copy_blocks(article.text, markdown=article.format == "markdown")):
        for start, text in _split_long(block.start, block.text):
            pieces.append(_Piece(index, "text", start, text, number))
    return pieces


def _split_long(start: int, text: str) -> list[tuple[int, str]]:
    if len(text) <= _MAX_BLOCK_CHARS:
        return [(start, text)]
    out: list[tuple[int, str]] = []
    cursor = 0
    while cursor < len(text):
        end = min(len(text), cursor + _MAX_BLOCK_CHARS)
        if end < len(text):
            cut = text.rfind(". ", cursor, end)
            end = cut + 1 if cut > cursor else end
        out.append((start + cursor, text[cursor:end]))
        cursor = end
        while cursor < len(text) and text[cursor] == " ":
            cursor += 1
    return out
