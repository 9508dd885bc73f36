"""Claims and sentences back from their JSON form (for the cache and for reading reports)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .models import Attribution, Claim, CountClaim, DateClaim, NameClaim, QuantityClaim, Sentence


def sentence_to_dict(sentence: Sentence) -> dict[str, Any]:
    return {
        "article": sentence.article_id,
        "index": sentence.index,
        "field": sentence.field,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "paragraph": sentence.paragraph,
    }


def sentence_from_dict(data: dict[str, Any]) -> Sentence:
    return Sentence(
        article_id=data["article"],
        index=data["index"],
        field=data["field"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        paragraph=data["paragraph"],
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def claim_from_dict(data: dict[str, Any]) -> Claim:
    base = {
        "id": data["id"],
        "article_id": data["article"],
        "sentence_index": data["sentence"],
        "field": data["field"],
        "start": data["start"],
        "end": data["end"],
        "text": data["text"],
        "context": data.get("context", ""),
    }
    kind = data["kind"]
    if kind == "count":
        attribution = data["attribution"]
        return CountClaim(
            **base,
            min=data["value"]["min"],
            max=data["value"]["max"],
            qualifier=data["qualifier"],
            subject=data["subject"],
            subject_class=data["subject_class"],
            event=data["event"],
            attribution=Attribution(attribution["source"], attribution["type"], attribution.get("cue")),
            hedge=data.get("hedge"),
            background=data["background"],
            background_reason=data.get("background_reason"),
            implicit=data["implicit"],
            perpetrator=data["perpetrator"],
            partitive=data.get("partitive", False),
            parts=tuple(data.get("parts", ())),
            total_of=data.get("total_of"),
            when=tuple(data.get("when", ())),
            where=tuple(data.get("where", ())),
        )
    if kind == "date":
        return DateClaim(
            **base,
            expression=data["expression"],
            date=_date(data["date"]),
            range_start=_date(data["range"]["start"]),
            range_end=_date(data["range"]["end"]),
            granularity=data["granularity"],
            weekday=data.get("weekday"),
            stated_date=_date(data.get("stated_date")),
            resolution=data["resolution"],
            tense=data["tense"],
            anchor=data.get("anchor"),
            about=data["about"],
            event=data.get("event"),
            definite=data.get("definite", False),
            predicated=data.get("predicated", False),
            approximate=data["approximate"],
        )
    if kind == "name":
        return NameClaim(
            **base,
            name=data["name"],
            entity_type=data["entity_type"],
            key=data["key"],
            person_key=data.get("person_key"),
            title=data.get("title"),
            role=data.get("role"),
            age=data.get("age"),
        )
    if kind == "quantity":
        return QuantityClaim(
            **base,
            min=data["value"]["min"],
            max=data["value"]["max"],
            qualifier=data["qualifier"],
            unit=data["unit"],
            when=tuple(data.get("when", ())),
            where=tuple(data.get("where", ())),
        )
    raise ValueError(f"unknown claim kind {kind!r}")
