"""``--engine ray``: the check as Ray Data stages, locally (``ray.init()``) or on a cluster (``RAY_ADDRESS``).

1. Analyse (actors, models loaded once per actor): clean, parse, extract claims, embed each article's
   lead and the clauses its claims will be compared by. An article that fails becomes an error record.
2. Stories (the driver): story grouping reads only leads, names and incident dates, never claims.
3. Judge (one task per partition of whole stories): facts, candidate pairs and rules. Stories never
   span partitions, and every comparison happens inside a story, so the findings are those of the
   single-process run, merged and put in the same order.

Ray retries a task whose worker died and restarts a crashed actor (``max_restarts``), so a killed
worker costs time, not articles. Discovery and reading stay in the driver: they decide ids and input
errors exactly as a single-process run does, and cost little beside parsing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from ..analyse.batch import Batch
from ..analyse.stories import group_stories
from ..analyse.story_signals import StoryArticle, StoryName
from ..archive.adding import Analysed
from ..errors import CheckerError, ErrorCode
from ..records import Article, Claim, Finding, InputError, Rule, Sentence, decode
from ..rules.runner import finding_order
from .stages import Analyser, Fault, article_from_row, article_row, judge_partition, stored_extraction

__all__ = ["analyse_with_ray", "check_with_ray"]


def _start(workers: int) -> None:
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")  # before Ray starts: no C++ warnings in CI logs
    import ray

    if ray.is_initialized():
        return
    for name in ("ray", "ray.data"):  # the run's own summary is enough on a terminal or in a CI log
        logging.getLogger(name).setLevel(logging.ERROR)
    address = os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR)
    else:
        ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)


def check_with_ray(
    articles: Sequence[Article],
    rules: Sequence[Rule],
    *,
    workers: int = 2,
    batch_size: int = 32,
    fault: Fault | None = None,
) -> tuple[Batch, list[Finding], list[InputError]]:
    """The batch (articles, sentences, claims, stories) and the findings, as a single-process run gives them."""

    order = {a.id: i for i, a in enumerate(articles)}
    analysed = _analysed(articles, workers, batch_size, fault).materialize()
    light = analysed.select_columns(["article", "lead", "story", "error"]).take_all()
    story_inputs = [_story_input(row) for row in light]
    stories = group_stories(story_inputs) if story_inputs else {}
    partitions = _partitions(stories, max(1, workers * 2))

    def assign(batch: dict[str, Any]) -> dict[str, Any]:
        ids = [json.loads(a)["id"] for a in batch["article"]]
        return {**batch, "story_id": [stories[i] for i in ids], "partition": [partitions[stories[i]] for i in ids]}

    judged = analysed.map_batches(assign, batch_size=batch_size)
    found = (
        judged.groupby("partition", num_partitions=len(set(partitions.values())) or 1)
        .map_groups(judge_partition, fn_kwargs={"rules": list(rules), "order": order}, batch_format="default")
        .take_all()
    )
    findings = sorted((decode(Finding, json.loads(r["finding"])) for r in found), key=lambda f: finding_order(f, order))
    batch, errors = _report_batch(analysed, stories, order)
    return batch, findings, errors


def _analysed(articles: Sequence[Article], workers: int, batch_size: int, fault: Fault | None) -> Any:
    """The analysis stage: a dataset of analysed articles, in the order given."""
    import ray.data

    _start(workers)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    with warnings.catch_warnings():  # Ray names its actor fault-tolerance arguments differently release to release
        warnings.simplefilter("ignore")
        return ray.data.from_items([article_row(a) for a in articles]).map_batches(
            Analyser,
            fn_constructor_kwargs={"fault": fault} if fault is not None else None,
            batch_size=batch_size,
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
            ray_remote_args_fn=lambda: {"max_restarts": 3, "max_task_retries": 3},  # a killed worker is retried
        )


def analyse_with_ray(articles: Sequence[Article], *, workers: int = 2, batch_size: int = 32) -> Iterator[Analysed]:
    """``archive add --engine ray``: articles analysed by Ray, streamed back in order for placement."""
    for row in _analysed(articles, workers, batch_size, None).iter_rows():
        if row["error"]:
            raise CheckerError(ErrorCode.ARTICLE_FAILED, f"{article_from_row(row).path}: {row['error']}")
        sentences, claims = stored_extraction(row)
        vectors = {k: np.asarray(v, dtype=np.float32) for k, v in json.loads(row["vectors"]).items()}
        yield Analysed(article_from_row(row), sentences, claims, _story_input(row), vectors)


def _story_input(row: dict[str, Any]) -> StoryArticle:
    article = article_from_row(row)
    data = json.loads(row["story"])
    names = tuple(StoryName(k, t, bool(r), bool(o)) for k, t, r, o in data["names"])
    dates = frozenset(dt.date.fromisoformat(d) for d in data["dates"])
    return StoryArticle(article.id, article.published, np.asarray(row["lead"], dtype=np.float32), names, dates)


def _partitions(stories: dict[str, str], count: int) -> dict[str, int]:
    """Whole stories to partitions, largest first onto the least loaded (sizes stay even)."""
    sizes: dict[str, int] = {}
    for story in stories.values():
        sizes[story] = sizes.get(story, 0) + 1
    load = [0] * count
    out: dict[str, int] = {}
    for story in sorted(sizes, key=lambda s: (-sizes[s], s)):
        target = min(range(count), key=lambda i: (load[i], i))
        out[story] = target
        load[target] += sizes[story]
    return out


def _report_batch(analysed: Any, stories: dict[str, str], order: dict[str, int]) -> tuple[Batch, list[InputError]]:
    """What the report lists: every article with its claims (streamed from the workers' results)."""
    articles: list[Article] = []
    sentences: list[Sentence] = []
    claims: list[Claim] = []
    errors: list[InputError] = []
    for row in analysed.iter_rows():
        article = article_from_row(row)
        got_sentences, got_claims = stored_extraction(row)
        articles.append(article)
        sentences.extend(got_sentences)
        claims.extend(got_claims)
        if row["error"]:
            errors.append(
                InputError(path=article.path, code=ErrorCode.ARTICLE_FAILED, message=f"{article.id}: {row['error']}")
            )
    index = sorted(range(len(articles)), key=lambda i: order[articles[i].id])
    return Batch(
        articles=tuple(articles[i] for i in index),
        sentences=tuple(sorted(sentences, key=lambda s: (order[s.article_id], s.index))),
        claims=tuple(sorted(claims, key=lambda c: order[c.article_id])),
        stories=stories,
    ), errors
